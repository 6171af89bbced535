"""Every feed parses, and every item carries what auto-posters and readers need."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import lxml.html
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from plugins.content_model.kinds import DEFAULT as _KINDS
from sitekit import parse_srcset
from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    FOLDER,
    NS,
    SOCIAL_ATOM,
    SOCIAL_RSS,
    SQUARE_RSS,
    WORKING_HASHTAG,
    atom_entries,
    expected_categories,
    expected_summary,
    rfc822,
    rfc3339,
    rss_items,
)

KINDS = _KINDS.posts


def _newest_first(posts):
    return sorted(posts, key=lambda p: (p.values["date"], p.url), reverse=True)


def _tag_slugs(site) -> dict[str, str]:
    """Hashtag slug (as in /tagar/<slug>/) -> hashtag, for every published post."""
    from pelican.utils import slugify

    return {slugify(tag): tag for p in site.published for tag in p.values.get("hashtags", [])}


def _absolute_links(html: str) -> list[str]:
    """Every link and image URL of an HTML fragment that is not absolute http(s)."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    wrong = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("href", "src"):
            value = element.get(name)
            if value is not None and not value.startswith(("http://", "https://", "mailto:", "tel:")):
                wrong.append(f"<{element.tag} {name}={value!r}>")
        for url, _ in parse_srcset(element.get("srcset") or ""):
            if not url.startswith(("http://", "https://")):
                wrong.append(f"<{element.tag} srcset> {url!r}")
    return wrong


# --- the set of feeds ---------------------------------------------------------------------


def test_expected_feeds_exist(feed_site):
    """All posts, every kind with posts and every hashtag: RSS, Atom and JSON; one square feed;
    the auto-posters' feed in RSS and Atom."""
    kinds = {p.kind for p in feed_site.published}
    keys = ["semua", *sorted(kinds), *(f"tagar/{slug}" for slug in _tag_slugs(feed_site))]
    expected = {f"{FOLDER}/{key}{suffix}" for key in keys for suffix in (".xml", ".atom.xml", ".json")} | {
        SQUARE_RSS,
        SOCIAL_RSS,
        SOCIAL_ATOM,
    }
    found = {f.relative_to(feed_site.output).as_posix() for f in feed_site.feed_files()}
    assert expected <= found, f"missing feeds: {sorted(expected - found)}"
    assert found <= expected, f"unexpected feeds: {sorted(found - expected)}"


def test_every_feed_is_well_formed(feed_site):
    """lxml parses every XML feed, json every JSON Feed; feedparser reports no problem."""
    for file in feed_site.feed_files():
        relative = file.relative_to(feed_site.output).as_posix()
        if file.suffix == ".json":
            json.loads(file.read_text(encoding="utf-8"))
            continue
        etree.fromstring(file.read_bytes())  # raises on malformed XML
        parsed = feed_site.parse(relative)
        assert not parsed.bozo, f"{relative}: {parsed.get('bozo_exception')}"
        assert parsed.version in ("rss20", "atom10"), f"{relative}: {parsed.version}"


def test_pelican_feed_writer_did_not_run(feed_site):
    """Pelican's own feeds (feeds/all.atom.xml, ...) are replaced, not added to."""
    assert not (feed_site.output / "feeds").exists()
    strays = [
        p for p in feed_site.output.rglob("*.xml") if FOLDER not in p.relative_to(feed_site.output).parts
    ]
    assert not strays, f"feeds outside /{FOLDER}/: {strays}"


# --- which posts ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ALL_RSS, ALL_ATOM])
def test_all_posts_feed_holds_every_published_post_newest_first(feed_site, path):
    expected = [feed_site.url(p) for p in _newest_first(feed_site.published)]
    assert [e.id for e in feed_site.parse(path).entries] == expected


def test_json_feed_holds_every_published_post_newest_first(feed_site):
    expected = [feed_site.url(p) for p in _newest_first(feed_site.published)]
    assert [item["id"] for item in feed_site.json(ALL_JSON)["items"]] == expected


def test_future_and_draft_posts_are_in_no_feed(feed_site):
    unpublished = [p for p in feed_site.posts if not p.is_published]
    assert any(p.values.get("status") == "draft" for p in unpublished)
    assert any(p.values["date"].year >= 2099 for p in unpublished)
    for file in feed_site.feed_files():
        text = file.read_text(encoding="utf-8")
        for post in unpublished:
            assert post.slug not in text and post.title not in text, (
                f"{file.name} holds the unpublished post {post.path}"
            )


