"""visits/typography.py: the typesetter's rules in each language, for pages, calendar and
booklets alike."""

import unicodedata

import pytest

from visits.typography import collation_key, typeset


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("L'atelier d'écriture", "fr", "L\u2019atelier d\u2019écriture"),
        ('Le "troisième lieu"', "fr", "Le «\u202ftroisième lieu\u202f»"),
        ("Pourquoi ? Attention!", "fr", "Pourquoi\u202f? Attention\u202f!"),
        ("Horaires : 10:00", "fr", "Horaires\u202f: 10:00"),
        ("«Rencontre» et « Atelier »", "fr", "«\u202fRencontre\u202f» et «\u202fAtelier\u202f»"),
        (
            "au XIXe siècle, 10e arrondissement, 1er étage",
            "fr",
            "au XIXᵉ siècle, 10ᵉ arrondissement, 1ᵉʳ étage",
        ),
        ("Le Ce", "fr", "Le Ce"),
        ("https://example.org/a?b=1", "fr", "https://example.org/a?b=1"),
        (
            "The organisers' \"open day\", don't",
            "en",
            "The organisers\u2019 \u201copen day\u201d, don\u2019t",
        ),
        ("a 'short' word", "en", "a \u2018short\u2019 word"),
        ('Проект "Город"', "ru", "Проект «Город»"),
        ("№ 5", "ru", "№\u00a05"),
    ],
)
def test_typeset(text, language, expected):
    assert typeset(text, language) == expected


def test_no_straight_quote_survives():
    for language in ("fr", "en", "ru"):
        result = typeset("l'a \"b\" c' 'd \"e", language)
        assert "'" not in result and '"' not in result


def test_collation_follows_each_alphabet():
    french = ["Musée", "Mairie", "Médiathèque", "École", "Zoo"]
    assert sorted(french, key=lambda s: collation_key(s, "fr")) == [
        "École",
        "Mairie",
        "Médiathèque",
        "Musée",
        "Zoo",
    ]
    russian = ["Ёлка", "Едва", "Жук", "Ещё", "Арка"]
    assert sorted(russian, key=lambda s: collation_key(s, "ru")) == [
        "Арка",
        "Едва",
        "Ёлка",
        "Ещё",
        "Жук",
    ]


def test_collation_keys_are_those_of_the_whole_unicode_table():
    # The table is read a character at a time, as texts need it (0.15 to 0.25 s less
    # in every booklet's process); the keys must be those of the whole table.
    from pyuca import Collator

    from visits.typography import _collator

    whole_table = Collator()
    texts = [
        "Médiathèque", "École", "Ёлка", "Йошкар-Ола", "И\u0306",  # Й typed in two parts
        "Čebelarstvo", "Šola", "Žiri", "Ljubljana", "Straße", "Æsop", "ﬁnance",
        "Ω", "日本", "😀", "l’Hôtel-Dieu", "n\u0303", "1er étage", "",
    ]  # fmt: skip
    for text in texts:
        assert collation_key(text) == whole_table.sort_key(unicodedata.normalize("NFC", text)), text
    # Only what these texts hold was read.
    assert len(_collator().parsed) < 200


def test_visit_texts_on_the_pages_are_typeset(client, delegation):
    """The visit's own texts (title, narratives, practical information) are set like the
    sessions beside them, not left with a typewriter's quotes and spaces."""
    visit = delegation.visit
    visit.title_fr = 'Visite d\'étude : le "troisième lieu"'
    visit.goals_fr = "Pourquoi ? Voir le XIXe siècle."
    visit.save()

    public = client.get("/v/paris-2026/?lang=fr").content.decode()
    itinerary = client.get(f"/p/{delegation.pierre.access_token}/?lang=fr").content.decode()

    title = "Visite d\u2019étude\u202f: le «\u202ftroisième lieu\u202f»"
    assert f'<h1 class="masthead-title">{title}</h1>' in public
    assert "<p>Pourquoi\u202f? Voir le XIXᵉ siècle.</p>" in public
    assert f'<p class="masthead-visit">{title}</p>' in itinerary
    assert "<p>Hôtel\u202f: prendre la ligne 4.</p>" in itinerary
