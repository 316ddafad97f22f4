"""The history pages in Russian: simple-history's own words too (its catalogue is for
ru_RU, which Django's "ru" does not load), and no "None" for a change without a reason."""

import html
import re

import pytest
from django.urls import reverse

from tests.factories import OrganiserFactory
from tests.visits.changes.test_history import edited_session  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_session_history_page_reads_in_russian(client, edited_session):  # noqa: F811
    reader = OrganiserFactory(username="reader", organisation=edited_session.visit.organiser)
    client.force_login(reader)
    url = reverse("admin:visits_session_history", args=[edited_session.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    content = page[page.index('id="content"') :]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())
    assert "История изменений:" in text
    assert "Изменения" in text
    for english in ("View history", "Changes", "None"):
        assert english not in text
