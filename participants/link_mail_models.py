"""The record of personal links sent by e-mail: who was sent what, and when.

Imported at the bottom of ``participants/models.py`` so that Django sees it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["LinkMailing"]


class LinkMailing(models.Model):
    """One e-mail carrying a participant's personal link."""

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="link_mailings",
        on_delete=models.CASCADE,
    )
    sent_to = models.EmailField(_("sent to"))
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=300)
    link = models.CharField(_("link sent"), max_length=300)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal link e-mail")
        verbose_name_plural = _("personal link e-mails")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.sent_to} {self.sent_at:%Y-%m-%d %H:%M}"

    @property
    def link_is_current(self) -> bool:
        return self.link.rstrip("/").endswith(self.participant.access_token)
