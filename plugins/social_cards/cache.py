"""Card files: named by a digest of everything drawn into them, kept between builds.

A card's name changes whenever anything that went into it changes (layout,
texts, image and logo bytes, fonts, size, encoder, this renderer's version),
so platforms that cache images by URL see a new URL, and a card whose name is
already in the cache is never drawn again, as long as its record (size and
sha256, written beside it) still matches its bytes: a card cut short or
damaged in the cache is drawn again, and a damaged copy in the output replaced.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from plugins._shared import files

from . import fonts
from .render import CardSpec, render

# Raise to draw every card again on purpose; a change to the drawing code does it anyway.
RENDERER_VERSION = "1"
# The modules whose code decides a card's pixels and bytes (paths from this folder).
DRAWING_CODE = (
    "render.py",
    "text.py",
    "fonts.py",
    "colors.py",
    "cache.py",
    "focus.py",
    "../_shared/images.py",
    "../_shared/colors.py",
    "../_shared/focal_point.py",
)
CACHE_FOLDER = "kartu"  # under CACHE_PATH
# In the build's CACHE_PATH, beside (not inside) the card folder, which builds may share.
MANIFEST = "kartu-manifest.json"
LOWEST_QUALITY = 40
UNUSED_DAYS = 90  # cached cards no build has used for this long are removed
# A card used again is marked as used (its time set to now) at most this often: setting
# the time changes the file's stat, and the stat is what spares reading the card again.
MARK_USED_AFTER = 86_400  # seconds


class CardTooLarge(Exception):
    """Even the lowest JPEG quality leaves the card over its byte limit."""


@dataclass(frozen=True)
class CardJob:
    """One card to draw in a worker process: plain, picklable data."""

    name: str
    spec: CardSpec
    quality: int
    max_bytes: int


def file_digest(path: str | Path) -> str:
    """Digest of a file's bytes, read again only when its stat changed (files.sha256_of)."""
    return files.sha256_of(path)


@functools.cache
def renderer_identity() -> str:
    """The renderer's version and a digest of its code: a fix to the drawing redraws every card."""
    code = hashlib.sha256(RENDERER_VERSION.encode())
    for name in DRAWING_CODE:
        code.update((Path(__file__).parent / name).read_bytes())
    return code.hexdigest()


def elements_digest(elements: dict) -> str:
    """A digest of a layout section: the same for every card of that layout and size."""
    return hashlib.sha256(json.dumps(elements, sort_keys=True, default=list).encode()).hexdigest()


def digest(spec: CardSpec, quality: int, max_bytes: int, elements: str | None = None) -> str:
    """Ten hex digits that change with anything that changes the card.

    `elements`: elements_digest(spec.elements), when the caller has it already.
    """
    payload = {
        "renderer": renderer_identity(),
        "fonts": fonts.identity(),
        "size": spec.size,
        "elements": elements or elements_digest(spec.elements),
        "texts": spec.texts,
        "images": {k: file_digest(p) for k, p in sorted(spec.images.items()) if p},
        "jpeg": [quality, max_bytes],
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=list)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def encode(image: Image.Image, quality: int, max_bytes: int) -> bytes:
    """JPEG bytes at the highest quality (in steps of 5) that stay within max_bytes.

    Baseline, not progressive: the same pixels, about 6 % more bytes (some 75 KB a
    card, far under every platform's limit), encoded in a third of the time.
    """
    for step in range(quality, LOWEST_QUALITY - 1, -5):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=step, optimize=True)
        if buffer.tell() <= max_bytes:
            return buffer.getvalue()
    msg = f"{buffer.tell()} byte pada kualitas {LOWEST_QUALITY}, batasnya {max_bytes} byte"
    raise CardTooLarge(msg)


class DrawingFailed(Exception):
    """One card of a batch could not be drawn: which one, and why (crosses process boundaries)."""

    def __init__(self, name: str, reason: str):
        super().__init__(name, reason)
        self.name = name
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def draw(job: CardJob, cache_dir: str) -> int:
    """Draw one card into the cache; return its byte size."""
    data = encode(render(job.spec).image, job.quality, job.max_bytes)
    files.write_recorded(Path(cache_dir) / job.name, data)
    return len(data)


def draw_all(jobs: list[CardJob], cache_dir: str) -> None:
    """Draw a batch of cards into the cache (in a worker process, which keeps what they share)."""
    for job in jobs:
        try:
            draw(job, cache_dir)
        except Exception as error:  # noqa: BLE001 - named here, reported by the build
            raise DrawingFailed(job.name, f"{type(error).__name__}: {error}") from None


def is_cached(cache_dir: Path, name: str) -> bool:
    """True when the card is in the cache and its bytes match its record (else it is drawn again)."""
    path = cache_dir / name
    if files.recorded_digest(path) is None:
        return False
    if path.stat().st_mtime < time.time() - MARK_USED_AFTER:
        os.utime(path)  # used now: kept by prune()
    return True


class DamagedCard(Exception):
    """A card in the cache no longer matches its record when it is to be published."""


def publish(source: Path, output_dir: Path, name: str) -> int:
    """Copy a finished card into the output folder unless the same bytes are there; return its size."""
    digest = files.recorded_digest(source)
    if digest is None:
        raise DamagedCard(f"{source} tidak cocok dengan catatannya ({source.name}{files.RECORD_SUFFIX})")
    target = output_dir / name
    files.copy_if_changed(source, target, digest)
    return target.stat().st_size


def prune(cache_dir: Path, days: int = UNUSED_DAYS) -> int:
    """Remove cached cards no build has used for days, with their records; return how many."""
    limit = time.time() - days * 86_400
    removed = 0
    for path in cache_dir.glob("*.jpg"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            files.record_of(path).unlink(missing_ok=True)
            removed += 1
    for record in cache_dir.glob(f"*.jpg{files.RECORD_SUFFIX}"):  # left by a card removed by hand
        if not record.with_suffix("").exists():
            record.unlink(missing_ok=True)
    return removed


def write_manifest(cache_root: Path, record: dict) -> None:
    """What the last build did: cards drawn, taken from the cache or supplied, and each page's cards."""
    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
    files.write_atomically(cache_root / MANIFEST, text.encode())
