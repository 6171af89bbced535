"""Responsive image sizes: the right widths, real files, a cache that is reused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from plugins.responsive_images import encode
from plugins.responsive_images.body import rewrite_images
from plugins.responsive_images.resize import cropped_picture, picture
from tests.shared.imagekit import content_photo

WIDTHS = [360, 720, 1080]


@pytest.fixture
def photo(tmp_path) -> Path:
    return content_photo(tmp_path, (1600, 900), noisy=False)


def test_every_smaller_width_is_made_and_the_original_is_the_largest(photo, tmp_path):
    """A 1600 px photo gets 360, 720 and 1080 px copies plus itself in srcset."""
    made = picture(photo, "gambar/foto.jpg", "Alt", WIDTHS, tmp_path / "out", tmp_path / "cache")
    assert [v.width for v in made.variants] == [360, 720, 1080, 1600]
    for variant in made.variants[:-1]:
        with Image.open(tmp_path / "out" / variant.url) as image:
            assert (image.width, image.height) == (variant.width, variant.height)
            assert image.height == round(900 * image.width / 1600)
    assert made.variants[-1].url == "gambar/foto.jpg"
    assert made.srcset("https://x.org").endswith("https://x.org/gambar/foto.jpg 1600w")
    assert (made.width, made.height) == (720, 405)
    assert made.alt == "Alt"
    assert [s.type for s in made.sources] == [f.mime for f in encode.MODERN]
    for source in made.sources:  # the modern formats include the full width: no JPEG original needed
        assert [v.width for v in source.variants] == [360, 720, 1080, 1600]
        for variant in source.variants:
            with Image.open(tmp_path / "out" / variant.url) as image:
                assert Image.MIME[image.format] == source.type
                assert image.size == (variant.width, variant.height)


def test_small_image_is_never_upscaled(tmp_path):
    """An image narrower than every width is used as it is."""
    small = tmp_path / "kecil.png"
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(small)
    made = picture(small, "gambar/kecil.png", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    assert made.srcset() == "/gambar/kecil.png 300w"
    assert not list((tmp_path / "out").rglob("*.jpg"))
    assert all([v.width for v in s.variants] == [300] for s in made.sources)


def test_cached_variants_are_not_encoded_again(photo, tmp_path):
    """A second build reuses the cached files untouched."""
    cache = tmp_path / "cache"
    picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out1", cache)
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out2", cache)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps
    assert len(list((tmp_path / "out2" / "gambar" / "ukuran").iterdir())) == 3 + 4 * len(encode.MODERN)


def test_changed_image_gets_new_file_names(photo, tmp_path):
    """New bytes mean new URLs, so no browser keeps showing the old picture."""
    first = picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    Image.new("RGB", (1600, 900), "orange").save(photo, quality=90)
    second = picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    assert first.src != second.src


def test_body_images_get_srcset_size_and_lazy_loading(photo, tmp_path):
    """A local body image is upgraded; a remote one is left alone."""
    content_dir = photo.parents[1]
    html = (
        '<p><img alt="Rak &amp; buku" src="{static}/gambar/foto.jpg" /></p>'
        '<p><img alt="Luar" src="https://example.org/x.jpg" /></p>'
    )

    def make(source, relative, alt):
        return picture(source, relative, alt, WIDTHS, tmp_path / "out", tmp_path / "cache")

    rewritten = rewrite_images(html, content_dir, make)
    local, remote = rewritten.split("</p>")[:2]
    assert local.startswith('<p><picture><source type="image/')
    assert local.endswith("></picture>")
    assert 'src="{static}/gambar/foto.jpg"' in local
    assert 'alt="Rak &amp; buku"' in local
    assert 'srcset="/gambar/ukuran/foto-360-' in local and '/gambar/foto.jpg 1600w"' in local
    assert 'width="720" height="405"' in local and 'loading="lazy"' in local
    assert remote in (
        '<p><img alt="Luar" src="https://example.org/x.jpg">',  # lxml writes HTML5
        '<p><img alt="Luar" src="https://example.org/x.jpg" />',
    )


def test_a_body_without_a_local_image_is_left_byte_for_byte(tmp_path):
    """Only a body with an image to change is parsed and written again."""
    body = '<p>Teks &ldquo;kutip&rdquo;<br /><img alt="Luar" src="https://example.org/x.jpg" /></p>'
    assert rewrite_images(body, tmp_path, lambda *a: None) == body


def test_single_quoted_and_unquoted_attributes_are_read(photo, tmp_path):
    """lxml reads the attributes whatever their quoting (the regex it replaced read only double quotes)."""
    content_dir = photo.parents[1]

    def make(source, relative, alt):
        return picture(source, relative, alt, WIDTHS, tmp_path / "out", tmp_path / "cache")

    rewritten = rewrite_images("<p><img alt='Rak' src='{static}/gambar/foto.jpg'></p>", content_dir, make)
    assert rewritten.startswith("<p><picture>") and 'srcset="/gambar/ukuran/foto-360-' in rewritten


def test_a_portrait_image_is_cropped_to_the_card_shape_around_its_focus(tmp_path):
    """A 720x900 infographic gives 16:9 card copies; the focus picks which band is kept."""
    tall = tmp_path / "info.jpg"
    image = Image.new("RGB", (720, 900), "white")
    image.paste((200, 0, 0), (0, 0, 720, 300))  # red top band
    image.save(tall, quality=95)
    for focus, colour in (((0.5, 0.0), "red"), ((0.5, 1.0), "white")):
        made = cropped_picture(
            tall, "gambar/info.jpg", "", WIDTHS, tmp_path / "out", tmp_path / "cache", focus=focus
        )
        assert [(v.width, v.height) for v in made.variants] == [(360, 202), (720, 405)]
        for variant in (*made.variants, *(v for s in made.sources for v in s.variants)):
            with Image.open(tmp_path / "out" / variant.url) as copy:
                assert copy.size == (variant.width, variant.height)
                r, g, b = copy.convert("RGB").getpixel((copy.width // 2, copy.height // 4))
                assert (r > 150 and g < 80) == (colour == "red"), (variant.url, (r, g, b))
