"""Indonesian date formats through Babel's CLDR data, always in the site's zone.

"Sabtu, 5 Desember 2026 pukul 09.00 WITA" is the long form readers see.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

LOCALE = "id"


def _local(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def long_date(moment: dt.datetime, zone: ZoneInfo) -> str:
    """Sabtu, 5 Desember 2026"""
    return format_datetime(_local(moment, zone), "EEEE, d MMMM y", locale=LOCALE)


def month_year(moment: dt.datetime, zone: ZoneInfo) -> str:
    """Desember 2026 (a standalone month name, as in a heading)"""
    return format_datetime(_local(moment, zone), "LLLL y", locale=LOCALE)


def short_date(moment: dt.datetime, zone: ZoneInfo) -> str:
    """5 Des 2026"""
    return format_datetime(_local(moment, zone), "d MMM y", locale=LOCALE)


def clock(moment: dt.datetime, zone: ZoneInfo) -> str:
    """09.00"""
    return format_datetime(_local(moment, zone), "HH.mm", locale=LOCALE)


def zone_abbreviation(moment: dt.datetime, zone: ZoneInfo) -> str:
    """WITA"""
    return format_datetime(_local(moment, zone), "zzz", locale=LOCALE)


def long_datetime(moment: dt.datetime, zone: ZoneInfo) -> str:
    """Sabtu, 5 Desember 2026 pukul 09.00 WITA"""
    return f"{long_date(moment, zone)} pukul {clock(moment, zone)} {zone_abbreviation(moment, zone)}"


def time_range(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> str:
    """One line for an event: the end's date is repeated only when it differs."""
    start, end = _local(start, zone), _local(end, zone)
    if start.date() == end.date():
        return (
            f"{long_date(start, zone)}, pukul {clock(start, zone)}–{clock(end, zone)} "
            f"{zone_abbreviation(start, zone)}"
        )
    return f"{long_datetime(start, zone)} sampai {long_datetime(end, zone)}"


def iso(moment: dt.datetime, zone: ZoneInfo) -> str:
    """2026-12-05T09:00:00+08:00, for <time datetime> and machine-readable output."""
    return _local(moment, zone).isoformat()
