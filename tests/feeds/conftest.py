"""Fixtures of the feeds tests: the fixture site (plus tests/feeds/content) built twice.

`feed_site` is a development build (PUBLIC_URL http://127.0.0.1:8000), whose
enclosures can be checked against the output; `social_site` is built with
publishconf.py and campaign tags, as the public site and its auto-posters see it.
Builds run in a subprocess from the repo root, like tests/site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plugins.content_model.problems import format_report
from sitekit import (
    FIXTURE_CONTENT,
    copy_content,
    make_images,
    read_posts,
    shared_build,
)
from tests.feeds.feedkit import (
    DEV_PUBLIC_URL,
    EXTRA_CONTENT,
    PUBLISH_SETTINGS,
    UTM,
    FeedSite,
    build_site,
    settings_file,
)


def make_feed_content(target: Path) -> Path:
    """The fixture site's content plus the feeds tests' own posts, with images drawn."""
    content = copy_content(FIXTURE_CONTENT, target)
    for source in EXTRA_CONTENT.rglob("*.md"):
        destination = content / source.relative_to(EXTRA_CONTENT)
        if source.name != "README.md":
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    make_images(content)
    return content


def built(output: Path | None, content: Path, public_url: str, settings=None, now=None) -> FeedSite:
    """A build of its own into output; with output None, the session's build of these inputs,
    made once for every xdist worker (sitekit.shared_build)."""
    options = {**({"settings": settings} if settings else {}), **({"now": now} if now else {})}
    run = build_site(output, content, **options) if output else shared_build(content, **options)
    if run.returncode != 0:
        pytest.fail(
            f"building the feeds' fixture site failed (exit {run.returncode}):\n{run.log}", pytrace=False
        )
    posts, _, _ = read_posts(content)
    return FeedSite(run.output, run, content, public_url, posts=posts)


@pytest.fixture(scope="session")
def feed_content(tmp_path_factory) -> Path:
    content = make_feed_content(tmp_path_factory.mktemp("feeds") / "content")
    _, _, problems = read_posts(content)
    if problems:
        pytest.fail(
            "the feeds' fixture content does not pass the content checker:\n" + format_report(problems),
            pytrace=False,
        )
    return content


@pytest.fixture(scope="session")
def feed_site(feed_content) -> FeedSite:
    """The fixture site built with pelicanconf.py (development settings)."""
    return built(None, feed_content, DEV_PUBLIC_URL)


@pytest.fixture(scope="session")
def social_site(feed_content, tmp_path_factory) -> FeedSite:
    """The fixture site built with publishconf.py and campaign tags on (FEEDS['utm'])."""
    from pelican.settings import read_settings

    folder = tmp_path_factory.mktemp("feeds-public")
    settings = settings_file(folder, PUBLISH_SETTINGS, FEEDS={"utm": UTM})
    public_url = read_settings(str(PUBLISH_SETTINGS))["PUBLIC_URL"]
    return built(None, feed_content, public_url, settings)


@pytest.fixture(scope="session")
def library_name() -> str:
    from pelican.settings import read_settings

    return read_settings(str(PUBLISH_SETTINGS))["LIBRARY"]["name"]


@pytest.fixture(scope="session")
def library_hashtags() -> list[str]:
    from pelican.settings import read_settings

    return list(read_settings(str(PUBLISH_SETTINGS))["LIBRARY"]["hashtags"])
