"""Fixtures of the card tests: the real layouts, sample images, a folder to look at cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from plugins.social_cards.colors import palette
from plugins.social_cards.layout import SIZES, load_layouts
from plugins.social_cards.render import CardSpec

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS_DIR = ROOT / "theme" / "cards"
COLORS = {"primary": "#0b5d4b", "accent": "#9c3d12"}
PROFILE_TEXTS = {
    "site_name": "Perpustakaan Kota Kotamobagu",
    "tagline": "Membaca, belajar dan berbagi bersama warga Kotamobagu",
    "address": "Jl. Ahmad Yani No. 12, Kelurahan Gogagoman, Kotamobagu",
    "hashtags": "#PerpustakaanKotamobagu #KotamobaguMembaca",
}
EVENT_TEXTS = {
    "datetime": "Sabtu, 5 Desember 2026 · 09.00 WITA",
    "place": "Ruang Diskusi Lantai 2",
    "day": "5",
    "month": "DES",
    "weekday": "Sabtu",
    "month_year": "Desember 2026",
}
BOOK_TEXTS = {
    "book_title": "Laskar Pelangi",
    "book_author": "Andrea Hirata",
    "book_details": "Bentang Pustaka, 2005",
}


@pytest.fixture(scope="session")
def layouts():
    return load_layouts(LAYOUTS_DIR, palette(COLORS))


@pytest.fixture(scope="session")
def images(tmp_path_factory) -> dict[str, str]:
    """A bright photo, a 4:5 infographic, a book cover and a logo with transparency."""
    folder = tmp_path_factory.mktemp("card-images")
    made = {}

    photo = Image.new("RGB", (1600, 900), (250, 240, 220))
    draw = ImageDraw.Draw(photo)
    for i in range(0, 1600, 80):
        draw.rectangle((i, 300, i + 40, 900), fill=(255, 255, 255) if i % 160 else (200, 90, 40))
    made["photo"] = folder / "foto.jpg"
    photo.save(made["photo"], quality=90)

    white = Image.new("RGB", (1600, 900), (255, 255, 255))
    made["white"] = folder / "putih.jpg"
    white.save(made["white"], quality=90)

    info = Image.new("RGB", (1080, 1350), (250, 246, 238))
    draw = ImageDraw.Draw(info)
    draw.rectangle((0, 0, 1080, 300), fill=(156, 61, 18))
    for row in range(5):
        draw.rounded_rectangle((60, 360 + row * 180, 1020, 500 + row * 180), 20, fill=(255, 255, 255))
    made["infographic"] = folder / "infografis.jpg"
    info.save(made["infographic"], quality=90)

    cover = Image.new("RGB", (800, 1200), (40, 110, 160))
    ImageDraw.Draw(cover).ellipse((150, 500, 650, 1000), fill=(240, 180, 60))
    made["cover"] = folder / "sampul.jpg"
    cover.save(made["cover"], quality=90)

    logo = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    ImageDraw.Draw(logo).ellipse(
        (0, 0, 511, 511), fill=(14, 90, 38, 255), outline=(250, 240, 220, 255), width=12
    )
    made["logo"] = folder / "logo.png"
    logo.save(made["logo"])
    return {k: str(v) for k, v in made.items()}


@pytest.fixture(scope="session")
def save_card(pytestconfig):
    """Write a card under test-results/cards/ for a person to look at.

    pytest-playwright clears test-results/ when any session starts (another one
    may run alongside), so the folder is made again for every card.
    """
    try:
        base = Path(pytestconfig.getoption("--output"))
    except ValueError:
        base = Path("test-results")
    folder = (base if base.is_absolute() else ROOT / base) / "cards"

    def save(name: str, card) -> Path:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(card, bytes):
            target.write_bytes(card)
        else:
            card.save(target)
        return target

    return save


def spec_for(layout, size: str, texts: dict[str, str], images: dict[str, str]) -> CardSpec:
    """A CardSpec from a layout, with the library's own texts filled in."""
    return CardSpec(SIZES[size], layout.sizes[size], {**PROFILE_TEXTS, **texts}, images)