def test_each_kind_feed_holds_exactly_its_kind(feed_site):
    for kind in {p.kind for p in feed_site.published}:
        expected = [feed_site.url(p) for p in _newest_first(feed_site.published) if p.kind == kind]
        for suffix in (".xml", ".atom.xml"):
            ids = [e.id for e in feed_site.parse(f"{FOLDER}/{kind}{suffix}").entries]
            assert ids == expected, f"{kind}{suffix}"
        items = feed_site.json(f"{FOLDER}/{kind}.json")["items"]
        assert [i["id"] for i in items] == expected
    assert set(KINDS) >= {p.kind for p in feed_site.published}


def test_each_hashtag_feed_holds_exactly_its_posts(feed_site):
    for slug, tag in _tag_slugs(feed_site).items():
        expected = [
            feed_site.url(p)
            for p in _newest_first(feed_site.published)
            if tag.casefold() in {t.casefold() for t in p.values.get("hashtags", [])}
        ]
        for suffix in (".xml", ".atom.xml"):
            parsed = feed_site.parse(f"{FOLDER}/tagar/{slug}{suffix}")
            assert [e.id for e in parsed.entries] == expected, f"tagar/{slug}{suffix}"
            assert f"#{tag}" in parsed.feed.title


# --- RSS items ---------------------------------------------------------------------------------


def test_rss_items_carry_every_field(feed_site, library_hashtags, library_name):
    posts = {feed_site.url(p): p for p in feed_site.published}
    items = rss_items(feed_site, ALL_RSS)
    assert len(items) == len(posts)
    for item in items:
        guid = item.find("guid")
        post = posts[guid.text]
        where = post.path
        assert guid.get("isPermaLink") == "true", where
        assert item.findtext("link") == feed_site.url(post), where  # no campaign tags here
        assert item.findtext("title") == post.title, where
        summary = BeautifulSoup(item.findtext("description"), "html.parser").get_text()
        assert summary == expected_summary(post, library_name), where
        published = rfc822(item.findtext("pubDate"))
        assert published == post.values["date"], where
        author = item.findtext("author")
        assert "@" in author and "(" in author, f"{where}: RSS author must be 'email (name)'"
        categories = [c.text for c in item.findall("category")]
        assert categories == expected_categories(post, library_hashtags), where
        content = item.findtext("content:encoded", namespaces=NS)
        assert content and content.strip(), f"{where}: no content:encoded"
        assert not _absolute_links(content), f"{where}: relative links {_absolute_links(content)}"


def test_rss_channel(feed_site):
    channel = feed_site.xml(ALL_RSS).find("channel")
    assert channel.findtext("language") == "id"
    assert channel.findtext("link") == f"{feed_site.public_url}/"
    self_links = [link for link in channel.findall("atom:link", NS) if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"{feed_site.public_url}/{ALL_RSS}"]
    image = channel.find("image")
    assert image is not None, "no channel <image> (the library logo)"
    assert feed_site.local_file(image.findtext("url")).is_file()
    assert image.findtext("title") == channel.findtext("title")
    assert image.findtext("link") == channel.findtext("link")
    rfc822(channel.findtext("lastBuildDate"))


# --- Atom entries ------------------------------------------------------------------------------


