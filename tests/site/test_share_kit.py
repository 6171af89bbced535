"""The staff share kit in the built sites: one hidden page per published post.

Checked on real output: which pages exist, that nothing public links to them,
that robots keep out, that every card shown is a real file of the stated size,
that every caption fits its platform, and that the link-preview mock-ups show
exactly what a crawler reads from the post's own page. Tests that need cards
fail (never skip) while plugins/social_cards gives none.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.robotparser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from plugins.share_kit.captions import INSTAGRAM_LINK_LINE, PLATFORMS
from sitekit import (
    FIXTURE_CONTENT,
    ROOT,
    SETTINGS,
    VNU_JAR,
    copy_content,
    local_path,
    make_images,
    require_tool,
    run_build,
)

FOLDER = "bagikan"
BY_KEY = {platform.key: platform for platform in PLATFORMS}
CARD_KEYS = ["link", "square", "portrait", "story"]


@pytest.fixture(scope="module")
def settings():
    from pelican.settings import read_settings

    return read_settings(str(SETTINGS))


def share_url(post) -> str:
    return f"/{FOLDER}/{post.kind}/{post.slug}/"


def published(site):
    return [p for p in site.posts if p.is_published]


def share_pages(site) -> list[Path]:
    folder = site.output / FOLDER
    return sorted(folder.rglob("index.html")) if folder.is_dir() else []


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def pages_with_posts(site):
    """(post, share page URL, share page soup) for every published post."""
    found = []
    for post in published(site):
        url = share_url(post)
        assert site.exists(url), f"no share page {url} for {post.path}"
        found.append((post, url, site.soup(url)))
    assert found, "the built site has no published post"
    return found


# --- which pages exist ---------------------------------------------------------------------


def test_every_published_post_has_exactly_one_share_page(built_site):
    expected = {share_url(p) for p in published(built_site)}
    written = {built_site.url_for(f) for f in share_pages(built_site)}
    assert written == expected


def test_drafts_and_future_posts_have_no_share_page(fixture_site):
    unpublished = [p for p in fixture_site.posts if not p.is_published]
    assert {p.values.get("status") for p in unpublished} >= {"draft"}
    assert any(p.values["date"].year >= 2099 for p in unpublished)
    written = {fixture_site.url_for(f) for f in share_pages(fixture_site)}
    assert written == {share_url(p) for p in published(fixture_site)}
    for post in unpublished:
        assert not any(f"/{post.slug}/" in url for url in written), post.path


# --- kept out of public view ---------------------------------------------------------------


def test_share_pages_are_noindex_without_canonical(built_site):
    for file in share_pages(built_site):
        soup = built_site.soup(file)
        robots = soup.find("meta", attrs={"name": "robots"})
        assert robots is not None and robots["content"] == "noindex", file
        canonical = [link for link in soup.find_all("link") if "canonical" in (link.get("rel") or [])]
        assert not canonical, f"{file}: a hidden page must not name a canonical URL"


@pytest.mark.parametrize("which", ["sample", "fixture"])
def test_no_public_page_or_feed_links_to_a_share_page(request, which):
    site = request.getfixturevalue({"sample": "built_site", "fixture": "fixture_site"}[which])
    problems = []
    for file in sorted(site.output.rglob("*")):
        if not file.is_file() or file.relative_to(site.output).parts[0] == FOLDER:
            continue
        if file.suffix == ".html":
            url = site.url_for(file)
            soup = site.soup(file)
            for element in soup.find_all(["a", "link", "area", "form"]):
                target = element.get("href") or element.get("action")
                path = local_path(url, target) if target else None
                if path is not None and path.startswith(f"/{FOLDER}/"):
                    problems.append(f"{url}: <{element.name}> links to {target}")
        elif (
            file.suffix in (".xml", ".json", ".txt")
            and file.name != "robots.txt"
            and f"/{FOLDER}/" in file.read_text(encoding="utf-8", errors="replace")
        ):
            problems.append(f"{site.url_for(file)} mentions /{FOLDER}/")
    assert not problems, "\n".join(problems)


def test_robots_txt_keeps_crawlers_out_of_share_pages(built_site, settings):
    robots = built_site.output / "robots.txt"
    assert robots.is_file(), "no robots.txt at the output root"
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(robots.read_text(encoding="utf-8").splitlines())
    base = settings["PUBLIC_URL"]
    post = published(built_site)[0]
    for agent in ("*", "Googlebot", "facebookexternalhit", "Twitterbot"):
        assert not parser.can_fetch(agent, base + share_url(post)), agent
        assert parser.can_fetch(agent, base + post.url), agent
        assert parser.can_fetch(agent, base + "/"), agent


# --- cards ---------------------------------------------------------------------------------


def test_every_card_shown_is_a_real_file_of_the_stated_size(built_site, settings):
    """Each card: the file exists, its pixels and kB match what the page says. Needs cards."""
    window = settings["FEED_MAX_ITEMS"]
    newest = sorted(published(built_site), key=lambda p: p.values["date"], reverse=True)[:window]
    newest_urls = {share_url(p) for p in newest}
    problems = []
    for _post, url, soup in pages_with_posts(built_site):
        cards = soup.select("[data-card]")
        keys = [card["data-card"] for card in cards]
        wanted = CARD_KEYS if url in newest_urls else CARD_KEYS[:1]
        if keys[: len(wanted)] != wanted:
            problems.append(f"{url}: card sizes {keys}, expected {wanted} (article.cards missing?)")
            continue
        for card in cards:
            img = card.find("img")
            path = local_path(url, img["src"])
            file = built_site.file_for(path)
            if not file.is_file():
                problems.append(f"{url}: {img['src']} is not in the output")
                continue
            size = card.select_one(".sk-size")
            with Image.open(file) as image:
                actual = (image.width, image.height, image.format)
            stated = (int(img["width"]), int(img["height"]))
            if actual[:2] != stated or (int(size["data-width"]), int(size["data-height"])) != stated:
                problems.append(f"{url}: {img['src']} is {actual[:2]}, the page says {stated}")
            if f"{stated[0]} × {stated[1]} piksel" not in size.get_text():
                problems.append(f"{url}: size text {size.get_text()!r} lacks {stated}")
            kb = max(1, round(file.stat().st_size / 1000))
            if int(size["data-kb"]) != kb or f"{kb} KB" not in size.get_text():
                problems.append(f"{url}: {img['src']} is {kb} KB, the page says {size.get_text()!r}")
            if actual[2] != "JPEG":
                problems.append(f"{url}: {img['src']} is {actual[2]}, not JPEG")
            if not img.get("alt", "").strip():
                problems.append(f"{url}: {img['src']} has no alt text")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_download_links_resolve_to_the_card_shown(built_site):
    """Every card has a download link to its own file, with a plain file name. Needs cards."""
    problems = []
    for post, url, soup in pages_with_posts(built_site):
        cards = soup.select("[data-card]")
        if not cards:
            problems.append(f"{url}: no card to download (article.cards missing?)")
        for card in cards:
            link = card.find("a", attrs={"download": True})
            if link is None:
                problems.append(f"{url}: card {card['data-card']} has no download link")
                continue
            path = local_path(url, link["href"])
            if path is None or not built_site.exists(path):
                problems.append(f"{url}: download {link['href']} does not resolve")
            if link["href"] != card.find("img")["src"]:
                problems.append(f"{url}: download {link['href']} is not the card shown")
            name = link["download"]
            if "/" in name or not name.endswith(".jpg") or post.slug not in name:
                problems.append(f"{url}: download name {name!r}")
    assert not problems, "\n".join(problems)


# --- captions ------------------------------------------------------------------------------


def test_every_caption_fits_its_limit_and_holds_link_and_hashtags(built_site, settings):
    library = [f"#{t}" for t in settings["LIBRARY"]["hashtags"]]
    problems = []
    for post, url, soup in pages_with_posts(built_site):
        boxes = soup.select(".sk-caption")
        if [box["data-platform"] for box in boxes] != list(BY_KEY):
            problems.append(f"{url}: captions {[b['data-platform'] for b in boxes]}")
            continue
        link = f"{settings['PUBLIC_URL']}/{post.url.lstrip('/')}"
        for box in boxes:
            platform = BY_KEY[box["data-platform"]]
            area = box.find("textarea")
            text = area.get_text()
            where = f"{url} {platform.name}"
            length = platform.measure(text)
            if length > platform.limit:
                problems.append(f"{where}: {length} > {platform.limit}")
            counter = box.select_one(".sk-counter")
            if int(counter["data-length"]) != length or not counter.get_text().startswith(
                f"{length} / {platform.limit} "
            ):
                problems.append(f"{where}: counter {counter.get_text()!r}, measured {length}")
            if area.get("readonly") is None:
                problems.append(f"{where}: the textarea is not read-only")
            if platform.link and link not in text.split("\n\n"):
                problems.append(f"{where}: the link {link} is missing or cut")
            if not platform.link and ("http" in text or INSTAGRAM_LINK_LINE not in text):
                problems.append(f"{where}: Instagram needs 'tautan di bio' and no link")
            first = text.split("\n\n")[0]
            if not (
                first == post.title
                or first.endswith(f": {post.title}")
                or (first.endswith("…") and post.title.startswith(first[:-1]))
            ):
                problems.append(f"{where}: starts with {first!r}, not the title")
            note = box.select_one(".sk-note").get_text()
            wanted = [f"#{t}" for t in post.values.get("hashtags", [])] + library
            written = text.split("\n\n")[-1].split()
            for tag in wanted:
                shown = any(w.casefold() == tag.casefold() for w in written)
                if not shown and tag not in note:
                    problems.append(f"{where}: {tag} neither written nor reported as left out")
                if not shown and platform.key in ("mastodon", "instagram", "facebook"):
                    problems.append(f"{where}: {tag} left out although the platform has room")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


# --- link-preview mock-ups -----------------------------------------------------------------


def test_mockups_show_exactly_what_crawlers_read_from_the_post_page(built_site, settings):
    """Title, description and image of each mock-up equal the post page's og values. Needs cards."""
    public = settings["PUBLIC_URL"]
    problems = []
    for post, url, soup in pages_with_posts(built_site):
        head = built_site.soup(post.url)
        og = {
            key: meta(head, key)
            for key in ("og:title", "og:description", "og:image", "og:image:alt", "og:url")
        }
        if not og["og:image"]:
            problems.append(f"{post.url} has no og:image (article.cards missing?)")
        figures = soup.select("figure[data-platform]")
        if [f["data-platform"] for f in figures] != ["facebook", "x", "whatsapp"]:
            problems.append(f"{url}: mock-ups {[f['data-platform'] for f in figures]}")
        for figure in figures:
            where = f"{url} {figure['data-platform']}"
            title = figure.select_one("[data-field=title]").get_text()
            description = figure.select_one("[data-field=description]").get_text()
            if title != og["og:title"]:
                problems.append(f"{where}: title {title!r} != og:title {og['og:title']!r}")
            if description != og["og:description"]:
                problems.append(f"{where}: description differs from og:description")
            image = figure.select_one("img[data-field=image]")
            src = public + local_path(url, image["src"]) if image is not None else None
            if src != og["og:image"]:
                problems.append(f"{where}: image {src} != og:image {og['og:image']}")
            domain = figure.select_one("[data-field=domain]").get_text()
            if domain not in (og["og:url"] or ""):
                problems.append(f"{where}: domain {domain!r} is not og:url's")
        for key, value in og.items():
            shown = soup.select_one(f"dd[data-og='{key}']")
            if shown is None or shown.get_text() != (value or "(tidak ada)"):
                problems.append(f"{url}: {key} shown as {shown.get_text() if shown else None!r}")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_share_page_links_back_to_its_post(built_site):
    for post, url, soup in pages_with_posts(built_site):
        targets = built_site.links(url, soup)
        assert post.url in targets, url


