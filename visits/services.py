"""Writes that span models: everything the admin, commands and tasks change goes through here."""

import copy
import datetime as dt

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.languages import language_codes
from organisations.selectors import organisations_for_organiser
from organisations.services import ORGANISER_GROUP_NAME
from participants.models import Group
from visits.changes.services import programme_version_publish
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    TranslationMark,
    TravelTime,
    Visit,
    VisitOrganisation,
    text_fingerprint,
)
from visits.programme_check import programme_check
from visits.translations import translated_fields

ORGANISER_APPS = ("organisations", "visits", "participants")


def organiser_group_ensure() -> AuthGroup:
    """Create or refresh the auth group whose members may edit programmes in the admin.

    Which visits they see is decided by their organising organisations, not by this group.
    Runs after every migrate, when some of these apps may not have had their permissions
    created yet (Django creates them app by app, and visits migrates before participants),
    so it creates them first: one migrate on a fresh database leaves nothing out.
    """
    for label in ORGANISER_APPS:
        create_permissions(django_apps.get_app_config(label), verbosity=0)
    group, _created = AuthGroup.objects.get_or_create(name=ORGANISER_GROUP_NAME)
    permissions = Permission.objects.filter(content_type__app_label__in=ORGANISER_APPS)
    group.permissions.set(permissions)
    return group


class ProgrammeNotReady(Exception):
    """Publication was refused; ``findings`` says why."""

    def __init__(self, findings):
        super().__init__(f"{len(findings)} findings")
        self.findings = findings


class ProgrammeHasErrors(ProgrammeNotReady):
    pass


class WarningsNotConfirmed(ProgrammeNotReady):
    pass


def visit_publish(*, visit, confirm_warnings: bool = False) -> list:
    """Publish a visit whose programme passes the check.

    Refused with ``ProgrammeHasErrors`` while any error remains, and with
    ``WarningsNotConfirmed`` when there are warnings the organiser has not confirmed having
    read. Returns the findings (warnings only) that were accepted.
    """
    findings = programme_check(visit=visit)
    if any(finding.is_error for finding in findings):
        raise ProgrammeHasErrors(findings)
    if findings and not confirm_warnings:
        raise WarningsNotConfirmed(findings)
    visit.status = visit.Status.PUBLISHED
    visit.save(update_fields=["status", "updated_at"])
    # The programme as published is a version: the next ones tell participants what changed.
    programme_version_publish(visit=visit)
    return findings


def _copy_row(obj, **changes):
    """A new row with the same field values (every language of every text) and ``changes``.

    ``obj`` itself is left as it was: the copy is a shallow copy of it, without its
    prefetched relations, which belong to the original row.
    """
    row = copy.copy(obj)
    row.__dict__.pop("_prefetched_objects_cache", None)
    row.pk = None
    row._state.adding = True
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    return row


def _translation_marks_copy(*, source, target) -> None:
    # A translation that was stale in last year's visit stays stale in its copy.
    content_type = ContentType.objects.get_for_model(type(source))
    marks = TranslationMark.objects.filter(content_type=content_type, object_id=source.pk)
    TranslationMark.objects.filter(content_type=content_type, object_id=target.pk).delete()
    TranslationMark.objects.bulk_create(
        TranslationMark(
            content_type=content_type,
            object_id=target.pk,
            field=mark.field,
            language=mark.language,
            fingerprints=mark.fingerprints,
        )
        for mark in marks
    )


def _shift_local(moment, *, days: int, zone):
    """The same wall-clock time ``days`` later in the visit's zone, across summer time."""
    local = moment.astimezone(zone).replace(tzinfo=None) + dt.timedelta(days=days)
    return local.replace(tzinfo=zone)


