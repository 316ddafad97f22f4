from django.urls import path

from visits.booklets import views

app_name = "booklets"
urlpatterns = [
    path(
        "v/<slug:slug>/booklet/<str:languages>/<str:paper>/",
        views.public_booklet,
        name="public",
    ),
    path(
        "p/<str:token>/booklet/delegation/<str:languages>/<str:paper>/",
        views.delegation_booklet,
        name="delegation",
    ),
    path(
        "p/<str:token>/booklet/<str:languages>/<str:paper>/",
        views.personal_booklet,
        name="personal",
    ),
]
