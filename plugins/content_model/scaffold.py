"""Write a new post or page from its kind: every field of its kind, each with a comment.

Required fields that only a person can fill are left empty on purpose, so
`invoke check` points at each one until it is written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import yaml
from pelican.utils import slugify

from .check import _SLUG
from .frontmatter import parse_document
from .kinds import DEFAULT, Field, Kind, KindRegistry
from .problems import FieldError

# Run after transliteration to ASCII: punctuation goes ("Jum'at" -> "jumat"), runs
# of spaces, hyphens and underscores become one hyphen, none is left at an end.
SLUG_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"[-\s_]+", "-"), (r"\A-+|-+\Z", "")]
# Line and paragraph breaks, and controls: YAML cannot keep them on the title's line.
_UNWRITABLE = {"Cc", "Cs", "Zl", "Zp"}
_NONCHARACTERS = {"\ufffe", "\uffff"}

# Placeholders: what `invoke new` writes for a person to replace. The checker
# (placeholders.py) reads them from here and refuses a post that still holds one.
BODY_PLACEHOLDER = "Tulis isi tulisan di sini. Pakai '## ' untuk subjudul."
REQUIRED_MARK = "wajib; "  # starts the comment of a required field
# Stand-ins for a value that staff write while drafting ("summary: ..." as the
# checker's own fixes show it).
VALUE_PLACEHOLDERS = ("...", "…", "TODO", "isi di sini")


class ScaffoldError(ValueError):
    """The post cannot be created; the message says why, in Indonesian."""


def _yaml_value(value) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10000)
    return dumped.split("\n")[0]  # a scalar dump ends with a '...' document marker


def _line(spec: Field, value) -> str:
    shown = "" if value is None else " " + _yaml_value(value)
    required = REQUIRED_MARK if spec.required else ""
    return f"{spec.name}:{shown}  # {required}{spec.comment}"


def render(kind: Kind, title: str, now: dt.datetime) -> str:
    """The text of a new post of this kind (a page kind has no date field: none is written)."""
    filled = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"), "hashtags": [], **kind.scaffold_values}
    lines = ["---"]
    lines += [_line(spec, filled.get(spec.name)) for spec in kind.fields]
    lines += [
        "---",
        "",
        BODY_PLACEHOLDER,
        "",
    ]
    return "\n".join(lines)


def find_kind(kinds: KindRegistry, name: str) -> Kind | None:
    """The kind (of posts, of pages, or a directory) called NAME, in any letter case: 'Acara', 'ACARA'."""
    wanted = name.strip().casefold()
    every = [*kinds.posts.values(), kinds.page, *kinds.directories.values()]
    return next((kind for kind in every if kind.slug.casefold() == wanted), None)


def kind_names(kinds: KindRegistry) -> list[str]:
    """What `invoke new` accepts, in the site's order: every kind of post, the page kind, directories."""
    return [*kinds.posts, kinds.page.slug, *kinds.directories]


def create(
    content_dir: Path, kind_slug: str, title: str, now: dt.datetime, kinds: KindRegistry = DEFAULT
) -> Path:
    """Write the new post (or page) file and return its path; never overwrite a file.

    A post is named after its date and title (content/acara/2026-11-28-judul.md);
    a page has no date, only its slug (content/halaman/tentang-kami.md).
    """
    kind = find_kind(kinds, kind_slug)
    if kind is None:
        raise ScaffoldError(
            f"jenis '{kind_slug}' tidak dikenal. Pilih salah satu: "
            + ", ".join(kind_names(kinds))
            + f"; {_example(next(iter(kinds.posts.values())))}."
        )
    title = title.strip()
    _check_title(kind, title)
    slug = _slug(kind, title)
    undated = "date" not in kind.field_names  # a page or a partner: named by its slug alone
    name = f"{slug}.md" if undated else f"{now:%Y-%m-%d}-{slug}.md"
    path = content_dir / kind.slug / name
    if path.exists():
        raise ScaffoldError(f"berkas {path} sudah ada; pakai judul lain atau sunting berkas itu.")
    text = render(kind, title, now)
    _check_round_trip(kind, title, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _example(kind: Kind) -> str:
    return f'misalnya: invoke new {kind.slug} "{kind.example_title}"'


def _check_title(kind: Kind, title: str) -> None:
    """Refuse a title YAML cannot hold on one line, or one with no word in it."""
    if not title:
        raise ScaffoldError(f"judul tidak boleh kosong. Tulis judul di antara tanda kutip, {_example(kind)}.")
    unwritable = next((ch for ch in title if _is_unwritable(ch)), None)
    if unwritable is not None:
        raise ScaffoldError(
            f"judul memuat pindah baris atau karakter kendali yang tidak terlihat "
            f"(U+{ord(unwritable):04X}). Tulis judul pada satu baris saja, {_example(kind)}."
        )
    if not any(ch.isalpha() for ch in title):
        raise ScaffoldError(
            f"judul '{title}' tidak memuat satu huruf pun. Tulis judul dengan kata-kata, {_example(kind)}."
        )


def _slug(kind: Kind, title: str) -> str:
    """The file name's slug for TITLE, one the checker accepts, or ScaffoldError."""
    slug = slugify(title, regex_subs=SLUG_SUBSTITUTIONS)
    if not _SLUG.match(slug):
        # Letters with no Latin spelling (e.g. Javanese script) slugify to nothing.
        raise ScaffoldError(
            f"judul '{title}' tidak bisa dijadikan nama berkas dan alamat halaman: hurufnya tidak "
            f"bisa dieja dengan huruf Latin. Tulis judul dengan huruf Latin, {_example(kind)}; "
            "setelah berkasnya dibuat, kolom 'title' boleh diganti dengan aksara lain."
        )
    return slug


def _is_unwritable(character: str) -> bool:
    return unicodedata.category(character) in _UNWRITABLE or character in _NONCHARACTERS


def _check_round_trip(kind: Kind, title: str, text: str) -> None:
    """Never write a header that does not read back as the title given."""
    try:
        written = parse_document(text).metadata.get("title")
    except FieldError:
        written = None
    if written != title:
        raise ScaffoldError(
            f"judul '{title}' tidak bisa ditulis apa adanya di bagian keterangan berkas. "
            f"Hapus tanda baca yang tidak biasa dari judul, {_example(kind)}."
        )
