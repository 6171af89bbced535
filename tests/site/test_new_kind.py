"""A new kind is one module: registered in CONTENT_KINDS, it reaches every output.

tests/fixtures/kinds/tantangan_membaca.py is written as a developer would write
a new kind; no plugin knows it. Its page, card, head and JSON-LD, feed item,
share-kit captions, listing, `invoke new` scaffold and checks must all follow.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from sitekit import FIXTURE_CONTENT, ROOT, WITA, copy_content, make_images, run_build

KIND_MODULE = "tests.fixtures.kinds.tantangan_membaca"
POST = "tantangan-membaca/2026-11-25-tantangan-desember.md"
URL = "tantangan-membaca/tantangan-desember/"


@pytest.fixture(scope="module")
def new_kind_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("new-kind")
    settings = root / "settings.py"
    settings.write_text(
        textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pelicanconf import *  # noqa: F401,F403
        CONTENT_KINDS = CONTENT_KINDS + [{KIND_MODULE!r}]
    """),
        encoding="utf-8",
    )
    content = copy_content(FIXTURE_CONTENT, root / "content")
    make_images(content)
    post = content / POST
    post.parent.mkdir()
    post.write_text(
        textwrap.dedent("""\
        ---
        title: Tantangan Membaca Desember
        date: 2026-11-25 09:00
        summary: Baca empat buku bulan ini dan bagikan dengan tagar tantangan.
        hashtags: [TantanganMembaca]
        challenge_hashtag: BacaDesember
        books: 4
        ---

        ## Cara ikut

        Pilih empat buku dari rak mana saja.
    """),
        encoding="utf-8",
    )
    build = run_build(root / "output", content=content, settings=settings, strict=True)
    assert build.returncode == 0, build.log
    return root / "output", settings, content


def _head(page: str) -> tuple[dict, list]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    tags = {m.get("property") or m.get("name"): m.get("content") for m in soup.find_all("meta")}
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    return tags, graph


def test_its_page_shows_the_kinds_details(new_kind_site):
    output, _, _ = new_kind_site
    page = (output / URL / "index.html").read_text(encoding="utf-8")
    assert "Tagar tantangan" in page and "#BacaDesember" in page and "4 buku dalam sebulan" in page
    assert ">Tantangan Membaca<" in (output / "index.html").read_text(encoding="utf-8")  # the menu


def test_its_card_head_and_json_ld_follow(new_kind_site):
    output, _, _ = new_kind_site
    tags, graph = _head((output / URL / "index.html").read_text(encoding="utf-8"))
    assert tags["og:image:alt"].startswith("Kartu tantangan membaca")
    assert "tagar tantangan #BacaDesember" in tags["og:image:alt"]
    card = output / tags["og:image"].split("/", 3)[3]
    assert card.is_file() and card.name.startswith("tantangan-membaca-tantangan-desember-")
    node = next(n for n in graph if n.get("@type") == "CreativeWork")
    posting = next(n for n in graph if n.get("@type") == "BlogPosting")
    assert node["keywords"] == "BacaDesember" and posting["about"] == {"@id": node["@id"]}
    assert posting["articleSection"] == "Tantangan Membaca"


def test_its_feed_items_carry_the_details(new_kind_site):
    import feedparser

    output, _, _ = new_kind_site
    own = feedparser.parse((output / "umpan" / "tantangan-membaca.xml").read_bytes())
    assert [entry.title for entry in own.entries] == ["Tantangan Membaca Desember"]
    assert "Tagar tantangan" in own.entries[0].content[0].value
    everything = feedparser.parse((output / "umpan" / "semua.xml").read_bytes())
    assert any(entry.link.endswith(URL) for entry in everything.entries)


def test_its_captions_and_listing_follow(new_kind_site):
    output, _, _ = new_kind_site
    kit = (output / "bagikan" / URL / "index.html").read_text(encoding="utf-8")
    assert "Ikut tantangan: pakai #BacaDesember" in kit
    listing = (output / "tantangan-membaca" / "index.html").read_text(encoding="utf-8")
    assert f'href="/{URL}"' in listing


def test_its_scaffold_and_checks_follow(new_kind_site, tmp_path):
    from pelican.settings import read_settings

    from plugins.content_model.check import check_tree
    from plugins.content_model.kinds import kinds_of
    from plugins.content_model.scaffold import create

    _, settings_file, _ = new_kind_site
    settings = read_settings(str(settings_file))
    content = tmp_path / "content"
    path = create(
        content,
        "tantangan-membaca",
        "Tantangan Januari",
        dt.datetime(2026, 12, 1, 8, tzinfo=WITA),
        kinds=kinds_of(settings),
    )
    text = path.read_text(encoding="utf-8")
    assert "challenge_hashtag:" in text and "books: 4" in text
    problems = check_tree(content, WITA, settings=dict(settings, PATH=str(content))).problems
    assert {p.field for p in problems} >= {"challenge_hashtag", "summary"}
    assert all(p.path.startswith("content/tantangan-membaca/") for p in problems)
