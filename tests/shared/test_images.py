"""The one image gate: header-only size limit, decode check once per file, every mode to 8-bit colour."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFile, ImageStat

from plugins._shared import images
from plugins._shared.image_probes import probe
from plugins._shared.images import MAX_PIXELS, ImageProblem, read_header, to_rgb, to_rgba

from .imagekit import claimed_png, grey16_png


@pytest.fixture
def decodes(monkeypatch) -> list[str]:
    """Every decode (ImageFile.load) and every Pillow size check, as they happen."""
    seen: list[str] = []
    load, check = ImageFile.ImageFile.load, Image._decompression_bomb_check

    def spy_load(self):
        seen.append("load")
        return load(self)

    def spy_check(size, **kwargs):
        seen.append("bomb-check")
        return check(size, **kwargs)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy_load)
    monkeypatch.setattr(Image, "_decompression_bomb_check", spy_check)
    return seen


def mean(image: Image.Image) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in ImageStat.Stat(image).mean)


def close(found, wanted, tolerance: float = 1.5) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(found, wanted, strict=True))


# --- the size limit ----------------------------------------------------------------------


def test_a_30000_pixel_square_png_is_refused_from_its_header(tmp_path, decodes):
    """900 megapixels: named with its size and a fix, no pixel decoded, Pillow's bomb guard never reached."""
    bomb = claimed_png(tmp_path / "peta.png", 30000, 30000)
    assert bomb.stat().st_size < 100  # the claim alone; a decode would need gigabytes
    with pytest.raises(ImageProblem) as refused:
        probe(bomb, "gambar/peta.png")
    assert refused.value.message.startswith(
        "gambar 'gambar/peta.png' berukuran 30000x30000 piksel (900 megapiksel), melebihi batas 50 megapiksel"
    )
    assert "sisi terpanjang paling banyak 6000 piksel" in refused.value.fix
    assert decodes == []  # neither a decode nor Image.open's DecompressionBombError path


def test_just_past_the_limit_is_refused_and_just_under_is_measured(tmp_path, decodes):
    """The limit is pixels, not sides: 7072x7072 (50,01 MP) is refused, 10000x5000 (50 MP) is not."""
    with pytest.raises(ImageProblem) as refused:
        read_header(claimed_png(tmp_path / "besar.png", 7072, 7072))
    assert "7072x7072 piksel (50,1 megapiksel)" in refused.value.message
    assert str(tmp_path / "besar.png") in refused.value.message  # the path as given, without a name
    info = read_header(claimed_png(tmp_path / "pas.png", 10000, 5000))
    assert (info.width, info.height, info.format, info.mode) == (10000, 5000, "PNG", "RGB")
    assert decodes == []


def test_pillow_itself_refuses_what_no_probe_saw():
    """Any other Image.open stops at the same limit: warned past it, refused at twice it."""
    assert Image.MAX_IMAGE_PIXELS == MAX_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image._decompression_bomb_check((10001, 10000))


# --- decoding once ---------------------------------------------------------------------


def test_a_truncated_image_is_named_as_unreadable(tmp_path):
    """A valid header over missing pixel data passes the header, fails the decode, and is named."""
    whole = io.BytesIO()
    Image.effect_noise((400, 300), 60).save(whole, "PNG")
    cut = tmp_path / "potong.png"
    cut.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    assert read_header(cut).size == (400, 300)
    with pytest.raises(ImageProblem) as refused:
        probe(cut, "gambar/potong.png")
    assert refused.value.message == (
        "berkas 'gambar/potong.png' rusak atau bukan gambar, sehingga tidak bisa dibuka."
    )
    assert "simpan ulang sebagai JPG atau PNG" in refused.value.fix


def test_not_an_image_and_a_missing_file_are_unreadable(tmp_path):
    text = tmp_path / "bukan.jpg"
    text.write_text("bukan gambar", encoding="utf-8")
    for path in (text, tmp_path / "tidak-ada.jpg"):
        with pytest.raises(ImageProblem, match="rusak atau bukan gambar"):
            probe(path)


def test_each_file_version_is_decoded_once(tmp_path, decodes):
    """probe() twice decodes once; a changed file is decoded again."""
    path = tmp_path / "foto.jpg"
    Image.new("RGB", (300, 200), "teal").save(path)
    assert probe(path).size == probe(path).size == (300, 200)
    assert decodes.count("load") == 1
    Image.new("RGB", (320, 200), "teal").save(path)  # other bytes, other size
    assert probe(path).size == (320, 200)
    assert decodes.count("load") == 2


