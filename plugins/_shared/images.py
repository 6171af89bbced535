"""Every image the build reads: measured from its header first, then decoded safely.

examine() is the one gate (image_probes.probe() remembers its findings): it
refuses an image with too many pixels before a single pixel is decoded, and a
file that does not decode, with an Indonesian message naming the file.
to_rgb()/to_rgba() turn any Pillow mode into 8-bit colour (16-bit greyscale
scaled, transparency kept or laid on a background), so a 16-bit PNG never
comes out white.
"""

from __future__ import annotations

import io
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

# 50 megapixels: decoded as RGBA that is 200 MB, and the card pool decodes several
# images at once on a small build machine. No web page needs more: a photo 6000
# pixels on its longest side (36 megapixels) is already far larger than any screen.
MAX_PIXELS = 50_000_000
LONGEST_SIDE = 6000  # what the fix tells staff to shrink to; stays under MAX_PIXELS

# Pillow's own guard, for any code that opens an image without examine(): it warns
# above this and refuses twice this, so nothing past the limit is decoded silently.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

ORIENTATION = 0x0112  # EXIF tag
_SWAPS_SIDES = (5, 6, 7, 8)  # orientations that turn the picture a quarter


class ImageProblem(ValueError):
    """An image the build cannot use; message and fix are Indonesian, for staff."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class ImageInfo:
    """What the header says about an image; width and height as shown (EXIF orientation applied)."""

    width: int
    height: int
    format: str
    mode: str
    transparency: bool  # an alpha channel or a transparent colour

    @property
    def size(self) -> tuple[int, int]:
        return (self.width, self.height)


@dataclass(frozen=True)
class Refusal:
    """Why an image was refused; the message is written when raised, with the caller's name."""

    too_large: bool
    width: int = 0  # 0: Pillow refused before saying (a WebP over twice the limit)
    height: int = 0


# --- messages --------------------------------------------------------------------------


def _megapixels(pixels: int) -> str:
    """Megapixels in Indonesian notation, rounded up: just past the limit never reads as the limit."""
    tenths = math.ceil(pixels / 100_000)
    text = f"{tenths // 10},{tenths % 10}"
    return text.removesuffix(",0")


def too_large_problem(name: str, width: int = 0, height: int = 0) -> ImageProblem:
    if width and height:
        size = f"{width}x{height} piksel ({_megapixels(width * height)} megapiksel)"
    else:
        size = f"lebih dari {_megapixels(2 * MAX_PIXELS)} megapiksel"
    return ImageProblem(
        f"gambar '{name}' berukuran {size}, melebihi batas {_megapixels(MAX_PIXELS)} megapiksel, "
        "sehingga tidak diproses (gambar sebesar itu menghabiskan memori saat situs dibangun).",
        f"perkecil gambarnya hingga sisi terpanjang paling banyak {LONGEST_SIDE} piksel "
        "(misalnya dengan fitur ubah ukuran di aplikasi foto), lalu simpan ulang sebagai JPG.",
    )


def unreadable_problem(name: str) -> ImageProblem:
    return ImageProblem(
        f"berkas '{name}' rusak atau bukan gambar, sehingga tidak bisa dibuka.",
        "buka gambarnya di komputer untuk memastikan bisa dilihat, lalu simpan ulang sebagai JPG atau PNG.",
    )


def _raise(refusal: Refusal, name: str):
    if refusal.too_large:
        raise too_large_problem(name, refusal.width, refusal.height)
    raise unreadable_problem(name)


# --- reading -----------------------------------------------------------------------------


def _shown(width: int, height: int, orientation: int) -> tuple[int, int]:
    return (height, width) if orientation in _SWAPS_SIDES else (width, height)


def _header_orientation(image: Image.Image) -> int:
    """EXIF orientation from what the header already holds; getexif() could decode a PNG."""
    raw = image.info.get("exif")
    if not raw:
        return 1
    exif = Image.Exif()
    exif.load(raw)
    return exif.get(ORIENTATION, 1)


def _header(path: Path) -> ImageInfo | Refusal:
    """Parse the header with the format's own class: nothing decoded, no size limit yet.

    Image.open would check the size itself but refuses a huge image without
    saying how large it is; staff need the size to fix it.
    """
    Image.init()  # every format, as Image.open loads them when a file is not recognised
    try:
        with open(path, "rb") as handle:
            prefix = handle.read(16)
            for name in Image.ID:
                factory, accept = Image.OPEN[name]
                verdict = accept(prefix) if accept else True
                if not verdict or isinstance(verdict, str):  # a string: known but unsupported
                    continue
                handle.seek(0)
                try:
                    image = factory(handle, str(path))
                except Image.DecompressionBombError:
                    return Refusal(too_large=True)  # WebP checks before saying its size
                except Exception:  # noqa: BLE001 - not this format (Image.open also moves on)
                    continue
                with image:
                    width, height = _shown(*image.size, _header_orientation(image))
                    return ImageInfo(
                        width, height, image.format or name, image.mode, image.has_transparency_data
                    )
    except OSError:
        pass
    return Refusal(too_large=False)


