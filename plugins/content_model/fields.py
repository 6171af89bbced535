"""Field types of the content model: each turns a raw YAML value into a typed one.

A parser raises FieldError with an Indonesian message and fix; it never
guesses silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from plugins._shared.boundary import OutsideBoundary, content_file
from plugins._shared.digest_cache import note_file
from plugins._shared.focal_point import FocusError, parse_focus
from plugins._shared.hashtags import HASHTAG, suggest_hashtag, unique_hashtags
from plugins._shared.image_probes import probe
from plugins._shared.images import ImageInfo, ImageProblem

from .paths import why, written_form
from .problems import FieldError

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
PROJECT_THEME = Path(__file__).resolve().parents[2] / "theme"
# Instagram's own limit, and the most any platform shows; more only costs cards and feed work.
MAX_HASHTAGS = 30


def tag_slugger(settings) -> Callable[[str], str]:
    """The slug Pelican gives a tag of this name under these settings (Tag.slug, without its log)."""
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", []))

    def slug(name: str) -> str:
        return slugify(
            name,
            regex_subs=subs,
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        )

    return slug


@dataclass(frozen=True)
class ParseContext:
    """What a parser needs to know beyond the value itself."""

    content_dir: Path
    timezone: ZoneInfo
    theme_dir: Path = PROJECT_THEME
    static_folders: tuple[str, ...] = ()  # STATIC_PATHS: folders Pelican copies as they are
    tag_slug: Callable[[str], str] = field(default=tag_slugger(DEFAULT_CONFIG))

    @classmethod
    def from_settings(cls, settings) -> ParseContext:
        return cls(
            content_dir=Path(settings["PATH"]).resolve(),
            timezone=ZoneInfo(settings["TIMEZONE"]),
            theme_dir=Path(settings["THEME"]),
            static_folders=tuple(settings.get("STATIC_PATHS") or ()),
            tag_slug=tag_slugger(settings),
        )


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
            raise FieldError("teks ini terdiri dari beberapa baris.", "tulis dalam satu baris saja.")
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
        form = written_form(text)
        if form is not None:
            exists = is_content_file(ctx.content_dir / form)
            raise FieldError(
                f"lokasi '{text}' {why(text)}, jadi gambarnya tidak ditemukan.",
                f"tulis lokasinya sebagai {form}"
                + ("." if exists else f", dan pastikan berkasnya tersimpan di content/{form}."),
            )
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
        check_file_name(text)
        try:
            path = located(ctx.content_dir, text)
        except OutsideBoundary as error:
            raise FieldError(error.message, error.fix) from None
        folder = PurePosixPath(text).parts[0]
        if folder not in ctx.static_folders:
            raise FieldError(
                f"'{text}' tidak berada di folder gambar, jadi tidak ikut diterbitkan.",
                f"pindahkan gambarnya ke content/gambar/ dan tulis gambar/{PurePosixPath(text).name}.",
            )
        image_info(path, text)
        return text


# A file name that stays one piece in every URL, srcset and JSON-LD: spaces break
# srcset, commas split it, and quotes or brackets need escaping nobody remembers.
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def safe_name(name: str) -> str:
    """A working name for a file: 'Foto Acara (1).JPG' -> 'foto-acara-1.jpg'."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    cleaned = slugify(stem, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]) or "berkas"
    return f"{cleaned}.{suffix.lower()}" if suffix else cleaned


def check_file_name(written: str) -> None:
    """Raise FieldError when a path has a part that would break URLs (spaces, commas...)."""
    for part in PurePosixPath(written.replace("\\", "/")).parts:
        if part not in ("/", "..", ".") and not SAFE_NAME.match(part):
            raise FieldError(
                f"nama '{part}' memuat spasi, koma atau tanda lain yang merusak alamat gambar di "
                "halaman dan umpan.",
                f"ganti nama berkas atau foldernya menjadi '{safe_name(part)}' (huruf, angka, "
                "tanda hubung dan titik saja), lalu tulis nama baru itu di sini.",
            )


def is_content_file(path: Path) -> bool:
    """Path.is_file(), noted as an input of the check (plugins/_shared/digest_cache.py)."""
    note_file(path)
    return path.is_file()


