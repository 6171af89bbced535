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
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

RECORD_SUFFIX = ".sha256"
_CHUNK = 1 << 20
_made: set[str] | None = None  # the targets of the build that is noting them


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


def sha256_of(path: str | Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def record_of(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + RECORD_SUFFIX)


def write_recorded(path: str | Path, data: bytes) -> str:
    """Write data atomically, then its record; return the data's sha256."""
    record = record_of(path)
    # No old record may vouch for the file while it is being replaced.
    record.unlink(missing_ok=True)
    write_atomically(path, data)
    digest = hashlib.sha256(data).hexdigest()
    write_atomically(record, f"{digest} {len(data)}\n".encode())
    return digest


def recorded_digest(path: str | Path) -> str | None:
    """The file's sha256 when its record matches its size and bytes; None when it may not be reused."""
    try:
        digest, size = record_of(path).read_text(encoding="ascii").split()
        if os.stat(path).st_size != int(size):
            return None
        return digest if sha256_of(path) == digest else None
    except (OSError, ValueError, UnicodeDecodeError):  # no file, no record, a damaged record
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
