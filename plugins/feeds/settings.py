"""FEEDS and FEED_MAX_ITEMS (pelicanconf.py), declared here and parsed once at start-up.

FEEDS is optional; every key has a default:

    FEEDS = {
        # Output folder of every feed and of the public /umpan/ page.
        "folder": "umpan",
        # Campaign tags on item links of the social feeds (RSS, Atom, Instagram);
        # never on guids, never in JSON Feed (the app's feed). None: no tags.
        "utm": {"utm_source": "umpan", "utm_medium": "sosial", "utm_campaign": "serambi"},
        # Add the library's own hashtags (LIBRARY["hashtags"]) to every item.
        "library_hashtags": True,
        # The auto-poster feed (umpan/sosial.xml) holds posts of the last N days
        # only, and no event that is over, so a first connection posts only what is current.
        "auto_post_days": 14,
        # Reminders in the auto-poster feed: "Besok: ..." a day before each event
        # session, "Hari ini: ..." an hour before one with an online link. An event
        # turns its own off with `reminders: false`.
        "reminders": True,
    }

FEED_MAX_ITEMS (Pelican's own setting, 100 by default) is the feeds' window:
how many of the newest posts every feed holds. Pelican's own feed writer must
stay off. Read the parsed FEEDS with setting(settings, FeedSettings).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, Field

from plugins._shared.settings import Folder, SettingsModel, declare, problem

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")
# What a campaign value may hold: it ends up in a URL that staff never see escaped.
_UTM_VALUE = re.compile(r"^[A-Za-z0-9._~-]{1,60}$")
_UTM_FIX = (
    "Tulis satu kata tanpa spasi (huruf, angka, titik, garis bawah atau tanda hubung; "
    "paling banyak 60 karakter)."
)
# Pelican's own feed writer: every one of these must stay off (None).
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)


def _utm_value(value: str) -> str:
    if not _UTM_VALUE.match(value):
        raise problem(f"'{value}' bukan satu kata.", _UTM_FIX)
    return value


def _off(value: Any) -> Any:
    if value:
        raise problem(
            "umpan bawaan Pelican harus mati.",
            "Isi dengan None; umpan situs ini dibuat plugin feeds di folder umpan/.",
        )
    return value


UtmValue = Annotated[str, AfterValidator(_utm_value), Field(description=_UTM_FIX)]


class Utm(SettingsModel):
    """Campaign tags; utm_source is required by every analytics tool."""

    fix: ClassVar[str] = (
        "Isi None, atau tulis seperti "
        "{'utm_source': 'umpan', 'utm_medium': 'sosial', 'utm_campaign': 'serambi'}."
    )

    utm_source: UtmValue
    utm_medium: UtmValue | None = None
    utm_campaign: UtmValue | None = None


class FeedSettings(SettingsModel):
    """Where the feeds go, their campaign tags, the library's hashtags, the auto-poster feed's days."""

    fix: ClassVar[str] = (
        "Tulis seperti {'utm': None, 'library_hashtags': True, 'auto_post_days': 14, 'reminders': True}, "
        "atau hapus agar memakai bawaan."
    )

    folder: Folder = "umpan"
    utm_tags: Utm | None = Field(None, alias="utm")
    library_hashtags: bool = Field(True, description="Isi True atau False.")
    auto_post_days: int = Field(
        14,
        ge=1,
        le=90,
        description=(
            "Isi bilangan bulat 1 sampai 90: umpan untuk pengirim otomatis (sosial.xml) hanya memuat "
            "tulisan yang terbit dalam sekian hari terakhir, misalnya 14."
        ),
    )

    reminders: bool = Field(
        True,
        description=(
            "Isi True atau False: False mematikan pengingat 'Besok' dan 'Hari ini' acara "
            "di umpan untuk pengirim otomatis."
        ),
    )

    @property
    def utm(self) -> tuple[tuple[str, str], ...]:
        """(key, value) pairs in UTM_KEYS order, the ones that are set; () for none."""
        if self.utm_tags is None:
            return ()
        return tuple((key, getattr(self.utm_tags, key)) for key in UTM_KEYS if getattr(self.utm_tags, key))


Window = Annotated[
    int,
    Field(
        ge=1,
        le=500,
        description=(
            "Isi bilangan bulat 1 sampai 500: jumlah tulisan terbaru dalam setiap umpan, misalnya 30."
        ),
    ),
]
PelicanFeedOff = Annotated[Any, AfterValidator(_off)]

declare("FEEDS", FeedSettings, default={})
declare("FEED_MAX_ITEMS", Window)
for _name in PELICAN_FEED_SETTINGS:
    declare(_name, PelicanFeedOff, default=None)