def visit_duplicate(*, visit, start_date, slug: str, user=None):
    """Start a new visit from an old one, shifted to begin on ``start_date``.

    Copies the narrative sections, phases, days, sessions (with their hosts, speakers, venues and
    groups), groups without members, supporters and partners, resources, emergency contacts
    and travel times. Organisations, venues and people are shared records, linked and never
    copied. Participants and booklets are not copied. The copy is a draft.
    Raises ``ValidationError`` for a short name already taken and ``PermissionDenied``
    when ``user`` does not organise for the visit's organiser.
    """
    if user is not None and not (
        organisations_for_organiser(user=user).filter(pk=visit.organiser_id).exists()
    ):
        raise PermissionDenied
    if Visit.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Another visit already uses this short name.")})
    days = (start_date - visit.start_date).days
    shift = dt.timedelta(days=days)
    zone = visit.zone

    with transaction.atomic():
        new = _copy_row(
            visit,
            slug=slug,
            status=Visit.Status.DRAFT,
            start_date=visit.start_date + shift,
            end_date=visit.end_date + shift,
        )
        _translation_marks_copy(source=visit, target=new)
        for role in VisitOrganisation.objects.filter(visit=visit):
            _copy_row(role, visit=new)
        for travel in TravelTime.objects.filter(visit=visit):
            _copy_row(travel, visit=new)
        groups = {}
        for group in Group.objects.filter(visit=visit):
            groups[group.pk] = _copy_row(group, visit=new)
            _translation_marks_copy(source=group, target=groups[group.pk])
        for phase in Phase.objects.filter(visit=visit).prefetch_related("groups"):
            copy = _copy_row(
                phase,
                visit=new,
                start_date=phase.start_date + shift,
                end_date=phase.end_date + shift,
            )
            copy.groups.set([groups[group.pk] for group in phase.groups.all()])
            _translation_marks_copy(source=phase, target=copy)
        for day in Day.objects.filter(visit=visit):
            _translation_marks_copy(
                source=day, target=_copy_row(day, visit=new, date=day.date + shift)
            )
        sessions = {}
        for session in Session.objects.filter(visit=visit).prefetch_related(
            "hosts", "speakers", "groups"
        ):
            copy = _copy_row(
                session,
                visit=new,
                starts_at=_shift_local(session.starts_at, days=days, zone=zone),
                ends_at=_shift_local(session.ends_at, days=days, zone=zone),
            )
            copy.hosts.set(session.hosts.all())
            copy.speakers.set(session.speakers.all())
            copy.groups.set([groups[group.pk] for group in session.groups.all()])
            _translation_marks_copy(source=session, target=copy)
            sessions[session.pk] = copy
        for resource in Resource.objects.filter(visit=visit):
            copy = _copy_row(
                resource,
                visit=new,
                session=sessions.get(resource.session_id) if resource.session_id else None,
            )
            _translation_marks_copy(source=resource, target=copy)
        for contact in EmergencyContact.objects.filter(visit=visit):
            _translation_marks_copy(source=contact, target=_copy_row(contact, visit=new))
    return new


@transaction.atomic
def translations_save(*, changes, confirmed) -> None:
    """Write the texts typed on the translator's page and note the stale translations the
    translator declared still right, all or nothing.

    ``changes`` holds (entry, new text) pairs, ``confirmed`` entries; entries come from
    ``visits.translations``.
    """
    by_object = {}
    for entry, value in changes:
        setattr(entry.obj, f"{entry.field}_{entry.language}", value)
        by_object.setdefault((type(entry.obj), entry.obj.pk), (entry.obj, []))[1].append(
            f"{entry.field}_{entry.language}"
        )
    for obj, fields in by_object.values():
        # A translation is a change like any other: save() (not update()) records it in the
        # history (calendars count those records for SEQUENCE and replace a subscribed
        # event only when it grows), and its ``updated_at`` (a session's, a venue's) must
        # move too, which update_fields alone leaves behind.
        stamps = [
            field.name for field in obj._meta.concrete_fields if getattr(field, "auto_now", False)
        ]
        obj.save(update_fields=[*fields, *stamps])
    for entry in confirmed:
        translation_mark_confirm(instance=entry.obj, field=entry.field, language=entry.language)


def translation_marks_record(*, instance, fields: tuple[str, ...] | None = None) -> None:
    """Record, for each language whose text changed since its mark, the texts of that moment."""
    model = type(instance)
    fields = fields if fields is not None else translated_fields(model)
    if not fields or instance.pk is None:
        return
    content_type = ContentType.objects.get_for_model(model)
    existing = {
        (mark.field, mark.language): mark
        for mark in TranslationMark.objects.filter(
            content_type=content_type, object_id=instance.pk, field__in=fields
        )
    }
    languages = language_codes()
    for field in fields:
        now = {
            code: text_fingerprint(getattr(instance, f"{field}_{code}", "")) for code in languages
        }
        for code in languages:
            if not now[code]:
                continue
            mark = existing.get((field, code))
            if mark is None:
                TranslationMark.objects.create(
                    content_type=content_type,
                    object_id=instance.pk,
                    field=field,
                    language=code,
                    fingerprints=now,
                )
            elif mark.fingerprints.get(code) != now[code]:
                mark.fingerprints = now
                mark.save(update_fields=["fingerprints", "written_at"])


def translation_mark_confirm(*, instance, field: str, language: str) -> None:
    """The translator read the changed source and the translation still says the same."""
    model = type(instance)
    fingerprints = {
        code: text_fingerprint(getattr(instance, f"{field}_{code}", ""))
        for code in language_codes()
    }
    TranslationMark.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=instance.pk,
        field=field,
        language=language,
        defaults={"fingerprints": fingerprints},
    )


