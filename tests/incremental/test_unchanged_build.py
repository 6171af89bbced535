"""A build whose output already holds what it would make is not run (plugins/_shared/unchanged.py).

Each case builds the fixture site with the build runner's command line, as
`invoke build`, CI and the bench do, and checks when the next build runs and
when it stops at once, and that what it leaves is what a clean build makes.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from plugins._shared import unchanged
from sitekit import share_caches

from .test_nothing_stale import (
    BEFORE_END,
    EVENT,
    assert_same,
    files_of,
    fresh_site,
    retitle,
)
from .test_nothing_stale import build as full_build

UNCHANGED = "Selesai: tidak ada yang berubah sejak pembangunan"


def build(output, content, cache, now):
    from sitekit import run_build

    run = run_build(output, content=content, now=now, cache=cache)
    assert run.returncode == 0, run.log
    return run


def later(moment: str, **delta) -> str:
    return (dt.datetime.fromisoformat(moment) + dt.timedelta(**delta)).isoformat()


def stamps(output) -> dict[str, int]:
    return {name: os.stat(path).st_mtime_ns for name, path in files_of(output).items()}


def until_of(cache) -> dt.datetime:
    """The horizon the last complete build recorded (the one record in the test's cache)."""
    (record,) = (cache / unchanged.FOLDER).glob("*.json")
    return dt.datetime.fromisoformat(json.loads(record.read_text(encoding="utf-8"))["until"])


def warnings_in(run) -> list[str]:
    """The warnings a build logged (Pelican's log handler prints them, with the time first)."""
    lines = (run.stdout + run.stderr).splitlines()
    return sorted(line.split("WARNING", 1)[1].strip() for line in lines if "WARNING" in line)


def test_nothing_changed_writes_nothing_and_says_the_last_builds_notes_again(tmp_path):
    content, cache, output = fresh_site(tmp_path)
    (content / EVENT).write_text(  # a warning the first build logs: said again by the second
        (content / EVENT).read_text(encoding="utf-8").replace("title:", "warna_kesukaan: biru\ntitle:", 1),
        encoding="utf-8",
    )
    first = build(output, content, cache, BEFORE_END)
    before = stamps(output)
    second = build(output, content, cache, later(BEFORE_END, minutes=1))
    assert UNCHANGED in second.stdout, second.log
    assert stamps(output) == before, "a build that found nothing changed wrote into the output"
    assert any("warna_kesukaan" in line for line in warnings_in(first)), first.log
    assert warnings_in(second) == warnings_in(first), second.log
    forced = full_build(output, content, cache, later(BEFORE_END, minutes=2))  # --full runs the build
    assert UNCHANGED not in forced.stdout and "berkas halaman dibuat ulang" in forced.stdout, forced.log


def test_a_changed_post_or_a_touched_output_builds_again(tmp_path):
    content, cache, output = fresh_site(tmp_path)
    build(output, content, cache, BEFORE_END)
    retitle(content)
    edited = build(output, content, cache, BEFORE_END)
    assert UNCHANGED not in edited.stdout, edited.log
    assert "(Edisi Baru)" in (output / "koleksi-baru/laskar-pelangi/index.html").read_text(encoding="utf-8")
    page = output / "tentang/index.html"
    page.unlink()
    touched = build(output, content, cache, BEFORE_END)
    assert UNCHANGED not in touched.stdout and page.is_file(), touched.log
    assert UNCHANGED in build(output, content, cache, BEFORE_END).stdout


def test_the_output_is_a_clean_builds_until_the_horizon_and_the_build_runs_from_it(tmp_path):
    """Built an hour before an event ends: up to the horizon (at the latest the end) a
    build stops at once and the output equals a clean build's at that moment; at the
    horizon the build runs, and its output again equals a clean build's."""
    content, cache, output = fresh_site(tmp_path)
    build(output, content, cache, BEFORE_END)
    until = until_of(cache)
    assert (
        dt.datetime.fromisoformat(BEFORE_END) < until <= dt.datetime.fromisoformat(later(BEFORE_END, hours=1))
    )
    just_before = (until - dt.timedelta(seconds=1)).isoformat()
    assert UNCHANGED in build(output, content, cache, just_before).stdout
    clean = full_build(tmp_path / "clean", content, share_caches(tmp_path / "clean-cache"), just_before)
    assert_same(output, clean.output)
    at = build(output, content, cache, until.isoformat())
    assert UNCHANGED not in at.stdout, at.log
    clean_at = full_build(
        tmp_path / "clean-at", content, share_caches(tmp_path / "clean-at-cache"), until.isoformat()
    )
    assert_same(output, clean_at.output)
