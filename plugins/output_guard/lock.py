"""One build per output folder: an exclusive fcntl.flock on a file beside it.

The lock file lives next to the output folder, not inside it, because
DELETE_OUTPUT_DIRECTORY empties the folder. It is taken before Pelican cleans
the output and released when the build ends (or the process exits; the
kernel drops a flock when its process dies, so a killed build never blocks
the next one). A process holds at most one lock per folder, so a process that
builds again (the dev server, tests) never waits for itself.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import fcntl
import logging
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from plugins._shared.boundary import real
from plugins._shared.errors import BuildStopped
from plugins._shared.files import folder_key

logger = logging.getLogger(__name__)

# How long a build waits for another one; a publish build takes well under a minute.
WAIT_SECONDS = 30 * 60
# Seconds, to wait less (tests) or more; an environment variable, not a setting,
# so a build of any settings file can be told.
WAIT_ENV = "SERAMBI_OUTPUT_LOCK_WAIT"
POLL_SECONDS = 0.2
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}


@dataclass
class _Held:
    path: Path
    fd: int


_held: dict[Path, _Held] = {}
_kept: set[Path] = set()  # held through a whole run (held_through): the build's end keeps them
_guard = threading.Lock()


def wait_seconds() -> float:
    try:
        return float(os.environ.get(WAIT_ENV) or WAIT_SECONDS)
    except ValueError:
        raise BuildStopped(
            f"{WAIT_ENV}={os.environ[WAIT_ENV]!r} bukan angka detik. "
            f"Tulis misalnya {WAIT_ENV}=600, atau hapus variabel itu."
        ) from None


def lock_path(output: str | Path) -> Path:
    """The lock file of an output folder: beside it, named after it."""
    folder = real(output)
    return folder.parent / f".{folder.name}.lock"


def _fallback_path(folder: Path) -> Path:
    # The output's parent is not writable (a read-only mount, /var/www): lock in
    # the temporary folder instead, under a name only this output folder gets.
    return Path(tempfile.gettempdir()) / f"serambi-output-{folder_key(folder)}.lock"


def acquire(output: str | Path, wait: float = WAIT_SECONDS) -> None:
    """Hold the lock of output for this process; wait up to `wait` seconds for it."""
    folder = real(output)
    with _guard:
        if folder not in _held:
            _held[folder] = _take(folder, wait)


def try_acquire(output: str | Path) -> bool:
    """Hold the lock of output if it is free now: no waiting, nothing said. False when taken,
    by another process or by a build of this one."""
    folder = real(output)
    with _guard:
        if folder in _held:
            return False
        held = _try_take(folder)
        if held is not None:
            _held[folder] = held
        return held is not None


def holds(output: str | Path) -> bool:
    """True when this process holds the lock of output."""
    with _guard:
        return real(output) in _held


@contextlib.contextmanager
def held_through(output: str | Path, wait: float):
    """Hold the lock of output from before a build starts until after it ends: the build
    runner decides and records, under the lock, what the build leaves (plugins/_shared/unchanged.py)."""
    acquire(output, wait)
    folder = real(output)
    with _guard:
        _kept.add(folder)
    try:
        yield
    finally:
        with _guard:
            _kept.discard(folder)
        release(output)


def release(output: str | Path | None = None) -> None:
    """Release the lock of output (every lock this process holds when None), unless it is
    held through a run."""
    with _guard:
        folders = list(_held) if output is None else [real(output)]
        for folder in folders:
            if folder in _kept and output is not None:
                continue
            held = _held.pop(folder, None)
            if held is not None:
                _drop(held)


atexit.register(release)


def _open(folder: Path) -> tuple[Path, int]:
    path = lock_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path, os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        if error.errno not in _UNWRITABLE:
            raise
    path = _fallback_path(folder)
    return path, os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _take(folder: Path, wait: float) -> _Held:
    deadline = time.monotonic() + wait
    told = False
    while True:
        held = _try_take(folder)
        if held is not None:
            return held
        if not told:
            holder = _holder_of(folder)
            logger.warning("Menunggu pembangunan lain%s yang sedang menulis ke %s selesai...", holder, folder)
            told = True
        if time.monotonic() >= deadline:
            holder = _holder_of(folder)  # who holds it now
            raise BuildStopped(
                f"pembangunan lain{holder} masih menulis ke folder keluaran {folder} "
                f"setelah ditunggu {wait:g} detik. Tunggu sampai pembangunan itu selesai "
                "(atau hentikan prosesnya), lalu jalankan lagi; atau bangun ke folder lain "
                "dengan --output."
            ) from None
        time.sleep(POLL_SECONDS)


def _try_take(folder: Path) -> _Held | None:
    """The lock if no other process holds it now; None if one does."""
    while True:
        path, fd = _open(folder)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        if _still_named(fd, path):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            return _Held(path, fd)
        # The holder removed the file as we opened it: lock the current one.
        os.close(fd)


def _holder_of(folder: Path) -> str:
    path, fd = _open(folder)
    try:
        return _holder(fd)
    finally:
        os.close(fd)


def _still_named(fd: int, path: Path) -> bool:
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (proses {pid})" if pid.isdigit() else ""


def _drop(held: _Held) -> None:
    # Remove the file while still holding it, so no lock file is left behind;
    # a build that opened it meanwhile sees it is gone and opens a new one.
    try:
        if _still_named(held.fd, held.path):
            held.path.unlink()
    except OSError:
        pass
    finally:
        os.close(held.fd)