def _check_size(found: ImageInfo | Refusal) -> ImageInfo | Refusal:
    if isinstance(found, ImageInfo) and found.width * found.height > MAX_PIXELS:
        return Refusal(True, found.width, found.height)
    return found


def read_header(path: str | Path, name: str | None = None) -> ImageInfo:
    """The image's size, format and mode from its header only; ImageProblem past the limit.

    Cheap (no pixel is decoded) but does not prove the pixels decode; examine() does.
    """
    return accepted(_check_size(_header(Path(path))), name or str(path))


def examine(path: str | Path) -> ImageInfo | Refusal:
    """Measure an image from its header, refuse it past MAX_PIXELS, then decode it whole.

    Uncached: image_probes.probe() keeps what this finds per file version.
    """
    found = _check_size(_header(Path(path)))
    if isinstance(found, Refusal):
        return found
    try:
        with Image.open(path) as image:
            image.load()  # the whole file: a truncated or corrupt image fails here, not later
            orientation = image.getexif().get(ORIENTATION, 1)  # as ImageOps.exif_transpose reads it
            width, height = _shown(*image.size, orientation)
    except Exception:  # noqa: BLE001 - whatever a decoder raises, the file cannot be used
        return Refusal(too_large=False)
    return ImageInfo(width, height, found.format, found.mode, found.transparency)


def accepted(found: ImageInfo | Refusal, name: str) -> ImageInfo:
    """What examine() found, or its refusal raised as ImageProblem naming the file as `name`."""
    if isinstance(found, Refusal):
        _raise(found, name)
    return found


# --- converting --------------------------------------------------------------------------

_GREY16_RAW = {
    "I;16": "L;16",
    "I;16L": "L;16",
    "I;16B": "L;16B",
    "I;16N": "L;16" if sys.byteorder == "little" else "L;16B",
}

# How to_rgb treats a mode, for cache keys: raise a mode's number when its result
# changes, so only images of that mode get new file names. Absent means 1.
# 2: 16-bit and float greyscale scaled, premultiplied and palette alpha composited.
_REVISION = {mode: 2 for mode in (*_GREY16_RAW, "I", "F", "La", "PA", "RGBa")}


def conversion_revision(mode: str, transparency: bool = False) -> int:
    """The revision of to_rgb's result for images of this mode (see _REVISION)."""
    if transparency and mode in ("L", "RGB"):  # a transparent colour (PNG tRNS), now honoured
        return 2
    return _REVISION.get(mode, 1)


def _eight_bit(image: Image.Image) -> Image.Image:
    """The image in a mode Pillow converts to RGB(A) without clipping: 8 bits, straight alpha."""
    mode = image.mode
    if mode in _GREY16_RAW:
        # The high byte of each 16-bit sample: 0..65535 becomes 0..255. Pillow's own
        # conversion clips at 255 instead, which turns a normal photo white.
        return Image.frombytes("L", image.size, image.tobytes(), "raw", _GREY16_RAW[mode])
    if mode == "I":  # what Pillow gives for 16-bit greyscale from some files
        return image.point(lambda value: value / 257 + 0.5).convert("L")
    if mode == "F":  # Pillow's float convention: 0..255, clipped
        return image.convert("L")
    if mode == "La":  # premultiplied; Pillow converts it only to LA
        return image.convert("LA")
    return image


def to_rgba(image: Image.Image) -> Image.Image:
    """Any mode as 8-bit RGBA with straight alpha (opaque when the image has no transparency)."""
    return _eight_bit(image).convert("RGBA")


def to_rgb(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """Any mode as 8-bit RGB; transparent parts laid on background."""
    image = _eight_bit(image)
    if not image.has_transparency_data:
        return image.convert("RGB")
    rgba = image.convert("RGBA")  # also turns a palette's or a colour's transparency into alpha
    base = Image.new("RGB", image.size, background)
    base.paste(rgba, mask=rgba.getchannel("A"))
    return base


# --- preparing for the web ---------------------------------------------------------------


def upright(image: Image.Image) -> Image.Image:
    """The picture as shown: EXIF orientation applied, colours in sRGB, no metadata carried.

    Browsers assume sRGB for an untagged image, so a photo tagged with another
    profile (a phone's Display P3, a CMYK scan) is converted here and published
    without any profile; an sRGB one loses nothing by dropping its tag.
    """
    from PIL import ImageCms, ImageOps  # ImageCms loads littlecms: only when images are prepared

    shown = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    if icc and shown.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if "srgb" not in (ImageCms.getProfileDescription(source) or "").lower():
                mode = "RGBA" if shown.mode == "RGBA" else "RGB"
                shown = ImageCms.profileToProfile(
                    shown, source, ImageCms.createProfile("sRGB"), outputMode=mode
                )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: show the numbers as they are, like a browser would
    # Nothing of the camera's (EXIF, XMP, ICC, comments) reaches an encoder; a palette's or
    # a colour's transparency is part of the picture, not metadata.
    shown.info = {k: v for k, v in shown.info.items() if k == "transparency"}
    return shown
