"""Each kind has its own look: told apart at 300 px, readable infographic link cards, logo off pictures."""

from __future__ import annotations

import itertools

import pytest
from PIL import Image, ImageChops, ImageStat

from plugins.content_model.kinds import DEFAULT as KINDS
from plugins.content_model.kinds.infografis import card_excerpt, transcript_paragraphs
from plugins.social_cards.colors import palette
from plugins.social_cards.layout import LISTING, SIZES, default_layout, load_layouts
from plugins.social_cards.render import render

from .conftest import BOOK_TEXTS, COLORS, EVENT_TEXTS, LAYOUTS_DIR, spec_for

LOOKS = (
    "acara",
    "tutorial",
    "infografis",
    "literasi-digital",
    "pengumuman",
    "koleksi-baru",
    "halaman",
    LISTING,
)
EXCERPT = "1. Bawa kartu anggota\n2. Cari bukunya\n3. Ambil dari rak"
TEXTS = {
    "label": "Jenis",
    "title": "Cara Meminjam Buku Elektronik lewat iPusnas",
    "summary": "Panduan singkat untuk warga.",
    "series": "Aman di Internet · Bagian 2",
    "excerpt": EXCERPT,
    "status": "",
    **EVENT_TEXTS,
    **BOOK_TEXTS,
}


def _card(layouts, images, look: str, size: str = "link", photo: bool = True) -> Image.Image:
    picture = {"infografis": images["infographic"], "koleksi-baru": images["cover"]}.get(
        look, images["photo"]
    )
    chosen = {"logo": images["logo"]}
    if photo and look not in ("halaman", LISTING):
        chosen |= {"image": picture, "background": picture}
    layout = default_layout(layouts, look, photo="background" in chosen)
    return render(spec_for(layout, size, TEXTS, chosen)).image


def _at_300(image: Image.Image) -> Image.Image:
    return image.resize((300, round(300 * image.height / image.width)), Image.Resampling.LANCZOS)


def _difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel (0-255) of two cards seen at 300 px wide, blurred a little."""
    small_a, small_b = (_at_300(x).resize((60, 32), Image.Resampling.BOX) for x in (a, b))
    return sum(ImageStat.Stat(ImageChops.difference(small_a, small_b)).mean) / 3


@pytest.mark.parametrize("photo", [True, False])
def test_every_kind_has_a_link_card_unlike_every_other_kinds(layouts, images, photo):
    """At 300 px wide, each kind's link card differs clearly from each other kind's (same words)."""
    looks = [k for k in LOOKS if photo or k not in ("infografis", "koleksi-baru")]
    cards = {look: _card(layouts, images, look, photo=photo) for look in looks}
    names = {
        look: default_layout(layouts, look, photo=photo and look not in ("halaman", LISTING)).name
        for look in looks
    }
    assert len(set(names.values())) == len(names), names  # one layout (one file) per look
    for first, second in itertools.combinations(looks, 2):
        diff = _difference(cards[first], cards[second])
        assert diff > 18, (first, second, round(diff, 1))


def test_each_kind_has_its_own_main_colour(layouts, images):
    """The mean colours of the kinds' link cards are far apart (a reader tells them by colour alone)."""
    means = {
        look: ImageStat.Stat(_at_300(_card(layouts, images, look, photo=False))).mean
        for look in LOOKS
        if look not in ("infografis", "koleksi-baru")
    }
    for first, second in itertools.combinations(means, 2):
        distance = sum((a - b) ** 2 for a, b in zip(means[first], means[second], strict=False)) ** 0.5
        assert distance > 12, (first, second, round(distance, 1))


def test_kinds_without_a_layout_fall_back_to_the_shared_ones(layouts):
    """A new kind with no layout of its own gets the '*' layouts (teks, foto)."""

    class Kinds:
        posts = {**KINDS.posts, "resep": None}
        page = KINDS.page

    loaded = load_layouts(LAYOUTS_DIR, palette(COLORS), Kinds)
    assert default_layout(loaded, "resep", photo=True).name == "foto"
    assert default_layout(loaded, "resep", photo=False).name == "teks"


