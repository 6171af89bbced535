"""Pure image work: smaller copies of one image in each format, cached by a digest of their inputs.

Each cached copy has a record of its size and sha256 (plugins/_shared/files.py);
one that no longer matches is made again, and the output copy is replaced
whenever its bytes differ from the cached one.

A Picture is one slot's image: JPEG widths (the fallback <img>) and the same
widths as AVIF/WebP (<source>), either the whole image (its largest JPEG is
the published original, publish.py) or a crop of the slot's shape (a card).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from plugins._shared import files
from plugins._shared.image_probes import probe
from plugins._shared.images import ImageInfo, conversion_revision, to_rgb, upright

from . import encode
from .publish import published_size

OUTPUT_FOLDER = "gambar/ukuran"
CARD_SHAPE = (16, 9)  # .card-img in serambi.css: aspect-ratio 16 / 9


@dataclass(frozen=True)
class Variant:
    url: str  # relative to SITEURL
    width: int
    height: int


@dataclass(frozen=True)
class Source:
    """One <source>: the same widths in a format better than JPEG."""

    type: str  # MIME type
    variants: tuple[Variant, ...]

    def srcset(self, base: str = "") -> str:
        return ", ".join(f"{base}/{v.url} {v.width}w" for v in self.variants)


@dataclass(frozen=True)
class Picture:
    """What the theme needs for <picture><source…><img src srcset width height alt>."""

    src: str
    variants: tuple[Variant, ...]  # JPEG, narrowest first; for a whole image the last is the original
    width: int
    height: int
    alt: str
    original: str
    sources: tuple[Source, ...] = ()  # AVIF then WebP

    def srcset(self, base: str = "") -> str:
        """The srcset value, each URL prefixed with base (SITEURL, or "" for root)."""
        return ", ".join(f"{base}/{v.url} {v.width}w" for v in self.variants)


@dataclass(frozen=True)
class _Plan:
    name: str
    fmt: encode.Format
    width: int
    height: int
    box: tuple[int, int, int, int] | None  # crop of the upright image, before scaling


def _digests(path: Path, specs: list[str], info: ImageInfo) -> list[str]:
    revision = conversion_revision(info.mode, info.transparency)
    suffixes = [f"{spec}:rgb{revision}".encode() for spec in specs]
    return [found[:10] for found in files.sha256_with_suffixes(path, suffixes)]


def _plans(
    source: Path,
    info: ImageInfo,
    sizes: list[tuple[int, int]],
    formats,
    box: tuple[int, int, int, int] | None,
    tag: str,
) -> list[_Plan]:
    wanted = [(fmt, w, h) for fmt in formats for w, h in sizes]
    specs = [f"{w}x{h}:{box}:{encode.ladder_key(fmt)}" for fmt, w, h in wanted]
    return [
        _Plan(f"{source.stem}-{tag}{w}-{key}.{fmt.extension}", fmt, w, h, box)
        for (fmt, w, h), key in zip(wanted, _digests(source, specs, info), strict=True)
    ]


class EncodingNeeded(Exception):
    """A copy must be encoded while the Run says not here (Run.may_encode off): do it where threads help."""


class Run:
    """What one build has made or checked so far, shared by its threads.

    Many posts share a photo: its copies are checked once a build, and made by
    one thread while another wanting the same photo waits, instead of both encoding it.
    With `may_encode` off, a missing copy raises EncodingNeeded instead of being made.
    """

    def __init__(self, may_encode: bool = True) -> None:
        self.may_encode = may_encode
        self.checked: set[str] = set()  # names of copies made or checked
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def lock_for(self, source: Path) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(os.fspath(source), threading.Lock())


def _make(
    source: Path, plans: list[_Plan], output_dir: Path, cache_dir: Path, run: Run | None = None
) -> None:
    """Every planned copy in output_dir; the source is decoded once for all those the cache lacks."""
    if run is None:
        _make_now(source, plans, output_dir, cache_dir)
        return
    with run.lock_for(source):
        plans = [plan for plan in plans if plan.name not in run.checked]
        _make_now(source, plans, output_dir, cache_dir, run.may_encode)
        run.checked.update(plan.name for plan in plans)


def _make_now(
    source: Path, plans: list[_Plan], output_dir: Path, cache_dir: Path, may_encode: bool = True
) -> None:
    """A cached file that is missing, cut short or altered (no matching record) is made again."""
    cache_folder, output_folder = os.fspath(cache_dir), os.path.join(output_dir, OUTPUT_FOLDER)
    known = {plan.name: files.recorded_digest(os.path.join(cache_folder, plan.name)) for plan in plans}
    missing = [plan for plan in plans if known[plan.name] is None]
    if missing and not may_encode:
        raise EncodingNeeded(os.fspath(source))
    if missing:
        with Image.open(source) as image:
            picture = to_rgb(upright(image))  # 16-bit scaled, alpha on white, sRGB, no metadata
        for plan in missing:
            part = picture.crop(plan.box) if plan.box else picture
            resized = part.resize((plan.width, plan.height), Image.Resampling.LANCZOS)
            made = encode.encode(resized, plan.fmt)
            known[plan.name] = files.write_recorded(os.path.join(cache_folder, plan.name), made.data)
    for plan in plans:
        cached, target = os.path.join(cache_folder, plan.name), os.path.join(output_folder, plan.name)
        files.copy_if_changed(cached, target, known[plan.name])


def _variants(plans: list[_Plan], fmt: encode.Format) -> tuple[Variant, ...]:
    return tuple(Variant(f"{OUTPUT_FOLDER}/{p.name}", p.width, p.height) for p in plans if p.fmt is fmt)


def _default(variants) -> Variant:
    return next((v for v in variants if v.width >= 720), variants[-1])


def _picture_of(variants: tuple[Variant, ...], modern: list[_Plan], alt: str, original: str) -> Picture:
    """The Picture of JPEG variants (its <img>) and the AVIF/WebP copies planned beside them."""
    default = _default(variants)
    return Picture(
        src=default.url,
        variants=variants,
        width=default.width,
        height=default.height,
        alt=alt,
        original=original,
        sources=tuple(Source(fmt.mime, _variants(modern, fmt)) for fmt in encode.MODERN),
    )


def image_size(source: Path) -> tuple[int, int]:
    """Width and height as shown (EXIF orientation applied); ImageProblem when unusable."""
    return probe(source).size


def picture(
    source: Path,
    relative: str,
    alt: str,
    widths: list[int],
    output_dir: Path,
    cache_dir: Path,
    run: Run | None = None,
) -> Picture:
    """Every width smaller than the published original, plus the original itself as the largest.

    The original is published at most publish.LONGEST_SIDE px (statics copies it
    through publish.py); AVIF/WebP copies are made at every width including its own.
    Raises ImageProblem (naming `relative`) for an image past the pixel limit or
    one that does not decode.
    """
    info = probe(source, relative)
    full_width, full_height = published_size(info.size)
    sizes = [(w, round(full_height * w / full_width)) for w in sorted(set(widths)) if w < full_width]
    jpeg = _plans(source, info, sizes, [encode.JPEG], None, "")
    modern = _plans(source, info, [*sizes, (full_width, full_height)], encode.MODERN, None, "")
    _make(source, jpeg + modern, output_dir, cache_dir, run)
    variants = (*_variants(jpeg, encode.JPEG), Variant(relative, full_width, full_height))
    return _picture_of(variants, modern, alt, relative)


def crop_box(
    size: tuple[int, int], shape: tuple[int, int], focus: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest window of shape in size, centred on focus as far as the picture allows."""
    from plugins.social_cards.focus import crop_box as centred  # the social cards' own rule

    return centred(size, shape, focus)


