"""iCalendar (RFC 5545) bytes of events, written with the icalendar package.

The rules that make a rebuild byte-identical and an edit visible to calendar apps:

- UID: the event page's permanent address, "<kind>/<slug>@<host>" (model.py).
- DTSTAMP and LAST-MODIFIED: the post's `modified` (its `date` when never modified), in
  UTC. DTSTAMP could be the build moment, but then every build would change every file
  and every subscriber would re-download unchanged events; what DTSTAMP is for, telling
  two versions of one event apart, is what `modified` already says.
- SEQUENCE: whole minutes from SEQUENCE_EPOCH to `modified`. Built without state, so it
  cannot count edits; it rises with every later `modified`, whatever `date` says, and
  stays the same while `modified` does. Staff who change the time or place of an event
  must set `modified` (the content checker's help says so) for apps to take the change.
- STATUS: the kind's Status.ical_status (CONFIRMED, TENTATIVE, CANCELLED).
- DTSTART/DTEND carry TZID of the site's zone, with its VTIMEZONE made from zoneinfo.
- A VALARM one day before, only while the event is confirmed: no reminder of a time that
  no longer holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event, Timezone, vDuration

from .model import CalendarEntry

PRODID = "-//Serambi//Kalender Acara Perpustakaan//ID"
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
REMIND_BEFORE = dt.timedelta(days=1)
# How often subscribed apps should look again (apps that read it: Apple, Outlook).
REFRESH = dt.timedelta(hours=12)


def sequence(modified: dt.datetime) -> int:
    """SEQUENCE for a post last modified at `modified`: higher for every later moment."""
    return max(0, int((modified - SEQUENCE_EPOCH).total_seconds()) // 60)


def _moment(moment: dt.datetime, all_day: bool):
    """A time with its zone, or a date for a whole-day event (DTEND is the day after)."""
    return moment.date() if all_day else moment


def vevent(entry: CalendarEntry) -> Event:
    """One VEVENT with every property calendar apps show or compare."""
    facts = entry.facts
    modified = facts.modified.astimezone(dt.UTC)
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", modified)
    event.add("created", facts.published.astimezone(dt.UTC))
    event.add("last-modified", modified)
    event.add("sequence", sequence(facts.modified))
    # A series is one event with every session: the first as DTSTART/DTEND, the others
    # as RDATEs (each a start; the first's length), so calendars show each meeting, not
    # one event spanning weeks. Sessions come from the kind's facts, exceptions applied.
    sessions = facts.presentation.sessions or (facts.schedule,)
    first = sessions[0]
    event.add("dtstart", _moment(first.start, first.all_day))
    event.add("dtend", _moment(first.end, first.all_day))
    if len(sessions) > 1:
        event.add("rdate", [_moment(s.start, s.all_day) for s in sessions[1:]])
    event.add("summary", facts.headline)
    event.add("description", entry.description)
    if facts.where:
        event.add("location", facts.where)
    event.add("url", entry.url)
    event.add("status", facts.status.ical_status if facts.status else "CONFIRMED")
    if facts.hashtags:
        event.add("categories", list(facts.hashtags))
    if event["status"] == "CONFIRMED":
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Besok: {facts.title}")
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
    return event


def calendar_bytes(entries: Iterable[CalendarEntry], name: str, description: str, zone) -> bytes:
    """A whole VCALENDAR of these events, with the VTIMEZONE of the site's zone."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", zone.key)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    # Always there, even in a calendar with no event yet: apps read the zone from it.
    calendar.add_component(Timezone.from_tzinfo(zone, tzid=zone.key))
    for entry in entries:
        calendar.add_component(vevent(entry))
    calendar.add_missing_timezones()  # an event in another zone (none today) brings its own
    return calendar.to_ical()
