"""Atomic writes that leave nothing behind on failure, and records that catch a damaged cached file."""

from __future__ import annotations

import errno
import os

import pytest

from plugins._shared import files


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


class _FullDisk:
    """A file handle that takes a few bytes, then fails as a full disk does."""

    def __init__(self, handle):
        self.handle = handle

    def write(self, data):
        self.handle.write(bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()
        return False


@pytest.fixture
def full_disk(monkeypatch):
    """files' own open() gives handles that run out of space on the first write."""
    real_open = open

    def opener(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        return _FullDisk(handle) if "x" in mode else handle

    monkeypatch.setattr(files, "open", opener, raising=False)


def test_write_atomically_writes_the_bytes_with_ordinary_permissions(tmp_path):
    target = tmp_path / "a" / "b" / "feed.xml"
    files.write_atomically(target, b"<feed/>")
    assert target.read_bytes() == b"<feed/>"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # readable by a web server, unlike 0600
    assert leftovers(target.parent) == []


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, full_disk):
    target = tmp_path / "index.html"
    target.write_bytes(b"versi lama")
    with pytest.raises(OSError) as failed:
        files.write_atomically(target, b"versi baru yang panjang")
    assert failed.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"versi lama"
    assert leftovers(tmp_path) == []


def test_a_copy_that_fails_leaves_no_temporary_file(tmp_path, full_disk):
    source = tmp_path / "sumber.jpg"
    source.write_bytes(b"x" * 5000)
    target = tmp_path / "keluaran" / "salinan.jpg"
    with pytest.raises(OSError):
        files.copy_atomically(source, target)
    assert not target.exists() and leftovers(target.parent) == []


def test_a_failed_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        files.write_atomically(tmp_path / "x.jpg", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_recorded_file_is_trusted_only_while_it_matches(tmp_path):
    """Cut short, same-size garbage, or no record at all: not reused."""
    path = tmp_path / "kartu.jpg"
    digest = files.write_recorded(path, b"\xff\xd8" + b"a" * 100)
    assert files.recorded_digest(path) == digest == files.sha256_of(path)
    assert files.record_of(path).name == "kartu.jpg.sha256"

    path.write_bytes(path.read_bytes()[:50])  # truncated
    assert files.recorded_digest(path) is None
    path.write_bytes(b"\x00" * 102)  # right size, wrong bytes
    assert files.recorded_digest(path) is None

    files.write_recorded(path, b"baru")
    files.record_of(path).unlink()  # e.g. a file left by an older build
    assert files.recorded_digest(path) is None
    files.record_of(path).write_text("bukan catatan", encoding="ascii")
    assert files.recorded_digest(path) is None
    assert files.recorded_digest(tmp_path / "tidak-ada.jpg") is None


def test_copy_if_changed_keeps_an_equal_file_and_replaces_a_damaged_one(tmp_path):
    source = tmp_path / "cache.jpg"
    digest = files.write_recorded(source, b"isi kartu")
    target = tmp_path / "out" / "cache.jpg"
    assert files.copy_if_changed(source, target, digest) is True
    inode = target.stat().st_ino
    assert files.copy_if_changed(source, target, digest) is False
    assert target.stat().st_ino == inode  # untouched
    target.write_bytes(b"isi rusak")  # same size, other bytes
    assert files.copy_if_changed(source, target, digest) is True
    assert target.read_bytes() == b"isi kartu"
