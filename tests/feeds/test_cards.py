"""The card image is wherever an auto-poster looks for one, and is a real file.

These tests need `article.cards` from plugins/social_cards: until that plugin
attaches cards they fail (never skip), because feeds without images are the
defect they exist to catch.
"""

from __future__ import annotations

from urllib.parse import urlencode

import lxml.html
from PIL import Image

from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    NS,
    SQUARE_RSS,
    UTM,
    atom_entries,
    rss_items,
)

MEDIA_CONTENT = f"{{{NS['media']}}}content"
LINK_SIZE = (1200, 630)
SQUARE_SIZE = (1080, 1080)


def _first_image(html: str):
    """The first element of the content, which must be (a paragraph holding) the card <img>."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    first = root[0] if len(root) else None
    if first is not None and first.tag == "p" and len(first) == 1 and not (first.text or "").strip():
        first = first[0]
    return first if first is not None and first.tag == "img" else None


def _check_rss_item(item, size, where):
    enclosure = item.find("enclosure")
    assert enclosure is not None, f"{where}: no <enclosure> (no card: is plugins.social_cards on?)"
    url = enclosure.get("url")
    assert url.startswith(("http://", "https://")) and url.endswith((".jpg", ".jpeg")), where
    assert enclosure.get("type") == "image/jpeg", where
    assert int(enclosure.get("length")) > 0, where
    media = item.findall("media:content", NS)
    assert len(media) == 1, f"{where}: {len(media)} media:content"
    media = media[0]
    assert media.get("url") == url and media.get("type") == "image/jpeg", where
    assert media.get("medium") == "image", where
    assert (int(media.get("width")), int(media.get("height"))) == size, where
    alt = media.findtext("media:description", namespaces=NS)
    assert alt and alt.strip(), f"{where}: media:content has no media:description (alt text)"
    image = _first_image(item.findtext("content:encoded", namespaces=NS))
    assert image is not None, f"{where}: the content does not start with the card <img>"
    assert image.get("src") == url and image.get("alt") == alt, where
    return url, int(enclosure.get("length"))


def test_every_rss_item_carries_its_card_everywhere(feed_site):
    items = rss_items(feed_site, ALL_RSS)
    assert items
    for item in items:
        _check_rss_item(item, LINK_SIZE, item.findtext("guid"))


def test_every_atom_entry_carries_its_card(feed_site):
    for entry in atom_entries(feed_site, ALL_ATOM):
        where = entry.findtext("atom:id", namespaces=NS)
        enclosures = [link for link in entry.findall("atom:link", NS) if link.get("rel") == "enclosure"]
        assert len(enclosures) == 1, f"{where}: {len(enclosures)} enclosure links"
        url = enclosures[0].get("href")
        assert enclosures[0].get("type") == "image/jpeg" and int(enclosures[0].get("length")) > 0
        media = entry.find("media:content", NS)
        assert media is not None and media.get("url") == url, where
        assert media.findtext("media:description", namespaces=NS), where
        image = _first_image(entry.findtext("atom:content", namespaces=NS))
        assert image is not None and image.get("src") == url and image.get("alt"), where


def test_every_json_item_carries_its_card(feed_site):
    for item in feed_site.json(ALL_JSON)["items"]:
        assert item.get("image"), f"{item['id']}: no image"
        attachment = item["attachments"][0]
        assert attachment["url"] == item["image"] and attachment["mime_type"] == "image/jpeg"
        assert attachment["size_in_bytes"] > 0
        image = _first_image(item["content_html"])
        assert image is not None and image.get("src") == item["image"], item["id"]


def test_every_card_url_is_a_file_of_the_stated_length_and_size(feed_site):
    """Enclosures, media:content and JSON attachments of every feed resolve to real JPEGs."""
    checked = 0
    for file in feed_site.feed_files():
        name = file.relative_to(feed_site.output).as_posix()
        if file.suffix == ".json":
            refs = [
                (a["url"], a["size_in_bytes"], None)
                for item in feed_site.json(name)["items"]
                for a in item.get("attachments", [])
            ]
        else:
            root = feed_site.xml(name)
            refs = [(e.get("url"), int(e.get("length")), None) for e in root.iter("enclosure")]
            refs += [
                (e.get("href"), int(e.get("length")), None)
                for e in root.iter(f"{{{NS['atom']}}}link")
                if e.get("rel") == "enclosure"
            ]
            refs += [
                (e.get("url"), int(e.get("fileSize")), (int(e.get("width")), int(e.get("height"))))
                for e in root.iter(MEDIA_CONTENT)
            ]
        for url, length, size in refs:
            target = feed_site.local_file(url)
            assert target.is_file(), f"{name}: {url} is not in the output"
            size_on_disk = target.stat().st_size
            assert size_on_disk == length, f"{name}: {url} is {size_on_disk} bytes, feed says {length}"
            with Image.open(target) as image:
                assert image.format == "JPEG", url
                if size:
                    assert image.size == size, f"{name}: {url} is {image.size}, feed says {size}"
            checked += 1
    assert checked, "no feed names any card image"


def test_square_feed_holds_the_same_items_with_square_cards(feed_site):
    all_ids = [item.findtext("guid") for item in rss_items(feed_site, ALL_RSS)]
    square = rss_items(feed_site, SQUARE_RSS)
    assert [item.findtext("guid") for item in square] == all_ids
    link_cards = {
        item.findtext("guid"): item.find("enclosure").get("url") for item in rss_items(feed_site, ALL_RSS)
    }
    for item in square:
        url, _ = _check_rss_item(item, SQUARE_SIZE, item.findtext("guid"))
        assert url != link_cards[item.findtext("guid")], "the square feed carries the 1200x630 card"


def test_square_feed_links_carry_the_campaign_tags(social_site):
    entries = social_site.parse(SQUARE_RSS).entries
    assert entries, "the square feed is empty: no post has a 1080x1080 card"
    for entry in entries:
        assert entry.link == f"{entry.id}?{urlencode(UTM)}", entry.link


def test_public_feeds_point_at_public_card_urls(social_site):
    for item in rss_items(social_site, ALL_RSS):
        enclosure = item.find("enclosure")
        assert enclosure is not None, item.findtext("guid")
        assert enclosure.get("url").startswith(social_site.public_url + "/")
