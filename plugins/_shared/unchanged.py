"""A build that would make what its output folder already holds is not run again.

After a complete build the runner (plugins/_shared/build.py) keeps a record
under CACHE_PATH, one per output folder: a fingerprint of every input the build read (code,
theme, settings, library versions and every content file; see
render_memo.global_fingerprint), the stat of every file the ledger lists, the
build's moment and its horizon (plugins/_shared/clock.py: until when every use
of "now" turns out the same), and what it told staff. A later build with the
same inputs, the same output files and a moment from the record's up to (not
including) its horizon would write the same bytes: it tells the same warnings
and notes again and stops. Anything else (a changed file, a touched output, a
moment past the horizon, no record) builds as usual.

The record goes when such a build starts and comes back only when it completes,
all under the output's lock: a failed or cut build leaves none. A build run
otherwise into the folder (the dev server, `pelican`) changes the stat of what
it writes, and the record no longer matches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from plugins.output_guard import ledger
from plugins.render_memo.plugin import MARKDOWN_SUFFIXES, file_digests, global_fingerprint

from .clock import Horizon, build_moment, untracked
from .files import folder_key, stat_signature, write_atomically
from .fingerprint import digest, files_fingerprint, tree_files

FOLDER = "tetap"  # under CACHE_PATH: one record per output folder
VERSION = 1


@dataclass(frozen=True)
class Standing:
    """What the last complete build into a folder said, for a build that need not run."""

    built_at: dt.datetime
    until: dt.datetime | None
    told: list[str]
    warnings: list[dict]
    summary: str


class Warnings(logging.Handler):
    """The warnings a build logs, to be said again by a build that is not run."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        said = {key: getattr(record, key) for key in _SAID}
        self.said.append({**said, "msg": record.getMessage(), "args": None})

    @staticmethod
    def say_again(said: list[dict]) -> None:
        for fields in said:
            record = logging.makeLogRecord(fields)
            logging.getLogger(record.name).handle(record)


_SAID = ("name", "levelno", "levelname", "pathname", "filename", "module", "lineno", "funcName")


def inputs_of(settings: dict) -> str | None:
    """One fingerprint of all a build reads but the clock; None when it cannot be made."""
    if settings.get("WRITE_SELECTED"):  # a build of some files only: never a whole output
        return None
    files = file_digests(settings["CACHE_PATH"])
    whole = global_fingerprint(settings, files)  # all but the Markdown files and per-run settings
    if whole is None:
        return None
    content = Path(settings["PATH"])
    markdown = tree_files(content, MARKDOWN_SUFFIXES)
    found = digest(whole, files_fingerprint(markdown, files, content))
    files.save()
    return found


def standing(settings: dict, inputs: str | None) -> Standing | None:
    """The last build's record when this build would make the same output; else None."""
    if inputs is None:
        return None
    record = _read(settings)
    if record is None or record.get("version") != VERSION or record.get("inputs") != inputs:
        return None
    now = untracked(build_moment(settings))
    built_at = dt.datetime.fromisoformat(record["built_at"])
    until = dt.datetime.fromisoformat(record["until"]) if record.get("until") else None
    if now < built_at or (until is not None and now >= until):
        return None
    if record.get("outputs") != _outputs_digest(settings):
        return None
    return Standing(
        built_at,
        until,
        list(record.get("told", [])),
        [w for w in record.get("warnings", []) if isinstance(w, dict)],
        record.get("summary", ""),
    )


def forget(settings: dict) -> None:
    _record_path(settings).unlink(missing_ok=True)


def keep(
    settings: dict, inputs: str | None, horizon: Horizon, told: list[str], warnings, summary: str
) -> None:
    """Record a complete build (inputs: as they were when it started)."""
    outputs = _outputs_digest(settings)
    if inputs is None or outputs is None:
        return
    now = untracked(build_moment(settings))
    record = {
        "version": VERSION,
        "inputs": inputs,
        "outputs": outputs,
        "built_at": now.isoformat(),
        "until": horizon.until.isoformat() if horizon.until is not None else None,
        "until_why": horizon.why,  # for a developer: what the output waits for
        "told": told,
        "warnings": warnings,
        "summary": summary,
    }
    path = _record_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))


def _outputs_digest(settings: dict) -> str | None:
    """The stat of every file the output's ledger lists; None without a ledger or with one gone."""
    output = Path(os.path.abspath(settings["OUTPUT_PATH"]))
    listed = ledger.made_files(settings["CACHE_PATH"], output)
    if listed is None:
        return None
    hasher = hashlib.sha256()
    for relative in listed:
        try:
            stamp = stat_signature(os.stat(output / relative))
        except OSError:
            return None
        hasher.update(f"{relative}\x00{stamp}\n".encode())
    return hasher.hexdigest()


def _record_path(settings: dict) -> Path:
    return (
        Path(settings["CACHE_PATH"]) / FOLDER / f"{folder_key(os.path.abspath(settings['OUTPUT_PATH']))}.json"
    )


def _read(settings: dict) -> dict | None:
    try:
        record = json.loads(_record_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None
