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
