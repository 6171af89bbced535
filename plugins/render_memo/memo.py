"""The render memo of one output folder: what each page read last time, and whether to render it.

The record is a JSON file under CACHE_PATH/render-memo/, one per output folder:
the global fingerprint it was made under, then per page (its output name) the
names its last render looked up, a fingerprint of each value, and the sha256 of
the file written. A name whose value cannot be fingerprinted is recorded as
None, which never matches: that page is rendered on every build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import Counter
from pathlib import Path

from plugins._shared.files import write_atomically
from plugins._shared.fingerprint import Fingerprinter, Unfingerprintable

from . import recording

logger = logging.getLogger(__name__)

FOLDER = "render-memo"
FORMAT = 1
MISSING = "missing"  # a name looked up that the context did not have
GLOBAL = "global"  # a Jinja global (code or settings): in the global fingerprint


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
    name = hashlib.sha256(os.path.realpath(output_path).encode()).hexdigest()[:16]
    return Path(cache_path) / FOLDER / f"{name}.json"


class RenderMemo:
    def __init__(
        self, output_path: str | Path, store: Path, global_fingerprint: str, fingerprinter: Fingerprinter
    ):
        self.output_path = os.path.realpath(output_path)
        self.store = store
        self.global_fingerprint = global_fingerprint
        self.fingerprinter = fingerprinter
        self.previous = self._load()
        self.pages: dict[str, list] = {}  # this build's records: [names, fingerprints, sha256]
        self.rendered = 0
        self.skipped = 0
        self.why: Counter[str] = Counter()  # what made pages render: first changed name, or a reason

    def _load(self) -> dict[str, list]:
        try:
            data = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if data.get("format") != FORMAT or data.get("global") != self.global_fingerprint:
            return {}
        names = data["names"]
        return {page: [names[index], fps, sha] for page, (index, fps, sha) in data["pages"].items()}

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
        if steps:
            try:
                value = recording.value_at(value, steps)
            except AttributeError:
                return MISSING
            if value is recording.ABSENT:
                return MISSING
        try:
            return self.fingerprinter.of(value)
        except Unfingerprintable as error:
            self.why[f"tidak bisa dibandingkan dengan pembangunan lalu: {name} ({error})"] += 1
            return None

    def unchanged(self, page: str, localcontext: dict, template) -> bool:
        previous = self.previous.get(page)
        if previous is None:
            self.why["halaman baru"] += 1
            return False
        names, fingerprints, sha = previous
        for name, known in zip(names, fingerprints, strict=True):
            if known is None or self._fingerprint(name, localcontext, template) != known:
                self.why[name.replace(recording.SEP, " ")] += 1
                return False
        if _sha256_of(os.path.join(self.output_path, page)) != sha:
            self.why["berkas keluaran berubah"] += 1
            return False
        self.pages[page] = previous
        self.skipped += 1
        return True

    def record(self, page: str, names: set[str], localcontext: dict, template, output: str) -> None:
        ordered = sorted(names)
        fingerprints = [self._fingerprint(name, localcontext, template) for name in ordered]
        sha = hashlib.sha256(output.encode("utf-8")).hexdigest()
        self.pages[page] = [ordered, fingerprints, sha]
        self.rendered += 1

    # --- keeping ---

    def finish(self) -> dict:
        """Save this build's records (only pages it wrote) and return its counts."""
        _active.pop(self.output_path, None)
        name_sets: dict[tuple, int] = {}
        pages = {}
        for page, (names, fps, sha) in sorted(self.pages.items()):
            index = name_sets.setdefault(tuple(names), len(name_sets))
            pages[page] = [index, fps, sha]
        stats = {
            "rendered": self.rendered,
            "skipped": self.skipped,
            "why_rendered": dict(self.why.most_common()),
        }
        data = {
            "format": FORMAT,
            "global": self.global_fingerprint,
            "names": [list(names) for names in name_sets],
            "pages": pages,
            "last_build": stats,
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
        self._memo.record(page, names, localcontext, self._template, output)
        return output

    def __getattr__(self, name: str):
        return getattr(self._template, name)


def _sha256_of(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
