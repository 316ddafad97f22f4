"""Reads about organisations, people and venues."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from modeltranslation.utils import build_localized_fieldname

from organisations.languages import active_language, fallback_order
from organisations.models import ChangeProposal, Organisation


def organisations_for_organiser(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """The organisations whose visits this user builds; a superuser's are all of them."""
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(members=user)


def organisation_scope(*, user: AbstractBaseUser, path: str) -> Q:
    """A filter for rows that belong, through ``path``, to an organisation of this user.

    ``path`` is the lookup from the row to its organisation ("visit__organiser" for a
    participant). A superuser's filter lets every row through.
    """
    if user.is_superuser:
        return Q()
    return Q(**{f"{path}__members": user})


def translated_ordering(field: str, *, language: str | None = None) -> Coalesce:
    """An expression that sorts by a translated field with the same fallbacks the reader sees.

    modeltranslation orders by the active language's column alone, so a row whose name is
    missing in that language would sort as empty, first or last. This sorts it by the
    name shown instead, in the reader's fallback order.
    """
    codes = fallback_order(language or active_language())
    columns = [NullIf(F(build_localized_fieldname(field, code)), Value("")) for code in codes]
    return Coalesce(*columns, Value(""))


def change_proposals_visible(*, user: AbstractBaseUser) -> QuerySet[ChangeProposal]:
    """Proposals made by the user's organisations and those addressed to them; a
    superuser's are all of them. A third organisation sees none."""
    if user.is_superuser:
        return ChangeProposal.objects.all()
    return ChangeProposal.objects.filter(
        Q(kept_by__members=user) | Q(proposed_by_organisation__members=user)
    ).distinct()


def change_proposals_for_record(*, record, user: AbstractBaseUser) -> QuerySet[ChangeProposal]:
    """The proposals about ``record`` this user may see, newest first."""
    return change_proposals_visible(user=user).filter(
        record_type=ContentType.objects.get_for_model(record), record_id=record.pk
    )


@dataclass(frozen=True)
class ProposedField:
    label: str
    when_proposed: str
    now: str
    proposed: str

    @property
    def changed_since(self) -> bool:
        return self.now != self.when_proposed


def _shown(field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def change_proposal_fields(*, proposal: ChangeProposal) -> list[ProposedField]:
    """Each proposed field as the keeper weighs it: before, now and proposed, as text."""
    model = proposal.record_type.model_class()
    record = proposal.record
    fields = []
    for name, change in proposal.changes.items():
        field = model._meta.get_field(name)
        now = field.value_from_object(record) if record is not None else None
        if field.is_relation or now is None or isinstance(now, (str, int, float, bool)):
            current = now
        else:
            current = str(now)
        fields.append(
            ProposedField(
                label=str(field.verbose_name),
                when_proposed=_shown(field, change["old"]),
                now=_shown(field, current),
                proposed=_shown(field, change["new"]),
            )
        )
    return fields
