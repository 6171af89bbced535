"""A series is one calendar event with every session, not one event spanning weeks."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from plugins.calendars.build import calendar_bytes
from plugins.calendars.links import google_url
from plugins.calendars.model import CalendarEntry
from plugins.content_model.fields import ParseContext
from plugins.content_model.kinds import DEFAULT
from sitekit import ROOT, post_facts

WITA = ZoneInfo("Asia/Makassar")
SERIES = {
    "title": "Klub Baca Sabtu",
    "summary": "Membaca bersama setiap Sabtu.",
    "date": "2026-11-20 09:00",
    "start": "2026-12-05 09:00",
    "end": "2026-12-05 11:00",
    "place": "Ruang Baca",
    "repeat": {"every": "week", "count": 4},
    "skip": ["2026-12-26"],
}


def _parsed(raw: dict) -> dict:
    """The fields as the checker types them (the kind's own field types)."""
    kind = DEFAULT.posts["acara"]
    ctx = ParseContext(ROOT / "content", WITA)
    return {name: kind.field(name).type.parse(value, ctx) for name, value in raw.items()}


def _entry() -> CalendarEntry:
    facts = post_facts("acara", _parsed(SERIES))
    return CalendarEntry(
        "acara/klub@x.example", "https://x.example/acara/klub/", "kalender/acara/klub.ics", facts
    )


def test_every_session_is_in_the_event_and_the_skipped_one_is_not():
    entry = _entry()
    starts = [s.start for s in entry.facts.presentation.sessions]
    (event,) = icalendar.Calendar.from_ical(calendar_bytes([entry], "x", "y", WITA)).walk("VEVENT")
    assert event.decoded("dtstart") == starts[0]
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(hours=2)  # one session
    rdates = [moment.dt for rdate in [event.get("rdate")] for moment in rdate.dts]
    assert rdates == starts[1:]
    assert dt.date(2026, 12, 26) not in {m.date() for m in starts}
    assert len(starts) == 3  # four Saturdays, one skipped


def test_the_add_to_calendar_link_names_the_next_session():
    entry = _entry()
    after_first = dt.datetime(2026, 12, 6, tzinfo=WITA)
    link = google_url(entry, after_first)
    assert "20261212T010000Z%2F20261212T030000Z" in link  # 12 December, 09.00-11.00 WITA
