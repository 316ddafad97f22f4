"""Admin actions on participants, to be wired into ParticipantAdmin.actions."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from participants.services import participant_link_reissue


@admin.action(description=_("Revoke and reissue the personal link"))
def revoke_and_reissue_links(modeladmin, request, queryset):
    count = 0
    for participant in queryset:
        participant_link_reissue(participant=participant)
        count += 1
    modeladmin.message_user(
        request,
        ngettext(
            "The personal link of %(count)d participant was replaced; the old link no "
            "longer works. Send the new one.",
            "The personal links of %(count)d participants were replaced; the old links no "
            "longer work. Send the new ones.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


revoke_and_reissue_links.short_description = _("Revoke and reissue the personal link")
