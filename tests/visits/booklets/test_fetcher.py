"""WeasyPrint loads nothing but our static files, whatever the HTML or the text asks."""

from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.fetcher import BOOKLET_BASE_URL, StaticOnlyPolicy
from visits.booklets.rendering import html_to_pdf
from visits.booklets.typography import organiser_html

HOSTILE = """<!DOCTYPE html><html lang="fr"><head>
<link rel="stylesheet" href="/static/booklet/booklet.css">
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="stylesheet" href="http://example.com/evil.css">
<style>
@import url("http://example.com/import.css");
@font-face { font-family: Leak; src: url("file:///etc/passwd"); }
body { background: url("/static/../../../../etc/passwd"); }
</style></head><body>
<p>Programme</p>
<img src="file:///etc/passwd"><img src="http://example.com/pixel.png">
<img src="/static/booklet/../../config/settings.py">
<iframe src="file:///etc/passwd"></iframe>
</body></html>"""


def test_hostile_urls_are_asked_for_and_refused():
    policy = StaticOnlyPolicy()
    pdf = html_to_pdf(HOSTILE, policy=policy)
    assert set(policy.refused) == {
        "file:///etc/passwd",
        "http://example.com/evil.css",
        "http://example.com/import.css",
        "http://example.com/pixel.png",
        f"{BOOKLET_BASE_URL}etc/passwd",
        f"{BOOKLET_BASE_URL}config/settings.py",
    }
    allowed = [url for url in policy.asked if url not in policy.refused]
    assert allowed and all(url.startswith(f"{BOOKLET_BASE_URL}static/") for url in allowed)
    text = " ".join(pdf_pages(pdf))
    assert text == "Programme"
    assert b"root:x:0" not in pdf


def test_static_files_resolve_from_disk_and_nothing_else():
    policy = StaticOnlyPolicy()
    path, mime_type = policy.resolve(f"{BOOKLET_BASE_URL}static/fonts/NotoSerif-Regular.ttf")
    assert (path.name, mime_type) == ("NotoSerif-Regular.ttf", "font/ttf")
    for url in [
        f"{BOOKLET_BASE_URL}static/fonts/OFL.txt",  # not a kind of file a booklet loads
        f"{BOOKLET_BASE_URL}static/fonts/%2e%2e/%2e%2e/manage.py",
        f"{BOOKLET_BASE_URL}media/booklets/secret.pdf",
        "https://127.0.0.1:8000/static/booklet/booklet.css",
        "data:text/css,body{}",
    ]:
        try:
            policy.resolve(url)
        except ValueError:
            continue
        raise AssertionError(f"{url} was allowed")
    assert len(policy.refused) == 5


def test_organiser_text_cannot_carry_markup_to_the_renderer():
    html = organiser_html(
        'Visite <img src="file:///etc/passwd"> <a href="http://example.com">lien</a>'
        "\n<script>alert(1)</script>\n\nSecond <strong>paragraphe</strong> & fin"
    )
    assert html == ("<p>Visite  lien</p><p>Second <strong>paragraphe</strong> &amp; fin</p>")


def test_a_description_pointing_at_files_renders_without_fetching(visit):
    import datetime

    from organisations.models import Organisation
    from visits.booklets.rendering import booklet_html
    from visits.booklets.selectors import booklet_content
    from visits.booklets.version import content_version

    Organisation.objects.filter(name_fr="Mairie du 10e arrondissement").update(
        description_fr='Voir <img src="file:///etc/passwd"> et <link href="http://example.com/x.css">'
    )
    content = booklet_content(visit=visit, languages=["fr"], paper="a4")
    html = booklet_html(
        content=content,
        zone=visit.zone,
        version=content_version(content),
        issued=datetime.datetime(2025, 5, 1, 9, 0, tzinfo=datetime.UTC),
    )
    policy = StaticOnlyPolicy()
    pdf = html_to_pdf(html, policy=policy)
    assert policy.refused == []
    assert all(url.startswith(f"{BOOKLET_BASE_URL}static/") for url in policy.asked)
    assert "Voir et" in " ".join(pdf_pages(pdf))


def test_production_static_names_resolve_after_collectstatic(settings, tmp_path):
    """With DEBUG off, {% static %} names hashed files (booklet.<hash>.css) that only the
    collected folder holds: the booklet still finds its styles and fonts."""
    from django.core.management import call_command
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed = static("booklet/booklet.css")
    assert hashed != "/static/booklet/booklet.css"

    path, mime_type = StaticOnlyPolicy().resolve(BOOKLET_BASE_URL.rstrip("/") + hashed)

    assert path.is_file() and mime_type == "text/css"
