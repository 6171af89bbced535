"""Atomic writes that leave nothing behind on failure, and records that catch a damaged cached file."""

from __future__ import annotations

import errno
import os

import pytest

from plugins._shared import files

from .digestkit import Remembered, changed_in_place


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


# --- digests remembered by stat (remember_digests) -----------------------------------------


@pytest.fixture
def remembered(tmp_path, monkeypatch):
    memo = Remembered(tmp_path / "cache", monkeypatch)
    yield memo
    memo.close()


def test_an_unchanged_file_is_not_read_by_the_next_build(tmp_path, remembered):
    source = tmp_path / "cache" / "foto.jpg"
    digest = files.write_recorded(source, b"\xff\xd8" + b"a" * 100)
    target = tmp_path / "out" / "foto.jpg"
    files.copy_if_changed(source, target, digest)
    remembered.next_build()
    assert files.recorded_digest(source) == digest
    assert files.copy_if_changed(source, target, digest) is False
    assert sorted(remembered.reads) == ["foto.jpg", "foto.jpg"]  # read once more, then known settled
    remembered.next_build()
    assert files.recorded_digest(source) == digest
    assert files.copy_if_changed(source, target, digest) is False
    assert files.sha256_with_suffixes(target, [b"x"]) == files.sha256_with_suffixes(target, [b"x"])
    assert remembered.reads == ["foto.jpg"]  # only the new question; the rest by stat


def test_a_file_changed_in_place_with_size_and_mtime_kept_is_read_again(tmp_path, remembered):
    source = tmp_path / "cache" / "foto.jpg"
    original = b"\xff\xd8" + b"a" * 100
    digest = files.write_recorded(source, original)
    target = tmp_path / "out" / "foto.jpg"
    files.copy_if_changed(source, target, digest)
    for _ in range(2):  # the second build knows both files by their stat
        remembered.next_build()
        assert files.recorded_digest(source) == digest
        assert files.copy_if_changed(source, target, digest) is False
    changed_in_place(source, b"\x00" * 10)
    changed_in_place(target, b"\x00" * 10)
    remembered.next_build()
    assert files.recorded_digest(source) is None
    assert files.write_recorded(source, original) == digest  # as the cache's owner makes it again
    assert files.copy_if_changed(source, target, digest) is True
    assert target.read_bytes() == original


def test_a_file_changed_right_after_it_was_read_is_not_trusted_by_its_stat(tmp_path, remembered):
    """Within one tick of the clock an in-place write may leave the stat exactly as it was."""
    path = tmp_path / "cache" / "kartu.jpg"
    digest = files.write_recorded(path, b"\xff\xd8" + b"a" * 100)
    assert files.recorded_digest(path) == digest
    assert files.recorded_digest(path) == digest
    assert remembered.reads == ["kartu.jpg", "kartu.jpg"]  # written just now: read every time
    before = os.stat(path)
    with open(path, "r+b") as handle:
        handle.write(b"\x00" * 10)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert files.recorded_digest(path) is None


def test_a_remembered_file_whose_record_is_gone_is_not_reused(tmp_path, remembered):
    path = tmp_path / "cache" / "kartu.jpg"
    files.write_recorded(path, b"isi kartu")
    remembered.next_build()
    assert files.recorded_digest(path) is not None
    remembered.next_build()
    files.record_of(path).unlink()
    assert files.recorded_digest(path) is None
    path.unlink()
    with pytest.raises(OSError):
        files.sha256_of(path)
