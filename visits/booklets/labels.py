"""The words a booklet prints around the organisers' text, in each booklet language.

A booklet is rendered in languages other than the reader's, often several at once, so every
label is looked up for an explicit language in the gettext catalogues of ``locale/``. A
language added in settings before its catalogue prints the English words, never a gap.
"""

import functools

from django.utils import translation
from django.utils.translation import gettext_noop


def label(english: str, language: str) -> str:
    """``english`` in ``language``, from the gettext catalogue."""
    with translation.override(language):
        return translation.gettext(english)


@functools.cache
def choice_label(choice, language: str) -> str:
    """The label of a model choice (a lazy translation) in ``language``.

    Kept once made, as Django keeps the catalogues themselves: booklets, paper and calendars
    ask for each session's kind and time in each language, and switching the language to
    ask again cost 5.5 µs a call, against well under one for the kept answer.
    """
    with translation.override(language):
        return str(choice.label)


class Labels(dict):
    """Every label in one language, for templates: ``{{ col.l.Programme }}`` would not do
    with spaces, so templates use the short keys below."""

    KEYS = {
        "contents": gettext_noop("Contents"),
        "about": gettext_noop("About the visit"),
        "goals": gettext_noop("Goals"),
        "content": gettext_noop("Content"),
        "themes": gettext_noop("Themes"),
        "practical": gettext_noop("Practical information"),
        "programme": gettext_noop("Programme"),
        "hosts": gettext_noop("Host organisations"),
        "venues": gettext_noop("Venues"),
        "resources": gettext_noop("Resources"),
        "contacts": gettext_noop("Contacts"),
        "emergency": gettext_noop("In an emergency"),
        "contacts_where": gettext_noop(
            "The organisers' phone numbers are printed in the delegation's booklet and in "
            "each participant's own booklet, which every participant opens from their "
            "personal link, and shown in their programme online."
        ),
        "emergency_services": gettext_noop("Police, ambulance, fire brigade"),
        "delegation": gettext_noop("Delegation booklet"),
        "organiser": gettext_noop("Organiser"),
        "supporters": gettext_noop("With the support of"),
        "partners": gettext_noop("Partners"),
        "sending": gettext_noop("Sending organisation"),
        "venue": gettext_noop("Venue"),
        "meeting_point": gettext_noop("Meeting point"),
        "session_hosts": gettext_noop("Hosts"),
        "speakers": gettext_noop("Speakers"),
        "group": gettext_noop("Group"),
        "groups": gettext_noop("Groups"),
        "parallel": gettext_noop("In parallel"),
        "reading": gettext_noop("Reading"),
        "website": gettext_noop("Web site"),
        "directions": gettext_noop("Getting there"),
        "online": gettext_noop("Programme online"),
        "online_personal": gettext_noop("Your own programme online"),
        "personal": gettext_noop("Personal programme"),
        "phone": gettext_noop("Phone"),
        "email": gettext_noop("E-mail"),
        "no_sessions": gettext_noop("No session on this day."),
        "page": gettext_noop("Page"),
        "of": gettext_noop("of"),
        "version": gettext_noop("Version"),
        "as_of": gettext_noop("Programme as of %(date)s, %(time)s"),
        "issued": gettext_noop("issued"),
        "check_current": gettext_noop("Is this booklet still current? This link says so:"),
    }

    @classmethod
    def for_language(cls, language: str) -> "Labels":
        return cls({key: label(english, language) for key, english in cls.KEYS.items()})
