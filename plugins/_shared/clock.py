"""'Now' for a build: BUILD_NOW when set (reproducible tests), else the clock, in WITA."""

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
    """The moment this build happens, in the site's time zone."""
    zone = ZoneInfo(settings["TIMEZONE"])
    fixed = settings.get("BUILD_NOW")
    return parse_build_now(fixed).astimezone(zone) if fixed else dt.datetime.now(zone)


def pin_build_moment(settings: dict) -> None:
    """Read the clock once for a build about to run with these settings (when BUILD_NOW is
    not given): every output (pages, feeds, calendars, cards, posters) then decides by the
    same moment, even when a session ends mid-build.

    For settings made for one build only (the project's build runner reads them anew for
    each): `pelican -r` runs every build with the same settings, which would keep the
    first moment for all of them.
    """
    if not settings.get("BUILD_NOW"):
        settings["BUILD_NOW"] = dt.datetime.now(ZoneInfo(settings["TIMEZONE"])).isoformat()
