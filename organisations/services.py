"""Writes about organising organisations and the staff accounts that run their visits."""

import logging
import re
from functools import partial
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Model, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from organisations.languages import language_codes
from organisations.models import ChangeProposal, Organisation
from organisations.selectors import change_proposal_fields

logger = logging.getLogger(__name__)

# The auth group of organisers. Its permissions are filled by the visits app after every
# migrate (visits.services.organiser_group_ensure); here it is only joined.
ORGANISER_GROUP_NAME = "Organisers"


def password_set_url(*, user) -> str:
    """A link through which ``user`` chooses their own password (valid until used or for
    PASSWORD_RESET_TIMEOUT): nobody ever types a password for someone else."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL}{path}"


def _named(name: str) -> Q:
    """Organisations called ``name`` in any language, whatever the case."""
    query = Q()
    for code in language_codes():
        query |= Q(**{f"name_{code}__iexact": name})
    return query


def _clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("“%(email)s” is not an e-mail address.") % {"email": email}}
        ) from None
    return email


def _organiser_account(*, email: str, name: str):
    """The staff account for ``email``, created without a usable password if it is new."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None:
        first_name, _space, last_name = (name or "").strip().partition(" ")
        user = user_model(username=email, email=email, first_name=first_name[:150])
        user.last_name = last_name[:150]
        user.set_unusable_password()
    user.is_staff = True
    user.save()
    group, _created = AuthGroup.objects.get_or_create(name=ORGANISER_GROUP_NAME)
    user.groups.add(group)
    return user


