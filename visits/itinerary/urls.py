from django.urls import path

from visits.itinerary import views

app_name = "itinerary"
urlpatterns = [
    # The worker script sits at the top of /p/ so that its scope covers every itinerary.
    path("p/service-worker.js", views.service_worker, name="service_worker"),
    path("p/", views.service_worker_scope, name="service_worker_scope"),
    path("p/<str:token>/", views.itinerary, name="page"),
    path("p/<str:token>/calendar.ics", views.itinerary_calendar, name="calendar"),
    path("p/<str:token>/manifest.webmanifest", views.itinerary_manifest, name="manifest"),
    path("p/<str:token>/resources/<int:pk>/", views.itinerary_resource, name="resource"),
]
