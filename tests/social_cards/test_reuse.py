"""What is kept between cards (pictures, layers, fonts, cached cards) never changes a card."""

from __future__ import annotations

import os
import time

import pytest
from PIL import Image

from plugins._shared import files
from plugins._shared.errors import BuildStopped
from plugins.social_cards import batch as batch_module
from plugins.social_cards import cache, render
from plugins.social_cards.batch import BATCH_MOST, INLINE_LIMIT, CardBatch, batches
from plugins.social_cards.fonts import assign, missing_characters
from plugins.social_cards.layout import SIZES

from .conftest import BOOK_TEXTS, EVENT_TEXTS, spec_for
from .test_batch import post, site  # noqa: F401 - the fixture

TEXTS = {"title": "Diskusi Buku Bulanan", "label": "Acara", "summary": "Bersama penulis.", **EVENT_TEXTS}


def specs(layouts, images: dict[str, str]):
    """Every layout at every size, with a photo: cover and contained pictures, shadows, frames."""
    for name, layout in sorted(layouts.items()):
        for size in SIZES:
            photo = images["cover"] if name == "koleksi-baru" else images["photo"]
            yield spec_for(
                layout,
                size,
                {**TEXTS, **BOOK_TEXTS},
                {"image": photo, "background": photo, "logo": images["logo"]},
            )


def test_cards_drawn_with_kept_pictures_equal_cards_drawn_from_nothing(layouts, images):
    """A second card with the same pictures (kept scaled, masked, blurred) has the first's pixels."""
    render.release_pictures()
    fresh = []
    for spec in specs(layouts, images):
        fresh.append(render.render(spec).image.tobytes())
        render.release_pictures()
    again = [render.render(spec).image.tobytes() for spec in specs(layouts, images)]
    twice = [render.render(spec).image.tobytes() for spec in specs(layouts, images)]
    assert again == fresh and twice == fresh


def test_a_picture_replaced_at_the_same_path_is_drawn_anew(layouts, images, tmp_path):
    """A process that outlives a build (the dev server) keeps no picture of a file that changed."""
    path = tmp_path / "foto.jpg"
    Image.new("RGB", (1600, 900), (200, 30, 30)).save(path, quality=95)
    spec = spec_for(layouts["foto"], "link", TEXTS, {"background": str(path), "logo": images["logo"]})
    red = render.render(spec).image.getpixel((1100, 300))
    Image.new("RGB", (1600, 900), (30, 30, 200)).save(path, quality=95)
    later = time.time_ns() + 2_000_000_000  # a new time even on a coarse clock
    os.utime(path, ns=(later, later))
    blue = render.render(spec).image.getpixel((1100, 300))
    assert red[0] > 150 > red[2] and blue[2] > 150 > blue[0], (red, blue)


@pytest.mark.parametrize(
    "text",
    [
        "Diskusi Buku: Laskar Pelangi",
        "Café Ḱ résumé",  # precomposed and combining marks
        "Kelas 📚 dan 👩🏽‍💻",  # emoji, a skin tone, a ZWJ sequence
        "Ⅻ ⚙ ∑",  # symbols the second and third fonts have
        "汉字 and ᠮᠣᠩᠭᠣᠯ",  # no font has these
        "",
    ],
)
@pytest.mark.parametrize("stack", ["bold", "regular"])
def test_missing_characters_says_what_assigning_says(text, stack):
    assert missing_characters(text, stack) == assign(text, stack)[1]


def _job(name: str, background: str | None) -> cache.CardJob:
    images = {"logo": "logo.png", **({"background": background, "image": background} if background else {})}
    spec = render.CardSpec((1200, 630), {}, {}, images)
    return cache.CardJob(name, spec, 85, 300_000)


def test_batches_keep_cards_of_one_picture_together_and_hand_out_each_card_once():
    jobs = [_job(f"kartu-{i}", f"foto-{i % 7}.jpg" if i % 5 else None) for i in range(200)]
    found = batches(jobs, workers=2)
    names = [job.name for chunk in found for job in chunk]
    assert sorted(names) == sorted(job.name for job in jobs)
    assert all(0 < len(chunk) <= BATCH_MOST for chunk in found)
    assert len(found) >= 2 * 4  # several batches per worker: they finish together
    # a picture is split over batches only where its cards outnumber a batch
    for picture in {job.spec.images.get("background") for job in jobs}:
        holding = [c for c in found if any(j.spec.images.get("background") == picture for j in c)]
        count = sum(j.spec.images.get("background") == picture for j in jobs)
        assert len(holding) <= count // len(found[0]) + 2


def test_a_few_new_cards_are_drawn_without_starting_workers(site, monkeypatch):  # noqa: F811
    """One changed post (the dev server) draws its cards in the build's process."""

    def no_pool(*args, **kwargs):
        raise AssertionError("no worker processes for a few cards")

    monkeypatch.setattr(batch_module, "ProcessPoolExecutor", no_pool)
    one = post("satu", 20, image="gambar/foto.jpg", image_alt="Foto.")
    cards = CardBatch(site.settings)
    cards.plan_articles([one])
    cards.start_drawing()
    assert cards.finish().startswith(f"Kartu media sosial: {INLINE_LIMIT} digambar")
    for card in (one.cards.link, one.cards.square, one.cards.portrait, one.cards.story):
        with Image.open(site.output / card.url) as image:
            assert image.format == "JPEG" and image.size == (card.width, card.height)


def test_a_card_that_cannot_be_drawn_stops_the_build_naming_it(site):  # noqa: F811
    """The picture is gone by the time the card is drawn: the card is named, not a worker's crash."""
    photo = site.content / "gambar" / "hilang.jpg"
    Image.new("RGB", (1600, 900), (20, 120, 60)).save(photo)
    lost = post("hilang", 20, image="gambar/hilang.jpg", image_alt="Foto.")
    cards = CardBatch(site.settings)
    cards.plan_articles([lost])
    photo.unlink()
    with pytest.raises(BuildStopped, match=r"Kartu media sosial pengumuman-hilang-\S+\.jpg gagal dibuat"):
        cards.finish()


def test_a_card_used_again_is_marked_used_at_most_once_a_day(tmp_path):
    """Marking a card changes its stat, which would make the next build read it again to check it."""
    fresh, old = tmp_path / "baru.jpg", tmp_path / "lama.jpg"
    for path in (fresh, old):
        files.write_recorded(path, b"\xff\xd8 kartu \xff\xd9")
    two_days_ago = time.time() - 2 * 86_400
    os.utime(old, (two_days_ago, two_days_ago))
    fresh_time = fresh.stat().st_mtime_ns
    assert cache.is_cached(tmp_path, fresh.name) and cache.is_cached(tmp_path, old.name)
    assert fresh.stat().st_mtime_ns == fresh_time
    assert old.stat().st_mtime > time.time() - 60  # kept by prune() for another 90 days
    assert cache.prune(tmp_path) == 0
