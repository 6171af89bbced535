"""FEEDS and FEED_MAX_ITEMS (pelicanconf.py), parsed once into frozen data.

FEEDS is optional; every key has a default:

    FEEDS = {
        # Campaign tags on item links of the social feeds (RSS, Atom, Instagram);
        # never on guids, never in JSON Feed (the app's feed). None: no tags.
        "utm": {"utm_source": "umpan", "utm_medium": "sosial", "utm_campaign": "serambi"},
        # Add the library's own hashtags (LIBRARY["hashtags"]) to every item.
        "library_hashtags": True,
    }

A mistake stops the build (BuildStopped, in Indonesian) before content is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plugins._shared.errors import BuildStopped

KEYS = {"utm", "library_hashtags"}
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")
DEFAULT_WINDOW = 30
# What a campaign value may hold: it ends up in a URL that staff never see escaped.
_UTM_VALUE = re.compile(r"^[A-Za-z0-9._~-]{1,60}$")
# Pelican's own feed writer: every one of these must stay off (None).
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS", "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM", "TAG_FEED_RSS", "TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS",
)

CONFIG_KEY = "FEED_CONFIG"  # where the parsed FEEDS lives in the settings, from `initialized`


@dataclass(frozen=True)
class FeedSettings:
    """How the feeds are built: the window, campaign tags, the library's hashtags."""

    window: int = DEFAULT_WINDOW
    utm: tuple[tuple[str, str], ...] = ()  # (key, value) in UTM_KEYS order
    library_hashtags: bool = True


def parse_feed_settings(settings: dict) -> FeedSettings:
    """Validate FEEDS, FEED_MAX_ITEMS and Pelican's feed settings, or raise BuildStopped."""
    problems: list[str] = []
    raw = settings.get("FEEDS")
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.append("FEEDS: harus berupa kamus (dict), misalnya {'utm': None}.")
        raw = {}
    for key in sorted(set(raw) - KEYS, key=str):
        problems.append(
            f"FEEDS['{key}']: kunci ini tidak dikenal. Hapus atau perbaiki ejaannya; "
            f"kunci yang dikenal: {', '.join(sorted(KEYS))}."
        )
    result = FeedSettings(
        window=_window(settings.get("FEED_MAX_ITEMS"), problems),
        utm=_utm(raw.get("utm"), problems),
        library_hashtags=_flag(raw, "library_hashtags", True, problems),
    )
    for name in PELICAN_FEED_SETTINGS:
        if settings.get(name):
            problems.append(
                f"{name}: umpan bawaan Pelican harus mati. Isi {name} = None; "
                "umpan situs ini dibuat plugin feeds di folder umpan/."
            )
    if problems:
        raise BuildStopped("Pengaturan umpan (feeds) bermasalah:\n  - " + "\n  - ".join(problems))
    return result


def _window(value: Any, problems: list[str]) -> int:
    if value is None:
        return DEFAULT_WINDOW
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 500:
        problems.append(
            f"FEED_MAX_ITEMS: '{value}' harus bilangan bulat 1 sampai 500, "
            f"jumlah tulisan terbaru dalam setiap umpan (bawaan {DEFAULT_WINDOW})."
        )
        return DEFAULT_WINDOW
    return value


def _utm(value: Any, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    example = "{'utm_source': 'umpan', 'utm_medium': 'sosial', 'utm_campaign': 'serambi'}"
    if not isinstance(value, dict) or not value:
        problems.append(f"FEEDS['utm']: harus None atau kamus seperti {example}.")
        return ()
    for key in sorted(set(value) - set(UTM_KEYS), key=str):
        problems.append(
            f"FEEDS['utm']['{key}']: kunci ini tidak dikenal. Pakai: {', '.join(UTM_KEYS)}."
        )
    if "utm_source" not in value:
        problems.append(f"FEEDS['utm']: utm_source wajib diisi, misalnya {example}.")
    pairs = []
    for key in UTM_KEYS:
        if key not in value:
            continue
        text = value[key]
        if not isinstance(text, str) or not _UTM_VALUE.match(text):
            problems.append(
                f"FEEDS['utm']['{key}']: '{text}' harus satu kata tanpa spasi (huruf, angka, "
                "titik, garis bawah atau tanda hubung; paling banyak 60 karakter)."
            )
            continue
        pairs.append((key, text))
    return tuple(pairs)


def _flag(raw: dict, key: str, default: bool, problems: list[str]) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        problems.append(f"FEEDS['{key}']: harus True atau False.")
        return default
    return value
