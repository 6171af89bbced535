"""Text from content is escaped everywhere: a hostile title cannot inject markup."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from sitekit import FIXTURE_CONTENT, copy_content, make_images, run_build

HOSTILE = '<script>alert("x")</script> & "Kutip" <b>tebal</b> 📚'
POST = f"""---
title: '{HOSTILE}'
date: 2026-11-20 10:00
summary: '{HOSTILE}'
start: 2026-12-10 09:00
end: 2026-12-10 11:00
place: '{HOSTILE}'
---

Isi biasa.
"""


def test_hostile_text_is_shown_as_text_not_markup(tmp_path):
    """Title, summary and place with <script>, quotes and & render as literal text."""
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    make_images(content)
    (content / "acara" / "2026-11-20-jahil.md").write_text(POST, encoding="utf-8")
    build = run_build(tmp_path / "output", content=content)
    assert build.returncode == 0, build.log
    for page in ("acara/jahil/index.html", "acara/index.html", "index.html"):
        html = (tmp_path / "output" / page).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        scripts = soup.find_all("script", src=False)  # inline ones: the theme's own files are not content
        assert [s.get("type") for s in scripts] == ["application/ld+json"], page
        assert "<" not in scripts[0].string, page  # JSON-LD cannot close its <script>
        assert soup.find("b", string="tebal") is None, page
        assert HOSTILE in soup.get_text(), page
    post = BeautifulSoup(
        (tmp_path / "output" / "acara/jahil/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert post.find("h1").get_text(strip=True) == HOSTILE
    assert post.find("meta", attrs={"name": "description"})["content"] == HOSTILE
    assert post.find("meta", property="og:title")["content"] == HOSTILE
    assert post.find("meta", attrs={"name": "twitter:title"})["content"] == HOSTILE
    graph = json.loads(post.find("script").string)["@graph"]
    assert any(node.get("name") == HOSTILE for node in graph)