def translation_marks_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep the marks in step with every save of a translated model (connected in apps.py)."""
    # Historical models in migrations are not registered for translation: nothing to do.
    if raw:
        return
    fields = translated_fields(sender)
    if not fields:
        return
    if update_fields is not None:
        touched = {name for name in update_fields}
        fields = tuple(
            field
            for field in fields
            if field in touched or any(f"{field}_{code}" in touched for code in language_codes())
        )
    translation_marks_record(instance=instance, fields=fields)


def shared_record_owners_fill() -> None:
    """Give each shared record that has no keeper the organiser of the first visit (by start
    date) that uses it, as migration organisations 0002 did for the records it found.

    Records no visit uses stay without keeper: only a superuser changes them.
    """
    from organisations.models import Organisation, Person, Venue

    owners: dict[type, dict[int, int]] = {Organisation: {}, Person: {}, Venue: {}}
    for visit in Visit.objects.order_by("start_date", "id"):
        found = owners[Organisation]
        found.setdefault(visit.organiser_id, visit.organiser_id)
        for organisation_id in VisitOrganisation.objects.filter(visit=visit).values_list(
            "organisation_id", flat=True
        ):
            found.setdefault(organisation_id, visit.organiser_id)
        sessions = Session.objects.filter(visit=visit).order_by("starts_at", "id")
        for session in sessions.prefetch_related("hosts", "speakers"):
            if session.venue_id:
                owners[Venue].setdefault(session.venue_id, visit.organiser_id)
            for host in session.hosts.all():
                found.setdefault(host.pk, visit.organiser_id)
            for speaker in session.speakers.all():
                owners[Person].setdefault(speaker.pk, visit.organiser_id)
    for model, by_record in owners.items():
        for pk, owner_id in by_record.items():
            model.objects.filter(pk=pk, owner__isnull=True).update(owner_id=owner_id)


def _session_write(*, session: Session, hosts, speakers, groups, fields: dict) -> Session:
    visit = session.visit
    for name, value in fields.items():
        setattr(session, name, value)
    errors: dict[str, list[str]] = {}
    titles = [fields.get(f"title_{code}") or "" for code in language_codes()]
    if not any(title.strip() for title in titles) and not session.title:
        errors[f"title_{visit.first_language}"] = [
            _("Give the session a title in at least one language.")
        ]
    strangers = [group for group in groups if group.visit_id != visit.pk]
    if strangers:
        errors["groups"] = [
            _("These groups belong to another visit: %(names)s.")
            % {"names": ", ".join(str(group) for group in strangers)}
        ]
    try:
        session.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    session.save()
    session.hosts.set(hosts)
    session.speakers.set(speakers)
    session.groups.set(groups)
    # The editor offers every date of the visit: choosing one puts that day in the
    # programme, rather than leave the check refusing to publish until it is added by hand.
    date = session.starts_at.astimezone(visit.zone).date()
    if visit.start_date <= date <= visit.end_date:
        Day.objects.get_or_create(visit=visit, date=date)
    return session


@transaction.atomic
def session_create(*, visit: Visit, hosts=(), speakers=(), groups=(), **fields) -> Session:
    """Add a session to a visit's programme.

    ``fields`` are the session's own fields (``starts_at``, ``ends_at``, ``kind``,
    ``title_ru``, ``description_fr``...). Raises ``ValidationError`` keyed by field when a
    title is missing in every language, the session ends before it starts, or a group
    belongs to another visit; nothing is saved then. A session on a date of the visit that
    has no day yet gives the programme that day.
    """
    session = Session(visit=visit)
    return _session_write(
        session=session, hosts=hosts, speakers=speakers, groups=groups, fields=fields
    )


@transaction.atomic
def session_update(
    *, session: Session, opened_at=None, hosts=(), speakers=(), groups=(), **fields
) -> Session:
    """Change a session: the same fields and checks as ``session_create``. The relations
    given replace the session's own.

    ``opened_at`` is the session's ``updated_at`` when the organiser opened it: if someone
    saved it since, nothing is written and ``ValidationError`` (code
    ``changed_since_opened``) says so, rather than overwrite the other save unseen.
    """
    if opened_at is not None:
        # The row is locked until the end of the transaction: two saves cannot both pass.
        saved_at = (
            Session.objects.select_for_update()
            .filter(pk=session.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        if saved_at is not None and saved_at != opened_at:
            raise ValidationError(
                _(
                    "Someone else saved this %(what)s after you opened it, so nothing was "
                    "saved. What you typed is still in the form."
                )
                % {"what": Session._meta.verbose_name},
                code="changed_since_opened",
            )
    return _session_write(
        session=session, hosts=hosts, speakers=speakers, groups=groups, fields=fields
    )
