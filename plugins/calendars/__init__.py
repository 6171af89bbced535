"""Calendars of the events, built with icalendar: one .ics per event and one to subscribe to.

A post is an event when its facts have a `schedule`. Under /kalender/ (CALENDARS['folder']):
`<kind>/<slug>.ics` for each event, `semua.ics` with every event (subscribed to through a
webcal:// link) and the public page index.html that explains how. Each event page gets
`article.calendar` (links.CalendarLinks): its .ics, "add to Google Calendar" and "add to
Outlook" links. Rules for UID, DTSTAMP, SEQUENCE and STATUS: build.py.
"""

from .plugin import register

__all__ = ["register"]
