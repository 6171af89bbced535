"""The public /umpan/ page and the autodiscovery links in every page's head."""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sitekit import ROOT, VNU_JAR, WIDTHS, axe_violations, local_path, open_page, require_tool, text_of
from tests.feeds.feedkit import ALL_ATOM, ALL_JSON, ALL_RSS, FOLDER

PAGE = f"/{FOLDER}/"
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json"}


def _soup(site, url_path: str) -> BeautifulSoup:
    file = site.output / url_path.lstrip("/")
    if url_path.endswith("/"):
        file = file / "index.html"
    return BeautifulSoup(file.read_bytes(), "lxml")


def _alternates(soup) -> list[str]:
    """Feed hrefs of a page's autodiscovery links, as site paths, in order."""
    links = [link for link in soup.head.find_all("link", rel="alternate") if link.get("type") in FEED_TYPES]
    for link in links:
        assert link.get("title"), f"autodiscovery link without title: {link}"
    return [local_path("/", link["href"]) or urlsplit(link["href"]).path for link in links]


def test_umpan_page_lists_every_feed(feed_site):
    soup = _soup(feed_site, PAGE)
    assert text_of(soup.h1) == "Umpan RSS"
    linked = {local_path(PAGE, a["href"]) for a in soup.find_all("a", href=True)}
    feeds = {"/" + f.relative_to(feed_site.output).as_posix() for f in feed_site.feed_files()}
    assert feeds <= linked, f"feeds not listed on {PAGE}: {sorted(feeds - linked)}"
    text = text_of(soup.main)
    for words in ("berlangganan", "aplikasi pembaca umpan", "RSS", "Atom", "JSON Feed", "Instagram"):
        assert words in text, f"{PAGE} does not explain {words!r}"


def test_every_page_advertises_the_site_feeds(feed_site):
    expected = [f"/{ALL_RSS}", f"/{ALL_ATOM}", f"/{ALL_JSON}"]
    pages = sorted(feed_site.output.rglob("*.html"))
    assert pages
    for file in pages:
        soup = BeautifulSoup(file.read_bytes(), "lxml")
        found = _alternates(soup)
        assert found[-3:] == expected, f"{file.relative_to(feed_site.output)}: {found}"
        for href in found:
            assert (feed_site.output / href.lstrip("/")).is_file(), href


def test_listing_pages_advertise_their_own_feed_first(feed_site):
    kind = next(p.kind for p in feed_site.published)
    assert _alternates(_soup(feed_site, f"/{kind}/"))[0] == f"/{FOLDER}/{kind}.xml"
    tags = sorted(
        d.name
        for d in (feed_site.output / "tagar").iterdir()
        if d.is_dir() and not d.name.startswith("halaman-")
    )
    assert tags
    for slug in tags:
        found = _alternates(_soup(feed_site, f"/tagar/{slug}/"))
        assert found[0] == f"/{FOLDER}/tagar/{slug}.xml", f"/tagar/{slug}/: {found}"


def test_umpan_page_is_valid_html(feed_site):
    java = shutil.which("java")
    require_tool(java is not None, "Java (the `java` command, needed by the Nu HTML checker)")
    require_tool(VNU_JAR.is_file(), f"the Nu HTML checker ({VNU_JAR.relative_to(ROOT)})")
    # The page itself, and a listing page whose head carries two feeds' links.
    files = [feed_site.output / FOLDER / "index.html", feed_site.output / "tagar" / "index.html"]
    kind = next(p.kind for p in feed_site.published)
    files.append(feed_site.output / kind / "index.html")
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--no-langdetect", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    messages = json.loads(run.stdout).get("messages", [])
    problems = [
        f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "warning"
    ]
    assert not problems, "Nu HTML checker:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_umpan_page_has_no_axe_violations(page, feed_site, serve_folder, width):
    visit = open_page(page, serve_folder(feed_site.output), PAGE, width)
    assert visit.status == 200, f"{visit.url} answered {visit.status}"
    assert not visit.errors, visit.errors
    violations = axe_violations(page)
    assert not violations, f"{PAGE} at {width} px:\n" + "\n".join(violations)
