"""The .ics files, read with icalendar: every property an event needs, valid RFC 5545."""

from __future__ import annotations

import datetime as dt

from tests.calendars.calkit import (
    CANCELLED_SLUG,
    EVENT,
    EVERYTHING,
    POSTPONED_SLUG,
    PUBLIC_URL,
    uid,
)

URL = f"{PUBLIC_URL}/acara/{EVENT['slug']}/"


def test_every_event_has_its_own_calendar(calendar_site):
    """Each published event has kalender/<kind>/<slug>.ics holding that one event."""
    posts = calendar_site.event_posts()
    assert len(posts) >= 4
    for post in posts:
        (event,) = calendar_site.event_calendar(post.slug).walk("VEVENT")
        assert str(event["UID"]) == uid(post.slug, post.kind)


def test_every_file_is_a_valid_calendar(calendar_site):
    """Every .ics has VERSION 2.0 and PRODID; every event UID, DTSTAMP in UTC, DTSTART and DTEND."""
    files = calendar_site.ics_files()
    assert files
    for file in files:
        calendar = calendar_site.calendar(str(file.relative_to(calendar_site.output)))
        assert calendar["VERSION"] == "2.0"
        assert calendar["PRODID"]
        assert calendar.errors == []
        for event in calendar.walk("VEVENT"):
            assert event.errors == []
            assert event["UID"]
            assert event.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)
            (stamp,) = [line for line in event.to_ical().decode().splitlines() if line.startswith("DTSTAMP")]
            assert stamp.startswith("DTSTAMP:") and stamp.endswith("Z")  # UTC, no TZID
            assert event.decoded("DTEND") > event.decoded("DTSTART")


def test_the_zone_is_asia_makassar(calendar_site):
    """Each calendar carries the VTIMEZONE of Asia/Makassar (+08:00) that its times name by TZID."""
    for file in calendar_site.ics_files():
        calendar = calendar_site.calendar(str(file.relative_to(calendar_site.output)))
        (zone,) = calendar.walk("VTIMEZONE")
        assert str(zone["TZID"]) == "Asia/Makassar"
        offsets = {part.decoded("TZOFFSETTO") for part in zone.walk("STANDARD")}
        assert offsets == {dt.timedelta(hours=8)}
        for event in calendar.walk("VEVENT"):
            for name in ("DTSTART", "DTEND"):
                assert event[name].params["TZID"] == "Asia/Makassar"


def test_the_event_says_what_its_post_says(calendar_site):
    """SUMMARY, times, LOCATION, URL, CATEGORIES, STATUS and a plain DESCRIPTION with the page link."""
    event = calendar_site.vevent(EVENT["slug"])
    assert str(event["SUMMARY"]) == EVENT["title"]
    assert event.decoded("DTSTART") == EVENT["start"]
    assert event.decoded("DTEND") == EVENT["end"]
    assert str(event["LOCATION"]) == EVENT["place"]
    assert str(event["URL"]) == URL
    assert [str(c) for c in event["CATEGORIES"].cats] == EVENT["hashtags"]
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert EVENT["summary"] in description
    assert URL in description
    assert "<" not in description and "&amp;" not in description


def test_unmodified_event_is_stamped_with_its_date(calendar_site):
    """DTSTAMP and LAST-MODIFIED of a post never modified are its `date`, in UTC."""
    event = calendar_site.vevent(EVENT["slug"])
    assert event.decoded("DTSTAMP") == EVENT["date"]
    assert event.decoded("LAST-MODIFIED") == EVENT["date"]
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert event.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)


def test_a_reminder_comes_the_day_before(calendar_site):
    """A DISPLAY alarm one day before the start says 'Besok: <title>'."""
    (alarm,) = calendar_site.vevent(EVENT["slug"]).walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=1)
    assert str(alarm["DESCRIPTION"]) == f"Besok: {EVENT['title']}"


def test_a_cancelled_event_is_cancelled(calendar_site):
    """A cancelled event keeps its UID, says STATUS:CANCELLED and reminds of nothing."""
    event = calendar_site.vevent(CANCELLED_SLUG)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == uid(CANCELLED_SLUG)
    assert str(event["SUMMARY"]).startswith("Dibatalkan: ")
    assert event.walk("VALARM") == []


def test_a_postponed_event_is_tentative(calendar_site):
    """A postponed event's time no longer holds: STATUS:TENTATIVE."""
    assert str(calendar_site.vevent(POSTPONED_SLUG)["STATUS"]) == "TENTATIVE"


def test_the_whole_calendar_holds_every_event(calendar_site):
    """semua.ics holds every published event, once, and nothing else."""
    calendar = calendar_site.calendar(EVERYTHING)
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert sorted(uids) == sorted(uid(p.slug, p.kind) for p in calendar_site.event_posts())
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Makassar"
