"""Dates of a programme in words, as each language writes them after a day number."""

import datetime
import zoneinfo

from django.utils import dateformat, translation


def month_after_day(date: datetime.date, language: str | None = None) -> str:
    """The month name as it follows a day number: "мая" in "12 мая", "mai", "May".

    Languages that decline month names after a day number carry the declined form as
    Django's "alternative" month name (format "E"); elsewhere the alternative differs at
    most by case (French "Mai"), and the ordinary name reads better.
    """
    with translation.override(language or translation.get_language()):
        plain = dateformat.format(date, "F")
        alternative = dateformat.format(date, "E")
    return alternative if alternative.lower() != plain.lower() else plain


def day_month(date: datetime.date, language: str | None = None) -> str:
    """ "16 March", "16 mars", "16 марта"."""
    return f"{date.day} {month_after_day(date, language)}"


def day_month_year(date: datetime.date, language: str | None = None) -> str:
    """ "16 March 2026", "16 mars 2026", "16 марта 2026"."""
    return f"{day_month(date, language)} {date.year}"


def date_range(start: datetime.date, end: datetime.date, language: str | None = None) -> str:
    """ "12–18 мая 2019", "30 avril – 2 mai 2019", "30 December 2019 – 2 January 2020"."""
    last = day_month_year(end, language)
    if start == end:
        return last
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{last}"
    if start.year == end.year:
        return f"{day_month(start, language)} \u2013 {last}"
    return f"{day_month_year(start, language)} \u2013 {last}"


def needs_year(start: datetime.date, end: datetime.date, today: datetime.date) -> bool:
    """Whether a programme's day headings carry the year: a programme over two years, or
    not in this year, reads "Monday 4 January" ambiguously."""
    return start.year != end.year or start.year != today.year


def utc_offset(date: datetime.date, zone: zoneinfo.ZoneInfo) -> str:
    """ "UTC+01:00": the zone's offset on that date (at noon, clocks change at night)."""
    offset = datetime.datetime.combine(date, datetime.time(12), tzinfo=zone).strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def offset_changes(
    start: datetime.date, end: datetime.date, zone: zoneinfo.ZoneInfo
) -> list[tuple[datetime.date, str]]:
    """The offset of the first date, then each date from which the offset differs."""
    changes: list[tuple[datetime.date, str]] = []
    date = start
    while date <= end:
        offset = utc_offset(date, zone)
        if not changes or changes[-1][1] != offset:
            changes.append((date, offset))
        date += datetime.timedelta(days=1)
    return changes
