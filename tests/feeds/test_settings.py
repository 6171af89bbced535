"""FEEDS and FEED_MAX_ITEMS: parsed once; a mistake stops the build in Indonesian."""

from __future__ import annotations

import pytest

from plugins._shared.errors import BuildStopped
from plugins.feeds.model import hashtag_form, with_utm
from plugins.feeds.settings import DEFAULT_WINDOW, FeedSettings, parse_feed_settings
from tests.feeds.feedkit import settings_file
from sitekit import run_build


def test_no_feeds_setting_means_defaults():
    assert parse_feed_settings({"FEED_MAX_ITEMS": 30}) == FeedSettings(window=30)
    assert parse_feed_settings({}).window == DEFAULT_WINDOW


def test_utm_keeps_the_standard_order():
    parsed = parse_feed_settings({"FEEDS": {"utm": {"utm_campaign": "c", "utm_source": "s"}}})
    assert parsed.utm == (("utm_source", "s"), ("utm_campaign", "c"))
    assert with_utm("https://x.test/a/", parsed.utm) == "https://x.test/a/?utm_source=s&utm_campaign=c"
    assert with_utm("https://x.test/a/", ()) == "https://x.test/a/"


@pytest.mark.parametrize("settings, named", [
    ({"FEEDS": {"utm_source": "x"}}, "FEEDS['utm_source']"),
    ({"FEEDS": {"utm": {"utm_medium": "sosial"}}}, "utm_source"),
    ({"FEEDS": {"utm": {"utm_source": "dua kata"}}}, "utm_source"),
    ({"FEEDS": {"utm": {"utm_source": "a", "utm_term": "b"}}}, "utm_term"),
    ({"FEEDS": {"library_hashtags": "ya"}}, "library_hashtags"),
    ({"FEEDS": ["utm"]}, "FEEDS"),
    ({"FEED_MAX_ITEMS": 0}, "FEED_MAX_ITEMS"),
    ({"FEED_MAX_ITEMS": "30"}, "FEED_MAX_ITEMS"),
    ({"FEED_ALL_ATOM": "feeds/all.atom.xml"}, "FEED_ALL_ATOM"),
    ({"TAG_FEED_RSS": "feeds/{slug}.rss.xml"}, "TAG_FEED_RSS"),
])
def test_a_mistake_stops_the_build_naming_the_key(settings, named):
    with pytest.raises(BuildStopped) as stopped:
        parse_feed_settings(settings)
    message = str(stopped.value)
    assert named in message
    assert "umpan" in message.lower()


def test_every_mistake_is_reported_at_once():
    with pytest.raises(BuildStopped) as stopped:
        parse_feed_settings({"FEEDS": {"utm": {"utm_source": "a b"}, "typo": 1}, "FEED_MAX_ITEMS": -1})
    message = str(stopped.value)
    assert "typo" in message and "utm_source" in message and "FEED_MAX_ITEMS" in message


@pytest.mark.parametrize("label, expected", [
    ("Literasi Digital", "LiterasiDigital"),
    ("Koleksi Baru", "KoleksiBaru"),
    ("Acara", "Acara"),
    ("literasi-anak", "LiterasiAnak"),
    ("Tanya jawab: buku.elektronik", "TanyaJawabBukuElektronik"),
])
def test_hashtag_form(label, expected):
    assert hashtag_form(label) == expected


def test_an_unknown_feeds_key_stops_a_real_build_before_writing(feed_content, tmp_path):
    settings = settings_file(tmp_path, FEEDS={"utm_source": "umpan"})
    run = run_build(tmp_path / "output", content=feed_content, settings=settings)
    assert run.returncode == 1, run.log
    assert "FEEDS['utm_source']" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "output" / "index.html").exists()
