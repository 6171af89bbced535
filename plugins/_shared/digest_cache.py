"""Results of work that depends only on its inputs, kept between builds under CACHE_PATH.

A DigestCache is one pickle file holding {key: value}. A key is a digest of
everything the value depends on (a file's bytes, the settings and the code
that made it: `code_version`), so a key that matches is a result that is still
true. A value made from files other than its own input also records them
(`Consulted`): it is reused only while each of them is as it was.

The file is read once, when first asked, and written whole (plugins/_shared/
files.py) when something new was added. A damaged or unreadable file is an
empty cache, rewritten on the next save. Entries not asked for since loading
are dropped on a pruning save, so the file does not keep results of deleted or
edited files.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .files import stat_signature, write_atomically

logger = logging.getLogger(__name__)

FOLDER = "ringkasan"  # under CACHE_PATH
_FORMAT = 1  # raise when the file's layout changes


@dataclass
class CacheStats:
    """What a cache did in this process: tests read these instead of timing anything."""

    hits: int = 0
    misses: int = 0
    stale: int = 0  # a key that matched, but a file the value was made from had changed
    loaded: int = 0  # entries read from the file
    damaged: bool = False  # the file could not be read and was ignored
    saves: int = 0


class DigestCache:
    """One named cache file: get/put by key, save when changed."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.stats = CacheStats()
        self._entries: dict[str, Any] | None = None
        self._used: set[str] = set()
        self._changed = False
        # Image probes come from a thread pool: a second thread must not see the entries
        # half loaded (a miss, and the file written again for nothing).
        self._loading = threading.Lock()

    def _load(self) -> dict[str, Any]:
        if self._entries is not None:
            return self._entries
        with self._loading:
            if self._entries is None:
                self._entries = self._read()
        return self._entries

    def _read(self) -> dict[str, Any]:
        try:
            with open(self.path, "rb") as handle:
                found = pickle.load(handle)  # noqa: S301 - our own file, written by save()
            if not (isinstance(found, tuple) and found[0] == _FORMAT and isinstance(found[1], dict)):
                raise ValueError("not a cache of this format")
            self.stats.loaded = len(found[1])
            return found[1]
        except FileNotFoundError:
            return {}
        except Exception as error:  # noqa: BLE001 - any damage means: start empty, rewrite
            logger.debug("cache %s ignored: %s", self.path, error)
            self.stats.damaged = True
            self._changed = True
            return {}

    def get(self, key: str, default: Any = None) -> Any:
        entries = self._load()
        if key in entries:
            value = entries[key]
            if isinstance(value, Consulted) and not value.unchanged():
                self.stats.stale += 1
                self.stats.misses += 1
                return default
            self.stats.hits += 1
            self._used.add(key)
            return value.value if isinstance(value, Consulted) else value
        self.stats.misses += 1
        return default

    def put(self, key: str, value: Any, consulted: Mapping[str, Any] | None = None) -> None:
        """Keep value under key; `consulted` (from `consulting`) makes it depend on those files too."""
        entries = self._load()
        stored = Consulted(value, tuple(consulted.items())) if consulted is not None else value
        self._used.add(key)
        if key not in entries or entries[key] != stored:
            entries[key] = stored
            self._changed = True

    def remember(self, key: str, make: Callable[[], Any]) -> Any:
        """The value under key, made (and kept) when missing."""
        missing = object()
        found = self.get(key, missing)
        if found is missing:
            found = make()
            self.put(key, found)
        return found

    def save(self, prune: bool = False) -> None:
        """Write the file when something changed; `prune` drops entries not asked for since loading."""
        entries = self._load()
        if prune and len(self._used) < len(entries):
            self._entries = entries = {k: v for k, v in entries.items() if k in self._used}
            self._changed = True
        if not self._changed:
            return
        try:
            write_atomically(self.path, pickle.dumps((_FORMAT, entries), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as error:  # a read-only or full disk: the build goes on without a cache
            logger.warning("cache %s tidak tersimpan: %s", self.path, error)
            return
        self._changed = False
        self.stats.saves += 1


_OPEN: dict[Path, DigestCache] = {}
_NAMED: dict[tuple[str, str], DigestCache] = {}  # (CACHE_PATH as given, name): asked per file


def cache_at(cache_path: str | Path, name: str) -> DigestCache:
    """The process's one DigestCache named `name` under CACHE_PATH (shared by its users)."""
    named = (str(cache_path), name)
    if named not in _NAMED:
        path = (Path(cache_path) / FOLDER / f"{name}.pickle").resolve()
        _NAMED[named] = _OPEN.setdefault(path, DigestCache(path))
    return _NAMED[named]


def save_open_caches(*_signal_args) -> None:
    """Save every cache this process opened (Pelican's `finalized`: the build is done)."""
    for cache in _OPEN.values():
        cache.save(prune=True)


def forget_open_caches() -> None:
    """Drop the process's open caches (tests: the next use reads the files again)."""
    _OPEN.clear()
    _NAMED.clear()


# --- keys ----------------------------------------------------------------------------------


def digest(*parts: Any) -> str:
    """A sha256 of the parts: bytes as they are, anything else by its repr."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def code_version(modules: Iterable[str], packages: Iterable[str] = ()) -> str:
    """A digest of the source of the given modules (and packages' folders) and libraries' versions.

    `modules`: dotted names of imported modules; a package counts with every .py file
    under its folder. `packages`: distributions whose version matters (e.g. "PyYAML").
    """
    h = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for name in sorted(modules):
        module = sys.modules[name]
        folder = Path(module.__file__).parent if module.__file__.endswith("__init__.py") else None
        files = sorted(folder.rglob("*.py")) if folder else [Path(module.__file__)]
        for path in files:
            h.update(str(path.name).encode())
            h.update(path.read_bytes())
    for package in sorted(packages):
        h.update(f"{package}=={metadata.version(package)}".encode())
    return h.hexdigest()


# --- values that depend on other files ------------------------------------------------------


def file_signature(path: str | Path) -> tuple:
    """What a file is now, cheaply: where it really is, and its stat (None: not there)."""
    real = os.path.realpath(path)
    try:
        stat = os.stat(real)
    except OSError:
        return (real, None)
    if os.path.isdir(real):
        return (real, "folder", tuple(sorted(os.listdir(real))))
    return (real, *stat_signature(stat))


@dataclass(frozen=True)
class Consulted:
    """A cached value and the files it was made from, as they were then."""

    value: Any
    files: tuple[tuple[str, Any], ...] = ()

    def unchanged(self) -> bool:
        return all(file_signature(path) == signature for path, signature in self.files)


@dataclass
class _Notes:
    files: dict[str, Any] = field(default_factory=dict)


_NOTES: contextvars.ContextVar[_Notes | None] = contextvars.ContextVar("consulted_files", default=None)


def note_file(path: str | Path) -> None:
    """Say that the work being cached read (or looked for) this file or folder."""
    notes = _NOTES.get()
    if notes is not None:
        key = os.fspath(path)
        if key not in notes.files:
            notes.files[key] = file_signature(key)


@contextlib.contextmanager
def consulting() -> Iterator[dict[str, Any]]:
    """Collect the files noted while the block runs: {path: signature}, for DigestCache.put."""
    notes = _Notes()
    token = _NOTES.set(notes)
    try:
        yield notes.files
    finally:
        _NOTES.reset(token)
