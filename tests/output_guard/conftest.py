"""Fixtures of the output guard tests: a copy of the fixture site's content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitekit import FIXTURE_CONTENT, copy_content, make_images


@pytest.fixture(scope="session")
def clean_content(tmp_path_factory) -> Path:
    """tests/fixtures/site/content with its images, copied once; copy it again to change it."""
    content = copy_content(FIXTURE_CONTENT, tmp_path_factory.mktemp("guard-fixture") / "content")
    make_images(content)
    return content


@pytest.fixture
def content_copy(clean_content, tmp_path):
    """A private copy of the fixture content at tmp_path/<folders...>/content."""

    def make(*folders: str) -> Path:
        target = tmp_path.joinpath(*folders, "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(clean_content, target, symlinks=True)
        return target

    return make
