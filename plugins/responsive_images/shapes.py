"""A scheduled post's image in the shapes Google's event results ask for: 16:9, 4:3 and 1:1.

Google wants several aspect ratios of an event's image, high-resolution, each
of at least 50,000 pixels: each is made RICH_WIDTH px wide where the source
allows. A post with a photo gets crops of it, centred on its card_focus, made and
cached like every other variant (resize.py). A post without one gets its social
cards instead: for each shape the card nearest to it, padded (never cropped, so
no text is cut) with the colour of the card's own edge.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageStat

from plugins._shared import files
from plugins._shared.image_probes import probe

from . import encode
from .resize import OUTPUT_FOLDER, Run, Variant, _make, _plans, crop_box

SHAPES = ((16, 9), (4, 3), (1, 1))
RICH_WIDTH = 1200  # as wide as the link card; at 1:1 that is 1.44 megapixels
CARD_SIZES = ("link", "square", "portrait", "story")  # the attributes of a social_cards Cards


def photo_shapes(
    source: Path,
    relative: str,
    output_dir: Path,
    cache_dir: Path,
    focus: tuple[float, float] | None = None,
    run: Run | None = None,
) -> tuple[Variant, ...]:
    """A JPEG crop of the photo in each of SHAPES, RICH_WIDTH wide or the crop's own width."""
    info = probe(source, relative)
    found = []
    for shape in SHAPES:
        box = crop_box(info.size, shape, focus or (0.5, 0.5))
        crop_width, crop_height = box[2] - box[0], box[3] - box[1]
        width = min(RICH_WIDTH, crop_width)
        size = (width, round(crop_height * width / crop_width))
        whole = box == (0, 0, *info.size)
        plans = _plans(source, info, [size], [encode.JPEG], None if whole else box, f"{shape[0]}x{shape[1]}-")
        _make(source, plans, output_dir, cache_dir, run)
        found.append(Variant(f"{OUTPUT_FOLDER}/{plans[0].name}", *size))
    return tuple(found)


def card_shapes(cards, output_dir: Path, cache_dir: Path) -> tuple[Variant, ...]:
    """For each of SHAPES the nearest card (a social_cards Cards), padded to the shape when it is not."""
    drawn = [card for card in (getattr(cards, key, None) for key in CARD_SIZES) if card is not None]
    found = []
    for shape in SHAPES:
        ratio = shape[0] / shape[1]
        card = min(drawn, key=lambda c: abs(math.log(c.width / c.height / ratio)))
        found.append(_padded(card, shape, output_dir, cache_dir))
    return tuple(found)


def _padded_size(width: int, height: int, shape: tuple[int, int]) -> tuple[int, int]:
    """The smallest canvas of `shape` that holds width x height."""
    if width * shape[1] >= height * shape[0]:  # wider than the shape: add height
        return width, round(width * shape[1] / shape[0])
    return round(height * shape[0] / shape[1]), height


def _padded(card, shape: tuple[int, int], output_dir: Path, cache_dir: Path) -> Variant:
    size = _padded_size(card.width, card.height, shape)
    if size == (card.width, card.height):
        return Variant(card.url, card.width, card.height)
    drawn = output_dir / card.url
    spec = f"pad{size}:{encode.ladder_key(encode.JPEG)}"
    key = files.sha256_with_suffixes(drawn, [spec.encode()])[0][:10]
    name = f"{Path(card.url).stem}-{shape[0]}x{shape[1]}-{key}.jpg"
    cached = cache_dir / name
    digest = files.recorded_digest(cached)
    if digest is None:
        with Image.open(drawn) as opened:
            image = opened.convert("RGB")
        canvas = Image.new("RGB", size, _edge_colour(image))
        canvas.paste(image, ((size[0] - image.width) // 2, (size[1] - image.height) // 2))
        digest = files.write_recorded(cached, encode.encode(canvas, encode.JPEG).data)
    files.copy_if_changed(cached, output_dir / OUTPUT_FOLDER / name, digest)
    return Variant(f"{OUTPUT_FOLDER}/{name}", *size)


def _edge_colour(image: Image.Image) -> tuple[int, ...]:
    """The median colour of the image's outermost pixels: the card's background."""
    width, height = image.size
    strips = [
        (0, 0, width, 1),
        (0, height - 1, width, height),
        (0, 0, 1, height),
        (width - 1, 0, width, height),
    ]
    stats = [ImageStat.Stat(image.crop(box)).median for box in strips]
    return tuple(sorted(channel)[len(channel) // 2] for channel in zip(*stats, strict=True))
