"""A build's digest memo (files.remember_digests) in a test: reads counted, builds seconds apart;
and a file changed as `cp -p` changes it."""

from __future__ import annotations

import os
import types
from pathlib import Path

from plugins._shared import digest_cache, files


class Remembered:
    """Digests kept under cache_path as a build keeps them; `reads` lists every file hashed.

    next_build() saves the memo and starts as a new process would, twice RACY_NS
    later on files' clock, so what was read in the build before has settled.
    """

    def __init__(self, cache_path: Path, monkeypatch) -> None:
        self.reads: list[str] = []
        self._ahead = 0
        real_read, real_time_ns = files._read_sha256, files.time.time_ns

        def counted(path):
            self.reads.append(os.path.basename(path))
            return real_read(path)

        monkeypatch.setattr(files, "_digest_cache", [])
        monkeypatch.setattr(files, "_read_sha256", counted)
        monkeypatch.setattr(
            files, "time", types.SimpleNamespace(time_ns=lambda: real_time_ns() + self._ahead)
        )
        digest_cache.forget_open_caches()
        files.remember_digests(cache_path)

    def next_build(self) -> None:
        digest_cache.save_open_caches()
        digest_cache.forget_open_caches()
        self._ahead += 2 * files.RACY_NS
        self.reads.clear()

    def close(self) -> None:
        digest_cache.forget_open_caches()


def changed_in_place(path, data: bytes) -> None:
    """Write data over path's bytes in the same inode, mtime set back; wait until its ctime moved."""
    before = os.stat(path)
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    while os.stat(path).st_ctime_ns == before.st_ctime_ns:  # one tick of the file system's clock
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
