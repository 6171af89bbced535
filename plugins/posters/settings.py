"""POSTERS (pelicanconf.py), declared here and parsed once at start-up.

POSTERS is optional; every key has a default:

    POSTERS = {
        # Output folder of every poster: poster/<kind>/<slug>.pdf and .png.
        "folder": "poster",
        # Processes drawing posters when a build has many to draw; None = one per core.
        "workers": None,
    }

Read the parsed value with setting(settings, PosterSettings).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from plugins._shared.settings import Folder, SettingsModel, declare


class PosterSettings(SettingsModel):
    """Where the posters go and how many processes draw them."""

    fix: ClassVar[str] = "Tulis seperti {'folder': 'poster'}, atau hapus agar memakai bawaan."

    folder: Folder = "poster"
    workers: int | None = Field(
        None, ge=1, description="Isi None (satu proses per inti prosesor) atau bilangan bulat 1 ke atas."
    )


declare("POSTERS", PosterSettings, default={})
