"""Pelican hooks of the render memo.

The memo starts once every `initialized` handler has settled the settings and
before any generator reads content (get_generators), and is saved when the
build ends.

The global fingerprint is also what Pelican's reader cache (CACHE_CONTENT,
CONTENT_CACHING_LAYER = "reader") and Jinja's compiled templates (a bytecode
cache) are made under, so each fingerprint has its own folder of them
(render-memo/made-under/<fingerprint>/, the last KEPT_FINGERPRINTS used). The
reader cache knows files only by name and digest, so a changed Markdown
setting, plugin or library would otherwise keep serving bodies read the old
way; Jinja checks a compiled template against its source only, and the
fingerprint covers the rest (the environment's settings, extensions and
Jinja's version). One folder each, not one emptied when the fingerprint
changes: `invoke serve`, `invoke build` and `invoke publish` build with
settings of their own into one CACHE_PATH, one after another or at once, and
each would otherwise read every Markdown file again after the other.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import time
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.generators import CachingGenerator
from pelican.readers import Readers

import plugins
from plugins._shared.fingerprint import (
    FileDigests,
    Fingerprinter,
    Unfingerprintable,
    code_fingerprint,
    digest,
    files_fingerprint,
    settings_fingerprint,
    tree_files,
)
from plugins.content_model.kinds.base import Kind

from .memo import FOLDER, RenderMemo, active_memo, forget_stats, record_path

logger = logging.getLogger(__name__)

# Settings that differ between runs of the same site, each read where it matters by
# name: BUILD_NOW through the templates' BUILD_MOMENT and the posts' facts, the
# output folder by the memo's record (one per folder), the rest not by pages at all.
PER_RUN_SETTINGS = ("BUILD_NOW", "CACHE_PATH", "OUTPUT_PATH", "WRITE_SELECTED", "PORT", "BIND")
READER_CACHE_SUFFIX = "-Readers"  # Pelican's reader cache files: ArticlesGenerator-Readers, ...
MADE_UNDER = "made-under"  # a folder per global fingerprint: reader caches and templates
TEMPLATES = "templates"  # Jinja's bytecode cache, in that folder
KEPT_FINGERPRINTS = 6  # serve/build, preview, check and publish have one each; older ones go
IN_USE_SECONDS = 3600  # a folder used this recently may belong to a build still running: kept
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")

# One FileDigests per store, kept by a process that builds again (the dev server).
_digests: dict[Path, FileDigests] = {}


def file_digests(cache_path: str | Path) -> FileDigests:
    store = Path(cache_path) / FOLDER / "files.json"
    if store not in _digests:
        _digests[store] = FileDigests(store)
    return _digests[store]


def global_fingerprint(settings: dict, files: FileDigests) -> str | None:
    """Code, theme, settings, library versions and every content file that is not Markdown.

    Markdown files enter pages as content objects, fingerprinted one by one; images
    and other files are read by plugins (sizes, cards), so any of them counts for all.
    None when a setting cannot be fingerprinted: then every page is rendered.
    """
    theme = Path(settings["THEME"])
    roots = [Path(plugins.__file__).parent, theme]
    roots += [Path(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    roots += _kind_modules_elsewhere(settings)
    content = Path(settings["PATH"])
    others = [path for path in tree_files(content) if not path.name.endswith(MARKDOWN_SUFFIXES)]
    try:
        configured = settings_fingerprint(settings, PER_RUN_SETTINGS)
    except Unfingerprintable as error:
        logger.warning(
            "Semua halaman dibuat ulang kali ini: pengaturan %s tidak bisa dibandingkan "
            "dengan pembangunan lalu.",
            error,
        )
        return None
    return digest(code_fingerprint(roots, files), configured, files_fingerprint(others, files, content))


def start(pelican) -> None:
    settings = pelican.settings
    forget_stats(pelican.output_path)
    cache_path = Path(settings["CACHE_PATH"])
    files = file_digests(cache_path)
    fingerprint = global_fingerprint(settings, files)
    # Reader caches where Pelican keeps them are of no known fingerprint (an older
    # build's, or one made under settings that cannot be compared): never read.
    _remove_default_reader_caches(cache_path)
    if fingerprint is None:
        return
    made_under(cache_path, fingerprint).mkdir(parents=True, exist_ok=True)
    forget_old_fingerprints(cache_path, fingerprint)
    memo = RenderMemo(
        pelican.output_path,
        record_path(cache_path, pelican.output_path),
        fingerprint,
        Fingerprinter(files, Kind),
    )
    memo.start()


def made_under(cache_path: str | Path, fingerprint: str) -> Path:
    """The folder of what is made under one global fingerprint (reader caches, templates)."""
    return Path(cache_path) / FOLDER / MADE_UNDER / fingerprint


def _remove_default_reader_caches(cache_path: Path) -> None:
    if not cache_path.is_dir():
        return
    for path in cache_path.iterdir():
        if path.name.endswith(READER_CACHE_SUFFIX) and path.is_file():
            path.unlink(missing_ok=True)


def forget_old_fingerprints(cache_path: Path, used: str) -> None:
    """Mark used's folder as used now; remove all but the KEPT_FINGERPRINTS used last, unless
    used within IN_USE_SECONDS."""
    folders = made_under(cache_path, used).parent
    os.utime(folders / used)
    by_use = []
    for folder in folders.iterdir():
        try:
            by_use.append((folder.stat().st_mtime_ns, folder))
        except OSError:  # removed by a build running at the same time
            continue
    recent = time.time_ns() - IN_USE_SECONDS * 1_000_000_000
    for used_at, folder in sorted(by_use, reverse=True)[KEPT_FINGERPRINTS:]:
        if used_at < recent:
            shutil.rmtree(folder, ignore_errors=True)


def finish(pelican) -> None:
    memo = active_memo(pelican.output_path)
    if memo is not None:
        stats = memo.finish()
        logger.debug("Memo halaman: %s", stats)


def _start(pelican):
    start(pelican)
    return None  # no generator of its own


def use_fingerprint_caches(generator) -> None:
    """Give the generator the reader cache and the compiled templates of the build's fingerprint."""
    memo = active_memo(generator.output_path)
    if memo is None:
        return
    folder = made_under(generator.settings["CACHE_PATH"], memo.global_fingerprint)
    if isinstance(generator, CachingGenerator):  # what Pelican's own reader cache is named after
        name = f"{type(generator).__name__}{READER_CACHE_SUFFIX}"
        generator.readers = Readers(
            generator.settings, str(folder.relative_to(generator.settings["CACHE_PATH"]) / name)
        )
    templates = folder / TEMPLATES
    templates.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(templates))


def register() -> None:
    signals.get_generators.connect(_start)
    signals.generator_init.connect(use_fingerprint_caches)
    signals.finalized.connect(finish)


def _kind_modules_elsewhere(settings: dict) -> list[Path]:
    """Kind modules of CONTENT_KINDS that live outside plugins/ (a site's own kind): code too."""
    found = []
    for name in settings.get("CONTENT_KINDS") or ():
        spec = importlib.util.find_spec(str(name))
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        if origin is not None and not origin.is_relative_to(Path(plugins.__file__).parent):
            found.append(origin)
    return found
