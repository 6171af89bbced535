"""What the event tests expect, worked out from the content as the checker reads it.

A session expansion of the tests' own (start, end, repeat, skip, moved, all_day),
never the build's code and never its output.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from plugins.content_model.kinds import DEFAULT
from sitekit import BUILD_NOW, WITA

NOW = dt.datetime.fromisoformat(BUILD_NOW)
SCHEDULED_KINDS = [slug for slug, kind in DEFAULT.posts.items() if kind.lists_upcoming]
STEP = {"day": "days", "week": "weeks", "month": "months"}


def sessions_of(values: dict) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every (start, end) of an event: the repeat rule expanded, skipped days left out, moved ones moved."""
    start, end = values["start"].astimezone(WITA), values["end"].astimezone(WITA)
    if values.get("all_day"):
        start = dt.datetime.combine(start.date(), dt.time(), WITA)
        end = dt.datetime.combine(end.date() + dt.timedelta(days=1), dt.time(), WITA)
    length, rule = end - start, values.get("repeat")
    if rule is None:
        return [(start, end)]
    starts, number = [], 0
    while rule.count is None or number < rule.count:
        moment = start + relativedelta(**{STEP[rule.every]: rule.interval * number})
        if rule.until is not None and moment.date() > rule.until:
            break
        starts.append(moment)
        number += 1
    skip, moved = set(values.get("skip", ())), values.get("moved", {})
    held = [
        moved[s.date()].astimezone(WITA) if s.date() in moved else s for s in starts if s.date() not in skip
    ]
    return sorted((s, s + length) for s in held)


def months_spanned(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    """The first day of every month a session takes place in (its end is the moment after it)."""
    last = end - dt.timedelta(microseconds=1)
    month, found = start.date().replace(day=1), []
    while month <= last.date():
        found.append(month)
        month += relativedelta(months=1)
    return found
