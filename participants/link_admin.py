"""Personal-link e-mails in the admin: who got the link, who did not and why.

Each e-mail is recorded when the organiser asks for it (``participant_links_send_later``);
the list shows, for the delegations of the user's visits, the ones that left, those still
on their way, and those that did not reach their participant, with the reason in the
organiser's language and the mail server's own words beside it.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from organisations.selectors import organisation_scope
from participants.models import LinkMailing


def mailings_url(*, visit_id: int) -> str:
    """The list of a visit's personal-link e-mails, newest first."""
    return (
        reverse("admin:participants_linkmailing_changelist")
        + f"?participant__visit__id__exact={visit_id}"
    )


class LinkMailingReadOnly:
    """What was sent is a record: read, never edited nor added by hand."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("why not delivered"))
    def reason(self, mailing: LinkMailing) -> str:
        if mailing.status == LinkMailing.Status.NO_ADDRESS:
            return gettext("The participant has no e-mail address.")
        if mailing.status == LinkMailing.Status.FAILED:
            words = ngettext(
                "The mail server refused it, after %(count)d attempt.",
                "The mail server refused it, even after %(count)d attempts.",
                mailing.attempts,
            ) % {"count": mailing.attempts}
            return format_html("{}<br><code>{}</code>", words, mailing.error)
        if mailing.status == LinkMailing.Status.PENDING and mailing.error:
            # The task retries; the organiser sees why it is late.
            return format_html(
                "{}<br><code>{}</code>",
                gettext("The mail server did not take it yet; it is tried again."),
                mailing.error,
            )
        return ""

    @admin.display(description=_("still the current link"), boolean=True)
    def current(self, mailing: LinkMailing) -> bool | None:
        if not mailing.link:
            return None
        return mailing.link.rstrip("/").endswith(mailing.participant.access_token)


class LinkMailingInline(LinkMailingReadOnly, admin.TabularInline):
    model = LinkMailing
    extra = 0
    fields = (
        "asked_at",
        "sent_to",
        "status",
        "reason",
        "sent_at",
        "language",
        "sent_by",
        "current",
    )
    readonly_fields = fields
    verbose_name_plural = _("personal link e-mails sent")


@admin.register(LinkMailing)
class LinkMailingAdmin(LinkMailingReadOnly, admin.ModelAdmin):
    list_display = (
        "participant",
        "sent_to",
        "status",
        "reason",
        "asked_at",
        "sent_at",
        "sent_by",
        "current",
    )
    list_filter = ("status", ("participant__visit", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("participant", "participant__visit", "sent_by")
    search_fields = ("participant__name_latin", "participant__name_native", "sent_to")
    fields = (
        "participant",
        "sent_to",
        "language",
        "subject",
        "status",
        "reason",
        "attempts",
        "asked_at",
        "sent_at",
        "sent_by",
        "current",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(organisation_scope(user=request.user, path="participant__visit__organiser"))
        )
