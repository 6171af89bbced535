"""CALENDARS (pelicanconf.py), declared here and parsed once at start-up.

CALENDARS is optional; every key has a default:

    CALENDARS = {
        # Output folder of every .ics file and of the public /kalender/ page.
        "folder": "kalender",
    }

Read the parsed value with setting(settings, CalendarSettings).
"""

from __future__ import annotations

from typing import ClassVar

from plugins._shared.settings import Folder, SettingsModel, declare


class CalendarSettings(SettingsModel):
    """Where the calendars go."""

    fix: ClassVar[str] = "Tulis seperti {'folder': 'kalender'}, atau hapus agar memakai bawaan."

    folder: Folder = "kalender"


declare("CALENDARS", CalendarSettings, default={})
