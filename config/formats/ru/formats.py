"""Russian dates as Russian readers write them.

Django's own Russian formats put a day before a month in the nominative ("12 Май"), as in
the admin's date drill-down; a day takes the month in the genitive ("12 мая"). Only what
differs from Django's module is here: the rest comes from it.
"""

MONTH_DAY_FORMAT = "j E"
