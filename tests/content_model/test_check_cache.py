"""The checker keeps each file's own check in CACHE_PATH, keyed by the file's bytes.

A build with nothing changed checks no file again; a changed file, or a file it
read (an image), is checked again; a damaged cache is ignored and rewritten;
problems are reported word for word as without the cache, and what spans files
or depends on the build's moment is worked out on every build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plugins._shared import digest_cache
from plugins.content_model import check
from plugins.content_model.check import CACHE_NAME, check_tree, project_settings

from .conftest import WITA, write_post

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=WITA)


@pytest.fixture(autouse=True)
def fresh_caches():
    digest_cache.forget_open_caches()
    yield
    digest_cache.forget_open_caches()


@pytest.fixture
def run(tmp_path):
    """Check the tree as a build does (its settings name a CACHE_PATH); each call is a new process."""
    cache_path = tmp_path / "cache"

    def checked(content: Path, now: dt.datetime = NOW):
        digest_cache.forget_open_caches()  # as the next build's process: the cache is read from disk
        settings = {**project_settings(), "CACHE_PATH": str(cache_path)}
        report = check_tree(content, WITA, now=now, settings=settings)
        return report, digest_cache.cache_at(cache_path, CACHE_NAME)

    checked.file = cache_path / digest_cache.FOLDER / f"{CACHE_NAME}.pickle"
    return checked


def shown(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def test_a_second_check_checks_no_file_again(content, run, monkeypatch):
    """Nothing changed: every entry comes from the cache, and check_file is never called."""
    first, cache = run(content)
    files = len(first.entries)
    assert cache.stats.misses == files and cache.stats.hits == 0

    def refuse(*args, **kwargs):
        raise AssertionError("a file was checked again")

    monkeypatch.setattr(check, "check_file", refuse)
    second, cache = run(content)
    assert cache.stats.hits == files and cache.stats.misses == 0
    assert second.entries.keys() == first.entries.keys()
    for key, entry in second.entries.items():
        assert entry.values == first.entries[key].values
        assert entry.kind is first.entries[key].kind


def test_a_changed_file_is_checked_again(content, run):
    """Only the edited post is checked; its new problem is reported."""
    run(content)
    post = content / "pengumuman/2026-08-17-libur.md"
    post.write_text(post.read_text(encoding="utf-8").replace("date: 2026-08-10", "date: 2026-13-40"))
    report, cache = run(content)
    assert cache.stats.misses == 1
    assert [p.field for p in report.problems if p.path.endswith("libur.md")] == ["date"]


def test_a_post_is_checked_again_when_its_image_changes(content, run):
    """The check read the image: a broken image makes the posts that show it fail, cached or not."""
    run(content)
    (content / "gambar/foto.jpg").write_bytes(b"bukan gambar")
    report, cache = run(content)
    assert cache.stats.stale == 2  # the event and the infographic show it
    broken = {Path(p.path).name for p in report.problems if "rusak" in p.message}
    assert broken == {"2026-11-20-diskusi-buku.md", "2026-09-01-jam-layanan.md"}


def test_an_image_that_appears_clears_the_problem_of_a_missing_one(content, run):
    """A missing file the check looked for is an input too: once it is there, the post is sound."""
    write_post(
        content,
        "pengumuman/2026-08-18-foto.md",
        """
        title: Foto Baru
        date: 2026-08-11
        summary: Foto perpustakaan.
        image: gambar/baru.jpg
        image_alt: Gedung perpustakaan.
        """,
    )
    report, _ = run(content)
    assert any(p.path.endswith("foto.md") for p in report.problems)
    (content / "gambar/baru.jpg").write_bytes((content / "gambar/foto.jpg").read_bytes())
    report, _ = run(content)
    assert report.problems == []


def test_a_damaged_cache_file_is_ignored_and_rewritten(content, run):
    """Garbage in the cache file: every file is checked, the report is the same, the file is whole again."""
    first, _ = run(content)
    run.file.write_bytes(b"\x80\x04 rusak")
    second, cache = run(content)
    assert cache.stats.damaged and cache.stats.hits == 0
    assert shown(second) == shown(first)
    _, cache = run(content)
    assert not cache.stats.damaged and cache.stats.hits == len(first.entries)


def test_problems_are_reported_word_for_word_from_the_cache(content, run):
    """Per-file problems and problems across files read the same on a cached check as on a fresh one."""
    write_post(
        content,
        "pengumuman/2026-08-19-salah.md",
        """
        title: Pengumuman Salah
        date: 2026-08-12
        summary: Ada yang salah.
        image: gambar/tidak-ada.jpg
        hashtag: [Salah]
        """,
        body="# Judul kedua\n\nLihat [tulisan lain]({filename}/pengumuman/2026-08-17-libur.md).\n",
    )
    write_post(  # the same URL as libur.md
        content,
        "pengumuman/2026-08-20-libur.md",
        """
        title: Libur Lagi
        date: 2026-08-13
        summary: Perpustakaan tutup lagi.
        """,
    )
    uncached = shown(check_tree(content, WITA, now=NOW))
    first, _ = run(content)
    second, cache = run(content)
    assert cache.stats.misses == 0
    assert shown(first) == uncached and shown(second) == uncached
    assert any("sudah dipakai oleh" in line for line in uncached)  # across files: duplicate slug


def test_what_depends_on_the_build_moment_is_decided_on_every_build(content, run):
    """A link to a post that is not out yet is a problem only until that post's date."""
    write_post(
        content,
        "pengumuman/2026-12-01-nanti.md",
        """
        title: Segera
        date: 2026-12-01
        summary: Terbit bulan depan.
        """,
    )
    write_post(
        content,
        "pengumuman/2026-08-21-tautan.md",
        """
        title: Tautan
        date: 2026-08-14
        summary: Menautkan tulisan yang belum terbit.
        """,
        body="Baca [ini]({filename}/pengumuman/2026-12-01-nanti.md).\n",
    )
    early, _ = run(content)
    assert any("baru terbit nanti" in line for line in shown(early))
    later, cache = run(content, now=dt.datetime(2026, 12, 2, tzinfo=WITA))
    assert cache.stats.misses == 0
    assert not any("baru terbit nanti" in line for line in shown(later))


def test_cross_file_problems_never_stay_in_the_cache(content, run):
    """The duplicate's problem goes with the duplicate: removing it leaves the first post sound."""
    twin = write_post(
        content,
        "pengumuman/2026-08-22-libur.md",
        """
        title: Libur Kembar
        date: 2026-08-15
        summary: Sama alamatnya.
        """,
    )
    report, _ = run(content)
    assert any("sudah dipakai oleh" in p.message for p in report.problems)
    twin.unlink()
    report, cache = run(content)
    assert cache.stats.misses == 0 and report.problems == []
