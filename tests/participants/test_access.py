"""Who reaches a personal page: the participant with the right token, nobody else."""

import pytest

from participants import selectors
from participants.admin import revoke_and_reissue_links
from participants.models import Participant
from participants.selectors import participant_by_token
from participants.services import participant_link_reissue

PERSONAL_PATHS = ("/p/{token}/", "/p/{token}/calendar.ics", "/p/{token}/manifest.webmanifest")


def unknown_page_body(client) -> bytes:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    return response.content


def test_personal_page_shows_its_own_participant_only(client, delegation):
    anna_page = client.get(f"/p/{delegation.anna.access_token}/").content.decode()
    pierre_page = client.get(f"/p/{delegation.pierre.access_token}/").content.decode()

    assert (
        '<h1 class="masthead-person">Анна Иванова <span class="native">Anna Ivanova</span></h1>'
    ) in anna_page
    assert "Pyotr Sokolov" not in anna_page
    assert "Пётр Соколов" not in anna_page
    assert "Olga Smirnova" not in anna_page

    assert (
        '<h1 class="masthead-person">Pyotr Sokolov <span class="native">Пётр Соколов</span></h1>'
    ) in pierre_page
    assert "Anna Ivanova" not in pierre_page
    assert "Анна Иванова" not in pierre_page


def test_personal_page_never_shows_private_details(client, delegation):
    page = client.get(f"/p/{delegation.anna.access_token}/").content.decode()

    for secret in (
        "anna.ivanova@example.ru",
        "+7 900 111 22 33",
        "Vegetarian meals",
        "Arrives late on Monday",
        "Budget: 300 EUR for coffee",
        "Guide paid in cash",
        "claire.martin@bpi.example.fr",
        "+33 1 44 78 12 33",
        "Prefers mornings",
    ):
        assert secret not in page


@pytest.mark.parametrize("path", PERSONAL_PATHS)
def test_a_revoked_token_gives_the_plain_404(client, delegation, path):
    old_token = delegation.anna.access_token
    participant_link_reissue(participant=delegation.anna)

    response = client.get(path.format(token=old_token))

    assert response.status_code == 404
    assert response.content == unknown_page_body(client)
    assert client.get(path.format(token=delegation.anna.access_token)).status_code == 200


@pytest.mark.parametrize("path", PERSONAL_PATHS)
@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda token: token[:-1], id="one-character-short"),
        pytest.param(lambda token: token[:22], id="first-half"),
        pytest.param(
            lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), id="last-wrong"
        ),
        pytest.param(lambda token: token.upper(), id="upper-case"),
        pytest.param(lambda token: "x" * 43, id="well-shaped-garbage"),
        pytest.param(lambda token: "x", id="too-short"),
        pytest.param(lambda token: token + "x" * 30, id="too-long"),
        pytest.param(lambda token: "' OR '1'='1", id="sql"),
        pytest.param(lambda token: "%00" + token, id="nul"),
        pytest.param(lambda token: "ключ" * 11, id="cyrillic"),
    ],
)
def test_wrong_tokens_give_the_plain_404(client, delegation, path, mangle):
    token = mangle(delegation.anna.access_token)

    response = client.get(path.format(token=token))

    assert response.status_code == 404
    assert response.content == unknown_page_body(client)


def test_malformed_tokens_are_refused_before_any_query(delegation, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert participant_by_token(token="short") is None
        assert participant_by_token(token="x" * 65) is None
        assert participant_by_token(token="not a token at all, with spaces!!") is None
        assert participant_by_token(token="ключ" * 11) is None


def test_the_stored_token_is_compared_in_constant_time(delegation, monkeypatch):
    calls = []
    real_compare = selectors.hmac.compare_digest

    def spy(stored, given):
        calls.append((stored, given))
        return real_compare(stored, given)

    monkeypatch.setattr(selectors.hmac, "compare_digest", spy)
    token = delegation.anna.access_token

    assert participant_by_token(token=token) == delegation.anna
    assert calls == [(token.encode(), token.encode())]


def test_personal_pages_are_not_indexed_cached_or_referred(client, delegation):
    token = delegation.anna.access_token
    for path in PERSONAL_PATHS:
        response = client.get(path.format(token=token))
        assert response.status_code == 200
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow, noarchive"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Cache-Control"] == "private, no-cache, max-age=0"

    page = client.get(f"/p/{token}/").content.decode()
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in page
    assert '<meta name="referrer" content="no-referrer">' in page


def test_tokens_carry_at_least_128_bits(delegation):
    tokens = {participant.access_token for participant in delegation.participants}

    assert len(tokens) == 3
    for token in tokens:
        assert selectors.ACCESS_TOKEN_SHAPE.fullmatch(token)
        # URL-safe base64: six bits per character.
        assert len(token) * 6 >= 128


def test_reissuing_replaces_the_token_and_its_date(delegation):
    anna = delegation.anna
    old_token, old_issued = anna.access_token, anna.access_token_issued_at

    participant_link_reissue(participant=anna)
    anna.refresh_from_db()

    assert anna.access_token != old_token
    assert anna.access_token_issued_at > old_issued
    assert participant_by_token(token=old_token) is None
    assert participant_by_token(token=anna.access_token) == anna


def test_the_admin_action_reissues_the_selected_links(delegation, rf):
    class RecordingAdmin:
        def __init__(self):
            self.messages = []

        def message_user(self, request, message, level=None):
            self.messages.append((str(message), level))

    modeladmin = RecordingAdmin()
    before = {p.pk: p.access_token for p in delegation.participants}
    queryset = Participant.objects.filter(pk__in=[delegation.anna.pk, delegation.olga.pk])

    revoke_and_reissue_links(modeladmin, rf.post("/admin/"), queryset)

    after = {p.pk: p.access_token for p in Participant.objects.all()}
    assert after[delegation.anna.pk] != before[delegation.anna.pk]
    assert after[delegation.olga.pk] != before[delegation.olga.pk]
    assert after[delegation.pierre.pk] == before[delegation.pierre.pk]
    assert modeladmin.messages == [
        (
            "The personal links of 2 participants were replaced; the old links no longer "
            "work. Send the new ones.",
            25,
        )
    ]
    assert str(revoke_and_reissue_links.short_description) == (
        "Revoke and reissue the personal link"
    )
