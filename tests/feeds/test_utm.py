"""Campaign tags (FEEDS['utm']) go on item links of social feeds, never on guids."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from tests.feeds.feedkit import ALL_ATOM, ALL_JSON, ALL_RSS, FOLDER, NS, UTM


def _utm_of(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query))


def test_item_links_carry_the_campaign_tags(social_site):
    for path in (ALL_RSS, ALL_ATOM, f"{FOLDER}/acara.xml"):
        entries = social_site.parse(path).entries
        assert entries, path
        for entry in entries:
            assert _utm_of(entry.link) == UTM, f"{path}: {entry.link}"
            assert entry.link.split("?")[0] == entry.id, f"{path}: link and guid name different pages"


def test_guids_and_ids_never_carry_campaign_tags(social_site):
    for item in social_site.xml(ALL_RSS).findall("channel/item"):
        guid = item.findtext("guid")
        assert "?" not in guid and "utm_" not in guid, guid
    for entry in social_site.xml(ALL_ATOM).findall("atom:entry", NS):
        assert "utm_" not in entry.findtext("atom:id", namespaces=NS)


def test_json_feed_for_the_app_has_no_campaign_tags(social_site):
    for item in social_site.json(ALL_JSON)["items"]:
        assert "utm_" not in item["id"] and "utm_" not in item["url"], item["id"]


def test_public_feeds_use_the_public_https_url(social_site):
    assert social_site.public_url.startswith("https://")
    for entry in social_site.parse(ALL_RSS).entries:
        assert entry.id.startswith(social_site.public_url + "/"), entry.id


def test_without_utm_setting_links_are_the_permalinks(feed_site):
    for entry in feed_site.parse(ALL_RSS).entries:
        assert entry.link == entry.id
