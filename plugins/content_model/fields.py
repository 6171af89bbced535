"""Field types of the content model: each turns a raw YAML value into a typed one.

A parser raises FieldError with an Indonesian message and fix; it never
guesses silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from .problems import FieldError

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


@dataclass(frozen=True)
class ParseContext:
    """What a parser needs to know beyond the value itself."""

    content_dir: Path
    timezone: ZoneInfo


class FieldType:
    """Base of every field type."""

    # A one-line description of the expected form, in Indonesian.
    form: ClassVar[str] = ""

    def parse(self, value: Any, ctx: ParseContext) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(FieldType):
    max_length: int | None = None
    multiline: bool = False
    form: ClassVar[str] = "teks"

    def parse(self, value, ctx):
        if isinstance(value, (list, dict)):
            raise FieldError(
                "isinya berupa daftar atau bagian bersarang, bukan teks biasa.",
                "tulis teks dalam satu baris setelah titik dua; beri tanda kutip bila "
                "teks memuat tanda ':' atau '#'.",
            )
        text = str(value).strip()
        if not text:
            raise FieldError("kolom ini kosong.", "isi kolom ini atau hapus barisnya.")
        if not self.multiline and "\n" in text:
            raise FieldError(
                "teks ini terdiri dari beberapa baris.", "tulis dalam satu baris saja."
            )
        if self.max_length and len(text) > self.max_length:
            raise FieldError(
                f"panjangnya {len(text)} karakter, melebihi batas {self.max_length}.",
                f"persingkat hingga paling banyak {self.max_length} karakter.",
            )
        return text


_DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


@dataclass(frozen=True)
class DateTime(FieldType):
    form: ClassVar[str] = "tanggal dan jam, TTTT-BB-HH JJ:MM (WITA)"

    def parse(self, value, ctx):
        if isinstance(value, dt.datetime):
            moment = value
        elif isinstance(value, dt.date):
            moment = dt.datetime(value.year, value.month, value.day)
        else:
            moment = _parse_datetime_text(str(value).strip())
        if moment.tzinfo is None:
            return moment.replace(tzinfo=ctx.timezone)
        return moment.astimezone(ctx.timezone)


def _parse_datetime_text(text: str) -> dt.datetime:
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern)
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise FieldError(
            f"'{text}' bukan tanggal yang sah.",
            "tulis tanggal dengan format TTTT-BB-HH atau TTTT-BB-HH JJ:MM, "
            "misalnya 2026-12-05 09:00 (jam dalam WITA).",
        ) from None


# Characters RFC 3986 allows in a URL; anything else (spaces, quotes, <>) must be
# percent-encoded, as a browser's address bar does when the URL is copied.
_URL_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


@dataclass(frozen=True)
class Url(FieldType):
    form: ClassVar[str] = "alamat web lengkap, diawali https://"

    def parse(self, value, ctx):
        text = str(value).strip()
        parts = urlparse(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or not _URL_CHARS.match(text):
            raise FieldError(
                f"'{text}' bukan alamat web yang lengkap.",
                "salin alamat lengkap dari kolom alamat peramban, diawali https://, "
                "tanpa spasi atau tanda kutip.",
            )
        return text


@dataclass(frozen=True)
class ImagePath(FieldType):
    form: ClassVar[str] = "lokasi berkas gambar di dalam folder content/"

    def parse(self, value, ctx):
        text = str(value).strip().lstrip("/")
        if text.startswith(("http://", "https://")):
            raise FieldError(
                "gambar dari situs lain tidak dipakai, karena situs dibangun tanpa internet.",
                "unduh gambarnya (bila boleh dipakai), simpan di folder content/gambar/, "
                "lalu tulis lokasinya, misalnya gambar/nama-berkas.jpg.",
            )
        if not text.lower().endswith(IMAGE_SUFFIXES):
            raise FieldError(
                f"'{text}' bukan berkas gambar yang didukung.",
                "pakai gambar JPG, PNG atau WebP.",
            )
        path = (ctx.content_dir / text).resolve()
        if ctx.content_dir.resolve() not in path.parents:
            raise FieldError(
                f"'{text}' berada di luar folder content/.",
                "simpan gambar di folder content/gambar/ dan tulis lokasinya dari sana, "
                "misalnya gambar/nama-berkas.jpg.",
            )
        if not path.is_file():
            raise FieldError(
                f"berkas '{text}' tidak ditemukan di folder content/.",
                "periksa ejaan nama berkas (huruf besar dan kecil dibedakan) dan pastikan "
                "gambarnya sudah disimpan di folder content/gambar/.",
            )
        if not readable_image(path):
            raise unreadable_image_error(text)
        return text


def readable_image(path: Path) -> bool:
    """True when Pillow can decode the file (the build resizes every image)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def unreadable_image_error(name: str) -> FieldError:
    return FieldError(
        f"berkas '{name}' rusak atau bukan gambar, sehingga tidak bisa dibuka.",
        "buka gambarnya di komputer untuk memastikan bisa dilihat, lalu simpan ulang "
        "sebagai JPG atau PNG.",
    )


# One word with at least one letter: platforms do not link digits-only tags (#2026).
HASHTAG = re.compile(r"^(?=\w*[^\W\d_])[^\W_]\w*$")


def hashtag_form(text: str) -> str:
    """Words as one CamelCase word: 'Literasi Digital' or 'literasi-digital' -> 'LiterasiDigital'."""
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[^\W_]+", text))


def suggest_hashtag(text: str) -> str:
    """A working hashtag for what was written ('2026' gets a word: 'Baca2026')."""
    joined = hashtag_form(text)
    return joined if HASHTAG.match(joined) else f"Baca{joined}"


