"""A read-only or full output folder is said as such, and leaves no half-written file.

Tests run as root, where chmod stops no write, so each build runs in a private
user and mount namespace (`unshare --user --map-root-user --mount`) with its
output folder a fresh tmpfs: small for a full disk, remounted read-only for a
read-only disk. What the build left is copied out before the namespace ends.
"""

from __future__ import annotations

import shutil

import pytest

from sitekit import run_build

from .guardkit import NOT_MOUNTED, UNSHARE, build_command, build_on_tmpfs, scratch_files

PAGE = 4096
OUTPUT_PROBLEM = "Ini masalah folder keluaran atau disk, bukan konten, templat atau plugin"


def _tmpfs_build(tmp_path, content, size: str, readonly: bool):
    if shutil.which(UNSHARE[0]) is None:
        pytest.fail("unshare (util-linux) is missing: these tests need it", pytrace=False)
    output, copy = tmp_path / "out", tmp_path / "left"
    run = build_on_tmpfs(output, copy, size, readonly, build_command(output, content))
    if run.returncode == NOT_MOUNTED or "unshare:" in run.stderr:
        pytest.fail(
            f"could not mount a tmpfs in a private namespace ({' '.join(UNSHARE)}):\n{run.log}", pytrace=False
        )
    return run, output, copy


def _assert_said_and_clean(run, output, copy, cause: str):
    text = run.stdout + run.stderr
    assert run.returncode == 1, run.log
    assert f"GAGAL: tidak bisa menulis ke folder keluaran {output}: {cause}" in text, run.log
    assert OUTPUT_PROBLEM in text, run.log
    assert "Perbaikan:" in text, run.log
    assert "Traceback" not in text and "kesalahan templat atau plugin" not in text, run.log
    assert scratch_files(copy) == [], run.log
    # Every page that exists is whole.
    torn = [p for p in copy.rglob("*.html") if not p.read_bytes().rstrip().endswith(b"</html>")]
    assert torn == [], torn


def _fill_point(reference) -> int:
    """A tmpfs size (bytes) that runs out in the middle of the pages, from the order a
    complete build wrote its files in (images and cards come first, pages next)."""
    files = sorted((p for p in reference.rglob("*") if p.is_file()), key=lambda p: p.stat().st_mtime_ns)
    used, before = 0, []
    for path in files:
        if path.suffix == ".html":
            before.append(used)
        used += -(-path.stat().st_size // PAGE) * PAGE  # tmpfs counts whole pages
    return before[len(before) // 2]


def test_read_only_output(clean_content, tmp_path):
    run, output, copy = _tmpfs_build(tmp_path, clean_content, "16m", readonly=True)
    _assert_said_and_clean(run, output, copy, "sistem berkasnya hanya-baca (read-only)")
    assert not any(copy.iterdir())


def test_output_disk_full_at_once(clean_content, tmp_path):
    run, output, copy = _tmpfs_build(tmp_path, clean_content, "64k", readonly=False)
    _assert_said_and_clean(run, output, copy, "disknya penuh")


def test_output_disk_full_while_writing_pages(clean_content, tmp_path):
    reference = tmp_path / "reference"
    complete = run_build(reference, content=clean_content)
    assert complete.returncode == 0, complete.log
    size = _fill_point(reference)
    run, output, copy = _tmpfs_build(tmp_path, clean_content, str(size), readonly=False)
    _assert_said_and_clean(run, output, copy, "disknya penuh")
    written = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*.html"))
    assert written, f"the disk ran full before any page (size {size}):\n{run.log}"
