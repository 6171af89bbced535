"""Fixtures of the calendar tests: the fixture site, plus a cancelled and a postponed event, built.

`calendar_site` is built once; `rebuilt_site` builds the same content again (a new cache);
`edited_site` builds it after staff gave the book discussion a new title and a later
`modified` (a new cache). `body_edited_site` and then `time_edited_site` build edited copies
in calendar_site's own cache at later BUILD_NOWs: its version ledger at work.
Builds run in a subprocess from the repo root (sitekit.run_build), like tests/site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plugins.content_model.problems import format_report
from sitekit import FIXTURE_CONTENT, copy_content, make_images, read_posts, share_caches
from tests.calendars.calkit import (
    BODY_EDIT,
    DAY_AFTER,
    EDITED_MODIFIED,
    EDITED_TITLE,
    EVENT,
    EXTRA_EVENTS,
    SERIES_FILE,
    SERIES_TIME_EDIT,
    TWO_DAYS_AFTER,
    CalendarSite,
    build,
)


def make_content(target: Path) -> Path:
    """The fixture site's content with the extra events, images drawn."""
    content = copy_content(FIXTURE_CONTENT, target)
    for name, text in EXTRA_EVENTS.items():
        (content / "acara" / name).write_text(text, encoding="utf-8")
    make_images(content)
    _, _, problems = read_posts(content)
    if problems:
        pytest.fail(
            "the calendars' content does not pass the checker:\n" + format_report(problems), pytrace=False
        )
    return content


@pytest.fixture(scope="session")
def calendar_content(tmp_path_factory) -> Path:
    return make_content(tmp_path_factory.mktemp("calendars") / "content")


@pytest.fixture(scope="session")
def calendar_cache(tmp_path_factory) -> Path:
    """calendar_site's CACHE_PATH, which the later builds of its content reuse (its version ledger)."""
    return share_caches(tmp_path_factory.mktemp("calendars-cache"))


@pytest.fixture(scope="session")
def calendar_site(calendar_content, calendar_cache, tmp_path_factory) -> CalendarSite:
    return build(tmp_path_factory.mktemp("calendars-first") / "output", calendar_content, calendar_cache)


def _edited_copy(folder: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """The calendars' content with, in each named file, one text replaced by another."""
    content = make_content(folder / "content")
    for name, (old, new) in edits.items():
        source = content / "acara" / name
        text = source.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{name}: {old!r}"
        source.write_text(text.replace(old, new), encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def body_edited_site(calendar_site, calendar_cache, tmp_path_factory) -> CalendarSite:
    """After calendar_site, with its cache, a day later: only the book discussion's body edited."""
    folder = tmp_path_factory.mktemp("calendars-body-edited")
    content = _edited_copy(folder, {EVENT["file"]: BODY_EDIT})
    return build(folder / "output", content, calendar_cache, now=DAY_AFTER)


@pytest.fixture(scope="session")
def time_edited_site(body_edited_site, calendar_cache, tmp_path_factory) -> CalendarSite:
    """Then, two days later: the series' moved session at a new hour, without a new `modified`."""
    folder = tmp_path_factory.mktemp("calendars-time-edited")
    content = _edited_copy(folder, {EVENT["file"]: BODY_EDIT, SERIES_FILE: SERIES_TIME_EDIT})
    return build(folder / "output", content, calendar_cache, now=TWO_DAYS_AFTER)


@pytest.fixture(scope="session")
def rebuilt_site(calendar_content, tmp_path_factory) -> CalendarSite:
    return build(tmp_path_factory.mktemp("calendars-again") / "output", calendar_content)


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> CalendarSite:
    folder = tmp_path_factory.mktemp("calendars-edited")
    content = make_content(folder / "content")
    source = content / "acara" / EVENT["file"]
    text = source.read_text(encoding="utf-8")
    text = text.replace(f"title: {EVENT['title']}\n", f"title: {EDITED_TITLE}\nmodified: {EDITED_MODIFIED}\n")
    assert EDITED_TITLE in text
    source.write_text(text, encoding="utf-8")
    return build(folder / "output", content)
