"""Cards in true colour from any image mode, and a card cache that draws damaged cards again."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from pelican.settings import read_settings
from PIL import Image, ImageStat

from plugins._shared import files
from plugins._shared.errors import BuildStopped
from plugins.site_profile.profile import parse_profile
from plugins.social_cards import cache
from plugins.social_cards.batch import CardBatch
from plugins.social_cards.render import render
from sitekit import post_facts
from tests.shared.imagekit import claimed_png, grey16_png

from .conftest import ROOT, spec_for


def mean(image: Image.Image) -> list[float]:
    return ImageStat.Stat(image.convert("RGB")).mean


def test_a_16_bit_photo_draws_like_its_8_bit_twin_not_white(layouts, images, tmp_path):
    """The photo card from a mid-grey 16-bit PNG matches the one from mid-grey 8-bit, nearly per pixel."""
    sixteen = str(grey16_png(tmp_path / "abu16.png"))
    eight = tmp_path / "abu8.png"
    Image.new("L", (1600, 900), 128).save(eight)
    texts = {"title": "Pameran Foto Lama Kotamobagu", "label": "Pengumuman"}

    def card(photo: str) -> Image.Image:
        spec = spec_for(
            layouts["foto"], "link", texts, {"logo": images["logo"], "image": photo, "background": photo}
        )
        return Image.open(io.BytesIO(cache.encode(render(spec).image, 82, 300_000)))

    grey, twin, white = card(sixteen), card(str(eight)), card(images["white"])
    assert all(abs(a - b) <= 1 for a, b in zip(mean(grey), mean(twin), strict=False))
    assert all(b - a > 40 for a, b in zip(mean(grey), mean(white), strict=False))  # the bug: a white photo
    edge = (1180, 150, 1200, 450)  # the photo alone: the scrim fades out at the right edge
    assert all(abs(v - 128) <= 3 for v in mean(grey.crop(edge)))


@pytest.fixture
def site(tmp_path):
    """A content folder with the logo and a ready-made card; settings pointing at it."""
    content = tmp_path / "content"
    (content / "gambar").mkdir(parents=True)
    Image.new("RGBA", (256, 256), (11, 93, 75, 255)).save(content / "gambar" / "logo-perpustakaan.png")
    Image.new("RGB", (1200, 630), (20, 40, 60)).save(content / "gambar" / "kartu-sendiri.jpg", quality=80)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "SOCIAL_CARDS": {"workers": 1},
            "CACHE_PATH": str(tmp_path / ".cache"),
        },
    )
    settings["PROFILE"] = parse_profile(settings["LIBRARY"], content)
    return SimpleNamespace(
        settings=settings, content=content, output=tmp_path / "output", cache=tmp_path / ".cache" / "kartu"
    )


def page(slug: str) -> SimpleNamespace:
    fields = {"title": f"Halaman {slug}", "summary": "Tentang layanan."}
    return SimpleNamespace(
        slug=slug,
        source_path=f"/x/content/halaman/{slug}.md",
        fields=fields,
        facts=post_facts("halaman", fields),
    )


def build_pages(site, *slugs: str) -> tuple[str, dict]:
    pages = [page(s) for s in slugs]
    batch = CardBatch(site.settings)
    batch.plan_pages(pages)
    return batch.finish(), {p.slug: p.cards.link for p in pages}


def test_a_truncated_cached_card_is_drawn_again_identical_to_a_fresh_one(site):
    """Cut short in the cache (and so in the output): the next build draws it again, same URL and bytes."""
    _, first = build_pages(site, "tentang", "layanan")
    fresh = {k: (site.output / c.url).read_bytes() for k, c in first.items()}
    cached = site.cache / first["tentang"].url.removeprefix("kartu/")
    cached.write_bytes(cached.read_bytes()[:2000])
    (site.output / first["tentang"].url).write_bytes(cached.read_bytes())  # as the old copy did
    summary, second = build_pages(site, "tentang", "layanan")
    assert summary.startswith("Kartu media sosial: 1 digambar, 1 dari cache")
    assert second == first
    for key, card in second.items():
        data = (site.output / card.url).read_bytes()
        assert data == fresh[key] and card.length == len(data)
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    assert cached.read_bytes() == fresh["tentang"]


def test_a_damaged_output_card_is_replaced_from_a_sound_cache(site):
    """Same size, other bytes in output/kartu/: copied again although nothing is drawn."""
    _, first = build_pages(site, "tentang")
    target = site.output / first["tentang"].url
    fresh = target.read_bytes()
    target.write_bytes(b"\x00" * len(fresh))
    summary, _ = build_pages(site, "tentang")
    assert summary.startswith("Kartu media sosial: 0 digambar, 1 dari cache")
    assert target.read_bytes() == fresh


def test_a_card_without_a_record_is_not_trusted(site):
    """A card file in the cache that no record vouches for (a crash between the two) is drawn again."""
    _, first = build_pages(site, "tentang")
    files.record_of(site.cache / first["tentang"].url.removeprefix("kartu/")).unlink()
    summary, _ = build_pages(site, "tentang")
    assert summary.startswith("Kartu media sosial: 1 digambar, 0 dari cache")


def test_prune_removes_old_cards_with_their_records(site):
    _, first = build_pages(site, "tentang")
    card = site.cache / first["tentang"].url.removeprefix("kartu/")
    stray = site.cache / "dihapus-tangan.jpg.sha256"
    stray.write_text("0 0\n", encoding="ascii")
    assert cache.prune(site.cache, days=-1) == 1
    assert not card.exists() and not files.record_of(card).exists() and not stray.exists()


def test_a_damaged_supplied_card_in_the_output_is_replaced(site):
    post = SimpleNamespace(
        slug="sendiri",
        source_path="/x/content/pengumuman/sendiri.md",
        fields={
            "card_image": "gambar/kartu-sendiri.jpg",
            "card_image_alt": "Poster.",
            "title": "Sendiri",
            "summary": "Ringkas.",
        },
    )
    batch = CardBatch(site.settings)
    batch._pending.append(
        (
            "sendiri",
            lambda cards: setattr(post, "cards", cards),
            {"link": batch._supplied("pengumuman-sendiri", "gambar/kartu-sendiri.jpg", "Poster.")},
        )
    )
    batch.finish()
    target = site.output / post.cards.link.url
    source = (site.content / "gambar" / "kartu-sendiri.jpg").read_bytes()
    target.write_bytes(source[:100])
    again = CardBatch(site.settings)
    again._pending.append(
        (
            "sendiri",
            lambda cards: None,
            {"link": again._supplied("pengumuman-sendiri", "gambar/kartu-sendiri.jpg", "Poster.")},
        )
    )
    again.finish()
    assert target.read_bytes() == source


def test_a_logo_past_the_pixel_limit_stops_the_build_naming_it(site):
    """Not a worker's traceback: the file, its size and the fix."""
    claimed_png(site.content / "gambar" / "logo-perpustakaan.png", 30000, 30000)
    with pytest.raises(BuildStopped) as stopped:
        build_pages(site, "tentang")
    text = str(stopped.value)
    assert "'content/gambar/logo-perpustakaan.png' berukuran 30000x30000 piksel" in text
    assert "Cara memperbaiki: perkecil gambarnya" in text
