"""'Add to calendar' links of one event: its .ics, Google Calendar and Outlook.com."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from .model import CalendarEntry

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


@dataclass(frozen=True)
class CalendarLinks:
    """What an event page offers (article.calendar)."""

    ics: str  # site-relative path of its .ics: "kalender/acara/bedah-buku.ics"
    google: str
    outlook: str


def _query(params: dict[str, str]) -> str:
    # %20, never "+": Outlook shows a "+" from a query as it is.
    return urlencode(params, quote_via=quote)


def _utc(moment: dt.datetime, pattern: str) -> str:
    return moment.astimezone(dt.UTC).strftime(pattern)


def _session(entry: CalendarEntry, now: dt.datetime | None):
    """The session the links add: the next one at the build's moment (a series), else the first."""
    facts = entry.facts
    sessions = facts.presentation.sessions or (facts.schedule,)
    return (facts.next_session(now) if now is not None else None) or sessions[0]


def _dates(session, whole_days: str, times: str) -> tuple[str, str]:
    """Start and end: whole days as local dates (the end the day after), else UTC times."""
    if session.all_day:
        return session.start.strftime(whole_days), session.end.strftime(whole_days)
    return _utc(session.start, times), _utc(session.end, times)


def google_url(entry: CalendarEntry, now: dt.datetime | None = None) -> str:
    facts = entry.facts
    session = _session(entry, now)
    start, end = _dates(session, "%Y%m%d", "%Y%m%dT%H%M%SZ")
    params = {"action": "TEMPLATE", "text": facts.headline, "dates": f"{start}/{end}"}
    params["details"] = entry.description
    if facts.where:
        params["location"] = facts.where
    return f"{GOOGLE}?{_query(params)}"


def outlook_url(entry: CalendarEntry, now: dt.datetime | None = None) -> str:
    facts = entry.facts
    session = _session(entry, now)
    start, end = _dates(session, "%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ")
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": facts.headline,
        "startdt": start,
        "enddt": end,
        "allday": "true" if session.all_day else "false",
        "body": entry.description,
    }
    if facts.where:
        params["location"] = facts.where
    return f"{OUTLOOK}?{_query(params)}"


def links_of(entry: CalendarEntry, now: dt.datetime | None = None) -> CalendarLinks:
    return CalendarLinks(entry.path, google_url(entry, now), outlook_url(entry, now))
