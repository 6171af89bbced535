"""The site's folders come from the settings: renamed, every output and check follows."""

from __future__ import annotations

import textwrap

import pytest

from sitekit import FIXTURE_CONTENT, ROOT, copy_content, make_images, run_build


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    root = tmp_path_factory.mktemp("folders")
    settings = root / "settings.py"
    settings.write_text(
        textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pelicanconf import *  # noqa: F401,F403
        FEEDS = {{**FEEDS, "folder": "feed"}}
        SOCIAL_CARDS = {{**SOCIAL_CARDS, "folder": "cards"}}
        SHARE_KIT = {{"folder": "kit"}}
    """),
        encoding="utf-8",
    )
    content = copy_content(FIXTURE_CONTENT, root / "content")
    make_images(content)
    (content / "halaman" / "umpan.md").write_text("---\ntitle: Umpan kami\n---\n\nTeks.\n", encoding="utf-8")
    (content / "halaman" / "feed.md").write_text("---\ntitle: Feed\n---\n\nTeks.\n", encoding="utf-8")
    build = run_build(root / "output", content=content, settings=settings)
    assert build.returncode == 0, build.log
    return root / "output", build


def test_feeds_cards_and_the_share_kit_are_written_to_the_named_folders(renamed):
    output, _ = renamed
    assert (output / "feed" / "semua.xml").is_file() and (output / "feed" / "index.html").is_file()
    assert any((output / "cards").glob("*.jpg")) and any((output / "kit").rglob("index.html"))
    assert not (output / "kartu").exists() and not (output / "bagikan").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "/feed/semua.xml" in home and "/cards/" in home and "/umpan/semua" not in home
    assert "Disallow: /kit/" in (output / "robots.txt").read_text(encoding="utf-8")


def test_page_slugs_are_checked_against_the_named_folders(renamed):
    output, build = renamed
    log = build.stdout + build.stderr
    assert "content/halaman/feed.md" in log and "sudah dipakai situs" in log
    assert (output / "umpan" / "index.html").is_file()  # no longer a site folder: a page may take it