def cropped_picture(
    source: Path,
    relative: str,
    alt: str,
    widths: list[int],
    output_dir: Path,
    cache_dir: Path,
    shape: tuple[int, int] = CARD_SHAPE,
    focus: tuple[float, float] | None = None,
    run: Run | None = None,
) -> Picture:
    """A crop of the slot's shape (a listing card: 16:9) at each width up to the crop's own.

    The crop is centred on focus (the post's card_focus) or the middle, so a
    portrait infographic is never downloaded whole for a landscape slot.
    """
    info = probe(source, relative)
    found = crop_box(info.size, shape, focus or (0.5, 0.5))
    crop_width = found[2] - found[0]
    whole = found == (0, 0, *info.size)  # already the slot's shape: the same files as picture()
    box, tag = (None, "") if whole else (found, f"{shape[0]}x{shape[1]}-")
    steps = [w for w in sorted(set(widths)) if w <= crop_width]
    if crop_width < max(widths) and crop_width not in steps:
        steps.append(crop_width)  # a small image: its crop at full size as the widest
    height = found[3] - found[1]
    sizes = [(w, round(height * w / crop_width)) for w in steps]
    jpeg = _plans(source, info, sizes, [encode.JPEG], box, tag)
    modern = _plans(source, info, sizes, encode.MODERN, box, tag)
    _make(source, jpeg + modern, output_dir, cache_dir, run)
    return _picture_of(_variants(jpeg, encode.JPEG), modern, alt, relative)
