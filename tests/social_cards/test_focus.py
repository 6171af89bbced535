"""Cover crops keep the subject: the post's card_focus, else the most detailed part of the picture."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from plugins.social_cards import render as render_module
from plugins.social_cards.content import article_content
from plugins.social_cards.focus import FocusError, auto_focus, crop_box, parse_focus
from plugins.social_cards.layout import SIZES
from plugins.social_cards.render import cover_window, render

from .conftest import spec_for


@pytest.mark.parametrize(
    ("written", "point"),
    [
        ("0.5, 0.3", (0.5, 0.3)),
        ("0.25,0.75", (0.25, 0.75)),
        (".2 .8", (0.2, 0.8)),
        ([0.1, 0.9], (0.1, 0.9)),
        ("atas", (0.5, 0.0)),
        ("bawah", (0.5, 1.0)),
        ("kiri", (0.0, 0.5)),
        ("Kanan", (1.0, 0.5)),
        ("tengah", (0.5, 0.5)),
        ("atas kiri", (0.0, 0.0)),
    ],
)
def test_card_focus_is_read_from_numbers_or_words(written, point):
    assert parse_focus(written) == point


@pytest.mark.parametrize("written", ["0,5, 0,3", "2, 3", "tengah-tengah", "", "1.5 0.2", [2, 0]])
def test_a_card_focus_not_understood_is_refused_in_indonesian(written):
    with pytest.raises(FocusError) as refused:
        parse_focus(written)
    assert "titik fokus" in str(refused.value)


@pytest.mark.parametrize("point", [(0.0, 0.0), (0.9, 0.2), (0.15, 0.85), (0.5, 0.5), (1.0, 1.0)])
@pytest.mark.parametrize("target", [(1080, 1080), (1080, 1920), (1200, 630), (300, 1000)])
def test_the_crop_window_contains_the_focus_point(point, target):
    size = (1600, 900)
    left, top, right, bottom = crop_box(size, target, point)
    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    assert abs((right - left) / (bottom - top) - target[0] / target[1]) < 0.01
    assert left <= point[0] * size[0] <= right and top <= point[1] * size[1] <= bottom


def _detailed(size, patch) -> Image.Image:
    """A flat picture with one busy patch (lettering, a face): stripes and checks in the box."""
    image = Image.new("RGB", size, (236, 226, 206))
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = patch
    for x in range(x0, x1, 12):
        draw.rectangle((x, y0, x + 5, y1), fill=(30, 30, 30))
    for y in range(y0, y1, 16):
        draw.rectangle((x0, y, x1, y + 4), fill=(200, 60, 30))
    return image


@pytest.mark.parametrize("patch", [(1250, 300, 1500, 600), (80, 100, 330, 380)])
def test_the_automatic_focus_keeps_the_detailed_part_in_a_square_crop(tmp_path, images, layouts, patch):
    """A wide picture with the detail off-centre: the square card's crop contains the whole patch."""
    path = tmp_path / "detail.jpg"
    _detailed((1600, 900), patch).save(path, quality=90)
    point = auto_focus(Image.open(path), (1080, 1080))
    left, top, right, bottom = crop_box((1600, 900), (1080, 1080), point)
    assert left <= patch[0] and patch[2] <= right, (point, (left, right))
    # and the real layout draws it: the story card's photo is centred on the patch, not on the middle
    element = layouts["foto"].sizes["story"]["photo"]
    window = cover_window(element, str(path))
    assert window[0] <= patch[0] and patch[2] <= window[2], window
    render_module.release_pictures()


def test_the_automatic_focus_of_a_flat_picture_is_the_centre():
    flat = Image.new("RGB", (1600, 900), (120, 160, 140))
    assert auto_focus(flat, (1080, 1080)) == pytest.approx((0.5, 0.5), abs=0.02)


def test_the_posts_card_focus_wins_over_the_automatic_choice(tmp_path, images, layouts):
    """card_focus (carried to the renderer as the text 'card_focus') moves the crop to that point."""
    path = tmp_path / "detail.jpg"
    _detailed((1600, 900), (1250, 300, 1500, 600)).save(path, quality=90)
    element = layouts["foto"].sizes["story"]["photo"]
    automatic = cover_window(element, str(path))
    chosen = cover_window(element, str(path), "kiri")
    assert automatic[0] > 400 and chosen[0] == 0
    spec = spec_for(
        layouts["foto"],
        "story",
        {"title": "Judul", "label": "Tutorial", "card_focus": "kiri"},
        {"logo": images["logo"], "image": str(path), "background": str(path)},
    )
    card = render(spec)
    photo = next(d for d in card.drawn if d.name == "photo")
    assert photo.box == (0, 0, SIZES["story"][0], 1000)
    # the busy patch (dark stripes) is not on the card: the left of the picture is
    assert card.image.crop((700, 300, 1080, 600)).convert("L").getextrema()[0] > 150
    render_module.release_pictures()


class _Kind:
    slug, label = "tutorial", "Tutorial"


class _Facts:
    kind = _Kind()
    card_title = "Judul"
    card_texts: dict = {}
    shown_fields: dict = {}
    status = None
    card_alt_details = ()


class _Profile:
    name, tagline, hashtags = "Perpustakaan", "Membaca", ("Baca",)

    class address:
        street, locality = "Jl. A", "Kotamobagu"


def test_card_focus_reaches_the_card_texts_only_with_a_picture():
    fields = {"summary": "Ringkas", "image": "gambar/a.jpg", "card_focus": "0.5, 0.3"}
    assert article_content(_Facts(), fields, _Profile()).texts["card_focus"] == "0.500, 0.300"
    without = article_content(_Facts(), {"summary": "Ringkas", "card_focus": "atas"}, _Profile())
    assert "card_focus" not in without.texts
