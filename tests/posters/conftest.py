"""Fixtures of the poster tests: the sample site plus four events, built twice on one cache.

`profile` is the library of pelicanconf.py, for posters drawn without a build.

`poster_site` is the first build (every poster drawn); `warm_site` builds the same
content again into a new output with the same CACHE_PATH, so nothing needs drawing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plugins.content_model.problems import format_report
from plugins.site_profile.profile import parse_profile
from sitekit import ROOT, SAMPLE_CONTENT, copy_content, read_posts
from tests.posters.posterkit import EXTRA_EVENTS, PosterSite, build


@pytest.fixture(scope="session")
def profile():
    """LIBRARY of pelicanconf.py, parsed: the library the unit tests' posters show."""
    from pelican.settings import read_settings

    return parse_profile(read_settings(str(ROOT / "pelicanconf.py"))["LIBRARY"], ROOT / "content")


@pytest.fixture(scope="session")
def poster_content(tmp_path_factory) -> Path:
    content = copy_content(SAMPLE_CONTENT, tmp_path_factory.mktemp("posters") / "content")
    for name, text in EXTRA_EVENTS.items():
        (content / "acara" / name).write_text(text, encoding="utf-8")
    _, _, problems = read_posts(content)
    if problems:
        pytest.fail(
            "the posters' content does not pass the checker:\n" + format_report(problems), pytrace=False
        )
    return content


@pytest.fixture(scope="session")
def poster_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("posters-cache")


@pytest.fixture(scope="session")
def poster_site(poster_content, poster_cache, tmp_path_factory) -> PosterSite:
    return build(tmp_path_factory.mktemp("posters-first") / "output", poster_content, poster_cache)


@pytest.fixture(scope="session")
def warm_site(poster_site, poster_content, poster_cache, tmp_path_factory) -> PosterSite:
    return build(tmp_path_factory.mktemp("posters-again") / "output", poster_content, poster_cache)
