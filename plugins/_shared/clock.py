"""'Now' for a build: BUILD_NOW when set (reproducible tests), else the clock read once, in WITA."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def parse_build_now(value) -> dt.datetime | None:
    """BUILD_NOW as an aware datetime, or None when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def build_moment(settings: dict) -> dt.datetime:
    """The moment this build happens, in the site's time zone.

    Without BUILD_NOW the clock is read once, by the first caller, and kept in the
    settings as BUILD_NOW: every output of a build (pages, feeds, calendars, cards,
    posters) then decides by the same moment, even when a session ends mid-build.
    """
    zone = ZoneInfo(settings["TIMEZONE"])
    fixed = settings.get("BUILD_NOW")
    if not fixed:
        fixed = settings["BUILD_NOW"] = dt.datetime.now(zone).isoformat()
    return parse_build_now(fixed).astimezone(zone)
