"""A whole visit as one JSON document, to move it to another installation (or keep it).

``visit_export`` reads a visit with everything that belongs to it: every translation (the
``_ru``, ``_fr``, ``_en`` columns), days, sessions, organisation links, groups, participants
with their personal-link keys, emergency contacts, resources with their files (base64) and
travel times, plus the shared records it uses (organisations, people, venues).
``visit_import`` writes such a document into an installation: shared records are matched
by their natural key or created; everything else is created.

The document names no database id: a row is referred to by its place in its part's list,
so an export of the imported visit equals the original export. Each part is one line of
PARTS; a new model that belongs to a visit (phases, say) is one more line, placed after
the parts it refers to. Foreign keys and many-to-many fields are found from the model.
Not carried: accounts (organisers' memberships, who sent a link), rendered booklets (made
again on request), translation marks, link e-mail history, creation times.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DataError, IntegrityError, models, transaction
from modeltranslation.translator import NotRegistered, translator

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Journey, Participant, StaffMember, Stay, new_access_token
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    TravelTime,
    Visit,
    VisitOrganisation,
)
from visits.services import shared_record_owners_fill

FORMAT = "study-visit-export/1"


class VisitTransferError(ValueError):
    """A document that cannot be imported here, said in words."""


@dataclass(frozen=True)
class Part:
    """One kind of row in the document.

    ``shared`` rows (organisations, people, venues) are used by many visits: they are
    exported when the visit refers to them and matched on import by ``natural_key``.
    Other parts belong to the visit through ``visit_path`` (their ``visit`` foreign key,
    or their participant's).
    """

    name: str
    model: type[models.Model]
    shared: bool = False
    natural_key: tuple[str, ...] = ()
    visit_path: str = "visit"
    skip: tuple[str, ...] = field(default=())


# In the order of import: a part refers only to parts above it (and to the visit).
PARTS = (
    Part("organisations", Organisation, shared=True, natural_key=("name_*", "kind")),
    Part("people", Person, shared=True, natural_key=("name_*", "organisation")),
    Part("venues", Venue, shared=True, natural_key=("name_*", "address", "city_*")),
    Part("visit_organisations", VisitOrganisation),
    Part("days", Day),
    Part("groups", Group),
    Part("phases", Phase),
    Part("sessions", Session),
    Part("participants", Participant),
    Part("journeys", Journey, visit_path="participant__visit"),
    Part("nights", Stay, visit_path="participant__visit"),
    Part("staff", StaffMember),
    Part("emergency_contacts", EmergencyContact),
    Part("resources", Resource),
    Part("travel_times", TravelTime),
)
VISIT = Part("visit", Visit)
PART_OF_MODEL = {part.model: part for part in PARTS}


# --- reading ------------------------------------------------------------------------------


def visit_export(*, visit: Visit) -> dict:
    """The visit and all that belongs to it, as a JSON-ready dict (see the module's doc)."""
    owned = {part.name: list(_owned_rows(part, visit)) for part in PARTS if not part.shared}
    shared = _shared_rows([visit, *(row for rows in owned.values() for row in rows)])
    rows = {**shared, **owned}
    places = {
        part.model: {row.pk: place for place, row in enumerate(rows[part.name])} for part in PARTS
    }
    document = {"format": FORMAT, "visit": _row(visit, places)}
    for part in PARTS:
        document[part.name] = [_row(row, places) for row in rows[part.name]]
    # Through the encoder once, so the dict is exactly what a file holds.
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))


def visit_export_json(*, visit: Visit) -> str:
    return json.dumps(visit_export(visit=visit), ensure_ascii=False, indent=1)


def _owned_rows(part: Part, visit: Visit) -> models.QuerySet:
    return part.model._default_manager.filter(**{part.visit_path: visit}).order_by("pk")


def _shared_rows(rows: list[models.Model]) -> dict[str, list[models.Model]]:
    """The shared records the rows refer to, and those these refer to in turn."""
    found: dict[type, dict[int, models.Model]] = {part.model: {} for part in PARTS if part.shared}
    pending = list(rows)
    while pending:
        row = pending.pop()
        for target in _references(row):
            if type(target) in found and target.pk not in found[type(target)]:
                found[type(target)][target.pk] = target
                pending.append(target)
    return {
        part.name: sorted(found[part.model].values(), key=lambda row: row.pk)
        for part in PARTS
        if part.shared
    }


def _references(row: models.Model):
    for model_field in row._meta.concrete_fields:
        if model_field.many_to_one and getattr(row, model_field.attname) is not None:
            yield getattr(row, model_field.name)
    for model_field in _many_to_many(type(row)):
        yield from getattr(row, model_field.name).all()


def _many_to_many(model) -> list[models.ManyToManyField]:
    # Links with a model of their own (a visit's partners) are a part of their own.
    return [
        model_field
        for model_field in model._meta.many_to_many
        if model_field.remote_field.through._meta.auto_created
        and model_field.related_model in PART_OF_MODEL
    ]


# Who keeps a shared record is a fact of one installation: the importing one gives its
# records to the organiser of the first visit that uses them (shared_record_owners_fill).
NOT_CARRIED = {"owner", "programme_revision"}


