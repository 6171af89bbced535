"""Variants in true colour from any mode, and a cache that makes damaged files again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageStat

from plugins._shared import files
from plugins._shared.images import ImageProblem
from plugins.responsive_images.resize import picture
from tests.shared.imagekit import claimed_png, content_photo, grey16_png

WIDTHS = [360, 720, 1080]


@pytest.fixture
def photo(tmp_path) -> Path:
    return content_photo(tmp_path, (1600, 900))


def make(source: Path, root: Path, out: str = "out"):
    return picture(source, "gambar/" + source.name, "", WIDTHS, root / out, root / "cache")


def test_a_16_bit_png_gives_grey_variants_not_white(tmp_path):
    """Mid-grey 16-bit in, mid-grey JPEGs out (Pillow's plain convert would give white)."""
    source = grey16_png(tmp_path / "abu16.png")
    made = make(source, tmp_path)
    for variant in made.variants[:-1]:
        with Image.open(tmp_path / "out" / variant.url) as image:
            assert image.mode == "RGB"
            assert all(abs(v - 128) <= 1.5 for v in ImageStat.Stat(image).mean), variant.url


def test_a_transparent_png_is_laid_on_white(tmp_path):
    source = tmp_path / "logo.png"
    Image.new("LA", (800, 400), (0, 0)).save(source)
    made = make(source, tmp_path)
    with Image.open(tmp_path / "out" / made.variants[0].url) as image:
        assert all(v > 253 for v in ImageStat.Stat(image).mean)


def _snapshot(root: Path, out: str) -> dict[str, bytes]:
    folder = root / out / "gambar" / "ukuran"
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_garbage_or_truncated_cached_variant_is_made_again(photo, tmp_path):
    """The next build finds the record does not match and encodes it again, identical to a fresh one."""
    first = make(photo, tmp_path)
    fresh = _snapshot(tmp_path, "out")
    cache = tmp_path / "cache"
    narrow, middle, wide = (cache / Path(v.url).name for v in first.variants[:-1])
    narrow.write_bytes(b"\x00" * narrow.stat().st_size)  # same size, garbage
    middle.write_bytes(middle.read_bytes()[:500])  # cut short
    files.record_of(wide).unlink()  # a file no record vouches for
    second = make(photo, tmp_path, "out2")
    assert second == first  # same URLs
    assert _snapshot(tmp_path, "out2") == fresh
    for path in (narrow, middle, wide):
        assert files.recorded_digest(path) is not None
        with Image.open(path) as image:
            image.load()


def test_a_damaged_output_copy_is_replaced_and_a_sound_one_kept(photo, tmp_path):
    first = make(photo, tmp_path)
    fresh = _snapshot(tmp_path, "out")
    damaged, kept = (tmp_path / "out" / v.url for v in first.variants[:2])
    damaged.write_bytes(b"\x00" * damaged.stat().st_size)
    inode = kept.stat().st_ino
    make(photo, tmp_path)
    assert _snapshot(tmp_path, "out") == fresh
    assert kept.stat().st_ino == inode  # not copied again


def test_an_image_past_the_pixel_limit_is_refused_with_its_name(tmp_path):
    source = claimed_png(tmp_path / "peta.png", 30000, 30000)
    with pytest.raises(ImageProblem, match="gambar 'gambar/peta.png' berukuran 30000x30000 piksel"):
        make(source, tmp_path)
    assert not (tmp_path / "cache").exists()
