"""What an earlier build made and this one did not leaves the output folder.

Building into the same folder again (`invoke serve`, `invoke build`, the render
memo's reason to exist) would otherwise keep a deleted post's page, its share
kit, its hashtag pages and feeds, and its image sizes, long after the post is
gone. DELETE_OUTPUT_DIRECTORY would remove them by removing everything.

Each build notes every file it makes or keeps: writes and kept copies through
plugins/_shared/files.py (pages, feeds, calendars, cards, image sizes,
posters), pages the render memo did not render again (the page writer), and
every static file the static generator holds, copied or already up to date. At
`finalized` the files the last build into this folder made and this one did not
are removed, with folders left empty. Only files a build of this project made
are ever removed: a folder's first build (no ledger) removes nothing.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from plugins._shared import files

from . import statics

logger = logging.getLogger(__name__)

_FOLDER = "keluaran"  # under CACHE_PATH: one ledger per output folder
_made: set[str] = set()
_statics: list = []  # the static generator of the build (its files, copied or not)


def start(generator) -> None:
    """Note from now on (article_generator_init: every run, `pelican -r` included)."""
    global _made
    _made = files.noting_made()
    _statics.clear()


def hold_statics(generator) -> None:
    _statics[:] = [generator]


def finish(pelican) -> None:
    output = Path(os.path.abspath(pelican.output_path))  # as files.note_made writes paths
    made = _inside(output, _made)
    for generator in _statics:
        made.update(os.path.normpath(static.save_as) for static in generator.staticfiles)
        made.update(statics.theme_statics(generator))
    ledger = _ledger_of(Path(pelican.settings["CACHE_PATH"]), output)
    for relative in sorted(_previous(ledger) - made):
        _remove(output / relative, output)
    _write(ledger, made)
    _made.clear()


def add_made(output_path: str | Path, cache_path: str | Path, made: set[str]) -> None:
    """Files written into the output between builds (the dev server's preview, noted
    with files.noting_made): the next build removes those it does not make itself."""
    output = Path(os.path.abspath(output_path))
    ledger = _ledger_of(Path(cache_path), output)
    _write(ledger, _previous(ledger) | _inside(output, made))


def knows(cache_path: str | Path, output_path: str | Path) -> bool:
    """Whether the last build into output_path left a ledger this CACHE_PATH can read: a
    folder built over without one keeps every file no build makes any more."""
    return _listed(_ledger_of(Path(cache_path), Path(os.path.abspath(output_path)))) is not None


def made_files(cache_path: str | Path, output_path: str | Path) -> list[str] | None:
    """The files (relative, sorted) the last build into output_path made; None without a ledger."""
    made = _made_by(_ledger_of(Path(cache_path), Path(os.path.abspath(output_path))))
    return None if made is None else sorted(made)


def _inside(output: Path, noted: set[str]) -> set[str]:
    """The noted paths under output, relative to it."""
    inside = os.path.join(output, "")  # noted paths are absolute and normalised: a prefix test will do
    return {path[len(inside) :] for path in noted if path.startswith(inside)}


def _write(ledger: Path, relatives: set[str]) -> None:
    files.write_atomically(ledger, json.dumps(sorted(relatives), ensure_ascii=False).encode())


def _ledger_of(cache: Path, output: Path) -> Path:
    return cache / _FOLDER / f"{files.folder_key(output)}.json"


def _listed(ledger: Path) -> list | None:
    """The ledger's entries; None for a first build or a damaged ledger."""
    try:
        listed = json.loads(ledger.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return listed if isinstance(listed, list) else None


def _previous(ledger: Path) -> set[str]:
    """The files (relative to the output) the last build into this folder made; none known
    (a first build, a damaged ledger): remove nothing."""
    return _made_by(ledger) or set()


def _made_by(ledger: Path) -> set[str] | None:
    listed = _listed(ledger)
    if listed is None:
        return None
    return {entry for entry in listed if isinstance(entry, str) and not entry.startswith("..")}


def _remove(path: Path, output: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        logger.warning("Berkas lama di keluaran tidak bisa dihapus: %s (%s)", path, error.strerror)
        return
    folder = path.parent
    while folder != output and folder.is_relative_to(output):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break
        folder = folder.parent