def _plain_fields(model) -> list[models.Field]:
    """The columns a document carries: not ids, links, times of saving, nor the untranslated
    column behind a translated field (modeltranslation derives it)."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if not model_field.primary_key
        and model_field.name not in translated
        and model_field.name not in NOT_CARRIED
        and not getattr(model_field, "auto_now", False)
        and not getattr(model_field, "auto_now_add", False)
    ]


def _row(row: models.Model, places: dict[type, dict[int, int]]) -> dict:
    document = {}
    for model_field in _plain_fields(type(row)):
        if model_field.many_to_one:
            target_id = getattr(row, model_field.attname)
            if model_field.related_model is Visit:
                continue  # the visit of the document
            document[model_field.name] = (
                None if target_id is None else places[model_field.related_model][target_id]
            )
        elif isinstance(model_field, models.FileField):
            document[model_field.name] = _file(getattr(row, model_field.name))
        else:
            document[model_field.name] = model_field.value_from_object(row)
    for model_field in _many_to_many(type(row)):
        targets = places[model_field.related_model]
        document[model_field.name] = sorted(
            targets[pk] for pk in getattr(row, model_field.name).values_list("pk", flat=True)
        )
    return document


def _file(stored) -> dict | None:
    if not stored:
        return None
    with stored.open("rb") as opened:
        content = opened.read()
    return {
        "name": PurePosixPath(stored.name).name,
        "content": base64.b64encode(content).decode("ascii"),
    }


# --- writing ------------------------------------------------------------------------------


def visit_import_json(*, text: str) -> Visit:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise VisitTransferError(f"This is not a visit export (not JSON: {error}).") from None
    return visit_import(document=document)


@transaction.atomic
def visit_import(*, document: dict) -> Visit:
    """Create the visit of an exported document, with all that belongs to it.

    Shared records are matched by natural key, or created; a visit whose short name is
    taken here is refused (nothing is written). A participant keeps their personal-link
    key unless another participant here has it, then they get a new one.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise VisitTransferError(f"This is not a visit export in the {FORMAT} format.")
    try:
        slug = document["visit"]["slug"]
        if Visit.objects.filter(slug=slug).exists():
            raise VisitTransferError(f"A visit with the short name {slug!r} exists here already.")
        visit = _create(document)
        shared_record_owners_fill()
        return visit
    except (KeyError, IndexError, TypeError, ValidationError, binascii.Error) as error:
        raise VisitTransferError(
            f"This visit export is incomplete or damaged: {error!r}."
        ) from None


def _create(document: dict) -> Visit:
    made: dict[type, list[models.Model]] = {}
    visit = None
    for part in (PARTS[0], VISIT, *PARTS[1:]):
        rows = [document["visit"]] if part is VISIT else document.get(part.name, [])
        made[part.model] = []
        for values in rows:
            row, links = _build(part, values, made, visit)
            if part.shared:
                row = _match(part, row) or _save(row)
            else:
                _save(row)
            for name, targets in links.items():
                getattr(row, name).set(targets)
            made[part.model].append(row)
        if part is VISIT:
            visit = made[Visit][0]
    return visit


def _build(part: Part, values: dict, made: dict, visit: Visit | None):
    row = part.model()
    files = {}
    for model_field in _plain_fields(part.model):
        if model_field.many_to_one and model_field.related_model is Visit:
            row.visit = visit
            continue
        if model_field.name not in values:
            continue
        value = values[model_field.name]
        if model_field.many_to_one:
            target = None if value is None else made[model_field.related_model][value]
            setattr(row, model_field.name, target)
        elif isinstance(model_field, models.FileField):
            files[model_field.name] = value
        else:
            setattr(row, model_field.attname, model_field.to_python(value))
    for name, stored in files.items():
        if stored:
            content = ContentFile(base64.b64decode(stored["content"]))
            getattr(row, name).save(stored["name"], content, save=False)
    if (
        isinstance(row, Participant | StaffMember)
        and type(row).objects.filter(access_token=row.access_token).exists()
    ):
        row.access_token = new_access_token()
    links = {
        model_field.name: [made[model_field.related_model][place] for place in values[name]]
        for model_field in _many_to_many(part.model)
        if (name := model_field.name) in values
    }
    return row, links


def _save(row: models.Model) -> models.Model:
    try:
        with transaction.atomic():
            row.save()
    except (IntegrityError, DataError, ValueError) as error:
        raise VisitTransferError(
            f"This {row._meta.verbose_name} could not be written: {error}"
        ) from None
    return row


def _match(part: Part, row: models.Model) -> models.Model | None:
    lookup = {}
    for name in part.natural_key:
        if name.endswith("_*"):
            base = name.removesuffix("_*")
            for model_field in _plain_fields(part.model):
                if model_field.name.startswith(f"{base}_"):
                    lookup[model_field.name] = getattr(row, model_field.name)
        else:
            lookup[part.model._meta.get_field(name).attname] = getattr(
                row, part.model._meta.get_field(name).attname
            )
    return part.model._default_manager.filter(**lookup).order_by("pk").first()
