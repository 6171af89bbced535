"""Fixtures of the html_policy tests: Markdown as the build renders it, and the
fixture site with a hostile post added (tests/html_policy/content)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pelican.settings import read_settings

from plugins.html_policy.check import markdown_renderer
from sitekit import FIXTURE_CONTENT, SETTINGS, copy_content, make_images

EXTRA_CONTENT = Path(__file__).parent / "content"


@pytest.fixture(scope="session")
def settings() -> dict:
    return read_settings(str(SETTINGS))


@pytest.fixture
def renderer(settings):
    return markdown_renderer(settings)


@pytest.fixture
def markdown_html(renderer):
    return lambda body: renderer.reset().convert(body)


@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory) -> Path:
    """A copy of the fixture site's content plus this folder's posts, images drawn."""
    content = copy_content(FIXTURE_CONTENT, tmp_path_factory.mktemp("html-policy") / "content")
    for source in EXTRA_CONTENT.rglob("*.md"):
        if source.name != "README.md":
            destination = content / source.relative_to(EXTRA_CONTENT)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    make_images(content)
    return content
