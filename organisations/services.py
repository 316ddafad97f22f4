"""Writes about organising organisations and the staff accounts that run their visits."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Model, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from organisations.languages import language_codes
from organisations.models import Organisation

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
