"""Fixtures of the site tests: the built sample site, the built fixture site, a server.

Builds run in a subprocess (`python -m plugins._shared.build`) from the repo
root with a fixed BUILD_NOW, into temporary folders: output/ and .cache/ are never
touched. Cards and image sizes come from the session's shared cache (sitekit.run_build);
the session's sites are built once for every xdist worker (sitekit.shared_build).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from plugins.content_model.problems import format_report
from sitekit import (
    FIXTURE_CONTENT,
    KINDS,
    MISSING_URL,
    PAGINATION,
    SAMPLE_CONTENT,
    Post,
    Site,
    copy_content,
    make_images,
    read_posts,
    shared_build,
)


@dataclass
class FixtureSite(Site):
    posts: list[Post] | None = None
    pages: list[Post] | None = None


@dataclass
class SampleSite(Site):
    posts: list[Post] | None = None
    pages: list[Post] | None = None
    problems: list | None = None


# --- builds -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site() -> SampleSite:
    """The real sample site (content/), built once per session (xdist workers included)."""
    build = shared_build()
    if build.returncode != 0:
        pytest.fail(f"building the sample site failed (exit {build.returncode}):\n{build.log}", pytrace=False)
    posts, pages, problems = read_posts(SAMPLE_CONTENT)
    return SampleSite(build.output, build, SAMPLE_CONTENT, posts=posts, pages=pages, problems=problems)


@pytest.fixture(scope="session")
def fixture_content(tmp_path_factory) -> Path:
    """A copy of tests/fixtures/site/content with its images made by Pillow.

    The copy keeps the repository clean: the images are written into it.
    """
    content = copy_content(FIXTURE_CONTENT, tmp_path_factory.mktemp("fixture") / "content")
    make_images(content)
    posts, pages, problems = read_posts(content)
    if problems:
        pytest.fail(
            "the fixture content does not pass the content checker:\n" + format_report(problems),
            pytrace=False,
        )
    missing = sorted(set(KINDS) - {p.kind for p in posts if p.is_published})
    if missing:
        pytest.fail(f"the fixture content has no published post of kind(s) {missing}", pytrace=False)
    return content


@pytest.fixture(scope="session")
def fixture_site(fixture_content) -> FixtureSite:
    """The fixture site built with the project's pelicanconf.py, PATH = fixture content."""
    build = shared_build(content=fixture_content)
    if build.returncode != 0:
        pytest.fail(
            f"building the fixture site failed (exit {build.returncode}):\n{build.log}", pytrace=False
        )
    posts, pages, _ = read_posts(fixture_content)
    return FixtureSite(build.output, build, fixture_content, posts=posts, pages=pages)


# --- serving ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def served_site(built_site, serve_folder) -> str:
    """Base URL (http://127.0.0.1:PORT) of the built sample site."""
    return serve_folder(built_site.output)


@pytest.fixture(scope="session")
def sample_pages(built_site):
    """Resolve a page name of PAGE_NAMES to a URL path of the built sample site."""

    def resolve(name: str) -> str:
        site = built_site
        published = sorted((p for p in site.posts if p.is_published), key=lambda p: p.path)
        if name == "beranda":
            return "/"
        if name == "daftar":
            return f"/{next(iter(KINDS))}/"
        if name == "arsip":
            return "/arsip/"
        if name == "tagar":
            return "/tagar/"
        if name == "404":
            return MISSING_URL
        if name == "satu-tagar":
            folder = site.output / "tagar"
            tags = (
                sorted(d for d in folder.iterdir() if d.is_dir() and not PAGINATION.match(d.name))
                if folder.is_dir()
                else []
            )
            if not tags:
                pytest.fail("the built sample site has no hashtag page under /tagar/<slug>/", pytrace=False)
            return site.url_for(tags[0] / "index.html")
        if name == "tentang":
            about = [p for p in site.pages if p.values.get("template") == "tentang"]
            if not about:
                pytest.fail(
                    "the sample content has no about page (content/halaman/ with 'template: tentang')",
                    pytrace=False,
                )
            return f"/{about[0].slug}/"
        kind = name.removeprefix("tulisan-")
        of_kind = [p for p in published if p.kind == kind]
        if not of_kind:
            pytest.fail(
                f"the sample content has no valid published post of kind '{kind}' (content/{kind}/)",
                pytrace=False,
            )
        # Prefer a post with an image: it exercises more of the theme.
        post = sorted(of_kind, key=lambda p: "image" not in p.values)[0]
        return post.url

    return resolve


# --- browser ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def screens_dir(pytestconfig) -> Path:
    """test-results/screens/ (pytest-playwright clears test-results/ each session)."""
    folder = Path(pytestconfig.getoption("--output")).absolute() / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
