from django.urls import path

from visits import views

app_name = "visits"
urlpatterns = [
    path("v/<slug:slug>/", views.public_programme, name="public_programme"),
    path("v/<slug:slug>/programme.ics", views.public_calendar, name="public_calendar"),
    path("v/<slug:slug>/resources/<int:pk>/", views.public_resource, name="public_resource"),
    # The admin links an uploaded file at its storage address; MEDIA_URL is "/media/".
    path("media/resources/<path:name>", views.organiser_resource, name="organiser_resource"),
]
