"""FEEDS and FEED_MAX_ITEMS: parsed once; a mistake stops the build in Indonesian."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

import plugins.content_model  # noqa: F401 - importing the plugins declares their settings
import plugins.feeds  # noqa: F401
import plugins.share_kit  # noqa: F401
import plugins.social_cards  # noqa: F401
from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_settings, setting
from plugins.feeds.model import hashtag_form, with_utm
from plugins.feeds.settings import FeedSettings
from sitekit import run_build
from tests.feeds.feedkit import SETTINGS, settings_file


@pytest.fixture(scope="module")
def project():
    return read_settings(str(SETTINGS))


def parsed(project, **values) -> dict:
    settings = dict(project, **values)
    parse_settings(settings)
    return settings


def test_no_feeds_setting_means_defaults(project):
    assert setting(parsed(project, FEEDS=None), FeedSettings) == FeedSettings()
    assert parsed(project, FEED_MAX_ITEMS=30)["FEED_MAX_ITEMS"] == 30


def test_utm_keeps_the_standard_order(project):
    config = setting(parsed(project, FEEDS={"utm": {"utm_campaign": "c", "utm_source": "s"}}), FeedSettings)
    assert config.utm == (("utm_source", "s"), ("utm_campaign", "c"))
    assert with_utm("https://x.test/a/", config.utm) == "https://x.test/a/?utm_source=s&utm_campaign=c"
    assert with_utm("https://x.test/a/", ()) == "https://x.test/a/"


@pytest.mark.parametrize(
    "values, named",
    [
        ({"FEEDS": {"utm_source": "x"}}, "FEEDS['utm_source']: kunci ini tidak dikenal"),
        ({"FEEDS": {"utm": {"utm_medium": "sosial"}}}, "FEEDS['utm']['utm_source']: belum diisi"),
        ({"FEEDS": {"utm": {"utm_source": "dua kata"}}}, "FEEDS['utm']['utm_source']: 'dua kata'"),
        ({"FEEDS": {"utm": {"utm_source": "a", "utm_term": "b"}}}, "FEEDS['utm']['utm_term']"),
        ({"FEEDS": {"library_hashtags": "ya"}}, "FEEDS['library_hashtags']"),
        ({"FEEDS": ["utm"]}, "FEEDS: ['utm'] harus berupa kamus"),
        ({"FEED_MAX_ITEMS": 0}, "FEED_MAX_ITEMS: 0"),
        ({"FEED_MAX_ITEMS": "30"}, "FEED_MAX_ITEMS: '30'"),
        ({"FEED_ALL_ATOM": "feeds/all.atom.xml"}, "FEED_ALL_ATOM: umpan bawaan Pelican harus mati"),
        ({"TAG_FEED_RSS": "feeds/{slug}.rss.xml"}, "TAG_FEED_RSS: umpan bawaan Pelican harus mati"),
    ],
)
def test_a_mistake_stops_the_build_naming_the_key(project, values, named):
    with pytest.raises(BuildStopped) as stopped:
        parsed(project, **values)
    assert f"\n  - {named}" in str(stopped.value)


def test_every_mistake_is_reported_at_once(project):
    with pytest.raises(BuildStopped) as stopped:
        parsed(project, FEEDS={"utm": {"utm_source": "a b"}, "typo": 1}, FEED_MAX_ITEMS=-1)
    message = str(stopped.value)
    assert "FEEDS['typo']" in message and "FEEDS['utm']['utm_source']" in message
    assert "FEED_MAX_ITEMS" in message


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Literasi Digital", "LiterasiDigital"),
        ("Koleksi Baru", "KoleksiBaru"),
        ("Acara", "Acara"),
        ("literasi-anak", "LiterasiAnak"),
        ("Tanya jawab: buku.elektronik", "TanyaJawabBukuElektronik"),
    ],
)
def test_hashtag_form(label, expected):
    assert hashtag_form(label) == expected


def test_an_unknown_feeds_key_stops_a_real_build_before_writing(feed_content, tmp_path):
    settings = settings_file(tmp_path, FEEDS={"utm_source": "umpan"})
    run = run_build(tmp_path / "output", content=feed_content, settings=settings)
    assert run.returncode == 1, run.log
    assert "FEEDS['utm_source']" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "output" / "index.html").exists()
