from django.urls import path

from visits.logistics import views

app_name = "logistics"
urlpatterns = [
    path("s/<str:token>/", views.staff_page, name="staff"),
]
