"""BUILD_NOW decides what is published, exactly as the clock does on the day."""

from __future__ import annotations

import datetime as dt

import feedparser

from sitekit import FIXTURE_CONTENT, copy_content, make_images, read_posts, run_build


def _post_urls(output):
    return {
        f"/{p.parent.relative_to(output).as_posix()}/"
        for p in output.glob("*/*/index.html")
        if p.parent.parent.name not in ("tagar", "umpan", "draf", "bagikan", "theme")
    }


def test_a_post_appears_with_the_build_after_its_time(tmp_path):
    """Built before a post's date it is in no page or feed; built after, it is in both."""
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    make_images(content)
    posts, _, _ = read_posts(content)
    newest = max(
        (p for p in posts if p.values["date"].year < 2099 and p.values.get("status") != "draft"),
        key=lambda p: p.values["date"],
    )
    moment = newest.values["date"]
    before = run_build(
        tmp_path / "before", content=content, now=(moment - dt.timedelta(minutes=1)).isoformat()
    )
    after = run_build(tmp_path / "after", content=content, now=moment.isoformat())
    assert before.returncode == 0 and after.returncode == 0, before.log + after.log
    assert newest.url not in _post_urls(tmp_path / "before")
    assert newest.url in _post_urls(tmp_path / "after")
    links = {e.link for e in feedparser.parse((tmp_path / "before/umpan/semua.xml").read_bytes()).entries}
    assert not any(newest.url in link for link in links)
    links = {e.link for e in feedparser.parse((tmp_path / "after/umpan/semua.xml").read_bytes()).entries}
    assert any(link.endswith(newest.url) for link in links)
