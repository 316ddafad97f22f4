"""django-axes as we use it: whose address a failed login counts against, and the page
shown when it refuses a login after too many wrong passwords."""

import ipaddress

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def client_address(request: HttpRequest) -> str | None:
    """The client's address as the last of our ``REVERSE_PROXY_COUNT`` proxies received it.

    Each proxy appends the address it was reached from to X-Forwarded-For, so the client
    is the n-th entry from the right; anything further left was written by the client and
    is not trusted. Without proxies, or with a header shorter than expected (a request
    that bypassed them), the connecting address counts.
    """
    connecting = request.META.get("REMOTE_ADDR")
    proxies = settings.REVERSE_PROXY_COUNT
    if not proxies:
        return connecting
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < proxies:
        return connecting
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return connecting


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
