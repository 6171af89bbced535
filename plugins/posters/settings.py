"""POSTERS (pelicanconf.py), declared here and parsed once at start-up.

POSTERS is optional; every key has a default:

    POSTERS = {
        # Output folder of every poster: poster/<kind>/<slug>.pdf and .png.
        "folder": "poster",
    }

Read the parsed value with setting(settings, PosterSettings).
"""

from __future__ import annotations

from typing import ClassVar

from plugins._shared.settings import Folder, SettingsModel, declare


class PosterSettings(SettingsModel):
    """Where the posters go."""

    fix: ClassVar[str] = "Tulis seperti {'folder': 'poster'}, atau hapus agar memakai bawaan."

    folder: Folder = "poster"


declare("POSTERS", PosterSettings, default={})
