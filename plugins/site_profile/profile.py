"""The library's profile (LIBRARY in pelicanconf.py), parsed once into frozen data.

A missing, unknown or malformed key raises BuildStopped with an Indonesian
message naming the key and the fix: settings are edited by staff too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from plugins._shared.boundary import OutsideBoundary, content_file
from plugins._shared.errors import BuildStopped
from plugins._shared.colors import contrast_of
from plugins._shared.hashtags import HASHTAG as _HASHTAG
from plugins.content_model.fields import readable_image

DAYS = {
    "senin": "Monday",
    "selasa": "Tuesday",
    "rabu": "Wednesday",
    "kamis": "Thursday",
    "jumat": "Friday",
    "sabtu": "Saturday",
    "minggu": "Sunday",
}
SOCIAL_NETWORKS = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "whatsapp": "WhatsApp",
}
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Address:
    street: str
    locality: str
    region: str
    postal_code: str
    country: str

    @property
    def one_line(self) -> str:
        return f"{self.street}, {self.locality}, {self.region} {self.postal_code}"


@dataclass(frozen=True)
class OpeningHours:
    days: tuple[str, ...]  # Indonesian day names, lower case
    opens: str  # HH:MM
    closes: str

    @property
    def schema_days(self) -> list[str]:
        return [DAYS[d] for d in self.days]


@dataclass(frozen=True)
class SocialAccount:
    network: str
    label: str
    url: str


@dataclass(frozen=True)
class LibraryProfile:
    name: str
    tagline: str
    address: Address
    latitude: float
    longitude: float
    map_url: str
    opening_hours: tuple[OpeningHours, ...]
    phone: str
    email: str
    social: tuple[SocialAccount, ...]
    hashtags: tuple[str, ...]
    logo: str
    colors: dict[str, str]


KEYS = {
    "name", "tagline", "address", "geo", "map_url", "opening_hours", "phone",
    "email", "social", "hashtags", "logo", "colors",
}
ADDRESS_KEYS = {"street", "locality", "region", "postal_code", "country"}
COLOR_KEYS = {"primary", "accent"}


class _Errors:
    """Collects every mistake in the profile, so one run names them all."""

    def __init__(self):
        self.items: list[str] = []

    def add(self, key: str, what: str, fix: str) -> None:
        self.items.append(f"LIBRARY['{key}']: {what} Cara memperbaiki: {fix}")


def parse_profile(raw: Any, content_dir: Path) -> LibraryProfile:
    """Validate LIBRARY and return it as frozen data, or raise BuildStopped."""
    errors = _Errors()
    if not isinstance(raw, dict):
        raise BuildStopped(
            "Pengaturan LIBRARY di pelicanconf.py tidak ada atau bukan kamus "
            "(dict). Salin contoh LIBRARY dari README.md."
        )
    _unknown_keys(raw, KEYS, "", errors)
    for key in sorted(KEYS - raw.keys()):
        errors.add(key, "belum diisi.", "tambahkan kunci ini ke LIBRARY di pelicanconf.py.")
    text = {k: _text(raw, k, errors) for k in ("name", "tagline", "phone", "email")}
    if text["email"] and not _EMAIL.match(text["email"]):
        errors.add("email", f"'{text['email']}' bukan alamat surel.", "tulis seperti nama@domain.go.id.")
    profile = LibraryProfile(
        name=text["name"],
        tagline=text["tagline"],
        address=_address(raw.get("address"), errors),
        latitude=_number(raw.get("geo"), "latitude", -90, 90, errors),
        longitude=_number(raw.get("geo"), "longitude", -180, 180, errors),
        map_url=_url(raw.get("map_url"), "map_url", errors),
        opening_hours=_opening_hours(raw.get("opening_hours"), errors),
        phone=text["phone"],
        email=text["email"],
        social=_social(raw.get("social"), errors),
        hashtags=_hashtags(raw.get("hashtags"), errors),
        logo=_logo(raw.get("logo"), content_dir, errors),
        colors=_colors(raw.get("colors"), errors),
    )
    if errors.items:
        raise BuildStopped(
            "Pengaturan LIBRARY di pelicanconf.py bermasalah:\n  - "
            + "\n  - ".join(errors.items)
        )
    return profile


def _unknown_keys(raw: dict, known: set[str], prefix: str, errors: _Errors) -> None:
    for key in sorted(set(raw) - known):
        errors.add(
            prefix + str(key),
            "kunci ini tidak dikenal.",
            "hapus atau perbaiki ejaannya; kunci yang dikenal: " + ", ".join(sorted(known)) + ".",
        )


def _text(raw: dict, key: str, errors: _Errors) -> str:
    value = raw.get(key)
    if key in raw and (not isinstance(value, str) or not value.strip()):
        errors.add(key, "harus berupa teks yang tidak kosong.", "tulis teksnya di antara tanda kutip.")
        return ""
    return (value or "").strip()


def _address(raw: Any, errors: _Errors) -> Address:
    if not isinstance(raw, dict):
        errors.add("address", "harus berupa kamus.", "isi " + ", ".join(sorted(ADDRESS_KEYS)) + ".")
        raw = {}
    _unknown_keys(raw, ADDRESS_KEYS, "address.", errors)
    values = {k: str(raw.get(k, "")).strip() for k in ADDRESS_KEYS}
    for key in sorted(k for k, v in values.items() if not v and raw):
        errors.add(f"address.{key}", "belum diisi.", "isi bagian alamat ini.")
    return Address(**values)


def _number(raw: Any, key: str, low: float, high: float, errors: _Errors) -> float:
    value = raw.get(key) if isinstance(raw, dict) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        errors.add(
            f"geo.{key}",
            f"harus berupa angka antara {low} dan {high}.",
            "salin koordinat dari peta, misalnya 0.7286.",
        )
        return 0.0
    return float(value)


def _url(raw: Any, key: str, errors: _Errors) -> str:
    parts = urlparse(str(raw or ""))
    if parts.scheme != "https" or not parts.netloc:
        errors.add(key, f"'{raw}' bukan alamat web https yang lengkap.", "salin alamat lengkapnya dari peramban.")
    return str(raw or "")


def _opening_hours(raw: Any, errors: _Errors) -> tuple[OpeningHours, ...]:
    if not isinstance(raw, list) or not raw:
        errors.add("opening_hours", "harus berupa daftar jam buka.", "lihat contoh di README.md.")
        return ()
    rows = []
    example = "{'days': ['senin', 'selasa'], 'opens': '08:00', 'closes': '16:00'}"
    for index, row in enumerate(raw):
        key = f"opening_hours[{index}]"
        if not isinstance(row, dict):
            errors.add(key, f"'{row}' bukan satu baris jam buka.", f"tulis seperti {example}.")
            continue
        _unknown_keys(row, {"days", "opens", "closes"}, f"{key}.", errors)
        written = row.get("days")
        if not isinstance(written, list) or not written or not all(isinstance(d, str) for d in written):
            errors.add(f"{key}.days", f"'{written}' bukan daftar nama hari.",
                       "tulis daftar hari di antara [ ], misalnya ['senin', 'selasa'].")
            days: tuple[str, ...] = ()
        else:
            days = tuple(d.strip().lower() for d in written)
            unknown = [d for d in days if d not in DAYS]
            if unknown:
                errors.add(f"{key}.days", f"hari {unknown} tidak dikenal.", "pakai: " + ", ".join(DAYS) + ".")
        for edge in ("opens", "closes"):
            if not isinstance(row.get(edge), str) or not _TIME.match(row[edge]):
                errors.add(f"{key}.{edge}", f"'{row.get(edge)}' bukan jam.", "tulis JJ:MM di antara tanda kutip, misalnya '08:00'.")
        rows.append(OpeningHours(days, str(row.get("opens", "")), str(row.get("closes", ""))))
    return tuple(rows)


def _social(raw: Any, errors: _Errors) -> tuple[SocialAccount, ...]:
    if not isinstance(raw, dict):
        errors.add("social", "harus berupa kamus jaringan: alamat.", "misalnya {'facebook': 'https://...'}.")
        return ()
    _unknown_keys(raw, set(SOCIAL_NETWORKS), "social.", errors)
    return tuple(
        SocialAccount(name, SOCIAL_NETWORKS[name], _url(url, f"social.{name}", errors))
        for name, url in raw.items()
        if name in SOCIAL_NETWORKS
    )


def _hashtags(raw: Any, errors: _Errors) -> tuple[str, ...]:
    tags = raw if isinstance(raw, list) else []
    bad = [t for t in tags if not _HASHTAG.match(str(t).lstrip("#"))]
    if not isinstance(raw, list) or bad:
        errors.add("hashtags", f"tagar {bad} tidak sah.", "tulis daftar tagar satu kata, tanpa spasi atau tanda hubung.")
    return tuple(str(t).lstrip("#") for t in tags)


def _logo(raw: Any, content_dir: Path, errors: _Errors) -> str:
    fix = "simpan logo PNG atau JPG di content/gambar/ dan tulis lokasinya, misalnya 'gambar/logo.png'."
    if not isinstance(raw, str) or not raw.strip():
        errors.add("logo", f"'{raw}' bukan lokasi berkas logo.", fix)
        return ""
    text = raw.strip().lstrip("/")
    try:
        path = content_file(content_dir, text)
    except OutsideBoundary as error:
        errors.add("logo", error.message, error.fix)
        return text
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg") or not readable_image(path):
        errors.add("logo", f"berkas logo '{text}' bukan gambar PNG/JPG yang bisa dibuka.", fix)
    return text


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of a colour against white."""
    return contrast_of(hex_colour, "#ffffff")


def _colors(raw: Any, errors: _Errors) -> dict[str, str]:
    raw = raw if isinstance(raw, dict) else {}
    _unknown_keys(raw, COLOR_KEYS, "colors.", errors)
    for key in sorted(COLOR_KEYS):
        value = str(raw.get(key, ""))
        if not _HEX.match(value):
            errors.add(f"colors.{key}", f"'{value}' bukan kode warna.", "tulis seperti #0b5d4b.")
        elif contrast_with_white(value) < 4.5:
            errors.add(
                f"colors.{key}",
                f"kontras {value} dengan putih hanya {contrast_with_white(value):.1f}:1, "
                "kurang dari 4.5:1 yang diminta WCAG.",
                "pilih warna yang lebih gelap.",
            )
    return {k: str(raw.get(k, "")) for k in COLOR_KEYS}