def test_atom_entries_carry_every_field(feed_site, library_hashtags, library_name):
    posts = {feed_site.url(p): p for p in feed_site.published}
    entries = atom_entries(feed_site, ALL_ATOM)
    assert len(entries) == len(posts)
    for entry in entries:
        post = posts[entry.findtext("atom:id", namespaces=NS)]
        where = post.path
        alternates = [
            link.get("href")
            for link in entry.findall("atom:link", NS)
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternates == [feed_site.url(post)], where
        assert entry.findtext("atom:title", namespaces=NS) == post.title, where
        summary = entry.find("atom:summary", NS)  # HTML: the card's <img>, then the summary
        assert summary.get("type") == "html", where
        assert BeautifulSoup(summary.text, "html.parser").get_text() == expected_summary(
            post, library_name
        ), where
        assert rfc3339(entry.findtext("atom:published", namespaces=NS)) == post.values["date"], where
        updated = rfc3339(entry.findtext("atom:updated", namespaces=NS))
        assert updated == post.values.get("modified", post.values["date"]), where
        assert entry.findtext("atom:author/atom:name", namespaces=NS), where
        terms = [c.get("term") for c in entry.findall("atom:category", NS)]
        assert terms == expected_categories(post, library_hashtags), where
        content = entry.find("atom:content", NS)
        assert content.get("type") == "html", where
        assert not _absolute_links(content.text), f"{where}: {_absolute_links(content.text)}"


def test_atom_feed_header(feed_site):
    feed = feed_site.xml(ALL_ATOM)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    links = {link.get("rel"): link.get("href") for link in feed.findall("atom:link", NS)}
    assert links["self"] == f"{feed_site.public_url}/{ALL_ATOM}"
    assert links["alternate"] == f"{feed_site.public_url}/"
    assert feed_site.local_file(feed.findtext("atom:logo", namespaces=NS)).is_file()
    rfc3339(feed.findtext("atom:updated", namespaces=NS))


# --- JSON Feed -----------------------------------------------------------------------------------


JSON_FEED_KEYS = {
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "user_comment",
    "next_url",
    "icon",
    "favicon",
    "authors",
    "language",
    "expired",
    "hubs",
    "items",
}
JSON_ITEM_KEYS = {
    "id",
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "image",
    "banner_image",
    "date_published",
    "date_modified",
    "authors",
    "tags",
    "language",
    "attachments",
}


def test_json_feeds_follow_json_feed_1_1(feed_site, library_hashtags, library_name):
    posts = {feed_site.url(p): p for p in feed_site.published}
    files = [f for f in feed_site.feed_files() if f.suffix == ".json"]
    assert files
    for file in files:
        name = file.relative_to(feed_site.output).as_posix()
        feed = feed_site.json(name)
        assert feed["version"] == "https://jsonfeed.org/version/1.1", name
        assert isinstance(feed["title"], str) and feed["title"], name
        assert feed["feed_url"] == f"{feed_site.public_url}/{name}", name
        assert feed["home_page_url"].startswith(feed_site.public_url + "/"), name
        assert feed["language"] == "id", name
        assert not {k for k in feed if not k.startswith("_")} - JSON_FEED_KEYS, name
        assert isinstance(feed["items"], list), name
        for item in feed["items"]:
            post = posts[item["id"]]
            where = f"{name}: {post.path}"
            assert not {k for k in item if not k.startswith("_")} - JSON_ITEM_KEYS, where
            assert item["url"] == item["id"] == feed_site.url(post), where
            assert item["title"] == post.title, where
            assert item["summary"] == expected_summary(post, library_name), where
            assert isinstance(item["content_html"], str) and item["content_html"].strip(), where
            assert not _absolute_links(item["content_html"]), where
            assert rfc3339(item["date_published"]) == post.values["date"], where
            rfc3339(item["date_modified"])
            assert item["tags"] == expected_categories(post, library_hashtags), where
            assert all(a.get("name") for a in item["authors"]), where


# --- hashtags ------------------------------------------------------------------------------------


def test_every_category_is_a_working_hashtag(feed_site):
    """No spaces, hyphens or dots: feed2toot and feediverse would break those."""
    for file in feed_site.feed_files():
        name = file.relative_to(feed_site.output).as_posix()
        if file.suffix == ".json":
            tags = [t for item in feed_site.json(name)["items"] for t in item["tags"]]
        else:
            tags = [t.term for e in feed_site.parse(name).entries for t in e.get("tags", [])]
        bad = sorted({t for t in tags if not WORKING_HASHTAG.match(t)})
        assert not bad, f"{name}: {bad}"


def test_the_kind_is_a_one_word_hashtag(feed_site):
    parsed = feed_site.parse(f"{FOLDER}/literasi-digital.xml")
    assert parsed.entries
    for entry in parsed.entries:
        assert "LiterasiDigital" in [t.term for t in entry.tags]


# --- content -------------------------------------------------------------------------------------


def test_body_links_and_images_point_at_the_public_site(feed_site):
    """Root-relative, {filename}, in-page and srcset URLs become absolute, and exist."""
    post = next(p for p in feed_site.published if p.slug == "buku-dan-kopi-di-teras")
    entry = next(e for e in feed_site.parse(ALL_RSS).entries if e.id == feed_site.url(post))
    root = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
    hrefs = [a.get("href") for a in root.iter("a")]
    base = feed_site.url(post)
    assert urljoin(base, "/tentang/") in hrefs
    assert f"{feed_site.public_url}/acara/bedah-buku-cerita-rakyat/" in hrefs
    assert f"{base}#bagian-pertama" in hrefs
    assert "https://katalog.example.org/" in hrefs
    images = [img for img in root.iter("img") if "jam-layanan" in img.get("src", "")]
    assert images, "the body image is missing from the content"
    urls = [images[0].get("src")] + [u for u, _ in parse_srcset(images[0].get("srcset") or "")]
    for url in urls:
        assert feed_site.local_file(url).is_file(), url


def test_summary_with_ampersand_and_less_than_reads_back_as_written(feed_site):
    post = next(p for p in feed_site.published if p.slug == "buku-dan-kopi-di-teras")
    for path in (ALL_RSS, ALL_ATOM):
        entry = next(e for e in feed_site.parse(path).entries if e.id == feed_site.url(post))
        assert BeautifulSoup(entry.summary, "html.parser").get_text() == post.values["summary"]
        assert entry.title == post.title
