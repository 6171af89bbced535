"""One build's cards in-process: who gets which sizes, supplied cards, listings, the Cards handed on."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Tag
from pelican.settings import read_settings
from PIL import Image

from plugins.content_model.kinds import DEFAULT as _KINDS
from plugins.site_profile.profile import parse_profile
from plugins.social_cards.batch import CardBatch
from plugins.social_cards.cache import MANIFEST
from plugins.social_cards.model import CardImage, Cards
from sitekit import post_facts

from .conftest import ROOT

KINDS = _KINDS.posts

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def site(tmp_path):
    """A content folder with a photo, a ready-made card and the logo; settings pointing at it."""
    content = tmp_path / "content"
    (content / "gambar").mkdir(parents=True)
    Image.new("RGB", (1600, 900), (200, 120, 60)).save(content / "gambar" / "foto.jpg")
    Image.new("RGB", (1200, 630), (20, 40, 60)).save(content / "gambar" / "kartu-sendiri.jpg", quality=80)
    Image.new("RGBA", (256, 256), (11, 93, 75, 255)).save(content / "gambar" / "logo-perpustakaan.png")
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "FEED_MAX_ITEMS": 2,
            "SOCIAL_CARDS": {"workers": 1},
            "CACHE_PATH": str(tmp_path / ".cache"),
        },
    )
    settings["PROFILE"] = parse_profile(settings["LIBRARY"], content)
    return SimpleNamespace(settings=settings, content=content, output=tmp_path / "output")


def post(slug: str, day: int, kind: str = "pengumuman", **fields) -> SimpleNamespace:
    date = dt.datetime(2026, 11, day, 9, 0, tzinfo=WITA)
    values = {"title": f"Judul {slug}", "date": date, "summary": "Ringkasan singkat.", **fields}
    return SimpleNamespace(
        kind=KINDS[kind],
        fields=values,
        slug=slug,
        date=date,
        url=f"{kind}/{slug}/",
        source_path=f"/x/content/{kind}/{slug}.md",
        facts=post_facts(kind, values),
    )


def test_only_the_newest_posts_get_the_platform_sizes(site):
    """FEED_MAX_ITEMS decides: the newest posts get square, portrait and story; the rest a link card."""
    posts = [
        post("lama", 1),
        post("baru", 20, image="gambar/foto.jpg", image_alt="Foto."),
        post("tengah", 10),
    ]
    batch = CardBatch(site.settings)
    batch.plan_articles(posts)
    batch.finish()
    old, new, middle = (p.cards for p in posts)
    assert isinstance(old, Cards) and isinstance(old.link, CardImage)
    assert old.square is old.portrait is old.story is None
    for cards in (new, middle):
        assert (cards.square.width, cards.square.height) == (1080, 1080)
        assert (cards.portrait.width, cards.portrait.height) == (1080, 1350)
        assert (cards.story.width, cards.story.height) == (1080, 1920)
    link = new.link
    assert (link.width, link.height, link.mime) == (1200, 630, "image/jpeg")
    assert link.url.startswith("kartu/pengumuman-baru-") and link.url.endswith(".jpg")
    assert link.length == (site.output / link.url).stat().st_size < 300_000
    assert link.alt == "Kartu pengumuman Perpustakaan Kota Kotamobagu: Judul baru. Gambar: Foto."


def test_card_layout_overrides_the_kinds_default(site):
    """A post with a photo that names card_layout = teks gets the text layout: no photo, no photo alt."""
    own = post("teks", 20, image="gambar/foto.jpg", image_alt="Foto.", card_layout="teks")
    default = post("foto", 20, image="gambar/foto.jpg", image_alt="Foto.")
    batch = CardBatch(site.settings)
    batch.plan_articles([own, default])
    batch.finish()
    assert "Gambar:" not in own.cards.link.alt
    assert default.cards.link.alt.endswith("Gambar: Foto.")


def test_a_supplied_card_is_used_as_it_is(site):
    """card_image is copied under a digest name with its own alt; the other sizes are still drawn."""
    supplied = post(
        "sendiri",
        20,
        card_image="gambar/kartu-sendiri.jpg",
        card_image_alt="Poster lomba baca puisi tingkat SD se-Kotamobagu.",
    )
    batch = CardBatch(site.settings)
    batch.plan_articles([supplied])
    batch.finish()
    link = supplied.cards.link
    source = site.content / "gambar" / "kartu-sendiri.jpg"
    assert (site.output / link.url).read_bytes() == source.read_bytes()
    assert (link.width, link.height, link.length) == (1200, 630, source.stat().st_size)
    assert link.alt == "Poster lomba baca puisi tingkat SD se-Kotamobagu."
    assert supplied.cards.square is not None


def test_listing_cards_are_keyed_by_page(site):
    """Home, archives, tags, 404, each kind with posts and each hashtag, each with a link card only."""
    into: dict = {}
    tag = Tag("DiskusiBuku", site.settings)
    batch = CardBatch(site.settings)
    batch.plan_listings(["acara"], [tag], into)
    batch.finish()
    assert set(into) == {"index", "archives", "tags", "404", "category:acara", f"tag:{tag.slug}"}
    assert all(isinstance(c, Cards) and c.square is None for c in into.values())
    assert into["index"].link.alt == (
        "Kartu Perpustakaan Kota Kotamobagu: Membaca, belajar dan berbagi bersama warga Kotamobagu."
    )


def page(slug: str, kind: str = "halaman", **fields) -> SimpleNamespace:
    values = {"title": f"Judul {slug}", "summary": "Ringkasan singkat.", **fields}
    return SimpleNamespace(
        slug=slug,
        source_path=f"/x/content/{kind}/{slug}.md",
        fields=values,
        facts=post_facts(kind, values),
    )


def test_a_page_gets_a_link_card(site):
    about = page("tentang", title="Tentang Perpustakaan", summary="Milik warga.")
    batch = CardBatch(site.settings)
    batch.plan_pages([about])
    batch.finish()
    assert about.cards.link.url.startswith("kartu/halaman-tentang-") and about.cards.square is None


def test_a_directory_page_is_keyed_by_its_own_kind(site):
    """A partner page and a page with the same slug get cards of their own, each under its kind."""
    own = page("bogani", title="Bogani")
    partner = page("bogani", "mitra", title="Bogani", partner_type="perusahaan")
    batch = CardBatch(site.settings)
    batch.plan_pages([own, partner])
    batch.finish()
    assert own.cards.link.url.startswith("kartu/halaman-bogani-")
    assert partner.cards.link.url.startswith("kartu/mitra-bogani-")
    manifest = json.loads((site.output.parent / ".cache" / MANIFEST).read_text())
    assert {"halaman/bogani", "mitra/bogani"} <= set(manifest["cards"])
    assert manifest["cards"]["mitra/bogani"]["link"] == partner.cards.link.url


def test_the_same_inputs_give_the_same_url_and_are_drawn_once(site):
    """A card's name is a digest of its inputs: a second batch finds it in the cache."""
    first, second = post("sama", 20), post("sama", 20)
    batch = CardBatch(site.settings)
    batch.plan_articles([first])
    assert "0 dari cache" in batch.finish()
    again = CardBatch(site.settings)
    again.plan_articles([second])
    assert again.finish().startswith("Kartu media sosial: 0 digambar, 4 dari cache")
    assert first.cards == second.cards