def located(content_dir: Path, written: str) -> Path:
    """boundary.content_file(), with the file it looks for noted as an input of the check."""
    note_file(Path(content_dir) / str(written).replace("\\", "/").lstrip("/"))
    return content_file(content_dir, written)


def image_info(path: Path, name: str) -> ImageInfo:
    """The image's size and format, or FieldError (too many pixels, unreadable) naming it."""
    note_file(path)
    try:
        return probe(path, name)
    except ImageProblem as problem:
        raise FieldError(problem.message, problem.fix) from None


def readable_image(path: Path) -> bool:
    """True when the file is an image the build can decode within the pixel limit."""
    try:
        probe(path)
    except ImageProblem:
        return False
    return True


# What separates tags written as one text: "#BedahBuku #Ronggeng", "BedahBuku, Ronggeng".
_TAG_SEPARATORS = re.compile(r"[\s,;#\[\]\"']+")


def hashtag_list(text: str) -> str:
    """Tags written as one text, in YAML's list form: '#BedahBuku #Ronggeng' -> '[BedahBuku, Ronggeng]'."""
    words = [word for word in _TAG_SEPARATORS.split(str(text)) if word]
    return "[" + ", ".join(suggest_hashtag(word) for word in words) + "]"


def _several_tags(text: str) -> bool:
    """True when a text holds several tags: split by '#' or ',' (not only by spaces)."""
    inner = text.strip().lstrip("#")
    return bool(re.search(r"[#,;]", inner)) and len([w for w in _TAG_SEPARATORS.split(inner) if w]) > 1


@dataclass(frozen=True)
class Hashtags(FieldType):
    form: ClassVar[str] = "daftar tagar tanpa spasi, misalnya [LiterasiDigital, Kotamobagu]"

    def parse(self, value, ctx):
        items = value if isinstance(value, list) else [value]
        if any(isinstance(item, str) and _several_tags(item) for item in items):
            # Several tags in one text: the fix is the list form, never one glued word.
            written = " ".join(str(item) for item in items)
            raise FieldError(
                f"tagar '{written}' ditulis sebagai satu teks, jadi terbaca sebagai satu tagar.",
                f"tulis setiap tagar tanpa tanda #, sebagai daftar: hashtags: {hashtag_list(written)}",
            )
        tags = [str(item).strip().lstrip("#") for item in items]
        if len(tags) > MAX_HASHTAGS:
            raise FieldError(
                f"ada {len(tags)} tagar, lebih dari {MAX_HASHTAGS} (batas Instagram, dan yang "
                "ditampilkan platform lain).",
                f"pilih paling banyak {MAX_HASHTAGS} tagar yang paling penting; tagar "
                "perpustakaan ditambahkan otomatis.",
            )
        # First: no spelling in such a script makes a tag page, so suggesting one would mislead.
        unaddressable = [tag for tag in tags if any(c.isalpha() for c in tag) and not ctx.tag_slug(tag)]
        if unaddressable:
            listed = ", ".join(f"'{tag}'" for tag in unaddressable)
            raise FieldError(
                f"tagar {listed} tidak bisa dijadikan alamat halaman tagar (aksaranya tidak bisa "
                "dialihkan ke huruf Latin), jadi tautannya akan rusak.",
                "tulis tagar dengan huruf Latin, misalnya 'AksaraJawa' atau 'Lontara'.",
            )
        bad = [tag for tag in tags if not HASHTAG.match(tag)]
        if bad:
            # Name every bad hashtag at once, each with its one-word form.
            listed = ", ".join(f"'{tag}'" for tag in bad)
            fixed = ", ".join(f"'{suggest_hashtag(tag)}'" for tag in bad)
            spaced = [tag for tag in bad if len(tag.split()) > 1]
            several = (
                f"; bila maksudnya beberapa tagar, tulis sebagai daftar: hashtags: "
                f"{hashtag_list(' '.join(spaced))}"
                if spaced and len(items) == 1
                else ""
            )
            raise FieldError(
                f"tagar {listed} tidak menjadi tagar yang bisa diklik di media sosial: tagar "
                "harus satu kata yang memuat huruf, tanpa spasi, tanda hubung atau tanda baca.",
                f"tulis sebagai satu kata: {fixed}{several}.",
            )
        return list(unique_hashtags(tags))


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
        total = sum((10 - i) * (10 if c in "Xx" else int(c)) for i, c in enumerate(digits))
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
                "salin ISBN dari halaman hak cipta buku atau dari katalog, misalnya 978-602-291-000-8.",
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


