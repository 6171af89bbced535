"""FEED_MAX_ITEMS: every feed holds the newest N posts."""

from __future__ import annotations

from tests.feeds.conftest import built
from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    DEV_PUBLIC_URL,
    FOLDER,
    SQUARE_RSS,
    settings_file,
)

WINDOW = 3


def test_feeds_hold_the_newest_feed_max_items(feed_site, feed_content, tmp_path):
    settings = settings_file(tmp_path, FEED_MAX_ITEMS=WINDOW)
    small = built(tmp_path / "output", feed_content, DEV_PUBLIC_URL, settings)
    newest = sorted(small.published, key=lambda p: (p.values["date"], p.url), reverse=True)
    assert len(newest) > WINDOW, "the fixture needs more posts than the window"
    expected = [small.url(p) for p in newest[:WINDOW]]
    assert [e.id for e in small.parse(ALL_RSS).entries] == expected
    assert [e.id for e in small.parse(ALL_ATOM).entries] == expected
    assert [i["id"] for i in small.json(ALL_JSON)["items"]] == expected
    assert len(small.parse(SQUARE_RSS).entries) <= WINDOW
    for file in small.feed_files():
        name = file.relative_to(small.output).as_posix()
        count = len(small.json(name)["items"]) if file.suffix == ".json" else len(small.parse(name).entries)
        assert count <= WINDOW, f"{name} holds {count} items"
    # The same content with the project's window (30) holds every post.
    assert len(feed_site.parse(ALL_RSS).entries) == len(feed_site.published)
    assert (small.output / FOLDER / "index.html").is_file()
