"""Feeds, calendars, share pages and the theme's files are written again only when what
they show changed.

The fixture site is built into one output three times: a first build, a warm build with
nothing changed (it must rewrite none of these files), and a build after one event's
title changed (it must rewrite exactly the feeds and calendars that hold the event, and
its share page). A clean build of the changed content must equal the last one.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.incremental.test_nothing_stale import build, differences, files_of, fresh_site

# Written by feeds, calendars, share_kit, and the theme's static files (output_guard/statics.py).
OWN = ("umpan/", "kalender/", "bagikan/", "robots.txt", "theme/")
# Written by the plugins themselves; their pages (umpan/index.html) go through Pelican's writer.
WRITTEN_BY_THEMSELVES = ("umpan/", "kalender/")
SUFFIXES = (".xml", ".json", ".ics")
EVENT = "acara/2026-11-05-lomba-mewarnai-anak.md"
OLD_TITLE = "Lomba Mewarnai untuk Anak"
NEW_TITLE = "Lomba Mewarnai Cerita Rakyat"


def stamps(output: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file the three plugins write: a file written again changes both."""
    found = {}
    for name, path in files_of(output).items():
        if name.startswith(OWN):
            stat = os.stat(path)
            found[name] = (stat.st_ino, stat.st_mtime_ns)
    return found


def contents(output: Path) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in files_of(output).items() if name.startswith(OWN)}


def unfolded(data: bytes) -> str:
    """The text with iCalendar's folded lines joined again (a long SUMMARY spans lines)."""
    return data.decode("utf-8").replace("\r\n ", "")


@dataclass
class Builds:
    output: Path
    clean: Path
    first: dict[str, tuple[int, int]]
    warm: dict[str, tuple[int, int]]
    changed: dict[str, tuple[int, int]]
    before: dict[str, bytes]  # the files after the warm build
    after: dict[str, bytes]  # after the title changed

    def rewritten(self, prefixes: tuple[str, ...], suffixes: tuple[str, ...] = ("",)) -> set[str]:
        return {
            n
            for n in self.changed
            if n.startswith(prefixes) and n.endswith(suffixes) and self.changed[n] != self.warm.get(n)
        }

    def differing(self, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> set[str]:
        return {
            n
            for n in self.after
            if n.startswith(prefixes) and n.endswith(suffixes) and self.after[n] != self.before.get(n)
        }


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    tmp = tmp_path_factory.mktemp("kept")
    content, cache, output = fresh_site(tmp)
    build(output, content, cache)
    first = stamps(output)
    build(output, content, cache)
    warm, before = stamps(output), contents(output)
    event = content / EVENT
    text = event.read_text(encoding="utf-8")
    assert f"title: {OLD_TITLE}\n" in text
    event.write_text(text.replace(f"title: {OLD_TITLE}\n", f"title: {NEW_TITLE}\n", 1), encoding="utf-8")
    build(output, content, cache)
    changed, after = stamps(output), contents(output)
    clean = tmp / "clean"
    build(clean, content, Path(tempfile.mkdtemp(prefix="clean-", dir=tmp)))
    return Builds(output, clean, first, warm, changed, before, after)


def test_a_warm_build_rewrites_no_feed_calendar_share_page_theme_file_or_robots_txt(builds):
    assert builds.first, "the plugins wrote nothing"
    assert any(name.startswith("theme/css/") for name in builds.first)
    assert any(name.endswith(".ics") for name in builds.first)
    assert any(name.startswith("umpan/") and name.endswith(".xml") for name in builds.first)
    rewritten = sorted(name for name in builds.first if builds.warm.get(name) != builds.first[name])
    assert not rewritten, f"written again with nothing changed: {rewritten}"
    assert set(builds.warm) == set(builds.first)


def test_a_retitled_event_rewrites_exactly_the_feeds_and_calendars_holding_it(builds):
    rewritten = builds.rewritten(WRITTEN_BY_THEMSELVES, SUFFIXES)
    assert rewritten == builds.differing(WRITTEN_BY_THEMSELVES, SUFFIXES)
    assert {"kalender/acara/lomba-mewarnai-anak.ics", "kalender/semua.ics", "umpan/semua.xml"} <= rewritten
    for name in rewritten:
        assert NEW_TITLE in unfolded(builds.after[name]), name
    kept = {n for n in builds.changed if n.startswith(WRITTEN_BY_THEMSELVES) and n.endswith(SUFFIXES)}
    kept -= rewritten
    assert any(name.startswith("umpan/") for name in kept), "every feed was written again"
    assert any(name.startswith("kalender/") for name in kept), "every calendar was written again"
    for name in kept:
        assert NEW_TITLE not in unfolded(builds.after[name]), name


def test_a_retitled_event_rewrites_its_share_page(builds):
    page = "bagikan/acara/lomba-mewarnai-anak/index.html"
    assert page in builds.rewritten(("bagikan/",))
    assert NEW_TITLE in builds.after[page].decode("utf-8")


VERSION_LINES = ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE")


def without_versions(data: bytes) -> list[str]:
    return [line for line in unfolded(data).split("\r\n") if not line.startswith(VERSION_LINES)]


def sequences(data: bytes) -> list[int]:
    return [int(line.split(":")[1]) for line in unfolded(data).split("\r\n") if line.startswith("SEQUENCE:")]


def test_the_build_after_the_change_equals_a_clean_build(builds):
    differing, missing, extra = differences(builds.output, builds.clean)
    assert not missing and not extra, (missing, extra)
    # The event's version comes from the ledger under CACHE_PATH (calendars/versions.py): the
    # incremental build raises its SEQUENCE for the change, a clean one knows no earlier version.
    # Everything else in its calendars is the same.
    assert set(differing) <= {"kalender/acara/lomba-mewarnai-anak.ics", "kalender/semua.ics"}, differing
    for name in differing:
        assert without_versions(builds.after[name]) == without_versions((builds.clean / name).read_bytes())
    own = "kalender/acara/lomba-mewarnai-anak.ics"
    assert min(sequences(builds.after[own])) > max(sequences(builds.before[own]))
