"""The .ics files, read with icalendar: every property an event needs, valid RFC 5545."""

from __future__ import annotations

import datetime as dt

from tests.calendars.calkit import (
    CANCELLED_SLUG,
    EVENT,
    EVERYTHING,
    POSTPONED_SLUG,
    PUBLIC_URL,
    WHOLE_DAY_SESSIONS,
    WHOLE_DAY_SLUG,
    uid,
)

URL = f"{PUBLIC_URL}/acara/{EVENT['slug']}/"
# What every VEVENT carries (each event here has a place, so LOCATION too).
REQUIRED = {
    "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "URL",
    "STATUS", "SEQUENCE", "LAST-MODIFIED", "CREATED",
}  # fmt: skip


def test_every_event_has_its_own_calendar(calendar_site):
    """Each published event has kalender/<kind>/<slug>.ics holding that one event."""
    posts = calendar_site.event_posts()
    assert len(posts) >= 4
    for post in posts:
        events = calendar_site.event_calendar(post.slug).walk("VEVENT")
        assert {str(event["UID"]) for event in events} == {uid(post.slug, post.kind)}
        # one VEVENT with the event's time or rule; the others, a series' moved sessions
        assert len([event for event in events if "RECURRENCE-ID" not in event]) == 1


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
            assert set(event) >= REQUIRED, f"{file.name}: {sorted(REQUIRED - set(event))} missing"
            lines = event.to_ical().decode().splitlines()
            for name in ("DTSTAMP", "LAST-MODIFIED", "CREATED"):
                (line,) = [line for line in lines if line.startswith(f"{name}:")]
                assert line.endswith("Z")  # UTC, no TZID (RFC 5545 3.8.7)
                assert event.decoded(name).utcoffset() == dt.timedelta(0)
            assert isinstance(event.decoded("SEQUENCE"), int) and event.decoded("SEQUENCE") >= 0
            assert event.decoded("DTEND") > event.decoded("DTSTART")
            assert str(event["STATUS"]) in {"CONFIRMED", "TENTATIVE", "CANCELLED"}
            assert str(event["URL"]).startswith(f"{PUBLIC_URL}/")
            assert str(event["URL"]) in str(event["DESCRIPTION"])


def test_the_zone_is_asia_makassar(calendar_site):
    """Every calendar carries one same VTIMEZONE of Asia/Makassar (+08:00), named by its times' TZID."""
    zones = set()
    for file in calendar_site.ics_files():
        calendar = calendar_site.calendar(str(file.relative_to(calendar_site.output)))
        (zone,) = calendar.walk("VTIMEZONE")
        zones.add(zone.to_ical())
        assert str(zone["TZID"]) == "Asia/Makassar"
        offsets = {part.decoded("TZOFFSETTO") for part in zone.walk("STANDARD")}
        assert offsets == {dt.timedelta(hours=8)}
        assert zone.walk("DAYLIGHT") == []
        for event in calendar.walk("VEVENT"):
            for line in event.to_ical().decode().splitlines():
                name = line.split(":")[0].split(";")[0]
                if name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE"):
                    # a time in the zone, by its TZID, or whole days (VALUE=DATE)
                    assert line.startswith((f"{name};TZID=Asia/Makassar:", f"{name};VALUE=DATE:")), line
    assert len(zones) == 1


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
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert sorted(uids) == sorted(uid(p.slug, p.kind) for p in calendar_site.event_posts())
    for post in calendar_site.event_posts():  # each event's VEVENTs, as in its own .ics
        own = calendar_site.event_calendar(post.slug).walk("VEVENT")
        assert [e.to_ical() for e in calendar.walk("VEVENT") if e["UID"] == uid(post.slug)] == [
            e.to_ical() for e in own
        ]
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Makassar"


def test_the_description_lists_the_events_links(calendar_site):
    """DESCRIPTION names the registration link, so a calendar alone is enough to sign up."""
    description = str(calendar_site.vevent(EVENT["slug"])["DESCRIPTION"])
    assert description.splitlines() == [
        EVENT["summary"],
        "",
        f"Daftar: {EVENT['registration']}",
        "",
        f"Informasi lengkap: {URL}",
    ]


def test_a_whole_day_event_is_days_reminded_the_morning_before(calendar_site):
    """Whole days are DATEs (DTEND the day after the last), reminded at 09.00 the day before."""
    master, _ = calendar_site.series(WHOLE_DAY_SLUG)
    first_day, day_after = WHOLE_DAY_SESSIONS[0]
    assert master["DTSTART"].params["VALUE"] == "DATE"
    assert (master.decoded("DTSTART"), master.decoded("DTEND")) == (first_day, day_after)
    assert not isinstance(master.decoded("DTSTART"), dt.datetime)
    (alarm,) = master.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(hours=15)  # from midnight: 09.00 the day before
