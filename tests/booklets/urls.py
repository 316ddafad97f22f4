"""URLs for booklet tests: the project's URLs, the booklet URLs as config/urls.py includes
them, a personal route as participants/urls.py wires it, and a visit admin with the panel."""

from django.contrib import admin
from django.http import Http404
from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns
from participants.models import Participant
from visits import booklet_views
from visits.admin import VisitAdmin
from visits.admin_booklets import BookletInline, VisitBookletsAdminMixin
from visits.models import Visit


def personal_booklet(request, token, languages, paper):
    participant = Participant.objects.filter(access_token=token).select_related("visit").first()
    if participant is None:
        raise Http404
    return booklet_views.participant_booklet(request, participant, languages, paper)


class BookletVisitAdmin(VisitBookletsAdminMixin, VisitAdmin):
    readonly_fields = (*VisitAdmin.readonly_fields, "booklets_panel")
    fieldsets = (*VisitAdmin.fieldsets, ("Booklets", {"fields": ("booklets_panel",)}))
    inlines = (*VisitAdmin.inlines, BookletInline)


site = admin.AdminSite(name="admin")
site._registry.update(admin.site._registry)
site.unregister(Visit)
site.register(Visit, BookletVisitAdmin)

urlpatterns = [
    path("admin/", site.urls),
    path("", include("visits.booklet_urls")),
    path("p/<str:token>/booklet/<str:languages>/<str:paper>/", personal_booklet, name="personal"),
    *[pattern for pattern in project_urlpatterns if "admin" not in str(pattern.pattern)],
]