@dataclass(frozen=True)
class Hashtags(FieldType):
    form: ClassVar[str] = "daftar tagar tanpa spasi, misalnya [LiterasiDigital, Kotamobagu]"

    def parse(self, value, ctx):
        items = value if isinstance(value, list) else [value]
        tags = [str(item).strip().lstrip("#") for item in items]
        bad = [tag for tag in tags if not HASHTAG.match(tag)]
        if bad:
            # Name every bad hashtag at once, each with its one-word form.
            listed = ", ".join(f"'{tag}'" for tag in bad)
            fixed = ", ".join(f"'{suggest_hashtag(tag)}'" for tag in bad)
            raise FieldError(
                f"tagar {listed} tidak menjadi tagar yang bisa diklik di media sosial: tagar "
                "harus satu kata yang memuat huruf, tanpa spasi, tanda hubung atau tanda baca.",
                f"tulis sebagai satu kata: {fixed}.",
            )
        unique: list[str] = []
        for tag in tags:
            if tag.casefold() not in {t.casefold() for t in unique}:
                unique.append(tag)
        return unique


@dataclass(frozen=True)
class TextList(FieldType):
    form: ClassVar[str] = "daftar; setiap butir diawali '- '"

    def parse(self, value, ctx):
        if not isinstance(value, list):
            raise FieldError(
                "isinya bukan daftar.",
                "tulis setiap butir pada baris sendiri, diawali tanda '- '.",
            )
        items = [str(v).strip() for v in value if v is not None and str(v).strip()]
        if not items:
            raise FieldError("daftarnya kosong.", "isi paling sedikit satu butir.")
        return items


def _isbn_is_valid(digits: str) -> bool:
    if len(digits) == 10:
        total = sum(
            (10 - i) * (10 if c in "Xx" else int(c)) for i, c in enumerate(digits)
        )
        return total % 11 == 0
    total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits))
    return total % 10 == 0


@dataclass(frozen=True)
class Isbn(FieldType):
    form: ClassVar[str] = "ISBN-13 atau ISBN-10, boleh dengan tanda hubung"

    def parse(self, value, ctx):
        text = str(value).strip()
        digits = re.sub(r"[\s-]", "", text)
        shaped = re.fullmatch(r"\d{13}|\d{9}[\dXx]", digits)
        if not shaped or not _isbn_is_valid(digits):
            raise FieldError(
                f"'{text}' bukan ISBN yang sah (jumlah angka atau angka pemeriksanya salah).",
                "salin ISBN dari halaman hak cipta buku atau dari katalog, "
                "misalnya 978-602-291-000-8.",
            )
        return digits.upper()


@dataclass(frozen=True)
class Choice(FieldType):
    options: dict[str, str] = field(default_factory=dict)

    @property
    def form(self) -> str:  # type: ignore[override]
        return "salah satu dari: " + ", ".join(self.options)

    def parse(self, value, ctx):
        text = str(value).strip().lower()
        if text not in self.options:
            raise FieldError(
                f"'{value}' bukan pilihan yang dikenal.",
                "pakai salah satu dari: " + ", ".join(self.options) + ".",
            )
        return text


@dataclass(frozen=True)
class Integer(FieldType):
    minimum: int = 1
    form: ClassVar[str] = "bilangan bulat"

    def parse(self, value, ctx):
        if isinstance(value, bool) or not str(value).strip().isdigit():
            raise FieldError(f"'{value}' bukan bilangan bulat.", "tulis angka saja, misalnya 3.")
        number = int(str(value).strip())
        if number < self.minimum:
            raise FieldError(
                f"angkanya {number}, padahal paling kecil {self.minimum}.",
                f"tulis angka {self.minimum} atau lebih.",
            )
        return number


# Card layouts are TOML files of the theme; a post may pick one by name.
CARD_LAYOUTS_DIR = Path(__file__).resolve().parents[2] / "theme" / "cards"


@dataclass(frozen=True)
class CardLayout(FieldType):
    form: ClassVar[str] = "nama tata letak kartu di theme/cards/"

    def parse(self, value, ctx):
        name = str(value).strip()
        known = sorted(p.stem for p in CARD_LAYOUTS_DIR.glob("*.toml"))
        if name not in known:
            raise FieldError(
                f"tata letak kartu '{name}' tidak ada.",
                "pakai salah satu dari: " + ", ".join(known) + ", atau hapus kolom ini.",
            )
        return name


# Limits every platform accepts for a link-preview image (see SOCIAL-PLATFORMS.md).
CARD_IMAGE_MIN = (600, 315)
CARD_IMAGE_MAX_BYTES = 300_000


@dataclass(frozen=True)
class CardImage(ImagePath):
    form: ClassVar[str] = "gambar kartu siap pakai, JPEG 1200x630, di bawah 300 KB"

    def parse(self, value, ctx):
        from PIL import Image  # only posts that supply their own card pay for it

        text = super().parse(value, ctx)  # exists and decodes
        path = ctx.content_dir / text
        with Image.open(path) as image:
            width, height, kind = image.width, image.height, image.format
        size = path.stat().st_size
        ratio = width / height
        if kind != "JPEG" or size > CARD_IMAGE_MAX_BYTES or width < CARD_IMAGE_MIN[0] \
                or height < CARD_IMAGE_MIN[1] or not 1.8 <= ratio <= 2.0:
            raise FieldError(
                f"gambar kartu '{text}' berukuran {width}x{height} piksel, {size // 1000} KB, "
                f"format {kind}; WhatsApp dan Facebook butuh JPEG sekitar 1,91:1 di bawah 300 KB.",
                "simpan ulang sebagai JPEG 1200x630 piksel di bawah 300 KB, atau hapus "
                "kolom ini agar kartu dibuat otomatis.",
            )
        return text
