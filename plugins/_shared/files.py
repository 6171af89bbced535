"""Files written whole or not at all, and cached files that prove they are whole.

Every write goes to a temporary file in the target's folder and is renamed over
the target (os.replace is atomic on one file system), so a reader sees the old
file or the new one, never half of one. The temporary file is removed when
anything fails, a full disk included.

While a build notes what it makes (`noting_made`), every target written or kept
here is noted: output_guard/ledger.py removes what an earlier build made and
this one did not.

A cached file is written with a record beside it (`<name>.sha256`: digest and
size). A cache reuses a file only when the record matches its bytes, so a
file cut short by a crash, a full disk or a stray edit is made again.

Reading every cached and published file to prove it is whole costs seconds
per build, so once a build names its cache (`remember_digests`) what a file's
bytes gave is kept with the file's stat (device, inode, size, mtime, ctime), as
git's index does: a file whose stat is unchanged is not read again. Any write
changes ctime, which no tool can set back. A file changed within RACY_NS of
being read is never trusted by its stat (within one clock tick a second write
could leave the stat as it was): it is read again next time.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

RECORD_SUFFIX = ".sha256"
_CHUNK = 1 << 20
_made: set[str] | None = None  # the targets of the build that is noting them

DIGEST_CACHE = "sidik-berkas"  # CACHE_PATH/ringkasan/sidik-berkas.pickle: digests by stat
RACY_NS = 2_000_000_000  # coarser than any file system's clock tick (FAT: 2 s)
_digest_cache: list[Path] = []  # the CACHE_PATH a build named (remember_digests), if any
_Value = TypeVar("_Value")


def noting_made() -> set[str]:
    """Start noting every target written or kept from now on; the set fills as they are."""
    global _made
    _made = set()
    return _made


def note_made(path: str | Path) -> None:
    """A file the build made, or found already right and kept (a page not rendered again)."""
    if _made is not None:
        _made.add(os.path.abspath(path))


def _temporary_name(path: Path) -> Path:
    """Hidden, beside path, unique to this process and thread: parallel writers never clash."""
    token = f"{os.getpid()}.{threading.get_ident()}.{secrets.token_hex(4)}"
    return path.with_name(f".{path.name}.{token}.tmp")


def _write_through_temporary(path: str | Path, fill: Callable[[BinaryIO], None]) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_name(target)
    try:
        # "x": created new with the usual permissions (umask), unlike mkstemp's 0600,
        # so a web server can read what lands in the output folder.
        with open(temporary, "xb") as handle:
            fill(handle)
        os.replace(temporary, target)
        note_made(target)
    finally:
        temporary.unlink(missing_ok=True)  # already gone when the rename happened


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write data to path: the old content or the new, never a part."""
    _write_through_temporary(path, lambda handle: handle.write(data))


def copy_atomically(source: str | Path, target: str | Path) -> None:
    """Copy source's bytes to target the same way (permissions are target's own, not copied)."""
    with open(source, "rb") as reader:
        _write_through_temporary(target, lambda handle: shutil.copyfileobj(reader, handle, _CHUNK))


def remember_digests(cache_path: str | Path) -> None:
    """Keep what files' bytes gave in this CACHE_PATH, so a later build reads no unchanged file."""
    _digest_cache[:] = [Path(cache_path)]


def folder_key(folder: str | Path) -> str:
    """A short name only this folder's path gets: for what is kept per output folder
    (its ledger, render memo, unchanged-build record, fallback lock)."""
    return hashlib.sha256(str(folder).encode()).hexdigest()[:16]


def stat_signature(stat: os.stat_result) -> tuple[int, ...]:
    """A file's stat as every cache here compares it: the very file, and any write to it."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def signatures(paths: Sequence[str | Path]) -> tuple[tuple[int, ...], ...]:
    """Each file's stat_signature; OSError when one is not there."""
    return tuple(stat_signature(os.stat(path)) for path in paths)


def remembered(paths: Sequence[str | Path], kind: str, compute: Callable[[], _Value]) -> _Value:
    """compute(), which reads only these files; or what it gave before, while their stats are unchanged."""
    if not _digest_cache:
        return compute()
    from . import digest_cache  # only builds with a cache need it (and it imports this module)

    cache = digest_cache.cache_at(_digest_cache[0], DIGEST_CACHE)
    # The path as given is enough for a key: the stat names the very file (device, inode, ctime).
    key = "\0".join([kind, *map(os.fspath, paths)])
    before = signatures(paths)
    found = cache.get(key)
    if found is not None and found[0] == before:
        return found[1]
    value = compute()
    after = signatures(paths)
    settled = time.time_ns() - RACY_NS
    if before == after and all(max(s[3], s[4]) < settled for s in after):
        cache.put(key, (after, value))
    return value


def _read_sha256(path: str | Path):
    """The one place a file's bytes are read to be hashed (tests count the reads here)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256")


def sha256_of(path: str | Path) -> str:
    return remembered((path,), "sha256", lambda: _read_sha256(path).hexdigest())


def sha256_with_suffixes(path: str | Path, suffixes: Sequence[bytes]) -> list[str]:
    """For each suffix the sha256 of the file's bytes followed by it: keys of what is made from it.

    The file is read once for all of them (and not at all when its stat is remembered).
    """

    def digests() -> list[str]:
        whole = _read_sha256(path)
        found = []
        for suffix in suffixes:
            h = whole.copy()
            h.update(suffix)
            found.append(h.hexdigest())
        return found

    kind = "sha256+" + hashlib.sha256(repr(list(suffixes)).encode()).hexdigest()
    return remembered((path,), kind, digests)


def record_of(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + RECORD_SUFFIX)


def write_recorded(path: str | Path, data: bytes) -> str:
    """Write data atomically, then its record; return the data's sha256.

    An old record is left in place meanwhile: it vouches only for the bytes it names
    (recorded_digest reads them), and two builds sharing a cache that write the same file
    at once never leave it without a record the other one is about to publish.
    """
    write_atomically(path, data)
    digest = hashlib.sha256(data).hexdigest()
    write_atomically(record_of(path), f"{digest} {len(data)}\n".encode())
    return digest


def _matches_record(path: str | Path) -> str | None:
    try:
        digest, size = record_of(path).read_text(encoding="ascii").split()
        if os.stat(path).st_size != int(size):
            return None
        return digest if _read_sha256(path).hexdigest() == digest else None
    except (OSError, ValueError, UnicodeDecodeError):  # no file, no record, a damaged record
        return None


def recorded_digest(path: str | Path) -> str | None:
    """The file's sha256 when its record matches its size and bytes; None when it may not be reused."""
    try:
        record = os.fspath(path) + RECORD_SUFFIX  # record_of(path), without pathlib's cost
        return remembered((path, record), "record", lambda: _matches_record(path))
    except OSError:  # no file or no record
        return None


def copy_if_changed(source: str | Path, target: str | Path, digest: str) -> bool:
    """Make target hold source's bytes (whose sha256 is digest); copy only when it does not.

    The digest, not the size: a damaged file of the right size is replaced too.
    Returns whether a copy was made.
    """
    try:
        if sha256_of(target) == digest:
            note_made(target)
            return False
    except OSError:  # not there yet
        pass
    copy_atomically(source, target)
    return True
