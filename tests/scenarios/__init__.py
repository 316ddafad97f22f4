"""Named study visits that many tests share, built from the factories in tests/factories.py.

- ``paris_rouen_programme``: a clean two-day programme (Paris, then Rouen) with nothing for
  the programme check to find; each test of the check, the visit's tools and the delegation
  import spoils it in one way.
- ``delegation_in_paris``: a published week in Paris read in Russian, French and English,
  with two groups, three participants and three sessions on the first day; what the
  itinerary, the calendars, the public page and the personal links show.
- ``librarians_in_paris_and_rouen``: a bilingual (Russian, French) visit of two to three days
  with two groups, hosts, venues, resources and emergency contacts; what booklets print.

- ``readers_in_paris``: four participants reading Russian, French and English in two
  groups, a session for one group and one for everyone; who is told of which change.

Each record is made with ``bare=True`` and every field it needs given here, so a default
added to a factory later cannot change what these scenarios hold.
"""

from tests.scenarios.delegation import (
    Delegation,
    delegation_in_paris,
    published_visit,
    session_on_day,
    visit_time,
)
from tests.scenarios.librarians import librarian, librarians_in_paris_and_rouen, may_2025
from tests.scenarios.paris_rouen import (
    PARIS,
    may_2019,
    paris_rouen_programme,
    plain_host,
    plain_session,
    plain_venue,
)
from tests.scenarios.readers import Readers, readers_in_paris

__all__ = [
    "PARIS",
    "Delegation",
    "delegation_in_paris",
    "librarian",
    "librarians_in_paris_and_rouen",
    "may_2019",
    "may_2025",
    "paris_rouen_programme",
    "plain_host",
    "plain_session",
    "plain_venue",
    "published_visit",
    "Readers",
    "readers_in_paris",
    "session_on_day",
    "visit_time",
]
