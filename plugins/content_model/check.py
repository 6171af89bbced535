"""Validate the whole content tree in one pass and report every problem.

Works on the raw files, not on what Pelican managed to read, so a file the
reader would drop silently (bad YAML, bad date) is reported here by name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .body import check_body, internal_links
from .fields import ParseContext
from .frontmatter import parse_document
from .problems import FieldError, Problem
from .schema import ASSET_FOLDERS, KINDS, PAGE_FOLDER, PAGE_KIND, SITE_FOLDERS, Kind

# Also Pelican's FILENAME_METADATA: an optional date prefix, then the slug.
FILENAME_METADATA = r"(?:\d{4}-\d{2}-\d{2}-)?(?P<slug>.+)"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Entry:
    """One content file as the checker understood it."""

    path: str
    kind: Kind | None
    slug: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, {filename} target)


@dataclass
class Report:
    """Every file's entry; a problem that spans files sits on the file to fix.

    `findings` come from other plugins' checks (e.g. a feed caption too long):
    they fail a strict build like any problem, but do not keep a post out of a
    development build.
    """

    entries: dict[str, Entry]
    findings: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.entries.values() for p in e.problems] + self.findings

    def entry_for(self, source_path: str | Path) -> Entry | None:
        return self.entries.get(str(Path(source_path).resolve()))


def kind_for(relative: Path) -> Kind | None:
    """The kind of a file, from the first folder of its path under content/."""
    if len(relative.parts) < 2:
        return None
    folder = relative.parts[0]
    return PAGE_KIND if folder == PAGE_FOLDER else KINDS.get(folder)


def check_tree(content_dir: Path, timezone: ZoneInfo) -> Report:
    """Check every Markdown file under content_dir."""
    content_dir = content_dir.resolve()
    ctx = ParseContext(content_dir, timezone)
    entries = {}
    for path in sorted(content_dir.rglob("*")):
        relative = path.relative_to(content_dir)
        if not path.is_file() or _is_ignored(relative):
            continue
        entries[str(path)] = check_file(path, ctx)
    _check_duplicate_slugs(entries.values())
    _check_internal_links(entries, content_dir, dt.datetime.now(timezone))
    return Report(entries)


def _is_ignored(relative: Path) -> bool:
    hidden = any(part.startswith(".") for part in relative.parts)
    return hidden or relative.parts[0] in ASSET_FOLDERS


def check_file(path: Path, ctx: ParseContext) -> Entry:
    """Check one file: its place, its front matter, its fields and its body."""
    relative = path.relative_to(ctx.content_dir)
    shown = f"content/{relative.as_posix()}"
    kind = kind_for(relative)
    entry = Entry(shown, kind)

    def report(field_name, error: FieldError):
        entry.problems.append(Problem(shown, field_name, error.message, error.fix))

    if path.suffix != ".md":
        report(None, FieldError(
            "berkas ini bukan tulisan Markdown (.md), jadi tidak ikut dibangun.",
            "simpan tulisan sebagai berkas .md; gambar dan unduhan disimpan di "
            "content/gambar/ atau content/unduhan/.",
        ))
        return entry
    if kind is None:
        report(None, _unknown_kind_error(relative))
        return entry
    if len(relative.parts) > 2:
        report(None, FieldError(
            f"berkas berada di subfolder '{'/'.join(relative.parts[1:-1])}', sehingga "
            "alamat dan jenisnya di situs menjadi salah.",
            f"pindahkan berkas langsung ke folder content/{relative.parts[0]}/.",
        ))
        return entry
    try:
        # utf-8-sig: Windows Notepad starts UTF-8 files with a byte-order mark.
        document = parse_document(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        report(None, FieldError(
            "berkas tidak tersimpan dalam pengodean UTF-8, sehingga huruf bisa rusak.",
            "buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8.",
        ))
        return entry
    except FieldError as error:
        report(None, error)
        return entry

    entry.values = _parse_fields(kind, document.metadata, ctx, report)
    written = {name for name, raw in document.metadata.items() if not _is_blank(raw)}
    for rule in kind.rules:
        for field_name, error in rule(entry.values, written):
            report(field_name, error)
    for error in check_body(document.body, document.body_first_line, ctx.content_dir):
        report("isi", error)
    entry.links = internal_links(document.body, document.body_first_line)
    entry.slug = _slug(relative, entry.values, report)
    return entry


def _parse_fields(kind: Kind, metadata: dict, ctx: ParseContext, report) -> dict:
    values = {}
    for name, raw in metadata.items():
        spec = kind.field(name)
        if spec is None:
            report(name, _unknown_field_error(kind, name))
            continue
        if raw is None or raw == "" or raw == []:
            continue
        try:
            values[name] = spec.type.parse(raw, ctx)
        except FieldError as error:
            report(name, error)
    for spec in kind.fields:
        if spec.required and spec.name not in metadata:
            report(spec.name, FieldError(
                f"kolom wajib untuk {kind.label.lower()} ini belum ada.",
                f"tambahkan baris '{spec.name}: ...' ({spec.comment}).",
            ))
        elif spec.required and spec.name not in values and _is_blank(metadata[spec.name]):
            report(spec.name, FieldError(
                "kolom wajib ini kosong.", f"isi kolom ini ({spec.comment})."
            ))
    return values


def _is_blank(raw) -> bool:
    return raw is None or raw == "" or raw == []


def _slug(relative: Path, values: dict, report) -> str | None:
    if "slug" in values:
        slug, source = values["slug"], "slug"
    else:
        slug = re.fullmatch(FILENAME_METADATA, relative.stem).group("slug")
        source = None
    if not _SLUG.match(slug):
        report(source, FieldError(
            f"alamat halaman '{slug}' memuat huruf besar, spasi atau tanda baca.",
            "pakai huruf kecil, angka dan tanda hubung saja, misalnya "
            "'diskusi-buku-laskar-pelangi'"
            + ("." if source else " (ganti nama berkasnya)."),
        ))
        return None
    return slug


def _unknown_kind_error(relative: Path) -> FieldError:
    folder = relative.parts[0] if len(relative.parts) > 1 else ""
    folders = sorted(KINDS) + [PAGE_FOLDER]
    guess = difflib.get_close_matches(folder, folders, n=1)
    hint = f" Mungkin maksudnya '{guess[0]}'?" if guess else ""
    where = f"folder '{folder}'" if folder else "folder utama content/"
    return FieldError(
        f"{where} bukan jenis konten yang dikenal.{hint}",
        "pindahkan berkas ke salah satu folder: " + ", ".join(folders) + ".",
    )


def _unknown_field_error(kind: Kind, name: str) -> FieldError:
    guess = difflib.get_close_matches(name, kind.field_names, n=1, cutoff=0.6)
    if guess:
        return FieldError(
            f"kolom ini tidak dikenal; mungkin salah ketik untuk '{guess[0]}'.",
            f"ganti nama kolom menjadi '{guess[0]}'.",
        )
    return FieldError(
        f"kolom ini tidak dikenal untuk {kind.label.lower()}.",
        "hapus kolom ini atau pakai salah satu kolom yang dikenal: "
        + ", ".join(kind.field_names) + ".",
    )


# Top-level URL folders a page slug must not take (pages live at /{slug}/):
# listings, feeds, share kit, cards, theme files and asset folders.
RESERVED_PAGE_SLUGS = SITE_FOLDERS | {"bagikan"}  # and the share kit's default folder


def _check_duplicate_slugs(entries) -> None:
    """Two files with one URL: the later one gets the problem (and is left out)."""
    owners: dict[tuple[str, str], str] = {}
    for entry in entries:
        if entry.kind is None or entry.slug is None:
            continue
        if entry.kind is PAGE_KIND and entry.slug in RESERVED_PAGE_SLUGS:
            entry.problems.append(Problem(
                entry.path, "slug",
                f"alamat halaman '{entry.slug}' sudah dipakai situs untuk daftar atau folder.",
                "ganti nama berkas atau isi kolom 'slug' dengan alamat lain, misalnya "
                f"'tentang-{entry.slug}'.",
            ))
            continue
        key = (entry.kind.slug, entry.slug)
        if key in owners:
            entry.problems.append(Problem(
                entry.path, "slug",
                f"alamat halaman '{entry.slug}' sudah dipakai oleh {owners[key]}.",
                "ganti nama salah satu berkas, atau isi kolom 'slug' dengan alamat lain.",
            ))
        else:
            owners[key] = entry.path


def _check_internal_links(entries: dict[str, Entry], content_dir: Path, now: dt.datetime) -> None:
    """A {filename} link must point at a post that exists, is sound and is published."""
    for entry in entries.values():
        for line, target in entry.links:
            path = (content_dir / target.lstrip("/")).resolve()
            linked = entries.get(str(path))
            if linked is None:
                why = "tidak ada"
            elif linked.problems:
                why = "sedang bermasalah sehingga tidak ikut dibangun"
            elif linked.values.get("status") == "draft":
                why = "masih draf, jadi tautannya tidak akan berfungsi di situs"
            elif "date" in linked.values and linked.values["date"] > now:
                why = "baru terbit nanti, jadi tautannya belum berfungsi di situs"
            else:
                continue
            entry.problems.append(Problem(
                entry.path, "isi",
                f"tautan di baris {line} menuju '{target}', yang {why}.",
                "periksa nama berkas tujuan (mulai dari folder jenisnya, misalnya "
                "{filename}/acara/2026-11-20-diskusi-buku.md), atau hapus tautannya.",
            ))
