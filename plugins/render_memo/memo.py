"""The render memo of one output folder: what each page read last time, and whether to render it.

The record is a JSON file under CACHE_PATH/render-memo/, one per output folder:
the global fingerprint it was made under, then per page (its output name) the
names its last render looked up, a fingerprint of each value, the sha256 of the
file written and that file's stamp (files.stat_signature) once its bytes were
found to be that sha256. A name whose value cannot be fingerprinted is recorded
as None, which never matches: that page is rendered on every build.

Checking is cheap on a warm build: a name's fingerprint is worked out once per
build for each value it is read from (the pages of a build share most values),
and a page on disk is read again only when its stamp changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections import Counter
from pathlib import Path

from plugins._shared.clock import untracked

# RACY_NS: a file written this recently may change again under the same stamp.
from plugins._shared.files import RACY_NS, folder_key, stat_signature, write_atomically
from plugins._shared.fingerprint import Fingerprinter, Unfingerprintable

from . import recording

logger = logging.getLogger(__name__)

FOLDER = "render-memo"
FORMAT = 3  # 3: fingerprints stored once, pages name them by index
MISSING = "missing"  # a name looked up that the context did not have
GLOBAL = "global"  # a Jinja global (code or settings): in the global fingerprint
OTHER_GLOBAL = "kode, tema, pengaturan atau berkas selain Markdown berubah"  # why_rendered


class Unchanged(str):
    """What a skipped render returns: the page on disk is already this output."""


_active: dict[str, RenderMemo] = {}  # by real output folder, while its build runs
_stats: dict[str, dict] = {}  # the last finished build's counts, by real output folder


def active_memo(output_path: str | Path) -> RenderMemo | None:
    """The memo of the build writing into output_path now, if the plugin runs."""
    return _active.get(os.path.realpath(output_path))


def last_stats(output_path: str | Path) -> dict | None:
    """Pages rendered and skipped by the last build into output_path in this process."""
    return _stats.get(os.path.realpath(output_path))


def forget_stats(output_path: str | Path) -> None:
    """A build into output_path starts: the previous build's counts no longer apply."""
    _stats.pop(os.path.realpath(output_path), None)


def record_path(cache_path: str | Path, output_path: str | Path) -> Path:
    return Path(cache_path) / FOLDER / f"{folder_key(os.path.realpath(output_path))}.json"


