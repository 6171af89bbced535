"""Calendars of the events, built with icalendar: one .ics per event and ones to subscribe to.

A post is an event when its facts have a `schedule`. Under /kalender/ (CALENDARS['folder']):
`<kind>/<slug>.ics` for each event, `semua.ics` with every event, `untuk-<audience>.ics`
and `mitra-<partner>.ics` with the events for each audience and each partner an event
names (model.GROUPS), each subscribed to through a webcal:// link, and the public page
index.html that lists them and explains how. Each event page gets `article.calendar`
(links.CalendarLinks): its .ics, "add to Google Calendar" and "add to Outlook" links.
RFC 5545 rules (UID, series as RRULE/EXDATE/RECURRENCE-ID, VTIMEZONE, STATUS, VALARM):
build.py; SEQUENCE, LAST-MODIFIED and DTSTAMP, with the version ledger under CACHE_PATH:
versions.py.
"""

from .plugin import register

__all__ = ["register"]
