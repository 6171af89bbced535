"""What a static image becomes: upright, at most 2048 px, stripped; warned about when still heavy."""

from __future__ import annotations

import logging

from PIL import Image

from plugins.responsive_images.publish import publish_static, published_size


def test_published_size_caps_the_longest_side_and_never_enlarges():
    assert published_size((4000, 3000)) == (2048, 1536)
    assert published_size((3000, 4000)) == (1536, 2048)
    assert published_size((800, 600)) == (800, 600)


def test_a_sideways_tagged_photo_is_published_upright_without_metadata(tmp_path):
    source = tmp_path / "foto.jpg"
    exif = Image.Exif()
    exif[0x0112] = 8  # turn 90 degrees counter-clockwise to show
    exif.get_ifd(0x8825).update({1: "S", 2: (1.0, 2.0, 3.0)})
    Image.new("RGB", (2400, 1200), "teal").save(source, exif=exif, quality=95)
    target = tmp_path / "out" / "gambar" / "foto.jpg"
    assert publish_static(source, target, "content/gambar/foto.jpg", tmp_path / "cache")
    with Image.open(target) as image:
        assert image.size == (1024, 2048)
        assert not image.getexif() and "exif" not in image.info


def test_a_file_that_is_not_an_image_is_left_to_be_copied(tmp_path):
    source = tmp_path / "jadwal.pdf"
    source.write_bytes(b"%PDF-1.4\n")
    assert not publish_static(source, tmp_path / "out.pdf", "content/unduhan/jadwal.pdf", tmp_path)
    assert not (tmp_path / "out.pdf").exists()


def test_a_photo_still_over_budget_is_published_with_a_warning_naming_it(tmp_path, caplog):
    source = tmp_path / "pemandangan.png"  # a photo saved as PNG: noise does not compress
    Image.effect_noise((1600, 1200), 60).convert("RGB").save(source)
    target = tmp_path / "out" / "pemandangan.png"
    with caplog.at_level(logging.WARNING):
        publish_static(source, target, "content/gambar/pemandangan.png", tmp_path / "cache")
    assert target.is_file()
    [record] = [r for r in caplog.records if "content/gambar/pemandangan.png" in r.getMessage()]
    assert record.levelno == logging.WARNING and "batas" in record.getMessage()


def test_a_broken_image_is_not_published_and_is_named(tmp_path, caplog):
    source = tmp_path / "rusak.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 bukan gambar")
    target = tmp_path / "out" / "rusak.jpg"
    with caplog.at_level(logging.WARNING):
        assert publish_static(source, target, "content/gambar/rusak.jpg", tmp_path / "cache")
    assert not target.exists()
    assert any("content/gambar/rusak.jpg" in r.getMessage() for r in caplog.records)


def test_a_palette_png_keeps_its_transparency_when_published(tmp_path):
    """A logo with a transparent palette entry: lossless when not resized, still transparent."""
    source = tmp_path / "logo.png"
    image = Image.new("P", (600, 300), 0)
    image.putpalette([0, 0, 0, 200, 30, 30])
    image.paste(1, (0, 0, 300, 300))
    image.save(source, transparency=0)
    target = tmp_path / "out" / "logo.png"
    publish_static(source, target, "content/gambar/logo.png", tmp_path / "cache")
    with Image.open(target) as published:
        rgba = published.convert("RGBA")
        assert rgba.getpixel((450, 150))[3] == 0 and rgba.getpixel((150, 150)) == (200, 30, 30, 255)
