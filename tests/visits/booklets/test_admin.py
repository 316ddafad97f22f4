"""Organisers render and download every mode from the visit's admin page."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model

from tests.factories import OrganisationFactory
from visits.booklets.models import Booklet


@pytest.fixture
def organiser(visit):
    user = get_user_model().objects.create_superuser("organiser", password="x")
    return user


@pytest.fixture
def outsider(visit):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("outsider", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__endswith="_visit"))
    other = OrganisationFactory(bare=True, name_fr="Autre association")
    other.members.add(user)
    return user


def test_an_organiser_renders_and_downloads_a_booklet(
    client, organiser, visit, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    change = client.get(f"/admin/visits/visit/{visit.pk}/change/")
    page = change.content.decode()
    assert '<div id="booklets">' in page
    assert "ru+fr A5" in page and "en A4" in page
    assert "not made yet" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/visits/visit/{visit.pk}/booklets/render/?languages=ru%2Bfr&paper=a5"
        )
    assert response.status_code == 302
    booklet = Booklet.objects.get()
    assert booklet.status == Booklet.Status.READY

    page = client.get(f"/admin/visits/visit/{visit.pk}/change/").content.decode()
    assert f"paris-rouen-2025-ru-fr-a5-{booklet.short_version}.pdf" in page
    assert "current" in page

    download = client.get(f"/admin/visits/visit/{visit.pk}/booklets/{booklet.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_organiser_sees_why_a_render_failed(client, organiser, visit):
    from visits.booklets.services import booklet_mode_parse, booklet_request

    booklet = booklet_request(visit=visit, mode=booklet_mode_parse(languages="ru", paper="a4"))
    Booklet.objects.filter(pk=booklet.pk).update(
        status=Booklet.Status.FAILED, error="ValueError: a font is missing"
    )
    client.force_login(organiser)
    page = client.get(f"/admin/visits/visit/{visit.pk}/change/").content.decode()
    assert "<code>ValueError: a font is missing</code>" in page


def test_a_personal_booklet_from_the_admin(
    client, organiser, visit, anna, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/visits/visit/{visit.pk}/booklets/render/?personal=1",
            {"booklet_participant": anna.pk, "booklet_languages": "ru", "booklet_paper": "a5"},
        )
    booklet = Booklet.objects.get()
    assert (booklet.participant, booklet.languages, booklet.paper) == (anna, "ru", "a5")
    assert booklet.status == Booklet.Status.READY


def test_another_organisation_cannot_render_or_download(client, outsider, visit, organiser):
    from visits.booklets.services import booklet_mode_parse, booklet_request

    booklet = booklet_request(visit=visit, mode=booklet_mode_parse(languages="ru", paper="a4"))
    client.force_login(outsider)
    render = client.post(f"/admin/visits/visit/{visit.pk}/booklets/render/?languages=ru&paper=a4")
    download = client.get(f"/admin/visits/visit/{visit.pk}/booklets/{booklet.pk}/download/")
    assert (render.status_code, download.status_code) == (404, 404)


class TableCells(HTMLParser):
    """The text of every table cell of a page, as a reader sees it."""

    def __init__(self):
        super().__init__()
        self.cells: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self.cells.append("")
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "td":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.cells[-1] += data


def _freshness(page: str, booklet: Booklet) -> str:
    """What the panel's row of this booklet says of it: "current" or "older programme"."""
    reader = TableCells()
    reader.feed(page)
    (cell,) = [cell for cell in reader.cells if f"-{booklet.short_version}.pdf" in cell]
    return " ".join(cell.rsplit("·", 1)[1].split())


def test_the_panel_says_whether_each_booklet_is_current_reading_the_programme_only_if_needed(
    client, organiser, visit, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.cache import cache

    from visits.booklets import admin as booklets_admin

    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/visits/visit/{visit.pk}/booklets/render/?languages=ru%2Bfr&paper=a5")
    booklet = Booklet.objects.get()
    read = []
    real_content = booklets_admin.booklet_content
    monkeypatch.setattr(
        booklets_admin,
        "booklet_content",
        lambda **kwargs: read.append(kwargs["languages"]) or real_content(**kwargs),
    )
    page = lambda: client.get(f"/admin/visits/visit/{visit.pk}/change/").content.decode()  # noqa: E731

    # Nothing saved since the render: the revision says it, no programme is read.
    assert _freshness(page(), booklet) == "current"
    assert read == []

    # A save that prints nothing new: the programme is read and found the same, and the
    # booklet keyed anew, so the next look reads nothing, even from another process (whose
    # cache has not seen this revision).
    visit.save()
    assert _freshness(page(), booklet) == "current"
    assert read == [["ru", "fr"]]
    cache.clear()
    assert _freshness(page(), booklet) == "current"
    assert read == [["ru", "fr"]]

    # A session renamed: the booklet is of an older programme. Until it is rendered again,
    # each look finds that out without reading the programme once more.
    session = visit.sessions.order_by("starts_at").first()
    session.title_fr = "Rencontre déplacée"
    session.save()
    assert _freshness(page(), booklet) == "older programme"
    assert read == [["ru", "fr"], ["ru", "fr"]]
    assert _freshness(page(), booklet) == "older programme"
    assert read == [["ru", "fr"], ["ru", "fr"]]


def _booklets_made(visit, count: int, *, first: int = 0) -> None:
    """Rows as a running visit leaves them: participants' booklets, and the visit's in each
    of its modes in turn."""
    from tests.factories import ParticipantFactory
    from visits.booklets.revision import programme_key
    from visits.booklets.selectors import booklet_modes

    modes = booklet_modes(visit=visit)
    for index in range(first, first + count):
        participant = (
            ParticipantFactory(visit=visit, name_latin=f"Reader {index:02d}") if index % 2 else None
        )
        languages, paper = modes[index // 2 % len(modes)]
        Booklet.objects.create(
            visit=visit,
            participant=participant,
            languages=languages,
            paper=paper,
            content_version=f"{index:064d}",
            status=Booklet.Status.READY,
        )
    # Made for today's programme (which the new participants changed): the panel trusts
    # them without reading it, a cost the panel's own test measures.
    visit.refresh_from_db(fields=["programme_revision"])
    Booklet.objects.filter(visit=visit).update(programme_key=programme_key(visit))


def test_the_visit_page_lists_the_newest_booklets_in_as_many_queries_at_any_number(
    client, organiser, visit, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(organiser)
    url = f"/admin/visits/visit/{visit.pk}/change/"
    _booklets_made(visit, 4)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)

    _booklets_made(visit, 40, first=4)
    with django_assert_num_queries(len(few)):
        page = client.get(url).content.decode()

    start = page.index('id="booklets-group"')
    listed = page[start : page.index("</table>", start)]
    assert "Booklets made: the newest 30" in listed
    # The rows are numbered from 0, newest first: thirty of the 44, the oldest left out.
    assert 'id="booklets-29"' in listed and 'id="booklets-30"' not in listed
    assert "Reader 43" in listed and "Reader 15" in listed
    assert "Reader 13" not in listed and "Reader 01" not in listed
