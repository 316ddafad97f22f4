"""An organiser previews a draft through a personal link; the page says it is a draft."""

import pytest

from tests.factories import ParticipantFactory
from tests.scenarios import published_visit
from visits.models import Visit

pytestmark = pytest.mark.django_db

NOTICE = {
    "en": "Draft: this programme is not yet published and may still change.",
    "fr": "Brouillon\u202f: ce programme n’est pas encore publié et peut encore changer.",
    "ru": "Черновик: эта программа ещё не опубликована и может измениться.",
}


@pytest.mark.parametrize("language", ["en", "fr", "ru"])
def test_a_drafts_itinerary_says_plainly_it_is_a_draft(client, language):
    visit = published_visit(status=Visit.Status.DRAFT)
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        preferred_language=language,
    )

    response = client.get(f"/p/{anna.access_token}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<p class="draft-notice" role="status">{NOTICE[language]}</p>' in page


def test_a_published_itinerary_has_no_draft_notice(client):
    anna = ParticipantFactory(
        bare=True,
        visit=published_visit(),
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        preferred_language="en",
    )

    page = client.get(f"/p/{anna.access_token}/").content.decode()

    assert "draft-notice" not in page
    assert "Anna Ivanova" in page