class RenderMemo:
    def __init__(
        self, output_path: str | Path, store: Path, global_fingerprint: str, fingerprinter: Fingerprinter
    ):
        self.output_path = os.path.realpath(output_path)
        self.store = store
        self.global_fingerprint = global_fingerprint
        self.fingerprinter = fingerprinter
        self.previous = self._load()
        self.pages: dict[str, list] = {}  # this build's records: [names, fingerprints, sha256, stamp]
        self._written: list[str] = []  # pages rendered: their stamps are taken when the build ends
        # A name's fingerprint by the id of the value it is read from (dicts of ints: few
        # objects for the garbage collector to follow). Values handed to templates do not
        # change while pages are written (as Fingerprinter assumes); they are kept alive
        # here so an id is never reused within the build.
        self._known: dict[str, dict[int, str | Unfingerprintable]] = {}
        self._alive: list = []
        self._parts: dict = {}  # items' parts of EVERY paths (recording.value_at)
        self.rendered = 0
        self.rendered_pages: list[str] = []
        self.skipped = 0
        self.why: Counter[str] = Counter()  # what made pages render: first changed name, or a reason

    def _load(self) -> dict[str, list]:
        """Last build's records. Made under another global fingerprint, their names count for
        nothing (None never matches), but the sha256 of each page on disk still spares writing
        a page whose bytes came out the same."""
        try:
            data = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if data.get("format") != FORMAT:
            return {}
        if data.get("global") != self.global_fingerprint:
            return {
                page: [[OTHER_GLOBAL], [None], sha, stamp]
                for page, (_i, _f, sha, stamp) in data["pages"].items()
            }
        names, table = data["names"], data["fingerprints"]
        return {
            page: [names[index], [None if i is None else table[i] for i in fps], sha, stamp]
            for page, (index, fps, sha, stamp) in data["pages"].items()
        }

    def start(self) -> None:
        _active[self.output_path] = self

    def template(self, template):
        recording.install(template.environment)
        return _MemoTemplate(template, self)

    # --- deciding ---

    def _fingerprint(self, name: str, localcontext: dict, template) -> str | None:
        top, _, steps = name.partition(recording.SEP)  # a part of a value: recording.py
        if top not in localcontext:
            return GLOBAL if top in template.globals else MISSING
        value = localcontext[top]
        by_value = self._known.get(name)
        if by_value is None:
            by_value = self._known[name] = {}
        known = by_value.get(id(value))
        if known is None:
            known = by_value[id(value)] = self._fingerprint_of(value, steps)
            self._alive.append(value)
        if not isinstance(known, str):
            shown = name.replace(recording.SEP, " ")
            self.why[f"tidak bisa dibandingkan dengan pembangunan lalu: {shown} ({known})"] += 1
            return None
        return known

    def _fingerprint_of(self, value, steps: str) -> str | Unfingerprintable:
        if steps:
            try:
                value = recording.value_at(value, steps, self._parts)
            except AttributeError:
                return MISSING
            except Exception as error:  # the value is no longer what the path was read from
                return Unfingerprintable(f"{type(error).__name__}: {error}")
            if value is recording.ABSENT:
                return MISSING
        try:
            # The build's moment as the record's own key: what the page makes of it is noted
            # by the moment itself (clock.py), not by this memo's fingerprint of it.
            return self.fingerprinter.of(untracked(value))
        except Unfingerprintable as error:
            return error

    def unchanged(self, page: str, localcontext: dict, template) -> bool:
        previous = self.previous.get(page)
        if previous is None:
            self.why["halaman baru"] += 1
            return False
        names, fingerprints, sha, stamp = previous
        for name, known in zip(names, fingerprints, strict=True):
            if known is None or self._fingerprint(name, localcontext, template) != known:
                self.why[name.replace(recording.SEP, " ")] += 1
                return False
        holds, stamp = _holds(os.path.join(self.output_path, page), sha, (sha, stamp))
        if not holds:
            self.why["berkas keluaran berubah"] += 1
            return False
        self.pages[page] = [names, fingerprints, sha, stamp]
        self.skipped += 1
        return True

    def record(self, page: str, names: set[str], localcontext: dict, template, output: str) -> bool:
        """Note what the render read; True when the file on disk already holds its output."""
        ordered = sorted(recording.fold(names))
        fingerprints = [self._fingerprint(name, localcontext, template) for name in ordered]
        sha = hashlib.sha256(output.encode("utf-8")).hexdigest()
        self.rendered += 1
        self.rendered_pages.append(page)
        previous = self.previous.get(page)
        # An input changed and the page did not, or the file already holds the new page
        # (the dev server's preview wrote it, or an earlier build whose record was lost).
        recorded = (previous[2], previous[3]) if previous is not None else None
        holds, stamp = _holds(os.path.join(self.output_path, page), sha, recorded)
        if holds:
            self.pages[page] = [ordered, fingerprints, sha, stamp]
            if stamp is None:  # written too recently to trust its stamp yet: taken at the end
                self._written.append(page)
            return True
        self.pages[page] = [ordered, fingerprints, sha, None]
        self._written.append(page)
        return False

    # --- keeping ---

    def finish(self) -> dict:
        """Save this build's records (only pages it wrote) and return its counts."""
        _active.pop(self.output_path, None)
        for page in self._written:  # written by now: the stamp of the bytes rendered, if they are
            record = self.pages[page]
            record[3] = _holds(os.path.join(self.output_path, page), record[2])[1]
        # Each name set and each fingerprint is stored once: most pages share most of theirs
        # (2309 pages hold 148,000 fingerprints, 18,000 of them distinct), and a record
        # loaded as distinct strings would hold each one again in memory.
        name_sets: dict[tuple, int] = {}
        table: dict[str, int] = {}
        pages = {}
        for page, (names, fps, sha, stamp) in sorted(self.pages.items()):
            index = name_sets.setdefault(tuple(names), len(name_sets))
            indices = [None if fp is None else table.setdefault(fp, len(table)) for fp in fps]
            pages[page] = [index, indices, sha, stamp]
        stats = {
            "rendered": self.rendered,
            "skipped": self.skipped,
            "why_rendered": dict(self.why.most_common()),
        }
        data = {
            "format": FORMAT,
            "global": self.global_fingerprint,
            "names": [list(names) for names in name_sets],
            "fingerprints": list(table),
            "pages": pages,
            "last_build": {**stats, "rendered_pages": sorted(self.rendered_pages)},
        }
        self.store.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.store, json.dumps(data, separators=(",", ":")).encode("utf-8"))
        self.fingerprinter.files.save()
        _stats[self.output_path] = stats
        return stats


class _MemoTemplate:
    """A Jinja template whose render is skipped when the memo says the page is unchanged."""

    def __init__(self, template, memo: RenderMemo):
        self._template = template
        self._memo = memo

    def render(self, localcontext: dict) -> str:
        page = localcontext["output_file"]
        if self._memo.unchanged(page, localcontext, self._template):
            return Unchanged()
        with recording.recording() as names:
            output = self._template.render(localcontext)
        if self._memo.record(page, names, localcontext, self._template, output):
            return Unchanged()  # not written again: the file keeps its time
        return output

    def __getattr__(self, name: str):
        return getattr(self._template, name)


def _holds(
    path: str, sha: str, recorded: tuple[str, list[int] | None] | None = None
) -> tuple[bool, list[int] | None]:
    """Whether the file's bytes are sha, and the stamp (files.stat_signature) to keep with sha.

    recorded: the sha and stamp an earlier build noted for this file. While the file
    still has that stamp its bytes are that sha, so it is not read again: any
    write moves the file's ctime (git's index trusts the same). As in git, a stamp
    is only kept once the file is older than the clock's granularity could hide a
    second write in.
    """
    try:
        status = os.stat(path)
    except OSError:
        return False, None
    now = list(stat_signature(status))  # a list: as it comes back from the record
    if recorded is not None and recorded[1] is not None and now == recorded[1]:
        return (True, now) if recorded[0] == sha else (False, None)
    try:
        with open(path, "rb") as handle:
            found = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return False, None
    if found != sha:
        return False, None
    settled = time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > RACY_NS
    return True, (now if settled else None)
