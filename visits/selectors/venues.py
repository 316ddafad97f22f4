"""Where a session takes place, as a reader needs it: the address in their script, a map
link, a geo: URI."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings

from organisations.languages import translated_text
from organisations.models import Venue
from visits.typography import typeset


@dataclass(frozen=True)
class VenueAddress:
    """A venue as a reader finds it: its name in the reader's language, and its address as
    it stands on the street and as a map application searches for it."""

    name: str
    name_language: str
    street: str

    @property
    def one_line(self) -> str:
        """ "Мэрия Парижа, Place de l'Hôtel de Ville, 75004 Paris, France"."""
        return ", ".join(part for part in (self.name, self.street) if part)


def address_language() -> str:
    """The language addresses are written in: the organisers' own (the portal's), in which
    the street line is typed, so that city and country never mix scripts with it."""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def venue_street_address(venue: Venue) -> str:
    """ "Place de l'Hôtel de Ville, 75004 Paris, France": one script, the street's own."""
    language = address_language()
    city = translated_text(obj=venue, field_name="city", language=language)[0]
    country = translated_text(obj=venue, field_name="country", language=language)[0]
    locality = " ".join(part for part in (venue.postal_code, city) if part)
    return ", ".join(part.strip() for part in (venue.address, locality, country) if part.strip())


def venue_address(*, venue: Venue, language: str) -> VenueAddress:
    """The one way a venue is written on the pages, in the calendar and in the booklets."""
    name, name_language = translated_text(obj=venue, field_name="name", language=language)
    return VenueAddress(
        name=typeset(name.strip(), name_language),
        name_language=name_language,
        street=venue_street_address(venue),
    )


def venue_has_address(venue: Venue) -> bool:
    """Whether a map can find the venue: a street or coordinates, not a city alone."""
    return bool(venue.address.strip()) or venue.latitude is not None


def venue_map_url(*, venue: Venue) -> str:
    """An OpenStreetMap link: the pin when we have coordinates, else a search by address."""
    if venue.latitude is not None and venue.longitude is not None:
        lat, lon = f"{venue.latitude:f}", f"{venue.longitude:f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    return "https://www.openstreetmap.org/search?" + urlencode({"query": venue_search_text(venue)})


def venue_geo_uri(*, venue: Venue) -> str:
    """A geo: URI (RFC 5870) that phones open in their own map application."""
    if venue.latitude is not None and venue.longitude is not None:
        return f"geo:{venue.latitude:f},{venue.longitude:f}"
    return "geo:0,0?q=" + quote(venue_search_text(venue))


def venue_search_text(venue: Venue) -> str:
    street = venue_street_address(venue)
    return street if venue.address.strip() else ", ".join(p for p in (venue.name, street) if p)
