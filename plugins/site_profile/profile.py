"""The library's profile (LIBRARY in pelicanconf.py), declared as one frozen model.

Parsed once at start-up by plugins._shared.settings; the parsed profile is
settings["LIBRARY"] and, for templates and older readers, settings["PROFILE"].
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, ClassVar
from urllib.parse import urlparse

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, ValidationInfo, field_validator

from plugins._shared.boundary import OutsideBoundary, content_file
from plugins._shared.colors import contrast_of
from plugins._shared.hashtags import HASHTAG, suggest_hashtag
from plugins._shared.settings import Items, SettingsModel, declare, parse_one, problem
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
_QUOTED = "Tulis teksnya di antara tanda kutip."


def _filled(value: str) -> str:
    text = value.strip()
    if not text:
        raise problem("kosong.", _QUOTED)
    return text


def _https(value: str) -> str:
    parts = urlparse(value)
    if parts.scheme != "https" or not parts.netloc:
        raise problem(
            f"'{value}' bukan alamat web https yang lengkap.", "Salin alamat lengkapnya dari peramban."
        )
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise problem(f"'{value}' bukan alamat surel.", "Tulis seperti nama@domain.go.id.")
    return value


def _day(value: str) -> str:
    day = value.strip().lower()
    if day not in DAYS:
        guess = difflib.get_close_matches(day, DAYS, n=1)
        hint = f" Mungkin maksudnya '{guess[0]}'?" if guess else ""
        raise problem(f"hari '{value}' tidak dikenal.{hint}", "Pakai: " + ", ".join(DAYS) + ".")
    return day


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise problem(f"'{value}' bukan jam.", "Tulis JJ:MM di antara tanda kutip, misalnya '08:00'.")
    return value


def _hashtag(value: str) -> str:
    tag = value.strip().lstrip("#")
    if not HASHTAG.match(tag):
        raise problem(
            f"tagar '{value}' tidak sah.",
            f"Tulis tagar satu kata, tanpa spasi atau tanda hubung, misalnya '{suggest_hashtag(tag)}'.",
        )
    return tag


def _colour(value: str) -> str:
    if not _HEX.match(value):
        raise problem(f"'{value}' bukan kode warna.", "Tulis seperti #0b5d4b.")
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise problem(
            f"kontras {value} dengan putih hanya {ratio:.1f}:1, kurang dari 4.5:1 yang diminta WCAG.",
            "Pilih warna yang lebih gelap.",
        )
    return value


def _postal_code(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Text = Annotated[str, AfterValidator(_filled), Field(description=_QUOTED)]
HttpsUrl = Annotated[
    str, AfterValidator(_https), Field(description="Salin alamat https lengkapnya dari peramban.")
]
Clock = Annotated[
    str, AfterValidator(_time), Field(description="Tulis JJ:MM di antara tanda kutip, misalnya '08:00'.")
]
Colour = Annotated[str, AfterValidator(_colour), Field(description="Tulis kode warna seperti #0b5d4b.")]


class Address(SettingsModel):
    fix: ClassVar[str] = "Isi street, locality, region, postal_code dan country."

    street: Text
    locality: Text
    region: Text
    postal_code: Annotated[Text, BeforeValidator(_postal_code)]  # 95711 written as a number is fine
    country: Text

    @property
    def one_line(self) -> str:
        return f"{self.street}, {self.locality}, {self.region} {self.postal_code}"


class Geo(SettingsModel):
    fix: ClassVar[str] = "Tulis seperti {'latitude': 0.7286, 'longitude': 124.3192}."

    latitude: float = Field(
        ge=-90,
        le=90,
        description=("Isi angka antara -90 dan 90; salin koordinat dari peta, misalnya 0.7286."),
    )
    longitude: float = Field(
        ge=-180,
        le=180,
        description=("Isi angka antara -180 dan 180; salin koordinat dari peta, misalnya 124.3192."),
    )


class OpeningHours(SettingsModel):
    fix: ClassVar[str] = "Tulis seperti {'days': ['senin', 'selasa'], 'opens': '08:00', 'closes': '16:00'}."

    days: Items[Annotated[str, AfterValidator(_day)]] = Field(
        min_length=1, description="Tulis daftar hari di antara [ ], misalnya ['senin', 'selasa']."
    )
    opens: Clock
    closes: Clock

    @property
    def schema_days(self) -> list[str]:
        return [DAYS[d] for d in self.days]


class SocialAccount(BaseModel, frozen=True):
    network: str
    label: str
    url: str


class SocialLinks(SettingsModel):
    """One https address per network; only these networks are known."""

    fix: ClassVar[str] = "Tulis seperti {'facebook': 'https://www.facebook.com/...'}."

    facebook: HttpsUrl | None = None
    instagram: HttpsUrl | None = None
    x: HttpsUrl | None = None
    youtube: HttpsUrl | None = None
    tiktok: HttpsUrl | None = None
    mastodon: HttpsUrl | None = None
    threads: HttpsUrl | None = None
    bluesky: HttpsUrl | None = None
    whatsapp: HttpsUrl | None = None


class Colors(SettingsModel):
    """The two brand colours; read like a dict (colors["primary"]) by the cards and head."""

    fix: ClassVar[str] = "Tulis seperti {'primary': '#0b5d4b', 'accent': '#9c3d12'}."

    primary: Colour
    accent: Colour

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)

    def items(self) -> tuple[tuple[str, str], ...]:
        """(name, #rrggbb) pairs, as dict.items() gives them."""
        return (("primary", self.primary), ("accent", self.accent))


class LibraryProfile(SettingsModel):
    """Who the library is: name, address, hours, contacts, hashtags, logo and colours."""

    fix: ClassVar[str] = "Salin contoh LIBRARY dari README.md."

    name: Text
    tagline: Text
    address: Address
    geo: Geo
    map_url: HttpsUrl
    opening_hours: Items[OpeningHours] = Field(
        min_length=1, description="Lihat contoh jam buka di README.md."
    )
    phone: Text
    email: Annotated[Text, AfterValidator(_email)] = Field(description="Tulis seperti nama@domain.go.id.")
    social_links: SocialLinks = Field(alias="social")
    hashtags: Items[Annotated[str, AfterValidator(_hashtag)]] = Field(
        description="Tulis daftar tagar satu kata, tanpa spasi atau tanda hubung."
    )
    logo: str = Field(
        description=(
            "Simpan logo PNG atau JPG di content/gambar/ dan tulis lokasinya, misalnya 'gambar/logo.png'."
        )
    )
    # A photo of the building: the library's image in JSON-LD (search results show it).
    photo: str | None = Field(
        None,
        description=(
            "Simpan foto gedung perpustakaan (JPG) di content/gambar/ dan tulis lokasinya, "
            "misalnya 'gambar/gedung.jpg', atau hapus kunci ini."
        ),
    )
    colors: Colors

    @field_validator("logo", "photo")
    @classmethod
    def _logo_inside_content(cls, value: str | None, info: ValidationInfo) -> str | None:
        """The logo (and the photo) is a readable PNG/JPG inside content/ (never a link leaving it)."""
        if value is None and info.field_name == "photo":
            return None
        fix = cls.model_fields[info.field_name].description
        what = "logo" if info.field_name == "logo" else "foto"
        text = value.strip().lstrip("/")
        if not text:
            raise problem(f"'{value}' bukan lokasi berkas {what}.", fix)
        settings = (info.context or {}).get("settings", {})
        try:
            path = content_file(Path(settings.get("PATH", "content")), text)
        except OutsideBoundary as error:
            raise problem(error.message, error.fix[:1].upper() + error.fix[1:]) from None
        if path.suffix.lower() not in (".png", ".jpg", ".jpeg") or not readable_image(path):
            raise problem(f"berkas {what} '{text}' bukan gambar PNG/JPG yang bisa dibuka.", fix)
        return text

    @property
    def latitude(self) -> float:
        return self.geo.latitude

    @property
    def longitude(self) -> float:
        return self.geo.longitude

    @property
    def social(self) -> tuple[SocialAccount, ...]:
        """The accounts that are filled in, in SOCIAL_NETWORKS order."""
        return tuple(
            SocialAccount(network=name, label=label, url=getattr(self.social_links, name))
            for name, label in SOCIAL_NETWORKS.items()
            if getattr(self.social_links, name)
        )


def parse_profile(raw: Any, content_dir: Path) -> LibraryProfile:
    """LIBRARY as a LibraryProfile, or BuildStopped naming every mistake (for callers outside a build)."""
    return parse_one("LIBRARY", {"LIBRARY": raw, "PATH": str(content_dir)})


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of a colour against white."""
    return contrast_of(hex_colour, "#ffffff")


declare("LIBRARY", LibraryProfile, alias="PROFILE")  # PROFILE: the name templates read