def organiser_invite_send(*, user, organisation: Organisation, invited_by=None) -> str:
    """E-mail ``user`` the link to set their password and join ``organisation``'s visits.

    Returns the link, which the page or the command also shows, so that it can be passed on
    by hand when the mail does not arrive. Errors of the mail server propagate.
    """
    link = password_set_url(user=user)
    context = {
        "user": user,
        "organisation": organisation,
        "invited_by": invited_by,
        "link": link,
        "admin_url": f"{settings.SITE_URL}{reverse('admin:index')}",
    }
    subject = " ".join(render_to_string("email/organiser_invite_subject.txt", context).split())
    body = render_to_string("email/organiser_invite.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=False)
    return link


@transaction.atomic
def organisation_with_organiser_create(
    *, name: str, kind: str, city: str = "", country: str = "", organiser_name: str, email: str
):
    """Create an organising organisation and the account of its first organiser.

    The account is staff, in the organisers' group, member of the organisation, and has no
    password until its owner sets one through ``password_set_url``. Raises
    ``ValidationError`` (keyed by field) for a name already taken, an unknown kind or a
    malformed e-mail address. Returns ``(organisation, user)``.
    """
    name = (name or "").strip()
    errors = {}
    if not name:
        errors["name"] = _("Give the organisation a name.")
    elif Organisation.objects.filter(_named(name)).exists():
        errors["name"] = _(
            "An organisation named “%(name)s” already exists: invite colleagues from its page."
        ) % {"name": name}
    if kind not in Organisation.Kind.values:
        errors["kind"] = _(
            "“%(kind)s” is not a kind of organisation. Choose one of: %(kinds)s."
        ) % {
            "kind": kind,
            "kinds": ", ".join(Organisation.Kind.values),
        }
    try:
        email = _clean_email(email)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    # A proper name, the same in every language until someone translates it.
    organisation = Organisation(kind=kind)
    for code in language_codes():
        setattr(organisation, f"name_{code}", name)
        setattr(organisation, f"city_{code}", (city or "").strip())
        setattr(organisation, f"country_{code}", (country or "").strip())
    organisation.save()
    user = _organiser_account(email=email, name=organiser_name or email)
    organisation.members.add(user)
    return organisation, user


@transaction.atomic
def organiser_invite(*, organisation: Organisation, name: str, email: str):
    """Give a colleague an organiser's account in ``organisation`` (or add their existing
    account to it). Raises ``ValidationError`` for a malformed e-mail address. Returns the
    user; send them ``organiser_invite_send``."""
    email = _clean_email(email)
    user = _organiser_account(email=email, name=name or email)
    organisation.members.add(user)
    return user


@transaction.atomic
def shared_record_copy(*, record: Model, owner: Organisation) -> Model:
    """A new record with the same fields (every translation included), kept by ``owner``.

    For an organisation the staff accounts are not copied: membership decides which visits
    a user sees, and only a superuser grants it.
    """
    model = type(record)
    copy = model.objects.get(pk=record.pk)
    copy.pk = None
    copy.id = None
    copy._state.adding = True
    copy.owner = owner
    copy.save()
    return copy


# -- proposed changes to a record another organisation keeps -------------------------------

# Never proposed: who keeps a record, and who may run an organisation's visits.
NOT_PROPOSED = {"owner", "members", "id"}


def _stored(field, value):
    """A field's value as the proposal keeps it in JSON: a related record by its id."""
    if field.is_relation:
        return getattr(value, "pk", value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@transaction.atomic
def change_proposal_create(*, record: Model, new_values: dict, proposed_by, organisation):
    """Propose to ``record``'s keeper that the fields of ``new_values`` take those values.

    Only fields whose value differs from the record's are kept. Raises ``ValidationError``
    when nothing would change, when the record is kept by nobody (only an administrator
    changes it) or by ``organisation`` itself (its organisers change it directly).
    Returns the pending ``ChangeProposal``; once the transaction commits, the keeper's
    organisers are e-mailed by a task (``change_proposal_notice_send``).
    """
    if record.owner_id is None:
        raise ValidationError(
            _("This record is kept by no organisation: only an administrator changes it.")
        )
    if record.owner_id == organisation.pk:
        raise ValidationError(_("Your organisation keeps this record: change it directly."))
    changes = {}
    for name, value in new_values.items():
        field = record._meta.get_field(name)
        if name in NOT_PROPOSED or not field.concrete:
            continue
        old, new = _stored(field, field.value_from_object(record)), _stored(field, value)
        if old != new and not (old in (None, "") and new in (None, "")):
            changes[name] = {"old": old, "new": new}
    if not changes:
        raise ValidationError(_("Nothing differs from the record: there is nothing to propose."))
    proposal = ChangeProposal.objects.create(
        record_type=ContentType.objects.get_for_model(record),
        record_id=record.pk,
        kept_by_id=record.owner_id,
        proposed_by_organisation=organisation,
        proposed_by=proposed_by,
        changes=changes,
    )
    transaction.on_commit(
        partial(change_proposal_notice_dispatch, proposal_id=proposal.pk, notice=PROPOSED)
    )
    return proposal


@transaction.atomic
def change_proposal_accept(*, proposal, decided_by):
    """Write the proposed fields, and only those, to the record, through its ``save()`` so
    that its history records the change and who accepted it.

    Raises ``ValidationError`` when the proposal was already answered, its record is gone,
    or the proposed values no longer make a valid record (nothing is written then).
    """
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    _still_pending(proposal)
    record = proposal.record
    if record is None:
        raise ValidationError(_("The record no longer exists."))
    for name, change in proposal.changes.items():
        field = record._meta.get_field(name)
        value = change["new"]
        setattr(record, field.attname, None if value in (None, "") and field.null else value)
    record.full_clean()
    record.save()
    return _decide(proposal, ChangeProposal.Status.ACCEPTED, decided_by)


@transaction.atomic
def change_proposal_decline(*, proposal, decided_by):
    """Leave the record as it is and tell the proposer so."""
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    _still_pending(proposal)
    return _decide(proposal, ChangeProposal.Status.DECLINED, decided_by)


def _still_pending(proposal) -> None:
    if proposal.status != proposal.Status.PENDING:
        raise ValidationError(
            _("This proposal was already answered: %(status)s.")
            % {"status": proposal.get_status_display()}
        )


def _decide(proposal, status, decided_by):
    proposal.status = status
    proposal.decided_by = decided_by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    transaction.on_commit(
        partial(change_proposal_notice_dispatch, proposal_id=proposal.pk, notice=ANSWERED)
    )
    return proposal


# -- telling each side: the keeper of a proposal, the proposer of the answer --------------

# The two notices of a proposal: to the keeper when it is made, to the proposer when answered.
PROPOSED, ANSWERED = "proposed", "answered"
# A mail server that does not answer, or answers "try later", may answer next time.
TRANSIENT_SEND_ERRORS = (SMTPException, OSError)


def change_proposal_notice_dispatch(*, proposal_id: int, notice: str) -> None:
    """Hand a notice to the sending task (call it after commit)."""
    from organisations.tasks import send_change_proposal_notice

    try:
        send_change_proposal_notice.delay(proposal_id=proposal_id, notice=notice)
    except Exception:  # the proposal stands and the admin shows it; the log tells the rest
        # Eagerly the task runs here and propagates its last error; a broker that is down
        # raises too. Neither may turn proposing or answering into a 500.
        logger.exception("Notice %r of change proposal %s was not sent", notice, proposal_id)


def organisation_language(organisation: Organisation | None) -> str:
    """The language an organisation's staff read: its own, else the portal's.

    Accounts have no language of their own: the organisation's is the best we know.
    """
    language = getattr(organisation, "language", "")
    return language if language in language_codes() else settings.LANGUAGE_CODE


def _organisers_addresses(organisation: Organisation) -> list[str]:
    return sorted(
        organisation.members.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def change_proposal_notice_send(*, proposal_id: int, notice: str) -> list[str]:
    """E-mail one side of a proposal, in its organisation's language; called by the task.

    ``PROPOSED``: the keeping organisation's organisers learn that the proposing
    organisation (named) proposes a change, which fields, and the page to answer it.
    ``ANSWERED``: the organiser who proposed (else their organisation's organisers) learn
    that the keeper (named) accepted or declined. Neither side learns who the other side's
    staff are: no name, no address, as on the proposal's page. Returns the addresses
    written to; nothing when the proposal is gone, no longer calls for the notice (answered
    before its keeper was told), or nobody has an address. Mail server errors propagate,
    for the task to retry.
    """
    proposal = (
        ChangeProposal.objects.select_related(
            "record_type", "kept_by", "proposed_by_organisation", "proposed_by"
        )
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        return []
    pending = proposal.status == ChangeProposal.Status.PENDING
    if notice == PROPOSED and pending:
        organisation = proposal.kept_by
        recipients = _organisers_addresses(organisation)
        template = "email/change_proposal_made"
    elif notice == ANSWERED and not pending:
        organisation = proposal.proposed_by_organisation
        proposer = proposal.proposed_by
        if proposer is not None and proposer.is_active and proposer.email:
            recipients = [proposer.email]
        else:
            recipients = _organisers_addresses(organisation)
        template = "email/change_proposal_answered"
    else:
        return []
    if not recipients:
        return []
    language = organisation_language(organisation)
    with translation.override(language):
        record = proposal.record
        context = {
            "record": str(record) if record is not None else _("a record since deleted"),
            "kind": proposal.record_type.model_class()._meta.verbose_name,
            "proposing": str(proposal.proposed_by_organisation),
            "keeper": str(proposal.kept_by),
            "fields": [field.label for field in change_proposal_fields(proposal=proposal)],
            "accepted": proposal.status == ChangeProposal.Status.ACCEPTED,
            "link": settings.SITE_URL
            + reverse("admin:organisations_changeproposal_change", args=[proposal.pk]),
        }
        # One line; only ASCII blanks fold, so that French keeps its narrow no-break spaces.
        subject = re.sub(r"[ \t\r\n]+", " ", render_to_string(f"{template}_subject.txt", context))
        subject = subject.strip(" ")
        body = render_to_string(f"{template}.txt", context)
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        headers={"Content-Language": language},
    ).send(fail_silently=False)
    return recipients
