"""An uploaded resource never runs in our origin: checked when attached, a download when served."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import OrganisationFactory, OrganiserFactory, ParticipantFactory
from tests.scenarios import published_visit
from visits.models import Resource, Visit

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><script>fetch('/admin/auth/user/')</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def stored(visit: Visit, name: str, content: bytes) -> Resource:
    """A file already on the disk, whatever the upload check would say of it today."""
    resource = Resource(visit=visit, title_fr="Plan de mobilisation")
    resource.file.save(name, ContentFile(content))
    return resource


def assert_served_as_download(response, filename: str, content_type: str) -> None:
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "script.js", "page.htm"])
def test_a_stored_file_a_browser_would_run_is_served_only_as_an_opaque_download(client, name):
    visit = published_visit(status=Visit.Status.DRAFT)
    anna = ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna Ivanova", name_native="Anna Ivanova"
    )
    organiser = OrganiserFactory(username="anna", organisation=visit.organiser)
    resource = stored(visit, name, SCRIPT)

    personal = client.get(f"/p/{anna.access_token}/resources/{resource.pk}/")
    client.force_login(organiser)
    admin_link = client.get(f"/media/{resource.file.name}")
    visit.status = Visit.Status.PUBLISHED
    visit.save()
    public = client.get(f"/v/paris-2026/resources/{resource.pk}/")

    for response in (personal, admin_link, public):
        assert_served_as_download(response, name, "application/octet-stream")
        assert b"".join(response.streaming_content) == SCRIPT


def test_a_pdf_is_a_download_of_its_own_type(client):
    resource = stored(published_visit(), "plan.pdf", PDF)

    response = client.get(f"/v/paris-2026/resources/{resource.pk}/")

    assert_served_as_download(response, "plan.pdf", "application/pdf")


def test_a_stored_name_cannot_break_out_of_the_download_header(client):
    resource = stored(published_visit(), "plan.pdf", PDF)
    Resource.objects.filter(pk=resource.pk).update(file='resources/2026/a"b;\r\nc.pdf')
    resource.refresh_from_db()
    resource.file.storage.save(resource.file.name, ContentFile(PDF))

    response = client.get(f"/v/paris-2026/resources/{resource.pk}/")

    assert response["Content-Disposition"] == 'attachment; filename="a_b_c.pdf"'


@pytest.fixture
def organiser_client(client):
    visit = published_visit(status=Visit.Status.DRAFT)
    client.force_login(OrganiserFactory(username="anna", organisation=visit.organiser))
    client.visit = visit
    return client


def attach(client, name: str, content: bytes, language: str = "en"):
    return client.post(
        "/admin/visits/resource/add/",
        {
            "visit": client.visit.pk,
            "title_fr": "Plan de mobilisation",
            "file": SimpleUploadedFile(name, content),
            "position": 0,
        },
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", SCRIPT),
        ("drawing.svg", SVG),
        ("script.js", b"alert(1)"),
        ("notes.txt", b"plain"),
        ("nameless", PDF),
    ],
)
def test_a_type_off_the_list_is_refused_with_the_list(organiser_client, name, content):
    response = attach(organiser_client, name, content)

    assert response.status_code == 200
    assert "Files of this type cannot be attached. Accepted: .pdf, .doc" in response.text
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", SCRIPT),
        ("photo.png", SVG),
        ("report.docx", PDF),
        ("report.odt", office_file("docx")),
        ("report.docx", b"PK\x03\x04 not a zip at all"),
    ],
)
def test_a_file_whose_content_is_not_its_name_is_refused(organiser_client, name, content):
    response = attach(organiser_client, name, content)

    extension = name.rsplit(".", 1)[1]
    assert f"This file is not a real .{extension} document; save it again as one." in response.text
    assert not Resource.objects.exists()


def test_the_refusal_is_in_the_organisers_language(organiser_client):
    response = attach(organiser_client, "page.html", SCRIPT, language="fr")

    assert "Les fichiers de ce type ne peuvent pas être joints" in response.text


def test_a_file_over_the_size_limit_is_refused(organiser_client, settings):
    settings.RESOURCE_MAX_UPLOAD_MB = 1

    response = attach(organiser_client, "plan.pdf", PDF + b"0" * (1024 * 1024))

    assert "This file is larger than 1 MB; attach a smaller file or give a link." in response.text
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", PDF),
        ("photo.png", PNG),
        ("report.docx", office_file("docx")),
        ("report.odt", office_file("odt")),
        ("photo.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
    ],
)
def test_documents_on_the_list_are_attached(organiser_client, name, content):
    response = attach(organiser_client, name, content)

    assert response.status_code == 302
    assert Resource.objects.get().file.read() == content


def test_the_visit_pages_inline_checks_the_file_too(organiser_client):
    from tests.visits.admin.test_visit import visit_form

    visit = organiser_client.visit
    data = visit_form(visit, **{"resources-TOTAL_FORMS": 1})
    data |= {"resources-0-visit": visit.pk, "resources-0-title_fr": "Plan"}
    data |= {"resources-0-position": 0}
    data["resources-0-file"] = SimpleUploadedFile("page.html", SCRIPT)

    response = organiser_client.post(f"/admin/visits/visit/{visit.pk}/change/", data)

    assert "Files of this type cannot be attached." in response.text
    assert not Resource.objects.exists()


def test_an_outsider_still_gets_nothing(client):
    resource = stored(published_visit(status=Visit.Status.DRAFT), "plan.pdf", PDF)
    client.force_login(
        OrganiserFactory(username="milena", organisation=OrganisationFactory(name_fr="FTA"))
    )

    assert client.get(f"/media/{resource.file.name}").status_code == 404
