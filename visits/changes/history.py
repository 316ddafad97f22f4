"""The change history of a visit's programme, kept by django-simple-history.

Every save of a visit, its days, sessions, partner roles and the shared organisations,
people and venues it uses writes a historical row with who, when and every column, the
translated ones included. The history models must be built *after* modeltranslation has
added ``title_ru``, ``title_fr``… to the tracked models, or those columns would be missing
from the history; so ``history_register`` is called at the end of ``visits.translation``
(modeltranslation imports every app's ``translation`` module in INSTALLED_APPS order, and
``organisations`` comes before ``visits``), never from ``models``.

All history models live in the ``visits`` app (``app="visits"``) so that one migration of
this app holds them, and ``organisations`` keeps knowing nothing of visits.

A session's hosts, speakers and groups are many-to-many: their history is kept with
``m2m_fields``, so a change of hosts alone is a new historical row of the session.
"""

from __future__ import annotations

from simple_history import register
from simple_history.models import HistoricalRecords

_registered = False


class ProgrammeHistory(HistoricalRecords):
    """simple-history's records, also when a many-to-many changes from its other side.

    ``group.sessions.clear()`` or ``organisation.hosted_sessions.add(session)`` send the
    signal with the group or the organisation as ``instance``; simple-history would then
    try to record *their* history. The sessions are what changed: each gets its record.
    """

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        tracked = kwargs["model"]
        if action == "pre_clear":
            instance._history_cleared = set(
                tracked.objects.filter(**{attr: instance}).values_list("pk", flat=True)
            )
            return None
        if action == "post_clear":
            pk_set = getattr(instance, "_history_cleared", set())
        elif action not in ("post_add", "post_remove"):
            return None
        for changed in tracked.objects.filter(pk__in=pk_set or ()):
            super().m2m_changed(changed, action, attr, {instance.pk}, False, **kwargs)
        return None


def history_register() -> None:
    """Track the programme's models; safe to call twice (the translation module may be
    imported again by a test that reloads it)."""
    global _registered
    if _registered:
        return
    _registered = True
    from organisations.models import Organisation, Person, Venue
    from visits.models import Day, EmergencyContact, Phase, Session, Visit, VisitOrganisation

    # The visit's own changes; its updated_at changes on every save and says nothing.
    register(Visit, app="visits", excluded_fields=["updated_at", "programme_revision"])
    register(Day, app="visits")
    register(Phase, app="visits", m2m_fields=["groups"], records_class=ProgrammeHistory)
    register(
        Session,
        app="visits",
        excluded_fields=["updated_at"],
        m2m_fields=["hosts", "speakers", "groups"],
        records_class=ProgrammeHistory,
    )
    register(VisitOrganisation, app="visits")
    register(EmergencyContact, app="visits")
    # Shared records: a venue's new address moves every session held there. Organising
    # staff (``members``) is not programme and is not tracked.
    register(Organisation, app="visits", excluded_fields=["updated_at"])
    register(Person, app="visits", excluded_fields=["updated_at"])
    register(Venue, app="visits", excluded_fields=["updated_at"])
