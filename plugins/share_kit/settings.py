"""SHARE_KIT (pelicanconf.py), declared here and parsed once at start-up.

SHARE_KIT is optional; every key has a default:

    SHARE_KIT = {
        # Folder of the staff pages: bagikan/<kind>/<slug>/. robots.txt keeps
        # crawlers out of it, and no public page links to it.
        "folder": "bagikan",
        # Add the library's own hashtags (LIBRARY["hashtags"]) to every caption.
        "library_hashtags": True,
    }

Read the parsed value with setting(settings, ShareKitSettings).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field, ValidationInfo, field_validator

from plugins._shared.settings import Folder, SettingsModel, declare, parse_one, problem
from plugins.content_model.check import project_settings
from plugins.content_model.folders import site_folders


class ShareKitSettings(SettingsModel):
    """Where the staff pages go and whether captions carry the library's hashtags."""

    fix: ClassVar[str] = "Tulis seperti {'folder': 'bagikan'}, atau hapus agar memakai bawaan."

    folder: Folder = "bagikan"
    library_hashtags: bool = Field(True, description="Isi True atau False.")

    @field_validator("folder")
    @classmethod
    def _not_public(cls, value: str, info: ValidationInfo) -> str:
        """The share pages never overwrite a folder of the public site (the site's folder registry)."""
        # SHARE_KIT checked alone (a unit test, a task) is checked against this project's settings.
        settings = {
            **project_settings(),
            **((info.context or {}).get("settings") or {}),
            "SHARE_KIT": {"folder": value},
        }
        if value in site_folders(settings).public:
            raise problem(f"'{value}' sudah dipakai situs publik.", "Pilih nama lain, misalnya 'bagikan'.")
        return value


declare("SHARE_KIT", ShareKitSettings, default={})


def parse_share_kit_settings(raw: Any) -> ShareKitSettings:
    """SHARE_KIT as ShareKitSettings (a parsed one passes through), or BuildStopped naming every mistake."""
    return parse_one("SHARE_KIT", {"SHARE_KIT": raw})
