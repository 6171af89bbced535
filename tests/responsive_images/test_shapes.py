"""A scheduled post's image in 16:9, 4:3 and 1:1: sizes, focus, padding, and the cache."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PIL import Image

from plugins.responsive_images import encode, shapes


def _photo(path, size=(3000, 1000)):
    Image.new("RGB", size, (30, 90, 160)).save(path)
    return path


def test_each_shape_is_as_wide_as_wanted_or_as_the_photo_allows(tmp_path):
    source = _photo(tmp_path / "foto.jpg", (3000, 1000))
    made = shapes.photo_shapes(source, "foto.jpg", tmp_path / "out", tmp_path / "cache")
    assert [(v.width, v.height) for v in made] == [(1200, 675), (1200, 900), (1000, 1000)]
    for variant in made:
        with Image.open(tmp_path / "out" / variant.url) as image:
            assert image.size == (variant.width, variant.height)


def test_shapes_made_once_come_from_the_cache(tmp_path, monkeypatch):
    source = _photo(tmp_path / "foto.jpg")
    first = shapes.photo_shapes(source, "foto.jpg", tmp_path / "out", tmp_path / "cache", (0.0, 0.5))

    def refuse(*args, **kwargs):
        raise AssertionError("encoded again")

    monkeypatch.setattr(encode, "encode", refuse)
    assert shapes.photo_shapes(source, "foto.jpg", tmp_path / "out2", tmp_path / "cache", (0.0, 0.5)) == first
    assert all((tmp_path / "out2" / v.url).is_file() for v in first)


@pytest.mark.parametrize(
    ("size", "shape", "padded"),
    [
        ((1200, 630), (16, 9), (1200, 675)),
        ((1080, 1080), (4, 3), (1440, 1080)),
        ((1080, 1080), (1, 1), (1080, 1080)),
    ],
)
def test_a_card_is_padded_to_the_shape_never_cut(size, shape, padded):
    assert shapes._padded_size(*size, shape) == padded


def test_padding_takes_the_cards_edge_colour(tmp_path):
    card = Image.new("RGB", (1080, 1080), (160, 60, 20))
    card.paste((255, 255, 255), (300, 300, 700, 700))  # text in the middle
    (tmp_path / "out" / "kartu").mkdir(parents=True)
    card.save(tmp_path / "out" / "kartu" / "a-square.jpg", quality=95)
    square = SimpleNamespace(url="kartu/a-square.jpg", width=1080, height=1080)
    cards = SimpleNamespace(link=None, square=square)  # only a square card: every shape from it
    wide, four_three, same = shapes.card_shapes(cards, tmp_path / "out", tmp_path / "cache")
    assert (wide.width, wide.height) == (1920, 1080) and same.url == square.url
    with Image.open(tmp_path / "out" / four_three.url) as image:
        assert image.size == (1440, 1080)
        red, green, blue = image.getpixel((20, 540))
        assert abs(red - 160) < 12 and abs(green - 60) < 12 and abs(blue - 20) < 12
        assert image.getpixel((720, 540)) > (240, 240, 240)  # the card itself, in the middle
