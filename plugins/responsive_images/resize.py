"""Pure image work: smaller copies of one image, cached by a digest of their inputs."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

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


def digest(path: Path, width: int) -> str:
    """Changes whenever the source bytes, the width or the encoder settings change."""
    h = hashlib.sha256(path.read_bytes())
    h.update(f"{width}:{JPEG_QUALITY}".encode())
    return h.hexdigest()[:10]


def _scratch_name(path: Path) -> Path:
    """A private temporary name beside path: threads making one variant never clash."""
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")


def make_variant(source: Path, width: int, output_dir: Path, cache_dir: Path) -> Variant:
    """Write source scaled to width into output_dir, reusing the cache when it can."""
    name = f"{source.stem}-{width}-{digest(source, width)}.jpg"
    cached = cache_dir / name
    if not cached.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        with Image.open(source) as image:
            image = ImageOps.exif_transpose(image)
            if image.mode in ("RGBA", "LA", "P"):
                image = image.convert("RGBA")
                background = Image.new("RGB", image.size, "white")
                background.paste(image, mask=image.getchannel("A"))
                image = background
            image = image.convert("RGB")
            height = round(image.height * width / image.width)
            resized = image.resize((width, height), Image.Resampling.LANCZOS)
            temporary = _scratch_name(cached)
            resized.save(temporary, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            temporary.replace(cached)
    target = output_dir / OUTPUT_FOLDER / name
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _scratch_name(target)
    shutil.copyfile(cached, temporary)
    temporary.replace(target)
    with Image.open(cached) as made:
        return Variant(f"{OUTPUT_FOLDER}/{name}", made.width, made.height)


def image_size(source: Path) -> tuple[int, int]:
    with Image.open(source) as image:
        return ImageOps.exif_transpose(image).size


def picture(
    source: Path, relative: str, alt: str, widths: list[int], output_dir: Path, cache_dir: Path
) -> Picture:
    """Every width smaller than the source, plus the source itself as the largest."""
    full_width, full_height = image_size(source)
    variants = [
        make_variant(source, w, output_dir, cache_dir) for w in sorted(widths) if w < full_width
    ]
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
