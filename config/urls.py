from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("participants.urls")),
    path("", include("visits.urls")),
    path("", include("visits.booklet_urls")),
]

# Uploaded resources and rendered booklets are never served from MEDIA_URL, not even in
# development: views check who may read each file (see visits.views, participants.views).
