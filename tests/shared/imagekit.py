"""Test images written cheaply: a PNG that only claims a size, a 16-bit grey PNG, a content photo."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def claimed_png(path: Path, width: int, height: int) -> Path:
    """A real PNG header (signature, IHDR) claiming width x height, with one empty IDAT.

    A few dozen bytes: Pillow's Image.open parses it, and decoding it would fail
    (or, at that size, take gigabytes), so a refusal proves nothing was decoded.
    """
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b""))
        + _chunk(b"IEND", b"")
    )
    return path


def grey16_png(path: Path, size: tuple[int, int] = (1600, 900), value: int = 32768) -> Path:
    """A 16-bit greyscale PNG of one value (32768: mid-grey, 128 in 8 bits)."""
    Image.new("I;16", size, value).save(path, "PNG")
    with Image.open(path) as check:
        assert check.mode == "I;16"  # really 16 bits on disk, as a scanner writes it
    return path


def content_photo(root: Path, size: tuple[int, int], noisy: bool = True) -> Path:
    """root/content/gambar/foto.jpg: noise (JPEG-hard, like a photo) or one flat colour."""
    path = root / "content" / "gambar" / "foto.jpg"
    path.parent.mkdir(parents=True)
    image = Image.effect_noise(size, 40).convert("RGB") if noisy else Image.new("RGB", size, "teal")
    image.save(path, quality=90)
    return path
