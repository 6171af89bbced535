"""semua.ics read by a second, independent parser (ics, PyPI) agrees with icalendar."""

from __future__ import annotations

import datetime as dt

import ics

from tests.calendars.calkit import EVERYTHING


def test_ics_reads_the_same_events_at_the_same_times(calendar_site):
    """Both parsers find the same UIDs, each starting and ending at the same UTC instant."""
    text = calendar_site.ics_bytes(EVERYTHING).decode("utf-8")
    other = {e.uid: (e.begin.datetime, e.end.datetime, e.name) for e in ics.Calendar(text).events}
    ours = {
        str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]))
        for e in calendar_site.calendar(EVERYTHING).walk("VEVENT")
    }
    assert set(other) == set(ours)
    for key, (start, end, name) in ours.items():
        their_start, their_end, their_name = other[key]
        assert their_start.astimezone(dt.UTC) == start.astimezone(dt.UTC)
        assert their_end.astimezone(dt.UTC) == end.astimezone(dt.UTC)
        assert their_start.utcoffset() == dt.timedelta(hours=8)  # read through the VTIMEZONE
        assert their_name == name
