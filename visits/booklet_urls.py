from django.urls import path

from visits import booklet_views

app_name = "booklets"
urlpatterns = [
    path(
        "v/<slug:slug>/booklet/<str:languages>/<str:paper>/",
        booklet_views.public_booklet,
        name="public",
    ),
]
