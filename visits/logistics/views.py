"""A staff member's own page, reached through their secret personal link (/s/<token>/).

Like a participant's page: every wrong token is the same 404, nothing is cached by shared
caches, nothing leaks the link in a Referer. It shows the member's assignments only.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from visits.logistics.selectors import staff_by_token, staff_days
from visits.personal import personal
from visits.selectors import language_or_default
from visits.views import language_links, zone_label


@require_safe
@personal
def staff_page(request: HttpRequest, token: str) -> HttpResponse:
    member = staff_by_token(token=token)
    if member is None:
        raise Http404
    visit = member.visit
    language = language_or_default(
        requested=request.GET.get("lang"), default=member.preferred_language
    )
    days = staff_days(visit=visit, language=language, member=member)[0][1]
    with translation.override(language), timezone.override(visit.zone):
        response = render(
            request,
            "itinerary/staff.html",
            {
                "member": member,
                "visit": visit,
                "days": days,
                "language": language,
                "language_links": language_links(request.path, current=language),
                "zone_label": zone_label(visit),
                "rendered_at": timezone.now().astimezone(visit.zone),
            },
        )
    response.headers["Content-Language"] = language
    return response