@dataclass(frozen=True)
class CardLayout(FieldType):
    form: ClassVar[str] = "nama tata letak kartu di theme/cards/"

    def parse(self, value, ctx):
        name = str(value).strip()
        # Card layouts are TOML files of the theme (THEME/cards/).
        note_file(ctx.theme_dir / "cards")
        known = sorted(p.stem for p in (ctx.theme_dir / "cards").glob("*.toml"))
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
        text = super().parse(value, ctx)  # exists and decodes
        path = ctx.content_dir / text
        info = image_info(path, text)
        width, height, kind = info.width, info.height, info.format
        size = path.stat().st_size
        ratio = width / height
        if (
            kind != "JPEG"
            or size > CARD_IMAGE_MAX_BYTES
            or width < CARD_IMAGE_MIN[0]
            or height < CARD_IMAGE_MIN[1]
            or not 1.8 <= ratio <= 2.0
        ):
            raise FieldError(
                f"gambar kartu '{text}' berukuran {width}x{height} piksel, {size // 1000} KB, "
                f"format {kind}; WhatsApp dan Facebook butuh JPEG sekitar 1,91:1 di bawah 300 KB.",
                "simpan ulang sebagai JPEG 1200x630 piksel di bawah 300 KB, atau hapus "
                "kolom ini agar kartu dibuat otomatis.",
            )
        return text


@dataclass(frozen=True)
class PageTemplate(FieldType):
    """A page template of the theme: page.html, or a template that extends it."""

    form: ClassVar[str] = "nama templat halaman di theme/templates/"

    def parse(self, value, ctx):
        name = str(value).strip().removesuffix(".html")
        known = page_templates(ctx.theme_dir)
        if name not in known:
            raise FieldError(
                f"templat halaman '{name}' tidak ada di tema.",
                "pakai salah satu dari: " + ", ".join(known) + ", atau hapus kolom ini.",
            )
        return name


_EXTENDS_PAGE = re.compile(r"""{%-?\s*extends\s+["']page\.html["']""")


def page_templates(theme_dir: Path) -> list[str]:
    """'page' and every template of the theme that extends page.html."""
    folder = theme_dir / "templates"
    note_file(folder)
    found = {"page"} if (folder / "page.html").is_file() else set()
    for path in folder.glob("*.html"):
        note_file(path)
        if _EXTENDS_PAGE.search(path.read_text(encoding="utf-8")):
            found.add(path.stem)
    return sorted(found)


@dataclass(frozen=True)
class CardFocus(FieldType):
    """The part of a photo a card's crop keeps: two fractions, or Indonesian words."""

    form: ClassVar[str] = (
        'titik fokus foto di kartu: "0.5, 0.3" (mendatar, menurun) atau atas/tengah/bawah/kiri/kanan'
    )

    def parse(self, value, ctx):
        try:
            return parse_focus(value)
        except FocusError as error:
            raise FieldError(
                str(error), 'tulis misalnya card_focus: "0.5, 0.3" atau card_focus: atas'
            ) from None


_TRUE = {"true", "ya", "yes", "benar", "1"}
_FALSE = {"false", "tidak", "no", "salah", "0"}


@dataclass(frozen=True)
class Boolean(FieldType):
    form: ClassVar[str] = "true atau false"

    def parse(self, value, ctx):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise FieldError(f"'{value}' bukan true atau false.", "tulis true (ya) atau false (tidak).")


@dataclass(frozen=True)
class Date(FieldType):
    """A calendar day, without a time: 2026-12-26."""

    form: ClassVar[str] = "tanggal, TTTT-BB-HH"

    def parse(self, value, ctx):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise FieldError(
                f"'{value}' bukan tanggal yang sah.",
                "tulis tanggal dengan format TTTT-BB-HH, misalnya 2026-12-26.",
            ) from None


