"""Pelican hooks of the render memo.

The memo starts once every `initialized` handler has settled the settings and
before any generator reads content (get_generators), and is saved when the
build ends. The global fingerprint is also what Pelican's reader cache
(CACHE_CONTENT, CONTENT_CACHING_LAYER = "reader") was made under: that cache
knows files only by name and digest, so a changed Markdown setting, plugin or
library would otherwise keep serving bodies read the old way. When the global
fingerprint changed, that cache is emptied with the memo.

Jinja's compiled templates are kept under the same folder (a bytecode cache):
a build in a fresh process would otherwise compile every template again. Jinja
checks each against its template's source; the global fingerprint covers the
rest (the environment's settings, extensions and Jinja's version), so the
folder is emptied with the memo too.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals

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
STAMP = "global.txt"  # the global fingerprint Pelican's reader cache was made under
TEMPLATES = "templates"  # Jinja's bytecode cache, made under the same global fingerprint
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
    stamp = cache_path / FOLDER / STAMP
    try:
        previous = stamp.read_text(encoding="utf-8").strip()
    except OSError:
        previous = None
    if fingerprint is None or previous != fingerprint:
        _empty_reader_cache(cache_path)
        shutil.rmtree(cache_path / FOLDER / TEMPLATES, ignore_errors=True)
    if fingerprint is None:
        return
    memo = RenderMemo(
        pelican.output_path,
        record_path(cache_path, pelican.output_path),
        fingerprint,
        Fingerprinter(files, Kind),
    )
    memo.start()
    if previous != fingerprint:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint, encoding="utf-8")


def _empty_reader_cache(cache_path: Path) -> None:
    if not cache_path.is_dir():
        return
    for path in cache_path.iterdir():
        if path.name.endswith(READER_CACHE_SUFFIX) and path.is_file():
            path.unlink()


def finish(pelican) -> None:
    memo = active_memo(pelican.output_path)
    if memo is not None:
        stats = memo.finish()
        logger.debug("Memo halaman: %s", stats)


def _start(pelican):
    start(pelican)
    return None  # no generator of its own


def compile_once(generator) -> None:
    """Give the generator's Jinja environment the bytecode cache, while the memo runs."""
    if active_memo(generator.output_path) is None:
        return
    folder = Path(generator.settings["CACHE_PATH"]) / FOLDER / TEMPLATES
    folder.mkdir(parents=True, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def register() -> None:
    signals.get_generators.connect(_start)
    signals.generator_init.connect(compile_once)
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
