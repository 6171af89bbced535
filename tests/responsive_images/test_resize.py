"""Responsive image sizes: the right widths, real files, a cache that is reused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from plugins.responsive_images.body import rewrite_images
from plugins.responsive_images.resize import picture

WIDTHS = [360, 720, 1080]


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "content" / "gambar" / "foto.jpg"
    path.parent.mkdir(parents=True)
    Image.new("RGB", (1600, 900), "teal").save(path, quality=90)
    return path


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


def test_small_image_is_never_upscaled(tmp_path):
    """An image narrower than every width is used as it is."""
    small = tmp_path / "kecil.png"
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(small)
    made = picture(small, "gambar/kecil.png", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    assert made.srcset() == "/gambar/kecil.png 300w"
    assert not (tmp_path / "out").exists()


def test_cached_variants_are_not_encoded_again(photo, tmp_path):
    """A second build reuses the cached files untouched."""
    cache = tmp_path / "cache"
    picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out1", cache)
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out2", cache)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps
    assert len(list((tmp_path / "out2" / "gambar" / "ukuran").iterdir())) == 3


def test_changed_image_gets_new_file_names(photo, tmp_path):
    """New bytes mean new URLs, so no browser keeps showing the old picture."""
    first = picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    Image.new("RGB", (1600, 900), "orange").save(photo, quality=90)
    second = picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    assert first.src != second.src


def test_body_images_get_srcset_size_and_lazy_loading(photo, tmp_path):
    """A local body image is upgraded; a remote one is left alone."""
    content_dir = photo.parents[1]
    html = ('<p><img alt="Rak &amp; buku" src="{static}/gambar/foto.jpg" /></p>'
            '<p><img alt="Luar" src="https://example.org/x.jpg" /></p>')

    def make(source, relative, alt):
        return picture(source, relative, alt, WIDTHS, tmp_path / "out", tmp_path / "cache")

    rewritten = rewrite_images(html, content_dir, make)
    local, remote = rewritten.split("</p>")[:2]
    assert 'src="{static}/gambar/foto.jpg"' in local
    assert 'alt="Rak &amp; buku"' in local
    assert 'srcset="/gambar/ukuran/foto-360-' in local and '/gambar/foto.jpg 1600w"' in local
    assert 'width="720" height="405"' in local and 'loading="lazy"' in local
    assert remote == '<p><img alt="Luar" src="https://example.org/x.jpg" />'
