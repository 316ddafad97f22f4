from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from config.health import health

admin.site.site_header = _("Study visits: programmes and delegations")
admin.site.site_title = _("Study visits")
admin.site.index_title = _("Programmes, delegations and the organisations you work with")
# The password pages are the admin's templates outside the admin: they carry its header.
PORTAL_HEADER = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}

urlpatterns = [
    # For the load balancer: no language prefix, no session, no redirect to https.
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # An organiser chooses their own password through the link they were sent.
    path(
        "accounts/password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(extra_context=PORTAL_HEADER),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=PORTAL_HEADER),
        name="password_reset_complete",
    ),
    path("", include("visits.itinerary.urls")),
    path("", include("visits.urls")),
    path("", include("visits.booklets.urls")),
    path("", include("visits.logistics.urls")),
]

# Uploaded resources and rendered booklets are never served from MEDIA_URL, not even in
# development: views check who may read each file (see visits.views, visits.itinerary.views).
