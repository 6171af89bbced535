"""What a static image file becomes on the site: the one place that decides it.

Originals stay in the repository. The file published under the original's URL
(gambar/x.jpg) is a new encoding in the same format: turned upright (EXIF
orientation), in sRGB, at most LONGEST_SIDE pixels, without any metadata (GPS
position, camera, names), under a size budget where the quality ladder allows.
plugins/output_guard/statics.py calls publish_static() for every static file;
files that are not raster images in a format listed here are copied as they are.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from plugins._shared import files
from plugins._shared.image_probes import probe
from plugins._shared.images import ImageProblem, conversion_revision, to_rgb, to_rgba, upright

from . import encode

logger = logging.getLogger(__name__)

LONGEST_SIDE = 2048  # no phone screen needs more; a 12 MP photo is 3x that
CACHE_FOLDER = "asli"  # under the variant cache: published originals


def published_size(size: tuple[int, int]) -> tuple[int, int]:
    """The original's size as published: scaled down to LONGEST_SIDE, never up."""
    width, height = size
    scale = min(1.0, LONGEST_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def is_processed(path: str | Path) -> bool:
    """Whether a static file is re-encoded (a raster image Pillow writes) rather than copied."""
    return Path(path).suffix.lower() in encode.BY_EXTENSION


@dataclass(frozen=True)
class Published:
    path: Path  # the cached copy
    digest: str
    width: int
    height: int
    size: int  # bytes
    budget: int

    @property
    def over_budget(self) -> bool:
        return self.size > self.budget


def published_original(source: Path, name: str, cache_dir: Path) -> Published:
    """The web copy of source, made once and cached; ImageProblem (naming `name`) when unusable."""
    info = probe(source, name)
    fmt = encode.BY_EXTENSION[source.suffix.lower()]
    width, height = published_size(info.size)
    spec = (
        f"original:{width}x{height}:{encode.ladder_key(fmt)}:"
        f"rgb{conversion_revision(info.mode, info.transparency)}"
    )
    key = files.sha256_with_suffixes(source, [spec.encode()])[0][:10]
    cached = cache_dir / CACHE_FOLDER / f"{source.stem}-{key}{source.suffix.lower()}"
    limit = encode.budget(fmt, width, height)
    digest = files.recorded_digest(cached)
    if digest is None:
        with Image.open(source) as image:
            shown = upright(image)
        resized = info.size != (width, height)
        if fmt is encode.PNG and info.mode in ("P", "L", "RGB", "RGBA", "LA") and not resized:
            pass  # lossless: the same pixels (and palette), only the metadata dropped
        else:
            keep_alpha = info.transparency and fmt is not encode.JPEG
            shown = to_rgba(shown) if keep_alpha else to_rgb(shown)
            if resized:
                shown = shown.resize((width, height), Image.Resampling.LANCZOS)
            if fmt is encode.PNG and info.mode == "P":  # a palette logo stays a small palette PNG
                shown = shown.quantize(256, method=Image.Quantize.FASTOCTREE)
        # Not resized: never publish more bytes than the author's own file.
        made = encode.encode(shown, fmt, limit if resized else min(limit, source.stat().st_size))
        digest = files.write_recorded(cached, made.data)
    return Published(cached, digest, width, height, cached.stat().st_size, limit)


def publish_static(source: Path, target: Path, name: str, cache_dir: Path) -> bool:
    """Write the web copy of an image to target; False (nothing done) for a file to copy as is.

    name is the file as staff see it (content/gambar/x.jpg). An unusable image
    is not published, with a warning; one still over its budget is published,
    with a warning: neither stops a strict build.
    """
    if not is_processed(source):
        return False
    try:
        made = published_original(source, name, cache_dir)
    except ImageProblem as problem:
        logger.warning("Gambar tidak diterbitkan: %s Perbaikan: %s", problem.message, problem.fix)
        return True
    files.copy_if_changed(made.path, target, made.digest)
    if made.over_budget:
        logger.warning(
            "Gambar '%s' masih %s KB setelah diperkecil ke %dx%d piksel dan dikompres (batas %s KB), "
            "sehingga lambat dibuka di ponsel. Perbaikan: %s",
            name,
            made.size // 1000,
            made.width,
            made.height,
            made.budget // 1000,
            "simpan foto sebagai JPG, bukan PNG."
            if source.suffix.lower() == ".png"
            else "potong bagian foto yang tidak perlu, atau pakai foto yang tidak terlalu berbintik "
            "(misalnya diambil dengan cahaya cukup).",
        )
    return True
