"""Output files a generator writes itself, kept from the last build when nothing they show changed.

Feeds and calendars write their files without Pelican's Writer (so without the
render memo). Each file gets a key: a digest of everything its bytes depend on
(the items it holds, the settings and code that shape it, the facts as decided
at the build's moment), or None when that cannot be said. A record under
CACHE_PATH keeps the sha256 of the bytes made under each (path, key). When this
build's key is in the record and the file on disk still holds those bytes
(files.sha256_of: read again only when its stat changed), the file is kept:
noted for the output ledger, and neither made nor written again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from . import digest_cache
from .files import note_made, sha256_of, write_atomically

logger = logging.getLogger(__name__)

RECORD = "berkas-keluaran"  # the DigestCache of (path, key) -> sha256, under CACHE_PATH


def _holds(target: Path, sha: str) -> bool:
    try:
        return sha256_of(target) == sha
    except OSError:  # not there
        return False


class KeptOutputs:
    """One generator's files in one build: each kept or written; `save` once they all are."""

    def __init__(self, output_path: str | Path, cache_path: str | Path):
        self.output_path = Path(output_path)
        self.record = digest_cache.cache_at(cache_path, RECORD)
        self.kept: list[str] = []
        self.written: list[str] = []

    def write(self, path: str, key: str | None, make: Callable[[], bytes]) -> bytes | None:
        """Keep `path` (relative to the output) when `key` made the bytes on disk, else write make()'s.

        Returns the bytes written, or None when the file was kept.
        """
        target = self.output_path / path
        entry = digest_cache.digest(path, key) if key is not None else None
        known = self.record.get(entry) if entry is not None else None
        if known is not None and _holds(target, known):
            note_made(target)
            self.kept.append(path)
            return None
        data = make()
        write_atomically(target, data)  # a full disk never leaves half a file
        if entry is not None:
            self.record.put(entry, hashlib.sha256(data).hexdigest())
        self.written.append(path)
        logger.info("Writing %s", target)
        return data

    def save(self) -> None:
        """Keep the record (`finalized` later drops keys not asked for)."""
        self.record.save()
