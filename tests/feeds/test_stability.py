"""Guids never change: not between builds, not when a post's title or body is edited.

Auto-posters de-duplicate on the guid: a changed guid posts the item again to
every follower.
"""

from __future__ import annotations

import re
import shutil

from tests.feeds.conftest import built
from tests.feeds.feedkit import ALL_ATOM, ALL_JSON, ALL_RSS, DEV_PUBLIC_URL


def _ids(site):
    return {
        "rss": [item.findtext("guid") for item in site.xml(ALL_RSS).findall("channel/item")],
        "atom": [e.id for e in site.parse(ALL_ATOM).entries],
        "json": [item["id"] for item in site.json(ALL_JSON)["items"]],
    }


def test_a_rebuild_writes_byte_identical_feeds(feed_site, feed_content, tmp_path):
    again = built(tmp_path / "output", feed_content, DEV_PUBLIC_URL)
    first = {f.relative_to(feed_site.output): f.read_bytes() for f in feed_site.feed_files()}
    second = {f.relative_to(again.output): f.read_bytes() for f in again.feed_files()}
    assert first.keys() == second.keys()
    changed = sorted(str(name) for name in first if first[name] != second[name])
    assert not changed, f"feeds differ between two builds of the same content: {changed}"


def test_guids_survive_editing_a_posts_title_and_body(feed_site, feed_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(feed_content, content)
    post = next(p for p in feed_site.published if p.kind == "acara")
    source = next(content.rglob(f"*{post.slug}.md"))
    text = source.read_text(encoding="utf-8")
    new_title = "Judul yang Sudah Diperbaiki Staf"
    text = re.sub(r"(?m)^title: .*$", f"title: {new_title}", text, count=1)
    text += "\n\nParagraf baru yang ditambahkan setelah terbit.\n"
    source.write_text(text, encoding="utf-8")

    edited = built(tmp_path / "output", content, DEV_PUBLIC_URL)
    assert _ids(edited) == _ids(feed_site)
    entry = next(e for e in edited.parse(ALL_RSS).entries if e.id == feed_site.url(post))
    assert entry.title == new_title
    assert entry.link == feed_site.url(post)
    assert "Paragraf baru" in entry.content[0].value
