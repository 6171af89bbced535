"""Fixtures of the calendar tests: the fixture site, plus a cancelled and a postponed event, built.

`calendar_site` is built once; `rebuilt_site` builds the same content again; `edited_site`
builds it after staff gave the book discussion a new title and a later `modified`.
Builds run in a subprocess from the repo root (sitekit.run_build), like tests/site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plugins.content_model.problems import format_report
from sitekit import FIXTURE_CONTENT, copy_content, make_images, read_posts
from tests.calendars.calkit import EDITED_MODIFIED, EDITED_TITLE, EVENT, EXTRA_EVENTS, CalendarSite, build


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
def calendar_site(calendar_content, tmp_path_factory) -> CalendarSite:
    return build(tmp_path_factory.mktemp("calendars-first") / "output", calendar_content)


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
