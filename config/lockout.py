"""The page shown when django-axes refuses a login after too many wrong passwords."""

from axes.helpers import get_client_username, get_cool_off
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def login_locked_out(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """The admin's own page, in the reader's language, saying how long to wait and what to do."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": admin.site.site_title,
        "username": get_client_username(request, credentials) or "",
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    response = TemplateResponse(request, "admin/lockout.html", context, status=429)
    return response.render()