def test_the_infographic_link_card_shows_the_title_and_first_steps_readably(layouts, images):
    """The title and the first 2-3 steps are drawn at 28 px or more on the 1200x630 card."""
    spec = spec_for(
        layouts["infografis"],
        "link",
        TEXTS,
        {"logo": images["logo"], "image": images["infographic"], "background": images["infographic"]},
    )
    card = render(spec)
    drawn = {d.name: d for d in card.drawn if d.type == "text"}
    assert drawn["title"].size >= 28
    excerpt = drawn["excerpt"]
    assert excerpt.size >= 28 and not excerpt.truncated
    assert excerpt.lines[:2] == ("1. Bawa kartu anggota", "2. Cari bukunya"), excerpt.lines
    assert min(d.size for d in drawn.values()) >= 24
    figure = next(d for d in card.drawn if d.name == "figure")
    assert figure.box[0] > max(d.box[2] for d in drawn.values() if d.name in ("title", "excerpt"))


def test_the_infographic_excerpt_is_the_first_steps_of_the_transcript():
    paragraphs = transcript_paragraphs(
        "5 Langkah Meminjam Buku\nMudah, cepat\n\n1. Bawa kartu anggota\nBelum punya?\n\n"
        "2. Cari bukunya\nLihat katalog\n\n3. Ambil dari rak\nCocokkan\n\n4. Catat\nPetugas\n"
    )
    assert card_excerpt(paragraphs) == EXCERPT
    assert card_excerpt(transcript_paragraphs("Judul saja")) == ""


def _boxes_meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(
    ("name", "size"), list(itertools.product(sorted(p.stem for p in LAYOUTS_DIR.glob("*.toml")), SIZES))
)
def test_the_logo_is_never_drawn_over_a_picture(layouts, images, name, size):
    """On every layout and size, the drawn logo and any cover-cropped picture do not meet."""
    picture = {"infografis": images["infographic"], "koleksi-baru": images["cover"]}.get(
        name, images["photo"]
    )
    card = render(
        spec_for(
            layouts[name], size, TEXTS, {"logo": images["logo"], "image": picture, "background": picture}
        )
    )
    logos = [d for d in card.drawn if d.type == "logo"]
    pictures = [d for d in card.drawn if d.type == "image"]
    assert logos
    for logo, image in itertools.product(logos, pictures):
        assert not _boxes_meet(logo.box, image.box), (logo, image)


def test_the_checker_refuses_a_logo_on_a_cover_picture(tmp_path):
    import shutil

    from plugins._shared.errors import BuildStopped

    folder = tmp_path / "cards"
    shutil.copytree(LAYOUTS_DIR, folder)
    path = folder / "foto.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "[link.logo]\n", "[link.logo]\nbox = [1000, 48, 80, 80]\n", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildStopped) as stopped:
        load_layouts(folder, palette(COLORS))
    assert "foto.toml" in str(stopped.value) and "link.logo.box" in str(stopped.value)
    assert "logo menutupi gambar link.photo" in str(stopped.value)


def test_a_pattern_is_drawn_only_inside_its_box(layouts):
    """The motif element (stripes, dots, lines, grid) changes pixels only inside its box."""
    from plugins.social_cards.render import CardSpec

    for motif in ("stripes", "dots", "lines", "grid"):
        elements = {
            "background": {
                "type": "fill",
                "box": (0, 0, 200, 100),
                "color": "#000000",
                "opacity": 1.0,
                "requires": (),
                "unless": (),
                "show": True,
                "layer": 0,
            },
            "motif": {
                "type": "pattern",
                "box": (50, 20, 100, 60),
                "color": "#ffffff",
                "opacity": 1.0,
                "motif": motif,
                "spacing": 12,
                "weight": 4,
                "requires": (),
                "unless": (),
                "show": True,
                "layer": 5,
            },
        }
        image = render(CardSpec((200, 100), elements, {}, {})).image
        assert image.getbbox() is not None
        lit = image.convert("L").point(lambda v: 255 if v > 8 else 0).getbbox()
        assert lit and lit[0] >= 50 and lit[1] >= 20 and lit[2] <= 150 and lit[3] <= 80, (motif, lit)
