"""Validate the whole content tree in one pass and report every problem.

Works on the raw files, not on what Pelican managed to read, so a file the
reader would drop silently (bad YAML, bad date) is reported here by name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from plugins._shared import digest_cache
from plugins._shared.boundary import is_within
from plugins._shared.clock import build_moment
from plugins._shared.files import remember_digests

from .advice import unknown_field_error
from .body import check_body, control_characters, internal_links
from .fields import ParseContext, check_file_name
from .folders import site_folders
from .frontmatter import forget_composed, read_document
from .kinds import BUILT_IN, Kind, KindRegistry, kinds_of
from .partners import check_partner_names
from .placeholders import body_placeholder, field_placeholders
from .problems import FieldError, Problem
from .schedule import late_announcements

# Also Pelican's FILENAME_METADATA: an optional date prefix, then the slug.
FILENAME_METADATA = r"(?:\d{4}-\d{2}-\d{2}-)?(?P<slug>.+)"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Entry:
    """One content file as the checker understood it."""

    path: str
    kind: Kind | None
    slug: str | None = None
    absolute: str = ""  # the file's full path on this machine
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, {filename} target)
    body: str = ""  # the Markdown body, for checks other plugins add (report checks)
    body_first_line: int = 1  # line of the file where the body starts


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


def kind_for(relative: Path, kinds: KindRegistry) -> Kind | None:
    """The kind of a file, from the first folder of its path under content/."""
    if len(relative.parts) < 2:
        return None
    return kinds.get(relative.parts[0])


def check_tree(
    content_dir: Path, timezone: ZoneInfo, *, now: dt.datetime | None = None, settings: dict | None = None
) -> Report:
    """Check every file under content_dir: posts and pages, and the static folders.

    `now` is the build's moment (BUILD_NOW), `settings` Pelican's settings (the
    theme, static folders, slug rules, pagination, the share kit's folder);
    without them the project's defaults apply. A build's settings name its
    CACHE_PATH, where each file's own check is kept (CheckedFiles).
    """
    content_dir = content_dir.resolve()
    cache_path = (settings or {}).get("CACHE_PATH")
    settings = {**(settings or project_settings()), "PATH": str(content_dir)}
    ctx = ParseContext.from_settings(settings)
    kinds = kinds_of(settings)
    checked = CheckedFiles(settings, ctx, kinds, cache_path)
    forget_composed()
    entries = {}
    for path in _walk(content_dir):
        relative = path.relative_to(content_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if relative.parts[0] in ctx.static_folders:
            problems = _static_file_problems(path, relative, content_dir)
            if problems:
                entries[str(path)] = Entry(f"content/{relative.as_posix()}", None, problems=problems)
            continue
        entries[str(path)] = checked.entry(path)
    checked.save()
    _check_slugs(entries.values(), kinds, site_folders(settings).taken, pagination_pattern(settings))
    # Across files, after each file's own checks: a post naming a partner whose file is gone.
    check_partner_names(list(entries.values()), kinds)
    now = now or build_moment({**settings, "TIMEZONE": str(timezone)})
    late_announcements(entries.values(), now, timezone)
    _check_internal_links(entries, content_dir, now)
    return Report(entries)


def check_one(path: Path, settings: dict) -> Entry:
    """One file's own checks, as check_tree makes them, without what spans files (slugs, links).

    For the dev server's preview of a saved post (plugins/devserver/preview.py);
    the build that follows checks the whole tree.
    """
    settings = {**settings, "PATH": str(Path(settings["PATH"]).resolve())}
    return check_file(Path(path).resolve(), ParseContext.from_settings(settings), kinds_of(settings))


CACHE_NAME = "pemeriksa"  # CACHE_PATH/ringkasan/pemeriksa.pickle
# What a file's own check reads from the settings, besides ParseContext.
_SETTINGS_READ = (
    "CONTENT_KINDS",
    "TAG_REGEX_SUBSTITUTIONS",
    "SLUG_REGEX_SUBSTITUTIONS",
    "SLUGIFY_PRESERVE_CASE",
    "SLUGIFY_USE_UNICODE",
)


class CheckedFiles:
    """check_file once per file version: its entry kept in CACHE_PATH by a digest of its bytes.

    The key also holds the settings and the code the check depends on; the entry
    records the other files the check looked at (images, linked files, the theme's
    layouts), and is checked again when one of them changed. What spans files
    (slugs, links between posts) and what depends on the build's moment is never
    kept: check_tree works it out on every build, on fresh copies of the entries.
    """

    def __init__(self, settings: dict, ctx: ParseContext, kinds: KindRegistry, cache_path=None) -> None:
        self.ctx, self.kinds = ctx, kinds
        self.cache = digest_cache.cache_at(cache_path, CACHE_NAME) if cache_path else None
        if self.cache is None:
            return
        remember_digests(cache_path)  # images the check reads: measured once per file version
        modules = ["plugins.content_model", "plugins._shared", *(settings.get("CONTENT_KINDS") or BUILT_IN)]
        self.version = digest_cache.digest(
            digest_cache.code_version(modules, ["PyYAML", "pelican", "pillow", "lxml", "regex"]),
            {name: settings.get(name) for name in _SETTINGS_READ},
            (ctx.content_dir, ctx.timezone, ctx.theme_dir, ctx.static_folders),
        )

    def entry(self, path: Path) -> Entry:
        if self.cache is None:
            return check_file(path, self.ctx, self.kinds)
        try:
            key = digest_cache.digest(self.version, str(path), os.path.realpath(path), path.read_bytes())
        except OSError:  # a folder's symlink, an unreadable file: checked (and reported) each time
            return check_file(path, self.ctx, self.kinds)
        kept = self.cache.get(key)
        if kept is None:
            with digest_cache.consulting() as consulted:
                entry = check_file(path, self.ctx, self.kinds)
            self.cache.put(key, _copy(entry, None), consulted)
            return entry
        return _copy(kept, kind_for(path.relative_to(self.ctx.content_dir), self.kinds))

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save(prune=True)


def _copy(entry: Entry, kind: Kind | None) -> Entry:
    """An entry of its own: check_tree adds cross-file problems to it, never to the cached one."""
    return replace(
        entry, kind=kind, values=dict(entry.values), problems=list(entry.problems), links=list(entry.links)
    )


def _walk(content_dir: Path):
    """Every file and symlink under content_dir, in order; symlinked folders are not followed."""
    for root, dirs, files in os.walk(content_dir, followlinks=False):
        dirs.sort()
        here = Path(root)
        links = [d for d in dirs if (here / d).is_symlink()]
        for name in sorted(files + links):
            yield here / name


def _static_file_problems(path: Path, relative: Path, content_dir: Path) -> list[Problem]:
    """A file of a static folder is copied as it is: it must stay inside content/ and have a URL-safe name."""
    shown = f"content/{relative.as_posix()}"
    if path.is_symlink() and not is_within(content_dir, path):
        what = "folder" if path.is_dir() else "berkas"
        return [
            Problem(
                shown,
                None,
                f"{what} ini adalah tautan simbolik (symlink) ke '{os.readlink(path)}', di luar folder "
                "content/, jadi tidak diterbitkan.",
                "salin berkas aslinya ke folder ini dan hapus tautan simboliknya.",
            )
        ]
    try:
        check_file_name(relative.as_posix())
    except FieldError as error:
        return [Problem(shown, None, error.message, error.fix)]
    return []


def check_file(path: Path, ctx: ParseContext, kinds: KindRegistry) -> Entry:
    """Check one file: its place, its front matter, its fields and its body."""
    relative = path.relative_to(ctx.content_dir)
    shown = f"content/{relative.as_posix()}"
    kind = kind_for(relative, kinds)
    entry = Entry(shown, kind, absolute=str(path))

    def report(field_name, error: FieldError):
        entry.problems.append(Problem(shown, field_name, error.message, error.fix))

    if path.suffix != ".md":
        report(
            None,
            FieldError(
                "berkas ini bukan tulisan Markdown (.md), jadi tidak ikut dibangun.",
                "simpan tulisan sebagai berkas .md; gambar dan unduhan disimpan di "
                "content/gambar/ atau content/unduhan/.",
            ),
        )
        return entry
    if kind is None:
        report(None, _unknown_kind_error(relative, kinds))
        return entry
    if len(relative.parts) > 2:
        report(
            None,
            FieldError(
                f"berkas berada di subfolder '{'/'.join(relative.parts[1:-1])}', sehingga "
                "alamat dan jenisnya di situs menjadi salah.",
                f"pindahkan berkas langsung ke folder content/{relative.parts[0]}/.",
            ),
        )
        return entry
    if path.is_symlink() and not is_within(ctx.content_dir, path):
        report(
            None,
            FieldError(
                f"berkas ini adalah tautan simbolik (symlink) ke '{os.readlink(path)}', di luar "
                "folder content/, jadi tidak dibangun.",
                "salin tulisan aslinya ke folder ini dan hapus tautan simboliknya.",
            ),
        )
        return entry
    try:
        # utf-8-sig: Windows Notepad starts UTF-8 files with a byte-order mark.
        reading = read_document(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        report(
            None,
            FieldError(
                "berkas tidak tersimpan dalam pengodean UTF-8, sehingga huruf bisa rusak.",
                "buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8.",
            ),
        )
        return entry
    except FieldError as error:
        report(None, error)
        return entry
    # A YAML mistake does not hide the rest: every field that could be read is checked too.
    for field_name, error in reading.mistakes + reading.cuts:
        report(field_name, error)
    document = reading.document

    for name, _line, character in control_characters(document.metadata):
        report(
            name,
            FieldError(
                f"nilainya memuat karakter kendali tak terlihat ({character}), yang merusak umpan "
                "dan halaman; biasanya dari penulisan \\0 atau \\e di dalam tanda kutip ganda, atau "
                "dari teks yang disalin.",
                "ketik ulang nilai kolom ini, tanpa garis miring terbalik di dalam tanda kutip ganda.",
            ),
        )
    placeholders = field_placeholders(kind, document.metadata, document.lines)
    for field_name, error in placeholders:
        report(field_name, error)
    # Fields already reported (a YAML mistake, a placeholder) are not checked again.
    reported = set(reading.unreadable) | {name for name, _ in placeholders}
    entry.values, meant = _parse_fields(kind, document.metadata, reported, ctx, report, document.lines)
    # A field written under a wrong name counts as written: its one problem is on that name.
    written = {name for name, raw in document.metadata.items() if not _is_blank(raw)} | reported | meant
    for rule in kind.rules:
        for field_name, error in rule(entry.values, written):
            report(field_name, error)
    placeholder = body_placeholder(document.body, document.body_first_line)
    if placeholder is not None:
        report("isi", placeholder)
    for error in check_body(document.body, document.body_first_line, ctx, relative.parent):
        report("isi", error)
    entry.links = internal_links(document.body, document.body_first_line)
    entry.body, entry.body_first_line = document.body, document.body_first_line
    entry.slug = _slug(relative, entry.values, report)
    return entry


def _parse_fields(
    kind: Kind, metadata: dict, reported: set[str], ctx: ParseContext, report, lines=None
) -> tuple[dict, set[str]]:
    """Typed values of the fields, and the fields that misspelt names stand for.

    `reported` were written but are already reported (not parsed, not missing).
    """
    values = {}
    meant = set()  # required fields a misspelt name stands for: reported once, on the misspelling
    present = set(metadata) | reported
    for name in [*metadata, *sorted(reported - set(metadata))]:
        spec = kind.field(name)
        if spec is None:
            guess, error = unknown_field_error(kind, name, present)
            meant.add(guess)
            report(name, error)
            continue
        raw = metadata.get(name)
        if name in reported or _is_blank(raw):
            continue
        try:
            values[name] = spec.type.parse(raw, ctx)
        except FieldError as error:
            line = (lines or {}).get(name)  # the line staff must edit, when the header says it
            report(name, FieldError(f"baris {line}: {error.message}", error.fix) if line else error)
    for spec in kind.fields:
        if spec.name in reported or spec.name in meant:
            continue
        if spec.required and spec.name not in metadata:
            report(
                spec.name,
                FieldError(
                    f"kolom wajib untuk {kind.label.lower()} ini belum ada.",
                    f"tambahkan baris '{spec.name}: ...' ({spec.comment}).",
                ),
            )
        elif spec.required and spec.name not in values and _is_blank(metadata[spec.name]):
            report(spec.name, FieldError("kolom wajib ini kosong.", f"isi kolom ini ({spec.comment})."))
    return values, meant - {None}


def _is_blank(raw) -> bool:
    return raw is None or raw == "" or raw == []


def _slug(relative: Path, values: dict, report) -> str | None:
    if "slug" in values:
        slug, source = values["slug"], "slug"
    else:
        slug = re.fullmatch(FILENAME_METADATA, relative.stem).group("slug")
        source = None
    if not _SLUG.match(slug):
        report(
            source,
            FieldError(
                f"alamat halaman '{slug}' memuat huruf besar, spasi atau tanda baca.",
                "pakai huruf kecil, angka dan tanda hubung saja, misalnya "
                "'diskusi-buku-laskar-pelangi'" + ("." if source else " (ganti nama berkasnya)."),
            ),
        )
        return None
    return slug


def _unknown_kind_error(relative: Path, kinds: KindRegistry) -> FieldError:
    folder = relative.parts[0] if len(relative.parts) > 1 else ""
    folders = sorted(kinds.posts) + kinds.page_folders
    guess = difflib.get_close_matches(folder, folders, n=1)
    hint = f" Mungkin maksudnya '{guess[0]}'?" if guess else ""
    where = f"folder '{folder}'" if folder else "folder utama content/"
    return FieldError(
        f"{where} bukan jenis konten yang dikenal.{hint}",
        "pindahkan berkas ke salah satu folder: " + ", ".join(folders) + ".",
    )


@functools.lru_cache(maxsize=1)
def _project_settings() -> dict:
    from pelican.settings import read_settings

    return read_settings(str(Path(__file__).resolve().parents[2] / "pelicanconf.py"))


def project_settings() -> dict:
    """This project's settings (pelicanconf.py): what a check without a build's settings uses."""
    return dict(_project_settings())


def pagination_pattern(settings: dict | None) -> re.Pattern:
    """The folder names of listing pages 2, 3, ... (PAGINATION_PATTERNS): 'halaman-2'."""
    patterns = (settings or {}).get("PAGINATION_PATTERNS") or ((2, "{base_name}/halaman-{number}/", ""),)
    names = []
    for _, url, *_ in patterns:
        last = [part for part in str(url).split("/") if part][-1:]
        if last and "{number}" in last[0] and "{base_name}" not in last[0]:
            names.append(re.escape(last[0]).replace(re.escape("{number}"), r"\d+"))
    return re.compile(f"^(?:{'|'.join(names)})$" if names else r"(?!)")


def _check_slugs(entries, kinds: KindRegistry, reserved: frozenset[str], paginated: re.Pattern) -> None:
    """A slug must not take a listing's page or a site folder; two files with one URL:
    the one added later (by git, else by file time) gets the problem and is left out."""
    owners: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        if entry.kind is None or entry.slug is None:
            continue
        if entry.kind is kinds.page and entry.slug in reserved:
            entry.problems.append(
                Problem(
                    entry.path,
                    "slug",
                    f"alamat halaman '{entry.slug}' sudah dipakai situs untuk daftar atau folder.",
                    "ganti nama berkas atau isi kolom 'slug' dengan alamat lain, misalnya "
                    f"'tentang-{entry.slug}'.",
                )
            )
            continue
        if paginated.match(entry.slug):
            where = "halaman situs" if entry.kind is kinds.page else f"daftar {entry.kind.label}"
            entry.problems.append(
                Problem(
                    entry.path,
                    "slug",
                    f"alamat '{entry.slug}' sama dengan alamat halaman berikutnya dari {where}, "
                    "jadi salah satunya akan tertimpa.",
                    f"ganti nama berkas atau isi kolom 'slug' dengan alamat lain, misalnya "
                    f"'{entry.slug.replace('-', '-ke-', 1)}'.",
                )
            )
            continue
        owners.setdefault((entry.kind.slug, entry.slug), []).append(entry)
    for (_, slug), sharing in owners.items():
        if len(sharing) < 2:
            continue
        first, *later = sorted(sharing, key=_added)
        for entry in later:
            entry.problems.append(
                Problem(
                    entry.path,
                    "slug",
                    f"alamat halaman '{slug}' sudah dipakai oleh {first.path}, yang lebih dulu ada.",
                    "ganti nama berkas ini, atau isi kolom 'slug' dengan alamat lain.",
                )
            )


def _added(entry: Entry) -> tuple[float, float, str]:
    """When a file first appeared: its first commit, else (not committed yet) its file time."""
    path = Path(entry.absolute)
    try:
        run = subprocess.run(
            ["git", "log", "--diff-filter=A", "--follow", "--format=%ct", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        times = [int(line) for line in run.stdout.split() if line.isdigit()]
    except (OSError, subprocess.SubprocessError):
        times = []
    committed = float(min(times)) if times else float("inf")
    return committed, path.stat().st_mtime, entry.path


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
            entry.problems.append(
                Problem(
                    entry.path,
                    "isi",
                    f"tautan di baris {line} menuju '{target}', yang {why}.",
                    "periksa nama berkas tujuan (mulai dari folder jenisnya, misalnya "
                    "{filename}/acara/2026-11-20-diskusi-buku.md), atau hapus tautannya.",
                )
            )
