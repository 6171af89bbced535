"""A series is one event with a rule: RRULE, an EXDATE per skipped session, RECURRENCE-ID per moved one.

The sessions are compared with the list staff expect (calkit.SERIES_SESSIONS), expanded by
dateutil from the .ics itself; tests/calendars/test_second_parser.py expands them with ical.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from plugins.calendars.build import event_components
from plugins.calendars.links import google_url
from plugins.calendars.model import CalendarEntry
from plugins.content_model.fields import ParseContext
from plugins.content_model.kinds import DEFAULT
from sitekit import ROOT, post_facts
from tests.calendars.calkit import (
    SERIES_MOVED_FROM,
    SERIES_SESSIONS,
    SERIES_SKIPPED,
    SERIES_SLUG,
    WHOLE_DAY_SESSIONS,
    WHOLE_DAY_SKIPPED,
    WHOLE_DAY_SLUG,
    WHOLE_DAY_UNTIL,
    uid,
)

WITA = ZoneInfo("Asia/Makassar")


def _expand(master, overrides) -> list[tuple]:
    """(start, end) of each session: the rule from DTSTART, less EXDATEs, each override in its place."""
    start, end = master.decoded("DTSTART"), master.decoded("DTEND")
    whole_days = not isinstance(start, dt.datetime)
    first = dt.datetime.combine(start, dt.time()) if whole_days else start
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=first)
    skipped = {moment.dt for exdate in [master.get("EXDATE")] if exdate for moment in exdate.dts}
    moved = {o.decoded("RECURRENCE-ID"): (o.decoded("DTSTART"), o.decoded("DTEND")) for o in overrides}
    found = []
    for moment in rule:
        key = moment.date() if whole_days else moment
        if key in skipped:
            continue
        found.append(moved.get(key, (key, key + (end - start))))
    return sorted(found)


def test_a_series_is_a_rule_with_its_exceptions(calendar_site):
    """RRULE weekly, 5 times; 26 December an EXDATE; 19 December a VEVENT of its own, same UID."""
    master, overrides = calendar_site.series(SERIES_SLUG)
    assert master.decoded("DTSTART") == SERIES_SESSIONS[0][0]
    assert master.decoded("DTEND") == SERIES_SESSIONS[0][1]  # one session long, not weeks
    assert dict(master["RRULE"]) == {"FREQ": ["WEEKLY"], "COUNT": [5], "INTERVAL": [1]}
    assert "RDATE" not in master
    assert [moment.dt for moment in master["EXDATE"].dts] == [SERIES_SKIPPED]
    assert master["EXDATE"].params["TZID"] == "Asia/Makassar"
    (moved,) = overrides
    assert str(moved["UID"]) == str(master["UID"]) == uid(SERIES_SLUG)
    assert moved.decoded("RECURRENCE-ID") == SERIES_MOVED_FROM
    assert (moved.decoded("DTSTART"), moved.decoded("DTEND")) == SERIES_SESSIONS[2]
    assert "RRULE" not in moved and "EXDATE" not in moved
    assert moved.decoded("SEQUENCE") == master.decoded("SEQUENCE")
    assert str(moved["SUMMARY"]) == str(master["SUMMARY"])
    assert str(moved["LOCATION"]) == str(master["LOCATION"])
    assert len(moved.walk("VALARM")) == 1


def test_the_series_expands_to_the_sessions_staff_wrote(calendar_site):
    """Expanding the .ics gives the four sessions held: 5, 12, 20 (moved) December, 2 January."""
    assert _expand(*calendar_site.series(SERIES_SLUG)) == SERIES_SESSIONS


def test_a_whole_day_series_until_a_day(calendar_site):
    """Every other week until 16 January: UNTIL and EXDATE are DATEs, like DTSTART."""
    master, overrides = calendar_site.series(WHOLE_DAY_SLUG)
    assert overrides == []
    assert dict(master["RRULE"]) == {"FREQ": ["WEEKLY"], "UNTIL": [WHOLE_DAY_UNTIL], "INTERVAL": [2]}
    assert "COUNT" not in master["RRULE"]  # RFC 5545: COUNT or UNTIL, never both
    assert master["EXDATE"].params["VALUE"] == "DATE"
    assert [moment.dt for moment in master["EXDATE"].dts] == [WHOLE_DAY_SKIPPED]
    assert _expand(master, overrides) == WHOLE_DAY_SESSIONS


def test_a_timed_series_until_a_day_has_until_in_utc():
    """UNTIL of a rule whose DTSTART has a zone is written in UTC (RFC 5545 3.3.10): the last start."""
    facts = post_facts("acara", _parsed({**SERIES, "repeat": {"every": "week", "until": "2026-12-19"}}))
    recurrence = facts.presentation.recurrence
    assert recurrence.count is None
    assert recurrence.until == dt.datetime(2026, 12, 19, 9, 0, tzinfo=WITA)
    (master,) = event_components(_entry(facts))
    assert "UNTIL=20261219T010000Z" in master["RRULE"].to_ical().decode()


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


def _entry(facts=None) -> CalendarEntry:
    facts = facts or post_facts("acara", _parsed(SERIES))
    return CalendarEntry(
        "acara/klub@x.example", "https://x.example/acara/klub/", "kalender/acara/klub.ics", facts
    )


def test_the_add_to_calendar_link_names_the_next_session():
    entry = _entry()
    after_first = dt.datetime(2026, 12, 6, tzinfo=WITA)
    link = google_url(entry, after_first)
    assert "20261212T010000Z%2F20261212T030000Z" in link  # 12 December, 09.00-11.00 WITA
