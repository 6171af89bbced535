"""One picture as bytes for the web: per format a quality ladder and a size budget.

Each copy is encoded at the ladder's first quality; while it is over its
budget the next (lower) quality is tried. The last step is kept even when it
is still over: the caller decides whether that deserves a warning. No
metadata is ever written (the image comes from images.upright()).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from PIL import Image, features

# Readers are on cheap phones over mobile data: AVIF first when this Pillow can
# write it (libavif), then WebP; JPEG is the fallback every browser shows.
AVIF = features.check("avif")


@dataclass(frozen=True)
class Format:
    name: str  # Pillow's format name
    extension: str
    mime: str
    qualities: tuple[int, ...]  # tried in order until the copy is under its budget
    bytes_per_pixel: float  # the budget: about 1.4 bits a pixel for a JPEG photo
    options: tuple[tuple[str, object], ...] = ()
    revision: int = 0  # raised when only this format's encoding changes: its copies get new names


JPEG = Format(
    "JPEG", "jpg", "image/jpeg", (82, 74, 66, 58), 0.18, (("optimize", True), ("progressive", True))
)
# method 2, not 4: on 38 photos at 4 widths 60 % less encoding time (3.6 s to 1.4 s) for 6 %
# more bytes (9 % on the bench corpus) at the same PSNR; browsers that show AVIF (nearly all)
# never download the WebP copies.
WEBP = Format("WEBP", "webp", "image/webp", (80, 72, 64, 56), 0.12, (("method", 2),), revision=1)
# speed 8: a fraction of the default's time for a few percent more bytes; builds run on 2 cores.
AVIF_FORMAT = Format("AVIF", "avif", "image/avif", (60, 52, 44), 0.09, (("speed", 8),))
PNG = Format("PNG", "png", "image/png", (0,), 0.5, (("optimize", True),))

# The modern formats offered before the JPEG, best first.
MODERN = (AVIF_FORMAT, WEBP) if AVIF else (WEBP,)
BY_EXTENSION = {".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".webp": WEBP}
if AVIF:
    BY_EXTENSION[".avif"] = AVIF_FORMAT

# Raise when what the encoder writes changes: every cached copy gets a new name.
REVISION = 3
BASE_BUDGET = 4_000  # bytes: headers and a tiny picture's floor


def budget(fmt: Format, width: int, height: int) -> int:
    return BASE_BUDGET + round(fmt.bytes_per_pixel * width * height)


@dataclass(frozen=True)
class Encoded:
    data: bytes
    quality: int
    over_budget: bool


def encode(image: Image.Image, fmt: Format, limit: int | None = None) -> Encoded:
    """image (already the right size and mode) in fmt, the first quality under limit."""
    limit = budget(fmt, *image.size) if limit is None else limit
    data, quality = b"", 0
    for quality in fmt.qualities:
        buffer = io.BytesIO()
        options = dict(fmt.options)
        if fmt is not PNG:
            options["quality"] = quality
        image.save(buffer, fmt.name, **options)
        data = buffer.getvalue()
        if len(data) <= limit:
            return Encoded(data, quality, False)
    return Encoded(data, quality, True)


@functools.cache  # asked for every planned copy: thousands of times a build, for four formats
def ladder_key(fmt: Format) -> str:
    """What about fmt's encoding a cache key must change with."""
    key = f"{fmt.name}:{','.join(map(str, fmt.qualities))}:{fmt.bytes_per_pixel}:{REVISION}"
    return f"{key}:{fmt.revision}" if fmt.revision else key  # revision 0: the names as before it existed