@dataclass(frozen=True)
class DateList(FieldType):
    form: ClassVar[str] = "daftar tanggal, misalnya [2026-12-26, 2027-01-02]"

    def parse(self, value, ctx):
        items = value if isinstance(value, list) else [value]
        return tuple(sorted({Date().parse(item, ctx) for item in items if item is not None}))


@dataclass(frozen=True)
class ChoiceList(FieldType):
    """One or more of a set of choices: [anak, remaja]."""

    options: dict[str, str] = field(default_factory=dict)

    @property
    def form(self) -> str:  # type: ignore[override]
        return "satu atau beberapa dari: " + ", ".join(self.options)

    def parse(self, value, ctx):
        items = value if isinstance(value, list) else str(value).split(",")
        chosen = [str(item).strip().lower() for item in items if item is not None and str(item).strip()]
        unknown = [item for item in chosen if item not in self.options]
        if unknown:
            listed = ", ".join(f"'{item}'" for item in unknown)
            raise FieldError(
                f"{listed} bukan pilihan yang dikenal.",
                "pakai satu atau beberapa dari: " + ", ".join(self.options) + ", misalnya [anak, remaja].",
            )
        if not chosen:
            raise FieldError("daftarnya kosong.", "isi paling sedikit satu butir.")
        return tuple(dict.fromkeys(chosen))


@dataclass(frozen=True)
class Recurrence:
    """A parsed `repeat`: every `interval` days/weeks/months, `count` times or `until` a day."""

    every: str  # "day", "week" or "month"
    interval: int = 1
    count: int | None = None
    until: dt.date | None = None


_EVERY = {
    "day": "day",
    "hari": "day",
    "week": "week",
    "minggu": "week",
    "pekan": "week",
    "month": "month",
    "bulan": "month",
}
_REPEAT_KEYS = {
    "every": "every",
    "setiap": "every",
    "interval": "interval",
    "selang": "interval",
    "count": "count",
    "kali": "count",
    "jumlah": "count",
    "until": "until",
    "sampai": "until",
}


@dataclass(frozen=True)
class Repeat(FieldType):
    form: ClassVar[str] = (
        "aturan ulang, misalnya {every: week, count: 4} atau {every: week, until: 2027-01-30}"
    )

    def parse(self, value, ctx):
        example = (
            "tulis misalnya repeat: {every: week, count: 4} atau repeat: {every: week, until: 2027-01-30}."
        )
        if not isinstance(value, dict):
            raise FieldError("aturan ulang bukan bagian bersarang.", example)
        parts = {}
        for key, item in value.items():
            name = _REPEAT_KEYS.get(str(key).strip().lower())
            if name is None:
                raise FieldError(
                    f"'{key}' tidak dikenal dalam aturan ulang.",
                    "pakai every (day, week atau month), count atau until, dan interval bila perlu.",
                )
            parts[name] = item
        every = _EVERY.get(str(parts.get("every", "")).strip().lower())
        if every is None:
            raise FieldError(
                f"'every: {parts.get('every', '')}' bukan satuan ulang yang dikenal.",
                "isi every dengan day (setiap hari), week (setiap minggu) atau month (setiap bulan).",
            )
        return Recurrence(
            every=every,
            interval=Integer().parse(parts["interval"], ctx) if "interval" in parts else 1,
            count=Integer().parse(parts["count"], ctx) if "count" in parts else None,
            until=Date().parse(parts["until"], ctx) if "until" in parts else None,
        )


@dataclass(frozen=True)
class MovedSessions(FieldType):
    form: ClassVar[str] = "tanggal lama: waktu baru, misalnya {2026-12-19: 2026-12-20 10:00}"

    def parse(self, value, ctx):
        if not isinstance(value, dict):
            raise FieldError(
                "isinya bukan pasangan tanggal lama dan waktu baru.",
                "tulis misalnya moved: {2026-12-19: 2026-12-20 10:00}.",
            )
        return {Date().parse(old, ctx): DateTime().parse(new, ctx) for old, new in value.items()}
