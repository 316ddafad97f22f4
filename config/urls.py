from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from config.health import health

admin.site.site_header = _("Study visits: programmes and delegations")
admin.site.site_title = _("Study visits")
admin.site.index_title = _("Programmes, delegations and the organisations you work with")

urlpatterns = [
    # For the load balancer: no language prefix, no session, no redirect to https.
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("visits.itinerary.urls")),
    path("", include("visits.urls")),
    path("", include("visits.booklets.urls")),
    path("", include("visits.logistics.urls")),
]

# Uploaded resources and rendered booklets are never served from MEDIA_URL, not even in
# development: views check who may read each file (see visits.views, visits.itinerary.views).