# --- validity and escaping -----------------------------------------------------------------


def test_share_pages_are_valid_html(built_site):
    java = shutil.which("java")
    require_tool(java is not None, "Java (the `java` command, needed by the Nu HTML checker)")
    require_tool(VNU_JAR.is_file(), f"the Nu HTML checker ({VNU_JAR.relative_to(ROOT)})")
    run = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--skip-non-html",
            "--no-langdetect",
            "--format",
            "json",
            "--stdout",
            str(built_site.output / FOLDER),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    messages = json.loads(run.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit(FOLDER, 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors[:30])


HOSTILE = '<script>alert("x")</script> & "Kutip" <b>tebal</b>'
HOSTILE_POST = f"""---
title: '{HOSTILE}'
date: 2026-11-20 10:00
summary: '{HOSTILE}'
hashtags: [Jahil]
start: 2026-12-10 09:00
end: 2026-12-10 11:00
place: '{HOSTILE}'
---

Isi biasa.
"""


def test_hostile_text_is_plain_text_on_the_share_page(tmp_path):
    """A title with <script>, quotes and & shows as text in the heading, mock-ups and captions."""
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    make_images(content)
    (content / "acara" / "2026-11-20-jahil.md").write_text(HOSTILE_POST, encoding="utf-8")
    build = run_build(tmp_path / "output", content=content)
    assert build.returncode == 0, build.log
    html = (tmp_path / "output" / FOLDER / "acara" / "jahil" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):  # the JSON-LD and the copy buttons' script only
        assert "alert" not in (script.string or "") and "<" not in (script.string or "")
    assert soup.find("b", string="tebal") is None
    assert HOSTILE in soup.find("h1").get_text()
    for area in soup.find_all("textarea"):
        assert area.get_text().startswith(HOSTILE), area["id"]
    assert soup.select_one("figure [data-field=title]").get_text() == HOSTILE
