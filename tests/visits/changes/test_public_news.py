"""The public programme says what the latest published version changed."""

import pytest

from tests.scenarios import may_2019 as at
from tests.scenarios import readers_in_paris as build_delegation
from visits.changes.services import programme_version_publish
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_the_public_page_lists_the_latest_changes(client):
    data = build_delegation()
    Visit.objects.filter(pk=data.visit.pk).update(status=Visit.Status.PUBLISHED)
    programme_version_publish(visit=data.visit)
    assert "What changed" not in client.get("/v/paris-2019/?lang=en").content.decode()

    data.welcome.starts_at, data.welcome.ends_at = at(13, 8), at(13, 9)
    data.welcome.save()
    programme_version_publish(visit=data.visit)
    page = client.get("/v/paris-2019/?lang=en").content.decode()

    assert "What changed" in page
    assert "Monday 13 May: “Welcome” moves from 09:00 to 08:00." in page
    welcome = page.split(f'id="session-{data.welcome.pk}"')[1].split("</header>")[0]
    assert "Changed" in welcome
