"""Static files: only from inside content/, only into the output folder, whole.

Pelican walks STATIC_PATHS with followlinks=True and adds every {static} and
{attach} target of a post, so a symlink or a "../" path can publish any file
of the machine. At static_generator_finalized each static file is checked
against the file boundary; a file outside is dropped from the build (and from
static_content, so links to it stay unrewritten). Copying is taken over from
Pelican so a full disk never leaves half a file: the check runs again right
before each copy, because {attach} moves a file's save_as after this signal.

A raster image is not copied but published through responsive_images/publish.py
(upright, at most 2048 px, no metadata): originals stay in the repository.

The theme's static files (THEME_STATIC_PATHS), which Pelican rewrites in place on
every build, are copied only when their bytes changed, and atomically: the dev server
may be sending serambi.css to a browser while a rebuild runs.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import types
from pathlib import Path

from plugins._shared.boundary import OutsideBoundary, content_file, output_file
from plugins._shared.files import copy_atomically, copy_if_changed, sha256_of
from plugins.responsive_images.plugin import cache_dir_of
from plugins.responsive_images.publish import publish_static

logger = logging.getLogger(__name__)


def _check(generator, static) -> tuple[Path, Path]:
    """(real source, target) of a static file, or OutsideBoundary."""
    source = content_file(generator.path, static.relative_source_path)
    target = output_file(generator.output_path, static.save_as)
    return source, target


def _warn(error: OutsideBoundary, static) -> None:
    logger.warning(
        "Berkas statis tidak disalin ke situs: %s (berkas sebenarnya: %s) Perbaikan: %s",
        error.message,
        os.path.realpath(static.source_path),
        error.fix,
    )


def guard(generator) -> None:
    """Drop every static file outside the boundary; copy the rest atomically."""
    kept = []
    report = generator.context.get("content_report")  # the checker's, for named static files
    for static in generator.staticfiles:
        try:
            _check(generator, static)
        except OutsideBoundary as error:
            _warn(error, static)
            _forget(generator.context["static_content"], static)
            continue
        entry = report.entry_for(static.source_path) if report is not None else None
        if entry is not None and entry.problems:  # named in the report (a name URLs would break)
            _forget(generator.context["static_content"], static)
            continue
        kept.append(static)
    # In place: the same list object is context["staticfiles"].
    generator.staticfiles[:] = kept
    generator._copy_staticfile = types.MethodType(_copy_staticfile, generator)
    generator._copy_paths = types.MethodType(_copy_theme_statics, generator)


def _forget(static_content: dict, static) -> None:
    for key in [key for key, value in static_content.items() if value is static]:
        del static_content[key]


def _copy_staticfile(generator, static) -> None:
    """StaticGenerator._copy_staticfile, checked and atomic."""
    try:
        source, target = _check(generator, static)
    except OutsideBoundary as error:
        _warn(error, static)
        return
    generator._mkdir(str(target.parent))  # Pelican's: also removes a file in the way
    shown = f"{Path(generator.path).name}/{static.relative_source_path}"  # content/gambar/x.jpg
    try:
        if not publish_static(source, target, shown, cache_dir_of(generator.settings)):
            copy_atomically(source, target)
    except OSError as error:
        if error.filename is None:  # a failed write() names no file
            error.filename = str(target)
        raise
    logger.info("Copying %s to %s", static.source_path, static.save_as)


def theme_statics(generator) -> dict[str, str]:
    """What Pelican's StaticGenerator._copy_paths copies from the theme: THEME_STATIC_PATHS
    into THEME_STATIC_DIR, IGNORE_FILES left out, as {target relative to the output: source}."""
    settings = generator.settings
    ignored = settings.get("IGNORE_FILES") or ()

    def kept(name: str) -> bool:
        return not any(fnmatch.fnmatch(name, pattern) for pattern in ignored)

    destination = settings["THEME_STATIC_DIR"]
    found = {}
    for path in settings.get("THEME_STATIC_PATHS") or ():
        source = os.path.join(generator.theme, path)
        if not kept(os.path.basename(path)):
            continue
        if os.path.isfile(source):
            found[os.path.normpath(os.path.join(destination, os.path.basename(path)))] = source
            continue
        for folder, dirs, names in os.walk(source, followlinks=True):
            dirs[:] = [d for d in dirs if kept(d)]
            for name in filter(kept, names):
                inside = os.path.relpath(os.path.join(folder, name), source)
                found[os.path.normpath(os.path.join(destination, inside))] = os.path.join(folder, name)
    return found


def _copy_theme_statics(generator, *_pelicans_arguments) -> None:
    """StaticGenerator._copy_paths for THEME_STATIC_PATHS, its only caller: a file is
    written only when its bytes differ, and whole."""
    for relative, source in theme_statics(generator).items():
        target = output_file(generator.output_path, relative)
        if copy_if_changed(source, target, sha256_of(source)):
            logger.info("Copying %s to %s", source, target)
