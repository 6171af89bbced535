"""Stop the build on a setting that Pelican and our plugins do not know.

Pelican ignores unknown names silently, so a typo such as `TIMEZOME` would
quietly fall back to a default. The allow-list is Pelican's defaults, the
documented Pelican settings that have no default, and our own settings.
"""

from __future__ import annotations

import difflib
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.settings import DEFAULT_CONFIG

from plugins._shared.clock import parse_build_now
from plugins._shared.errors import BuildStopped

PELICAN_WITHOUT_DEFAULT = {
    "AUTHOR", "TIMEZONE", "FEED_DOMAIN", "SITESUBTITLE", "SITELOGO",
    "ARCHIVES_URL", "ARCHIVES_SAVE_AS", "AUTHORS_URL", "AUTHORS_SAVE_AS",
    "CATEGORIES_URL", "CATEGORIES_SAVE_AS", "TAGS_URL", "TAGS_SAVE_AS",
    "FEED_RSS", "FEED_ALL_RSS", "CATEGORY_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS",
    "TRANSLATION_FEED_RSS", "YEAR_ARCHIVE_URL", "MONTH_ARCHIVE_URL", "DAY_ARCHIVE_URL",
}
# Every setting our plugins read; a plugin that adds one adds it here.
OUR_SETTINGS = {
    "LIBRARY", "STRICT_CONTENT", "BUILD_NOW", "IMAGE_WIDTHS", "PROFILE", "PUBLISH_CNAME",
    "PUBLIC_URL", "SOCIAL_CARDS", "FEEDS", "SHARE_KIT",
    "FEED_CONFIG",  # FEEDS parsed by plugins.feeds at start-up
}


# An http(s) origin, optionally a path of plain segments, nothing else: the value goes
# unescaped into canonical links, feeds and captions, so no markup, query or userinfo.
_PLAIN_URL = re.compile(
    r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:/[A-Za-z0-9._~-]+)*$"
)

_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def check_settings(settings: dict) -> None:
    """Raise BuildStopped naming every unknown or malformed setting."""
    known = set(DEFAULT_CONFIG) | PELICAN_WITHOUT_DEFAULT | OUR_SETTINGS
    problems = []
    for name in sorted(set(settings) - known):
        guess = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" Mungkin maksudnya {guess[0]}?" if guess else ""
        problems.append(f"{name}: pengaturan ini tidak dikenal.{hint} Hapus atau perbaiki ejaannya.")
    problems += _malformed(settings)
    if problems:
        raise BuildStopped("Pengaturan situs bermasalah:\n  - " + "\n  - ".join(problems))


def _malformed(settings: dict) -> list[str]:
    problems = []
    try:
        ZoneInfo(str(settings.get("TIMEZONE")))
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"TIMEZONE: '{settings.get('TIMEZONE')}' bukan zona waktu. Pakai 'Asia/Makassar' (WITA).")
    if settings.get("DEFAULT_LANG") != "id":
        problems.append("DEFAULT_LANG: situs ini berbahasa Indonesia. Isi dengan 'id'.")
    if not isinstance(settings.get("STRICT_CONTENT"), bool):
        problems.append("STRICT_CONTENT: harus True atau False.")
    widths = settings.get("IMAGE_WIDTHS")
    if not isinstance(widths, list) or not widths or not all(
        isinstance(w, int) and 100 <= w <= 4000 for w in widths
    ):
        problems.append("IMAGE_WIDTHS: harus daftar lebar gambar dalam piksel (100-4000), misalnya [360, 720, 1080].")
    public = settings.get("PUBLIC_URL", "")
    if not isinstance(public, str) or not _PLAIN_URL.match(public):
        problems.append(
            f"PUBLIC_URL: '{public}' harus alamat lengkap tanpa garis miring di akhir, "
            "misalnya 'https://perpustakaan.kotamobagukota.go.id'."
        )
    cname = settings.get("PUBLISH_CNAME")
    if cname is not None and not (isinstance(cname, str) and _HOSTNAME.match(cname)):
        problems.append(
            f"PUBLISH_CNAME: '{cname}' harus None atau nama domain saja, "
            "misalnya 'perpustakaan.kotamobagukota.go.id' (tanpa https:// dan garis miring)."
        )
    now = settings.get("BUILD_NOW")
    if now is not None and parse_build_now(now) is None:
        problems.append(
            f"BUILD_NOW: '{now}' bukan waktu ISO dengan zona waktu. "
            "Isi None, atau misalnya '2026-11-28T10:00:00+08:00'."
        )
    return problems

