"""Pure image work: smaller copies of one image, cached by a digest of their inputs.

Each cached copy has a record of its size and sha256 (plugins/_shared/files.py);
one that no longer matches is made again, and the output copy is replaced
whenever its bytes differ from the cached one.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from plugins._shared import files
from plugins._shared.images import ImageInfo, conversion_revision, probe, to_rgb

JPEG_QUALITY = 82
OUTPUT_FOLDER = "gambar/ukuran"


@dataclass(frozen=True)
class Variant:
    url: str  # relative to SITEURL
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """What the theme needs for <img src srcset width height alt>."""

    src: str
    variants: tuple[Variant, ...]  # narrowest first; the last is the original
    width: int
    height: int
    alt: str
    original: str

    def srcset(self, base: str = "") -> str:
        """The srcset value, each URL prefixed with base (SITEURL, or "" for root)."""
        return ", ".join(f"{base}/{v.url} {v.width}w" for v in self.variants)


def digest(path: Path, width: int, info: ImageInfo | None = None) -> str:
    """Changes whenever the source bytes, the width, the encoder or the colour conversion change."""
    return _digests(path, [width], info or probe(path))[0]


def _digests(path: Path, widths: list[int], info: ImageInfo) -> list[str]:
    source = hashlib.sha256(path.read_bytes())  # read once for every width
    revision = conversion_revision(info.mode, info.transparency)
    found = []
    for width in widths:
        h = source.copy()
        h.update(f"{width}:{JPEG_QUALITY}".encode())
        if revision > 1:  # revision 1 adds nothing: those names stay what they were before revisions
            h.update(f":rgb{revision}".encode())
        found.append(h.hexdigest()[:10])
    return found


def _encode(image: Image.Image, width: int, height: int) -> bytes:
    resized = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    resized.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def make_variants(
    source: Path, widths: list[int], output_dir: Path, cache_dir: Path, info: ImageInfo | None = None
) -> list[Variant]:
    """source scaled to each width, in output_dir; the cache is reused when its record matches.

    A cached file that is missing, cut short or altered (no matching record) is
    made again; the source is decoded once for all the widths it lacks.
    """
    if not widths:
        return []
    info = info or probe(source)
    planned = []
    for width, key in zip(widths, _digests(source, widths, info)):
        name = f"{source.stem}-{width}-{key}.jpg"
        height = round(info.height * width / info.width)
        planned.append((name, width, height, files.recorded_digest(cache_dir / name)))
    missing = [p for p in planned if p[3] is None]
    made: dict[str, str] = {}
    if missing:
        with Image.open(source) as image:
            upright = to_rgb(ImageOps.exif_transpose(image))  # 16-bit scaled, alpha on white
        for name, width, height, _ in missing:
            made[name] = files.write_recorded(cache_dir / name, _encode(upright, width, height))
    variants = []
    for name, width, height, known in planned:
        target = output_dir / OUTPUT_FOLDER / name
        files.copy_if_changed(cache_dir / name, target, known or made[name])
        variants.append(Variant(f"{OUTPUT_FOLDER}/{name}", width, height))
    return variants


def make_variant(source: Path, width: int, output_dir: Path, cache_dir: Path) -> Variant:
    """Write source scaled to width into output_dir, reusing the cache when it can."""
    return make_variants(source, [width], output_dir, cache_dir)[0]


def image_size(source: Path) -> tuple[int, int]:
    """Width and height as shown (EXIF orientation applied); ImageProblem when unusable."""
    return probe(source).size


def picture(
    source: Path, relative: str, alt: str, widths: list[int], output_dir: Path, cache_dir: Path
) -> Picture:
    """Every width smaller than the source, plus the source itself as the largest.

    Raises ImageProblem (naming `relative`) for an image past the pixel limit or
    one that does not decode.
    """
    info = probe(source, relative)
    full_width, full_height = info.size
    smaller = [w for w in sorted(widths) if w < full_width]
    variants = make_variants(source, smaller, output_dir, cache_dir, info)
    variants.append(Variant(relative, full_width, full_height))
    default = next((v for v in variants if v.width >= 720), variants[-1])
    return Picture(
        src=default.url,
        variants=tuple(variants),
        width=default.width,
        height=default.height,
        alt=alt,
        original=relative,
    )
