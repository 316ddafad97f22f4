"""The programme revision: a counter on Visit that every save of what a booklet prints bumps.

A booklet download used to read and hash the whole programme only to find the file it had
stored (content_version in version.py). The counter lets it find the file by (visit, mode,
participant, revision) in one query instead; the content is read only when the revision is
new, and then the stored booklet of the same content, if any, is found and keyed again.

Every input of ``booklet_content`` bumps it, through signals so that the admin, services,
imports and the shell are all covered:

- the visit itself, its days, phases, sessions, resources, emergency contacts and partner
  roles (saves and deletions);
- the sessions' hosts, speakers and groups, a phase's groups, a participant's groups (the
  many-to-many changes, from either side);
- groups and participants (a personal booklet prints the name and follows the groups);
- shared records, for every visit that uses them: organisations (organiser, partner roles,
  session hosts, the organisation of a speaker), venues and people.

What is not a row (labels' translations, templates, print CSS, fonts, SITE_URL) is in the
key as the layout fingerprint. ``QuerySet.update()`` and ``bulk_create`` send no signal: code
that uses them on these models calls ``programme_revision_bump`` itself.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Journey, Participant, StaffMember, Stay
from visits.booklets.version import layout_fingerprint
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    Visit,
    VisitOrganisation,
)

# Rows that belong to one visit: a change bumps that visit.
VISIT_PARTS = (
    Day,
    Phase,
    Session,
    Resource,
    EmergencyContact,
    VisitOrganisation,
    Group,
    Participant,
    StaffMember,
)

# Rows that belong to one participant: a personal booklet prints their journeys and nights.
PARTICIPANT_PARTS = (Journey, Stay)


def programme_revision_bump(*, visit_ids: Iterable[int | None]) -> None:
    ids = {visit_id for visit_id in visit_ids if visit_id}
    if ids:
        Visit.objects.filter(pk__in=ids).update(programme_revision=F("programme_revision") + 1)


@functools.cache
def _layout_key() -> str:
    digest = hashlib.sha256(f"{layout_fingerprint()}|{settings.SITE_URL}".encode())
    return digest.hexdigest()[:16]


def programme_key(visit: Visit) -> str:
    """What a stored booklet is current for: the visit's revision and today's layout."""
    return programme_key_of(visit.programme_revision)


def programme_key_of(revision: int) -> str:
    """``programme_key`` of a visit whose revision was read on its own."""
    return f"{revision}.{_layout_key()}"


def programme_key_expression():
    """``programme_key`` computed by the database from the visit row, for a lookup that is
    right even when the caller's visit instance predates the last edit."""
    return Concat(Cast("visit__programme_revision", CharField()), Value(f".{_layout_key()}"))


def visits_using(record) -> set[int]:
    """The visits whose booklets print a shared record."""
    if isinstance(record, Organisation):
        query = (
            Q(organiser=record)
            | Q(organisation_roles__organisation=record)
            | Q(sessions__hosts=record)
            | Q(sessions__speakers__organisation=record)
        )
    elif isinstance(record, Person):
        query = Q(sessions__speakers=record)
    elif isinstance(record, Venue):
        # A hotel's address and phone are printed in its guests' personal booklets.
        query = Q(sessions__venue=record) | Q(participants__stays__hotel=record)
    else:
        return set()
    return set(Visit.objects.filter(query).values_list("pk", flat=True).distinct())


def _visit_saved(sender, instance: Visit, raw=False, **kwargs) -> None:
    if not raw:
        programme_revision_bump(visit_ids=[instance.pk])


def _part_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        programme_revision_bump(visit_ids=[instance.visit_id])


def _participant_part_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        programme_revision_bump(
            visit_ids=Participant.objects.filter(pk=instance.participant_id).values_list(
                "visit_id", flat=True
            )
        )


def _shared_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        programme_revision_bump(visit_ids=visits_using(instance))


# A deletion cascades: the rows that said where a record was used are gone after it.
def _shared_deleting(sender, instance, **kwargs) -> None:
    instance._booklet_visits = visits_using(instance)


def _shared_deleted(sender, instance, **kwargs) -> None:
    programme_revision_bump(visit_ids=getattr(instance, "_booklet_visits", ()))


def _relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """A many-to-many change from either side: session.hosts.add(org), org.hosted_sessions..."""
    if action not in {"post_add", "post_remove", "pre_clear", "post_clear"}:
        return
    if not reverse:
        # The owner (a session, phase or participant) belongs to one visit.
        if action != "pre_clear":
            programme_revision_bump(visit_ids=[instance.visit_id])
        return
    # From the other side: the visits of the owners that were linked or unlinked.
    if action == "pre_clear":
        instance._booklet_visits = visits_using(instance) | _owners_visits(sender, instance)
        return
    if action == "post_clear":
        programme_revision_bump(visit_ids=getattr(instance, "_booklet_visits", ()))
        return
    programme_revision_bump(
        visit_ids=model.objects.filter(pk__in=pk_set).values_list("visit_id", flat=True)
    )


def _owners_visits(through, instance) -> set[int]:
    """Visits of the sessions, phases or participants linked to ``instance`` by ``through``."""
    for owner in (Session, Phase, Participant):
        for field in owner._meta.many_to_many:
            if field.remote_field.through is through:
                related = getattr(instance, field.remote_field.get_accessor_name())
                return set(related.values_list("visit_id", flat=True))
    return set()


def connect() -> None:
    """Called once by the visits app when it is ready."""
    post_save.connect(_visit_saved, sender=Visit, dispatch_uid="booklet_revision.visit")
    for model in VISIT_PARTS:
        label = model._meta.label_lower
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"booklet_revision.s.{label}")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"booklet_revision.d.{label}")
    for model in PARTICIPANT_PARTS:
        label = model._meta.label_lower
        for signal, kind in ((post_save, "s"), (post_delete, "d")):
            signal.connect(
                _participant_part_changed,
                sender=model,
                dispatch_uid=f"booklet_revision.{kind}.{label}",
            )
    for model in (Organisation, Person, Venue):
        label = model._meta.label_lower
        post_save.connect(_shared_changed, sender=model, dispatch_uid=f"booklet_revision.s.{label}")
        pre_delete.connect(
            _shared_deleting, sender=model, dispatch_uid=f"booklet_revision.p.{label}"
        )
        post_delete.connect(
            _shared_deleted, sender=model, dispatch_uid=f"booklet_revision.d.{label}"
        )
    for relation in (
        Session.hosts,
        Session.speakers,
        Session.groups,
        Phase.groups,
        Participant.groups,
    ):
        through = relation.through
        m2m_changed.connect(
            _relation_changed,
            sender=through,
            dispatch_uid=f"booklet_revision.m2m.{through._meta.label_lower}",
        )