def test_the_size_is_as_shown_after_exif_orientation(tmp_path):
    """A portrait photo stored sideways (orientation 6) measures as portrait."""
    exif = Image.Exif()
    exif[images.ORIENTATION] = 6
    path = tmp_path / "miring.jpg"
    Image.new("RGB", (400, 300), "white").save(path, exif=exif.tobytes())
    assert probe(path).size == read_header(path).size == (300, 400)


# --- every mode to 8-bit colour ----------------------------------------------------------


def test_a_16_bit_grey_png_is_scaled_not_clipped_to_white(tmp_path):
    """Mid-grey 32768 of 65535 becomes 128, not the 255 Pillow's own conversion gives."""
    path = grey16_png(tmp_path / "abu16.png", (64, 48))
    with Image.open(path) as image:
        assert close(mean(to_rgb(image)), (128, 128, 128), 0.5)
        assert close(mean(to_rgba(image)), (128, 128, 128, 255), 0.5)


@pytest.mark.parametrize("mode", ["I;16", "I;16B", "I;16L", "I"])
def test_every_16_bit_grey_mode_keeps_its_tones(mode):
    """A ramp keeps black black, white white and the middle in the middle."""
    ramp = Image.new(mode, (3, 1))
    for x, value in enumerate((0, 32768, 65535)):
        ramp.putpixel((x, 0), value)
    assert [to_rgb(ramp).getpixel((x, 0)) for x in range(3)] == [(0, 0, 0), (128, 128, 128), (255, 255, 255)]


@pytest.mark.parametrize(
    ("image", "wanted"),
    [
        (Image.new("LA", (8, 8), (0, 128)), (127, 127, 127)),  # half-transparent black on white
        (Image.new("La", (8, 8), (64, 128)), (191, 191, 191)),  # premultiplied: 64 is 128 at half
        (Image.new("RGBA", (8, 8), (255, 0, 0, 0)), (255, 255, 255)),  # fully transparent red
        (Image.new("RGBa", (8, 8), (100, 0, 0, 255)), (100, 0, 0)),
        (Image.new("CMYK", (8, 8), (0, 255, 255, 0)), (255, 0, 0)),  # magenta + yellow: red
        (Image.new("1", (8, 8), 1), (255, 255, 255)),
        (Image.new("L", (8, 8), 90), (90, 90, 90)),
        (Image.new("RGB", (8, 8), (10, 20, 30)), (10, 20, 30)),
        (Image.new("F", (8, 8), 77.0), (77, 77, 77)),
    ],
    ids=["LA", "La", "RGBA", "RGBa", "CMYK", "1", "L", "RGB", "F"],
)
def test_every_mode_becomes_the_colour_it_shows(image, wanted):
    assert close(mean(to_rgb(image)), wanted)


def test_a_palette_with_a_transparent_index_shows_the_background():
    """A P image (GIF, 8-bit PNG) whose index 1 is transparent: that half is the background colour."""
    image = Image.new("P", (10, 10), 0)
    image.putpalette([0, 0, 200, 0, 255, 0])
    image.paste(1, (0, 0, 5, 10))
    image.info["transparency"] = 1
    rgb = to_rgb(image, background=(255, 255, 0))
    assert rgb.getpixel((0, 0)) == (255, 255, 0) and rgb.getpixel((9, 0)) == (0, 0, 200)
    assert to_rgba(image).getpixel((0, 0))[3] == 0


def test_a_palette_with_alpha_is_composited():
    """PA: the palette colour at half alpha over white."""
    image = Image.new("PA", (4, 4))
    image.putpalette([0, 0, 0])
    image.putdata([(0, 128)] * 16)
    assert close(mean(to_rgb(image)), (127, 127, 127))


def test_a_transparent_colour_in_an_rgb_png_is_honoured(tmp_path):
    """PNG tRNS on an RGB image: the keyed colour is the background, and its cache key says so."""
    path = tmp_path / "kunci.png"
    image = Image.new("RGB", (4, 4), (0, 255, 0))
    image.save(path, transparency=(0, 255, 0))
    info = probe(path)
    assert info.transparency and images.conversion_revision(info.mode, info.transparency) == 2
    with Image.open(path) as reopened:
        assert to_rgb(reopened, background=(0, 0, 0)).getpixel((0, 0)) == (0, 0, 0)
    assert images.conversion_revision("RGB") == images.conversion_revision("RGBA") == 1
