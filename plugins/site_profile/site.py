"""The site-wide settings site_profile owns: public URL, clock, strictness, images, domain, zone, language."""

from __future__ import annotations

import re
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field

from plugins._shared.clock import parse_build_now
from plugins._shared.settings import Items, declare, problem

# An http(s) origin, optionally a path of plain segments, nothing else: the value goes
# unescaped into canonical links, feeds and captions, so no markup, query or userinfo.
_PLAIN_URL = re.compile(
    r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:/[A-Za-z0-9._~-]+)*$"
)
_HOSTNAME = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_URL_FIX = (
    "Tulis alamat lengkap tanpa garis miring di akhir, misalnya 'https://perpustakaan.kotamobagukota.go.id'."
)
_CNAME_FIX = (
    "Isi None, atau nama domain saja, misalnya 'perpustakaan.kotamobagukota.go.id' "
    "(tanpa https:// dan garis miring)."
)
_NOW_FIX = "Isi None, atau misalnya '2026-11-28T10:00:00+08:00'."


def _plain_url(value: str) -> str:
    if not _PLAIN_URL.match(value):
        raise problem(f"'{value}' bukan alamat situs yang polos.", _URL_FIX)
    return value


def _domain(value: str | None) -> str | None:
    if value is not None and not _HOSTNAME.match(value):
        raise problem(f"'{value}' bukan nama domain.", _CNAME_FIX)
    return value


def _moment(value: Any) -> Any:
    # Kept as written (text or datetime): plugins._shared.clock reads it.
    if value is not None and parse_build_now(value) is None:
        raise problem(f"'{value}' bukan waktu ISO dengan zona waktu.", _NOW_FIX)
    return value


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise problem(f"'{value}' bukan zona waktu.", "Pakai 'Asia/Makassar' (WITA).") from None
    return value


def _indonesian(value: str) -> str:
    if value != "id":
        raise problem(f"'{value}' bukan bahasa situs ini: situs ini berbahasa Indonesia.", "Isi dengan 'id'.")
    return value


PublicUrl = Annotated[str, AfterValidator(_plain_url), Field(description=_URL_FIX)]
BuildNow = Annotated[Any, AfterValidator(_moment), Field(description=_NOW_FIX)]
StrictContent = Annotated[bool, Field(description="Isi True atau False.")]
ImageWidths = Annotated[
    Items[Annotated[int, Field(ge=100, le=4000)]],
    Field(
        min_length=1,
        description="Isi daftar lebar gambar dalam piksel (100-4000), misalnya [360, 720, 1080].",
    ),
]
PublishCname = Annotated[str | None, AfterValidator(_domain), Field(description=_CNAME_FIX)]
Timezone = Annotated[str, AfterValidator(_zone), Field(description="Pakai 'Asia/Makassar' (WITA).")]
DefaultLang = Annotated[str, AfterValidator(_indonesian), Field(description="Isi dengan 'id'.")]

declare("PUBLIC_URL", PublicUrl)
declare("BUILD_NOW", BuildNow, default=None)
declare("STRICT_CONTENT", StrictContent)
declare("IMAGE_WIDTHS", ImageWidths)
declare("PUBLISH_CNAME", PublishCname, default=None)
declare("TIMEZONE", Timezone)
declare("DEFAULT_LANG", DefaultLang)
