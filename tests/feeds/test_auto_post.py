"""The feed for auto-posters (umpan/sosial.xml): only what is current at the build's moment.

A client connected for the first time posts every item of a feed at once, so
this feed holds the posts of the last FEEDS['auto_post_days'] days and no
event that is over; it moves with BUILD_NOW (--now).
"""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

import plugins.feeds  # noqa: F401 - importing it declares FEEDS
from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_one
from sitekit import BUILD_NOW, post_facts
from tests.feeds.conftest import built
from tests.feeds.feedkit import (
    ALL_RSS,
    AUTO_POST_DAYS,
    DEV_PUBLIC_URL,
    FOLDER,
    SOCIAL_ATOM,
    SOCIAL_RSS,
    settings_file,
)

EARLIER = "2026-11-22T10:00:00+08:00"  # the ended event (2026-11-24) is still to come
ENDED_EVENT = "dongeng-sore-di-taman-baca"


def current(site, now: str, days: int = AUTO_POST_DAYS) -> list[str]:
    """URLs of the posts the auto-poster feed must hold at `now`, newest first (the specification)."""
    moment = dt.datetime.fromisoformat(now)
    posts = [
        p
        for p in site.posts
        if p.values.get("status") != "draft"
        and moment - dt.timedelta(days=days) <= p.values["date"] <= moment
        and not post_facts(p.kind, p.values).is_over(moment)
    ]
    return [site.url(p) for p in sorted(posts, key=lambda p: (p.values["date"], p.url), reverse=True)]


def _ids(site, path: str) -> list[str]:
    return [entry.id for entry in site.parse(path).entries]


@pytest.fixture(scope="module")
def earlier_site(feed_content, tmp_path_factory):
    """The same content built on an earlier day."""
    return built(
        tmp_path_factory.mktemp("feeds-earlier") / "output", feed_content, DEV_PUBLIC_URL, now=EARLIER
    )


def test_the_auto_poster_feed_holds_only_current_posts(feed_site):
    expected = current(feed_site, BUILD_NOW)
    assert expected, "the fixture has no post in the auto-poster window"
    assert _ids(feed_site, SOCIAL_RSS) == expected
    assert _ids(feed_site, SOCIAL_ATOM) == expected
    ended = next(p for p in feed_site.posts if p.slug == ENDED_EVENT)
    assert feed_site.url(ended) not in expected and feed_site.url(ended) in _ids(feed_site, ALL_RSS)
    # Older posts and past events stay in the other feeds.
    assert len(_ids(feed_site, ALL_RSS)) > len(expected)


def test_the_auto_poster_feed_moves_with_the_build_moment(feed_site, earlier_site):
    before, after = _ids(earlier_site, SOCIAL_RSS), _ids(feed_site, SOCIAL_RSS)
    assert before == current(earlier_site, EARLIER) == _ids(earlier_site, SOCIAL_ATOM)
    assert before != after
    ended = feed_site.url(next(p for p in feed_site.posts if p.slug == ENDED_EVENT))
    assert ended in before and ended not in after, "the event must leave the feed once it is over"


def test_auto_post_days_is_read_from_feeds(feed_content, tmp_path):
    settings = settings_file(tmp_path, FEEDS={"auto_post_days": 5})
    site = built(tmp_path / "output", feed_content, DEV_PUBLIC_URL, settings)
    expected = current(site, BUILD_NOW, days=5)
    assert _ids(site, SOCIAL_RSS) == expected
    assert len(expected) < len(current(site, BUILD_NOW)), "5 days must hold fewer posts than 14"


@pytest.mark.parametrize(
    "value, named",
    [
        (0, "FEEDS['auto_post_days']: 0 terlalu kecil"),
        (91, "FEEDS['auto_post_days']: 91 terlalu besar"),
        ("14", "FEEDS['auto_post_days']: '14' harus bilangan bulat"),
    ],
)
def test_a_wrong_auto_post_days_is_named_in_indonesian(value, named):
    with pytest.raises(BuildStopped) as stopped:
        parse_one("FEEDS", {"FEEDS": {"auto_post_days": value}})
    message = str(stopped.value)
    assert named in message and "hari terakhir" in message, message


def test_umpan_page_lists_the_auto_poster_feed_first(feed_site):
    soup = BeautifulSoup((feed_site.output / FOLDER / "index.html").read_bytes(), "lxml")
    sections = soup.find_all("section", class_="listing-section")
    first = sections[0]
    hrefs = [a["href"] for a in first.find_all("a", href=True)]
    assert any(h.endswith(f"/{SOCIAL_RSS}") for h in hrefs), hrefs
    assert any(h.endswith(f"/{SOCIAL_ATOM}") for h in hrefs), hrefs
    text = " ".join(first.get_text(" ").split())
    assert "Sambungkan pengirim otomatis ke umpan ini" in text
    assert f"{AUTO_POST_DAYS} hari terakhir" in text
