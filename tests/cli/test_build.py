"""`pelican content -s pelicanconf.py` and `-s publishconf.py` build what the invoke tasks build."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup

from sitekit import KINDS, ROOT, shared_build

from .conftest import PUBLIC_URL

PUBLISH_SETTINGS = ROOT / "publishconf.py"
KEY_PAGES = [
    "index.html",
    "404.html",
    "arsip/index.html",
    "tagar/index.html",
    "tentang/index.html",
    *(f"{kind}/index.html" for kind in KINDS),
]
FEEDS = [
    "umpan/index.html",
    "umpan/semua.xml",
    "umpan/semua.atom.xml",
    "umpan/semua.json",
    "umpan/instagram.xml",
    *(f"umpan/{kind}.xml" for kind in KINDS),
]


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def canonical_links(output: Path) -> dict[str, str]:
    """The canonical link of every page that has one, by file."""
    found = {}
    for page in sorted(output.rglob("*.html")):
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("link", rel="canonical")
        if link is not None:
            found[page.relative_to(output).as_posix()] = link["href"]
    return found


def test_the_development_build_has_the_key_pages_and_feeds(dev_build):
    missing = [name for name in KEY_PAGES + FEEDS if not (dev_build / name).is_file()]
    assert not missing, f"not built by `pelican content -s pelicanconf.py`: {missing}"


def test_the_development_build_is_the_one_invoke_build_makes(dev_build):
    """The same files with the same bytes as the project's build runner (`invoke build`)."""
    runner = shared_build()
    assert runner.returncode == 0, runner.log
    assert files(dev_build) == files(runner.output)
    differ = [
        name
        for name in sorted(files(dev_build))
        if (dev_build / name).read_bytes() != (runner.output / name).read_bytes()
    ]
    assert not differ, f"pages that differ from the runner's build: {differ[:20]}"


def test_the_public_build_has_the_key_pages_and_feeds_and_no_drafts(public_build):
    built = files(public_build)
    missing = [name for name in KEY_PAGES + FEEDS if name not in built]
    assert not missing, f"not built by `pelican content -s publishconf.py`: {missing}"
    assert not [name for name in built if name.startswith("draf/")]


def test_the_public_build_has_the_files_invoke_preview_makes(public_build):
    """The same files as the runner with publish settings, strictly (`invoke preview`)."""
    runner = shared_build(settings=PUBLISH_SETTINGS, strict=True)
    assert runner.returncode == 0, runner.log
    assert files(public_build) == files(runner.output)


def test_canonical_links_use_the_public_url_given_with_e(public_build):
    links = canonical_links(public_build)
    assert len(links) > len(KEY_PAGES), sorted(links)
    elsewhere = {page: href for page, href in links.items() if not href.startswith(f"{PUBLIC_URL}/")}
    assert not elsewhere
    assert links["index.html"] == f"{PUBLIC_URL}/"


def test_feeds_link_to_the_public_url_given_with_e(public_build):
    for name in ("umpan/semua.xml", "umpan/semua.atom.xml"):
        feed = feedparser.parse((public_build / name).read_bytes())
        assert feed.entries, name
        links = [feed.feed.link] + [entry.link for entry in feed.entries]
        assert all(link.startswith(f"{PUBLIC_URL}/") for link in links), (name, links)
    items = json.loads((public_build / "umpan/semua.json").read_text(encoding="utf-8"))["items"]
    assert items and all(item["url"].startswith(f"{PUBLIC_URL}/") for item in items)
