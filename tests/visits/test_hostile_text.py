"""Whatever an organiser types or imports: no 500, and a refusal says why in words.

Hypothesis throws arbitrary Unicode at the admin's forms, the delegation import and the
booklet: right-to-left text, combining marks, emoji, control characters, the NUL character
PostgreSQL refuses, and very long strings. Examples are few per run (each one is a real
request or a real render); the strategies are built to reach the hostile corners first.
"""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations.models import Organisation
from tests.factories import (
    OrganisationFactory,
    OrganiserFactory,
    ParticipantFactory,
    SessionFactory,
    VisitFactory,
)
from visits.booklets.services import booklet_mode_parse, booklet_pdf

pytestmark = pytest.mark.django_db

# Characters a keyboard, a paste from a PDF or a spreadsheet really bring.
HOSTILE = st.sampled_from(
    [
        "\u202e",  # right-to-left override
        "\u200f",  # right-to-left mark
        "\u0301",  # combining acute accent
        "\u0000",  # NUL, refused by PostgreSQL
        "\u0007",  # bell
        "\ufeff",  # byte order mark
        "\U0001f600",  # emoji outside the basic plane
        "שלום",
        "مرحبا",
        "Ёжик",
        "<script>alert(1)</script>",
        '=HYPERLINK("http://x")',
        "\r\n",
    ]
)
TEXT = st.one_of(
    st.lists(st.one_of(HOSTILE, st.text(max_size=5)), max_size=12).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.integers(min_value=260, max_value=5000).map(lambda n: "Ж" * n),
)
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def organiser_client():
    """An organiser's logged-in client; ``client.organisation`` is the one they work for."""
    organisation = OrganisationFactory()
    client = Client()
    client.force_login(OrganiserFactory(organisation=organisation))
    client.organisation = organisation
    return client


@EXAMPLES
@given(name=TEXT, description=TEXT, city=TEXT)
def test_the_organisation_form_saves_or_explains_any_text(
    organiser_client, name, description, city
):
    response = organiser_client.post(
        reverse("admin:organisations_organisation_add"),
        {
            "name_fr": name,
            "name_ru": name,
            "description_fr": description,
            "kind": Organisation.Kind.ASSOCIATION,
            "city_fr": city,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        # Refused: the page says why, and what was typed is still in the form.
        errors = response.context["adminform"].form.errors
        assert errors, "a refused form names its errors"
        assert all(str(message) for messages in errors.values() for message in messages)
    else:
        saved = Organisation.objects.order_by("-pk").first()
        assert saved.name_fr == name.strip()


def _sheet(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", errors="surrogatepass")


@EXAMPLES
@given(native=TEXT, latin=TEXT, organisation=TEXT)
def test_the_delegation_import_reads_or_refuses_any_row(
    organiser_client, native, latin, organisation
):
    visit = VisitFactory(organiser=organiser_client.organisation)
    data = _sheet(
        [
            ["Name (native)", "Name (Latin)", "Organisation", "E-mail", "Language"],
            [native, latin, organisation, "delegate@example.org", "ru"],
        ]
    )
    response = organiser_client.post(
        reverse("admin:participants_participant_import"),
        {
            "visit": visit.pk,
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("delegation.csv", data),
        },
    )
    assert response.status_code in (200, 302)
    body = response.content.decode()
    assert "Traceback" not in body
    assert "/site-packages/" not in body


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(title=TEXT, description=TEXT, name=TEXT)
def test_a_booklet_prints_any_text(title, description, name):
    visit = VisitFactory()
    # Within the column (300 characters): PostgreSQL refuses longer, as the forms do.
    title = title.replace("\x00", "")[:300]
    SessionFactory(
        visit=visit,
        title_fr=title,
        title_ru=title,
        description_fr=description.replace("\x00", ""),
    )
    ParticipantFactory(visit=visit, name_native=name.replace("\x00", "")[:200])
    pdf, _version = booklet_pdf(visit=visit, mode=booklet_mode_parse(languages="ru+fr", paper="a5"))
    assert pdf.startswith(b"%PDF")
