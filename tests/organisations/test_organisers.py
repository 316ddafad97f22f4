"""A superuser starts an organising organisation with its first organiser; organisers
invite their colleagues, into their own organisation only."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from organisations.models import Organisation
from organisations.services import ORGANISER_GROUP_NAME
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def link_in(text: str) -> str:
    return re.search(r"http://\S+/accounts/password/\S+/", text).group(0)


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(user)
    return user


def test_the_command_creates_the_organisation_and_an_organiser_who_sets_a_password(client):
    out = StringIO()
    call_command(
        "add_organiser",
        "--organisation",
        "D'EST",
        "--email",
        "Anna@Example.org",
        "--name",
        "Anna Petrova",
        "--city",
        "Paris",
        stdout=out,
    )

    organisation = Organisation.objects.get(name_fr="D'EST")
    assert (organisation.name_ru, organisation.city_en) == ("D'EST", "Paris")
    user = User.objects.get(email="anna@example.org")
    assert (user.first_name, user.last_name, user.is_staff) == ("Anna", "Petrova", True)
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [ORGANISER_GROUP_NAME]
    assert list(organisation.members.all()) == [user]
    assert user.has_perm("participants.add_participant")

    # The printed link lets them choose a password, then sign in to the admin.
    confirm = client.get(link_in(out.getvalue()), follow=True)
    form_url = confirm.redirect_chain[-1][0]
    assert "Study visits: programmes and delegations" in confirm.content.decode()
    done = client.post(
        form_url, {"new_password1": "Tour-Eiffel-1889", "new_password2": "Tour-Eiffel-1889"}
    )
    assert done.status_code == 302
    # Through the sign-in page, as Anna would (the login throttle needs the request).
    signed_in = client.post(
        reverse("admin:login"),
        {"username": "anna@example.org", "password": "Tour-Eiffel-1889"},
    )
    assert signed_in.status_code == 302
    assert client.get(reverse("admin:participants_group_changelist")).status_code == 200


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--email", "not-an-address"], "“not-an-address” is not an e-mail address."),
        (["--email", "a@example.org", "--kind", "club"], "“club” is not a kind of organisation"),
    ],
)
def test_the_command_says_what_is_wrong(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("add_organiser", "--organisation", "D'EST", *arguments, stdout=StringIO())
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


def test_the_command_refuses_an_organisation_that_exists():
    OrganisationFactory(name_fr="France terre d'asile", name_ru="France terre d'asile")
    with pytest.raises(CommandError, match="already exists: invite colleagues from its page"):
        call_command(
            "add_organiser",
            "--organisation",
            "france terre d'asile",
            "--email",
            "b@example.org",
            stdout=StringIO(),
        )


def test_a_superuser_creates_organisation_and_organiser_on_one_page(client, superuser):
    page = client.get(reverse("admin:organisations_organisation_changelist"))
    assert "New organising organisation and organiser" in page.content.decode()

    url = reverse("admin:organisations_organisation_add_organising")
    response = client.post(
        url,
        {
            "name": "D'EST",
            "kind": "association",
            "city": "Paris",
            "country": "France",
            "organiser_name": "Anna Petrova",
            "email": "anna@example.org",
        },
        follow=True,
    )

    organisation = Organisation.objects.get(name_fr="D'EST")
    user = User.objects.get(email="anna@example.org")
    assert list(organisation.members.all()) == [user]
    assert response.redirect_chain[-1][0] == reverse(
        "admin:organisations_organisation_change", args=[organisation.pk]
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    link = link_in(mail.outbox[0].body)
    assert link in response.content.decode()


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong_in_russian(client, superuser):
    OrganisationFactory(name_fr="D'EST", name_ru="D'EST")
    url = reverse("admin:organisations_organisation_add_organising")
    response = client.post(
        url,
        {
            "name": "D'EST",
            "kind": "association",
            "city": "Руан",
            "organiser_name": "Анна Петрова",
            "email": "anna@example.org",
        },
        HTTP_ACCEPT_LANGUAGE="ru",
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Организация «D&#x27;EST» уже существует" in content
    assert 'value="Руан"' in content and 'value="Анна Петрова"' in content
    assert not User.objects.filter(email="anna@example.org").exists()


def test_only_a_superuser_opens_the_organisation_page(client):
    dest = OrganisationFactory()
    user = User.objects.create_user("anna", password="x", is_staff=True)
    dest.members.add(user)
    client.force_login(user)
    response = client.get(reverse("admin:organisations_organisation_add_organising"))
    assert response.status_code == 403


def test_an_organiser_invites_a_colleague_into_their_own_organisation_only(client):
    call_command(
        "add_organiser", "--organisation", "D'EST", "--email", "anna@example.org", stdout=StringIO()
    )
    dest = Organisation.objects.get(name_fr="D'EST")
    other = OrganisationFactory(name_fr="France terre d'asile")
    client.force_login(User.objects.get(email="anna@example.org"))

    page = client.get(reverse("admin:organisations_organisation_change", args=[dest.pk]))
    assert "Invite a colleague" in page.content.decode()
    response = client.post(
        reverse("admin:organisations_organisation_invite", args=[dest.pk]),
        {"name": "Boris Ivanov", "email": "boris@example.org"},
    )
    assert response.status_code == 302
    boris = User.objects.get(email="boris@example.org")
    assert set(dest.members.all()) == {User.objects.get(email="anna@example.org"), boris}
    assert boris.has_perm("visits.change_session")
    assert mail.outbox[0].to == ["boris@example.org"]
    assert "D'EST" in mail.outbox[0].subject

    other_page = client.get(reverse("admin:organisations_organisation_change", args=[other.pk]))
    assert "Invite a colleague" not in other_page.content.decode()
    refused = client.post(
        reverse("admin:organisations_organisation_invite", args=[other.pk]),
        {"name": "Eve", "email": "eve@example.org"},
    )
    assert refused.status_code == 403
    assert not User.objects.filter(email="eve@example.org").exists()
