"""iCalendar (RFC 5545) bytes of events, written with the icalendar package.

- UID: the event page's permanent address, "<kind>/<slug>@<host>" (model.py).
- A series is one VEVENT with an RRULE (COUNT or UNTIL, as staff wrote it), an EXDATE for
  each skipped session, and one more VEVENT per moved session: the same UID, RECURRENCE-ID
  the start the rule gives, DTSTART/DTEND where it went. The kind's `recurrence` fact says
  all of it; nothing here expands a rule.
- DTSTART/DTEND carry TZID of the site's zone (every Schedule is in it); its VTIMEZONE is
  made once per build (`site_timezone`) and added to every calendar. Whole days are DATEs.
- DTSTAMP, LAST-MODIFIED and SEQUENCE come from versions.py: they change when what the
  calendar says of the event changes, and only then. `event_components` leaves them out so
  that its bytes are that digest's input.
- STATUS: the kind's Status.ical_status (CONFIRMED, TENTATIVE, CANCELLED).
- A VALARM one day before, only while the event is confirmed: no reminder of a time that
  no longer holds. A whole-day event is reminded at 09.00 the day before, not at midnight.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event, Timezone, vDuration

from plugins.content_model.presentation import Schedule

from .model import CalendarEntry
from .versions import Version

PRODID = "-//Serambi//Kalender Acara Perpustakaan//ID"
REMIND_BEFORE = dt.timedelta(days=1)
REMIND_BEFORE_WHOLE_DAY = dt.timedelta(hours=15)  # from midnight: 09.00 the day before
# How often subscribed apps should look again (apps that read it: Apple, Outlook).
REFRESH = dt.timedelta(hours=12)


def site_timezone(zone) -> Timezone:
    """The VTIMEZONE of the site's zone: made once per build, it is the same in every calendar."""
    return Timezone.from_tzinfo(zone, tzid=zone.key)


def _moment(moment: dt.datetime, all_day: bool):
    """A time with its zone, or a date for a whole-day event (DTEND is the day after)."""
    return moment.date() if all_day else moment


def _vevent(entry: CalendarEntry, session: Schedule) -> Event:
    """One VEVENT of the event at this session's time, with all its calendar apps show."""
    facts = entry.facts
    event = Event()
    event.add("uid", entry.uid)
    event.add("created", facts.published.astimezone(dt.UTC))
    event.add("dtstart", _moment(session.start, session.all_day))
    event.add("dtend", _moment(session.end, session.all_day))
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
        alarm.add("trigger", -(REMIND_BEFORE_WHOLE_DAY if session.all_day else REMIND_BEFORE))
        event.add_component(alarm)
    return event


def event_components(entry: CalendarEntry) -> list[Event]:
    """The VEVENTs of one event, without their version: a series' rule first, then each moved session."""
    recurrence = entry.facts.presentation.recurrence
    if recurrence is None:
        return [_vevent(entry, entry.facts.schedule)]
    all_day = recurrence.first.all_day
    master = _vevent(entry, recurrence.first)
    rule = {"freq": recurrence.freq, "interval": recurrence.interval}
    if recurrence.count is not None:
        rule["count"] = recurrence.count
    else:
        # UNTIL is UTC when DTSTART has a zone, a DATE when DTSTART is one (RFC 5545 3.3.10).
        rule["until"] = recurrence.until.date() if all_day else recurrence.until.astimezone(dt.UTC)
    master.add("rrule", rule)
    if recurrence.skipped:
        master.add("exdate", [_moment(start, all_day) for start in recurrence.skipped])
    overrides = []
    for start, session in sorted(recurrence.moved.items()):
        override = _vevent(entry, session)
        override.add("recurrence-id", _moment(start, all_day))
        overrides.append(override)
    return [master, *overrides]


def digest_of(components: Iterable[Event]) -> str:
    """What the calendar says of an event, as one digest (its version is not in it yet)."""
    return hashlib.sha256(b"".join(component.to_ical() for component in components)).hexdigest()


def stamp(components: Iterable[Event], version: Version) -> None:
    """Give each VEVENT of an event its version (every one the same: they are one event)."""
    for component in components:
        component.add("dtstamp", version.changed)
        component.add("last-modified", version.changed)
        component.add("sequence", version.sequence)


def calendar_bytes(events: Iterable[Event], name: str, description: str, timezone: Timezone) -> bytes:
    """A whole VCALENDAR of these VEVENTs, with the site zone's VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", str(timezone["TZID"]))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    # Always there, even in a calendar with no event yet: apps read the zone from it.
    calendar.add_component(timezone)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
