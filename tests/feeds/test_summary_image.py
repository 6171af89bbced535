"""Every RSS description and Atom summary starts with the card <img>: feediverse looks only there.

Then the summary text, escaped; feedparser still reads title, summary and link
as written, and the JSON Feed's summary stays plain text.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    NS,
    SOCIAL_ATOM,
    SOCIAL_RSS,
    atom_entries,
    expected_summary,
    first_image,
    rss_items,
)


def _feeds(site, suffix: str) -> list[str]:
    return [
        f.relative_to(site.output).as_posix()
        for f in site.feed_files()
        if f.name.endswith(suffix) and (suffix != ".xml" or not f.name.endswith(".atom.xml"))
    ]


def _check_image(image, url: str, media, where: str) -> None:
    assert image is not None, f"{where}: does not start with the card <img>"
    assert image.get("src") == url and url.startswith(("http://", "https://")), where
    assert image.get("alt") == media.findtext("media:description", namespaces=NS), where
    assert (image.get("width"), image.get("height")) == (media.get("width"), media.get("height")), where
    assert int(image.get("width")) > 0 and int(image.get("height")) > 0, where


def _text_after_image(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def test_every_rss_description_starts_with_the_enclosure_image(feed_site, library_name):
    posts = {feed_site.url(p): p for p in feed_site.published}
    paths = _feeds(feed_site, ".xml")
    assert ALL_RSS in paths and SOCIAL_RSS in paths
    for path in paths:
        for item in rss_items(feed_site, path):
            where = f"{path}: {item.findtext('guid')}"
            description = item.findtext("description")
            _check_image(
                first_image(description),
                item.find("enclosure").get("url"),
                item.find("media:content", NS),
                where,
            )
            post = posts[item.findtext("guid")]
            assert _text_after_image(description) == expected_summary(post, library_name), where


def test_every_atom_summary_is_html_starting_with_the_enclosure_image(feed_site, library_name):
    posts = {feed_site.url(p): p for p in feed_site.published}
    paths = _feeds(feed_site, ".atom.xml")
    assert ALL_ATOM in paths and SOCIAL_ATOM in paths
    for path in paths:
        for entry in atom_entries(feed_site, path):
            where = f"{path}: {entry.findtext('atom:id', namespaces=NS)}"
            summary = entry.find("atom:summary", NS)
            assert summary.get("type") == "html", where
            enclosure = next(
                link for link in entry.findall("atom:link", NS) if link.get("rel") == "enclosure"
            )
            _check_image(
                first_image(summary.text), enclosure.get("href"), entry.find("media:content", NS), where
            )
            post = posts[entry.findtext("atom:id", namespaces=NS)]
            assert _text_after_image(summary.text) == expected_summary(post, library_name), where


def test_feedparser_reads_title_summary_and_link_as_written(feed_site, library_name):
    posts = {feed_site.url(p): p for p in feed_site.published}
    for path in (ALL_RSS, ALL_ATOM, SOCIAL_RSS, SOCIAL_ATOM):
        parsed = feed_site.parse(path)
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        for entry in parsed.entries:
            post = posts[entry.id]
            where = f"{path}: {post.path}"
            assert entry.title == post.title and entry.link == feed_site.url(post), where
            image = first_image(entry.summary)  # feedparser keeps the sanitized <img>
            assert image is not None and image.get("src") == entry.enclosures[0].href, where
            assert image.get("alt"), where
            assert _text_after_image(entry.summary) == expected_summary(post, library_name), where


def test_json_feed_summary_stays_plain_text(feed_site, library_name):
    """JSON Feed's summary is plain text: the summary as written (an event's line below), no markup."""
    posts = {feed_site.url(p): p for p in feed_site.published}
    for item in feed_site.json(ALL_JSON)["items"]:
        assert item["summary"] == expected_summary(posts[item["id"]], library_name), item["id"]
        assert "<img" not in item["summary"], item["id"]
        image = first_image(item["content_html"])
        assert image is not None and image.get("src") == item["image"], item["id"]
