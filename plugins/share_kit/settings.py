"""SHARE_KIT (pelicanconf.py), parsed once into frozen data.

SHARE_KIT is optional; every key has a default:

    SHARE_KIT = {
        # Folder of the staff pages: bagikan/<kind>/<slug>/. robots.txt keeps
        # crawlers out of it, and no public page links to it.
        "folder": "bagikan",
        # Add the library's own hashtags (LIBRARY["hashtags"]) to every caption.
        "library_hashtags": True,
    }

A mistake stops the build (BuildStopped, in Indonesian) before content is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plugins._shared.errors import BuildStopped
from plugins.content_model.schema import PAGE_FOLDER, SITE_FOLDERS

KEYS = ("folder", "library_hashtags")
_FOLDER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Folders the public site already writes: the share pages must not land in one.
TAKEN = SITE_FOLDERS | {PAGE_FOLDER}


@dataclass(frozen=True)
class ShareKitSettings:
    """Where the staff pages go and whether captions carry the library's hashtags."""

    folder: str = "bagikan"
    library_hashtags: bool = True


def parse_share_kit_settings(raw: Any) -> ShareKitSettings:
    """Validate SHARE_KIT, or raise BuildStopped naming every mistake."""
    if isinstance(raw, ShareKitSettings):  # already parsed at start-up
        return raw
    problems: list[str] = []
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.append("SHARE_KIT: harus berupa kamus (dict), misalnya {'folder': 'bagikan'}.")
        raw = {}
    for key in sorted(set(raw) - set(KEYS), key=str):
        problems.append(
            f"SHARE_KIT['{key}']: kunci ini tidak dikenal. Hapus atau perbaiki ejaannya; "
            f"kunci yang dikenal: {', '.join(KEYS)}."
        )
    default = ShareKitSettings()
    folder = raw.get("folder", default.folder)
    if not isinstance(folder, str) or not _FOLDER.match(folder):
        problems.append(
            f"SHARE_KIT['folder']: '{folder}' harus satu nama folder dengan huruf kecil, angka "
            "dan tanda hubung, tanpa garis miring, misalnya 'bagikan'."
        )
        folder = default.folder
    elif folder in TAKEN:
        problems.append(
            f"SHARE_KIT['folder']: '{folder}' sudah dipakai situs publik. Pilih nama lain, "
            "misalnya 'bagikan'."
        )
        folder = default.folder
    library_hashtags = raw.get("library_hashtags", default.library_hashtags)
    if not isinstance(library_hashtags, bool):
        problems.append("SHARE_KIT['library_hashtags']: harus True atau False.")
        library_hashtags = default.library_hashtags
    if problems:
        raise BuildStopped("Pengaturan SHARE_KIT bermasalah:\n  - " + "\n  - ".join(problems))
    return ShareKitSettings(folder=folder, library_hashtags=library_hashtags)
