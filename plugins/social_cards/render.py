"""Draw one card with Pillow from plain data: a checked layout section, texts, image paths.

Pure: no Pelican, no settings, no files written. Returns the image and every
element it drew with its box, so tests can check that text stays inside the
card, never overlaps, and reads at 4.5:1 against what is behind it.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from plugins._shared import files
from plugins._shared.colors import LUMA
from plugins._shared.images import read_header, to_rgba

from . import focus as focal
from .colors import MIN_CONTRAST, contrast, linear, luminance, rgb
from .fonts import STACKS
from .layout import style_of
from .text import Block, draw_block, fit, metrics


@dataclass(frozen=True)
class CardSpec:
    """Everything one card is drawn from; plain data, so it crosses process boundaries."""

    size: tuple[int, int]
    elements: dict[str, dict[str, Any]]  # a checked layout section (layout.Layout.sizes[...])
    texts: dict[str, str]  # text source -> text ("" when the post has none); also "card_focus"
    images: dict[str, str]  # "image", "background", "logo" -> absolute path


@dataclass(frozen=True)
class Drawn:
    """One element as drawn; box is (left, top, right, bottom) in pixels."""

    name: str
    type: str
    box: tuple[int, int, int, int]
    foreground: bool
    lines: tuple[str, ...] = ()
    size: int = 0
    truncated: bool = False
    contrast: float | None = None  # text against what is behind it, after any veil
    veiled: bool = False  # the text needed a veil: the layout's scrim was not enough
    fonts: tuple[str, ...] = ()


@dataclass
class Rendered:
    image: Image.Image
    drawn: list[Drawn] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # text elements that found no room


_LINEAR_LUT = [round(linear(i / 255) * 255) for i in range(256)] * 3


def luminance_range(image: Image.Image, box) -> tuple[float, float]:
    """Lowest and highest relative luminance of the pixels in box."""
    region = image.crop(box).convert("RGB").point(_LINEAR_LUT)
    low, high = region.convert("L", matrix=(*LUMA, 0)).getextrema()
    return max(0, low - 0.5) / 255, min(255, high + 0.5) / 255


# --- the card -------------------------------------------------------------------------


def facts_of(spec: CardSpec) -> set[str]:
    return {k for k, v in spec.texts.items() if v} | {k for k, v in spec.images.items() if v}


def visible(element: dict, facts: set[str]) -> bool:
    return all(f in facts for f in element["requires"]) and not any(f in facts for f in element["unless"])


def text_of(element: dict, texts: dict[str, str]) -> str:
    value = element["text"] if element["text"] is not None else texts.get(element["source"], "")
    if element.get("breaks"):  # keep the text's own lines (an infographic's steps)
        value = "\n".join(" ".join(line.split()) for line in (value or "").split("\n") if line.strip())
    else:
        value = " ".join((value or "").split())
    return value.upper() if element["uppercase"] else value


def render(spec: CardSpec) -> Rendered:
    """Draw the card described by spec."""
    canvas = Image.new("RGBA", spec.size, (255, 255, 255, 255))
    facts = facts_of(spec)
    shown = {n: e for n, e in spec.elements.items() if visible(e, facts)}
    stacked = {item for e in spec.elements.values() if e["type"] == "stack" for item in e["items"]}
    result = Rendered(canvas)
    order = sorted((e["layer"], i, n) for i, (n, e) in enumerate(shown.items()) if n not in stacked)
    for _, _, name in order:
        element = shown[name]
        kind = element["type"]
        if kind in ("fill", "shape"):
            _shape(canvas, element)
            result.drawn.append(Drawn(name, kind, _corners(element["box"]), False))
        elif kind == "gradient":
            _gradient(canvas, element)
            result.drawn.append(Drawn(name, kind, _corners(element["box"]), False))
        elif kind == "pattern":
            _pattern(canvas, element)
            result.drawn.append(Drawn(name, kind, _corners(element["box"]), False))
        elif kind == "image":
            box = _image(canvas, element, spec.images.get(element["source"]), spec.texts.get(FOCUS_KEY))
            if box:
                result.drawn.append(Drawn(name, kind, box, element["fit"] == "contain"))
        elif kind == "logo":
            box = _logo(canvas, element, spec.images.get("logo"))
            if box:
                result.drawn.append(Drawn(name, kind, box, True))
        elif kind == "text":
            text = text_of(element, spec.texts)
            if text:
                x, y, w, h = element["box"]
                placed = _set(element, text, w, h)
                if placed is None:
                    result.omitted.append(name)
                    continue
                top = y + _offset(element["valign"], h - placed.height)
                result.drawn.append(_draw_text(canvas, name, element, placed, x, top, w))
        elif kind == "stack":
            _stack(canvas, element, shown, spec.texts, result)
    result.image = canvas.convert("RGB")
    return result


def _offset(valign: str, room: int) -> int:
    """How far down a block goes in a box with room to spare."""
    return {"top": 0, "center": room // 2, "bottom": room}[valign]


def _corners(box) -> tuple[int, int, int, int]:
    x, y, w, h = box
    return (x, y, x + w, y + h)


# --- text -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    block: Block
    pad: tuple[int, int]

    @property
    def height(self) -> int:
        return self.block.height + 2 * self.pad[1]


def _set(element: dict, text: str, width: int, height: int) -> _Placed | None:
    pad = tuple(int(p) for p in element["padding"])
    block = fit(text, style_of(element), width - 2 * pad[0], height - 2 * pad[1])
    return _Placed(block, pad) if block.lines else None


def _one_line(element: dict) -> int:
    """Height of one line at the smallest size, padding included."""
    ascent, descent = metrics(element["font"], element["size"][0])
    return ascent + descent + 2 * int(element["padding"][1])


def _stack(canvas, stack, shown, texts, result: Rendered) -> None:
    """Set the stack's texts top to bottom; the growing one (the title) gets the room left.

    An item that `yields` (the partners' names) makes way, the last first, while the
    title would otherwise be cut.
    """
    x, y, w, h = stack["box"]
    gap = stack["gap"]
    items = [(n, shown[n], text_of(shown[n], texts)) for n in stack["items"] if n in shown]
    items = [(n, e, t) for n, e, t in items if t]
    grower = next((n for n, e, _ in items if e["grow"]), None)
    placed, left_out = _set_stack(items, grower, w, h, gap)
    yielding = [n for n, e, _ in reversed(items) if e["yields"]]
    made_way: list[str] = []
    while grower and yielding and (grower not in placed or placed[grower].block.truncated):
        made_way.append(yielding.pop(0))
        items = [item for item in items if item[0] != made_way[-1]]
        placed, left_out = _set_stack(items, grower, w, h, gap)
    result.omitted.extend(left_out + made_way)
    order = [n for n, _, _ in items if n in placed]
    total = sum(placed[n].height for n in order) + gap * max(0, len(order) - 1)
    top = y + _offset(stack["valign"], h - total)
    for item in order:
        result.drawn.append(_draw_text(canvas, item, shown[item], placed[item], x, top, w))
        top += placed[item].height + gap


def _set_stack(items, grower, w: int, h: int, gap: int) -> tuple[dict[str, _Placed], list[str]]:
    """Each item set in the room it gets (the grower last, in what is left); those that found none."""
    reserve = _one_line(next(e for n, e, _ in items if n == grower)) if grower else 0
    gaps = gap * (len(items) - 1)
    placed: dict[str, _Placed] = {}
    left_out: list[str] = []
    used = 0
    for item, element, text in items:
        if item == grower:
            continue
        room = h - reserve - gaps - used
        got = _set(element, text, w, room) if room > 0 else None
        if got is None:
            left_out.append(item)
            continue
        placed[item] = got
        used += got.height
    if grower:
        element, text = next((e, t) for n, e, t in items if n == grower)
        got = _set(element, text, w, h - gaps - used)
        if got is None:
            left_out.append(grower)
        else:
            placed[grower] = got
    return placed, left_out


def _draw_text(canvas, name, element, placed: _Placed, x, top, width) -> Drawn:
    block, (pad_x, pad_y) = placed.block, placed.pad
    colour = rgb(element["color"])
    inner_width = width - 2 * pad_x
    starts = [_line_left(element["align"], line.width, x + pad_x, inner_width) for line in block.lines]
    left = min(starts)
    right = max(start + line.width for start, line in zip(starts, block.lines, strict=True))
    if element["pill"]:
        if element["wide"]:
            pill = (x, top, x + width, top + placed.height)
        else:
            pill = (math.floor(left - pad_x), top, math.ceil(right + pad_x), top + placed.height)
        radius = min(placed.height // 2, 12)
        ImageDraw.Draw(canvas).rounded_rectangle(pill, radius=radius, fill=rgb(element["pill"]))
        ratio = contrast(luminance(colour), luminance(rgb(element["pill"])))
        area, veiled = pill, False
    else:
        area = (math.floor(left), top, math.ceil(right), top + placed.height)
        ratio, veiled = _ensure_contrast(canvas, area, colour)
    ink = draw_block(canvas, block, x + pad_x, top + pad_y, inner_width, element["align"], colour)
    if element["strike"]:
        _strike(canvas, block, starts, top + pad_y, colour)
    if ink:
        area = (min(area[0], ink[0]), min(area[1], ink[1]), max(area[2], ink[2]), max(area[3], ink[3]))
    used = sorted(
        {
            STACKS[block.stack][r.face] if r.face >= 0 else "NotoColorEmoji.ttf"
            for line in block.lines
            for r in line.runs
        }
    )
    return Drawn(
        name,
        "text",
        area,
        True,
        tuple(line.text for line in block.lines),
        block.size,
        block.truncated,
        round(ratio, 2),
        veiled,
        tuple(used),
    )


def _strike(canvas, block, starts, top, colour) -> None:
    """A line through the middle of each line's lower-case letters, a tenth of the size thick."""
    draw = ImageDraw.Draw(canvas)
    thickness = max(2, round(block.size / 10))
    for number, (start, line) in enumerate(zip(starts, block.lines, strict=True)):
        middle = top + block.ascent + number * block.pitch - round(block.size * 0.3)
        draw.rectangle(
            (
                math.floor(start),
                middle - thickness // 2,
                math.ceil(start + line.width),
                middle + thickness // 2,
            ),
            fill=colour,
        )


def _line_left(align, line_width, x, width) -> float:
    if align == "center":
        return x + (width - line_width) / 2
    if align == "right":
        return x + width - line_width
    return x


def _ensure_contrast(canvas: Image.Image, area, colour) -> tuple[float, bool]:
    """Darken (or lighten) what is behind the text until it reads at 4.5:1.

    Returns the contrast ratio and whether a veil was needed.

    Layouts put a scrim behind text on photos, so this rarely acts; it is the
    guarantee for a photo brighter than the scrim was made for.
    """
    text_luminance = luminance(colour)
    light_text = text_luminance > 0.18
    low, high = luminance_range(canvas, area)
    worst = high if light_text else low
    ratio = contrast(text_luminance, worst)
    if ratio >= MIN_CONTRAST:
        return ratio, False
    veil = (0, 0, 0) if light_text else (255, 255, 255)
    box = _clip(canvas, (area[0] - 16, area[1] - 8, area[2] + 16, area[3] + 8))
    for step in range(1, 21):
        alpha = step / 20
        trial = canvas.crop(box)
        trial = Image.blend(trial, Image.new("RGBA", trial.size, (*veil, 255)), alpha)
        low, high = luminance_range(trial, (0, 0, *trial.size))
        ratio = contrast(text_luminance, high if light_text else low)
        if ratio >= MIN_CONTRAST:
            break
    _rounded_paste(canvas, trial, box)
    return ratio, True


def _rounded_paste(canvas, image, box, radius: int = 12) -> None:
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, image.width - 1, image.height - 1), radius, fill=255)
    canvas.paste(image, box[:2], mask)


# --- shapes, gradients, images -----------------------------------------------------------


def _clip(canvas: Image.Image, box) -> tuple[int, int, int, int] | None:
    """The part of (left, top, right, bottom) that lies on the canvas."""
    left, top = max(0, box[0]), max(0, box[1])
    right, bottom = min(canvas.width, box[2]), min(canvas.height, box[3])
    return (left, top, right, bottom) if left < right and top < bottom else None


def _shape(canvas, element) -> None:
    """A translucent rectangle or ellipse, composited only where it falls on the card."""
    x0, y0, x1, y1 = _corners(element["box"])
    region = _clip(canvas, (x0, y0, x1, y1))
    if region is None:
        return
    fill = (*rgb(element["color"]), round(255 * element["opacity"]))
    if fill[3] == 255:  # composited, an opaque pixel replaces the card's: draw it in place
        _outline(ImageDraw.Draw(canvas), element, (x0, y0, x1 - 1, y1 - 1), fill)
        return
    layer = _shape_layer(region, (x0, y0, x1, y1), element.get("shape"), element.get("radius"), fill)
    canvas.alpha_composite(layer, dest=region[:2])


def _outline(draw: ImageDraw.ImageDraw, element: dict, box, fill) -> None:
    if element.get("shape") == "ellipse":
        draw.ellipse(box, fill=fill)
    elif element.get("radius"):
        draw.rounded_rectangle(box, element["radius"], fill=fill)
    else:
        draw.rectangle(box, fill=fill)


@functools.lru_cache(maxsize=64)
def _shape_layer(region, corners, shape, radius, fill) -> Image.Image:
    """A translucent shape on its own layer: the same for every card of the layout (kept, not changed)."""
    x0, y0, x1, y1 = corners
    layer = Image.new("RGBA", (region[2] - region[0], region[3] - region[1]), (0, 0, 0, 0))
    box = (x0 - region[0], y0 - region[1], x1 - 1 - region[0], y1 - 1 - region[1])
    _outline(ImageDraw.Draw(layer), {"shape": shape, "radius": radius}, box, fill)
    return layer


def _pattern(canvas, element) -> None:
    """A motif over its box: diagonal stripes, a grid of dots, horizontal lines or a grid."""
    x0, y0, x1, y1 = _corners(element["box"])
    region = _clip(canvas, (x0, y0, x1, y1))
    if region is None:
        return
    mask = _motif(
        region, (x0, y0), element["motif"], element["spacing"], element["weight"], element["opacity"]
    )
    colour = Image.new("RGBA", mask.size, (*rgb(element["color"]), 255))
    canvas.paste(colour, region[:2], mask)


@functools.lru_cache(maxsize=64)
def _motif(region, corner, motif: str, step: int, weight: int, opacity: float) -> Image.Image:
    """Where a pattern's colour goes: the same for every card of the layout (kept, not changed)."""
    w, h = region[2] - region[0], region[3] - region[1]
    mask = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(mask)
    # Positions are counted from the element's own corner, so a clipped motif keeps its rhythm.
    ox, oy = corner[0] - region[0], corner[1] - region[1]
    if motif == "stripes":  # 45 degrees, rising to the right
        for base in range(ox - h - step, w + step, step):
            draw.polygon([(base, h), (base + weight, h), (base + weight + h, 0), (base + h, 0)], fill=255)
    elif motif == "dots":
        r = weight / 2
        for cy in range(oy + step // 2, h, step):
            for cx in range(ox + step // 2, w, step):
                draw.ellipse((cx - r, cy - r, cx + r - 1, cy + r - 1), fill=255)
    else:
        for top in range(oy + step // 2, h, step):
            draw.rectangle((0, top - weight // 2, w - 1, top - weight // 2 + weight - 1), fill=255)
        if motif == "grid":
            for left in range(ox + step // 2, w, step):
                draw.rectangle((left - weight // 2, 0, left - weight // 2 + weight - 1, h - 1), fill=255)
    if opacity < 1:
        mask = mask.point(lambda v: round(v * opacity))
    return mask


def _smooth(t: float) -> float:
    return t * t * (3 - 2 * t)


def _gradient(canvas, element) -> None:
    x, y, w, h = element["box"]
    direction = element["direction"]
    length = w if direction in ("right", "left") else h
    start, first, last = element["start"], element["from"], element["to"]
    values = []
    for i in range(length):
        t = i / max(1, length - 1)
        u = 0.0 if t <= start else (t - start) / max(1e-6, 1 - start)
        values.append(round(255 * (first + (last - first) * _smooth(u))))
    ramp = Image.new("L", (length, 1))
    ramp.putdata(values)
    if direction in ("left", "up"):
        ramp = ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if direction in ("down", "up"):
        ramp = ramp.transpose(Image.Transpose.ROTATE_270)
    mask = ramp.resize((w, h), Image.Resampling.BILINEAR)
    colour = Image.new("RGBA", (w, h), (*rgb(element["color"]), 255))
    region = canvas.crop((x, y, x + w, y + h))
    region.paste(colour, (0, 0), mask)
    canvas.paste(region, (x, y))


# Larger than any box of any card: sources are reduced to this first (memory, speed).
SOURCE_LIMIT = (2400, 2400)


def _version(path: str) -> tuple:
    """A file as it is now: a key for what is made from it, in a process that outlives a build."""
    return (path, *files.signatures((path,)))


def _open(path: str) -> Image.Image:
    """An image upright, in 8-bit RGBA, no larger than SOURCE_LIMIT; kept for the next card."""
    return _decoded(_version(path))


# Cards arrive in batches sharing a picture (batch.py): a few kept pictures are enough,
# and a 2400 px source is 23 MB in memory.
@functools.lru_cache(maxsize=4)
def _decoded(version: tuple) -> Image.Image:
    path = version[0]
    read_header(path)  # refuses an image past the pixel limit before it is decoded
    with Image.open(path) as image:
        image.draft(image.mode, SOURCE_LIMIT)  # a JPEG decodes straight at a smaller scale
        image = to_rgba(ImageOps.exif_transpose(image))  # 16-bit greyscale scaled, not white
    image.thumbnail(SOURCE_LIMIT, Image.Resampling.LANCZOS)
    return image


def release_pictures() -> None:
    """Forget the decoded and scaled pictures and layers (a long-lived process that drew a few cards)."""
    for kept in (_decoded, _scalable, _picture, _auto_focus_of, _shape_layer, _shadow_layer, _motif):
        kept.cache_clear()


FOCUS_KEY = "card_focus"  # in CardSpec.texts: the post's focal point, "x, y" (content.py)


def _auto_focus(path: str, box: tuple[int, int]) -> focal.Point:
    return _auto_focus_of(_version(path), box)


@functools.lru_cache(maxsize=32)
def _auto_focus_of(version: tuple, box: tuple[int, int]) -> focal.Point:
    return focal.auto_focus(_decoded(version), box)


@functools.lru_cache(maxsize=4)
def _scalable(version: tuple) -> Image.Image:
    """The source to scale: without its alpha channel when that is opaque throughout.

    Scaling RGBA works on premultiplied colour (two conversions); an opaque picture
    scaled as RGB comes out with the very same pixels, sooner.
    """
    source = _decoded(version)
    if source.getchannel("A").getextrema() == (255, 255):
        return source.convert("RGB")
    return source


@functools.lru_cache(maxsize=8)
def _picture(version: tuple, size: tuple[int, int], window, radius: int):
    """The source scaled for one box, and where it shows: its transparency, in rounded corners.

    `window`: the part a cover shows (cover_window); None: contained whole. Kept for
    the next card with the same picture in the same box; pasted from, never changed.
    """
    source = _scalable(version)
    if window is None:
        picture = ImageOps.contain(source, size, Image.Resampling.LANCZOS)
    else:
        picture = source.resize(size, Image.Resampling.LANCZOS, box=window)
    picture = picture.convert("RGBA")
    mask = picture.getchannel("A")
    if radius:
        rounded = Image.new("L", picture.size, 0)
        ImageDraw.Draw(rounded).rounded_rectangle(
            (0, 0, picture.width - 1, picture.height - 1), radius, fill=255
        )
        mask = ImageChops.multiply(mask, rounded)
    return picture, mask


def focus_for(element: dict, path: str, written: str | None) -> focal.Point:
    """Where a cover crop is centred: the post's card_focus, else the layout's focus, else automatic."""
    if written:
        return focal.parse_focus(written)
    if element["focus"] is not None:
        return tuple(element["focus"])
    return _auto_focus(path, tuple(element["box"][2:]))


def cover_window(element: dict, path: str, written: str | None = None) -> tuple[int, int, int, int]:
    """The part of the (reduced) source a cover image shows, in the source's pixels."""
    source = _open(path)
    return focal.crop_box(source.size, tuple(element["box"][2:]), focus_for(element, path, written))


def _image(canvas, element, path: str | None, written_focus: str | None = None):
    if not path:
        return None
    x, y, w, h = element["box"]
    radius = element["radius"]
    if element["fit"] == "cover":
        window = cover_window(element, path, written_focus)
        picture, mask = _picture(_version(path), (w, h), window, radius)
        left, top = x, y
    else:
        picture, mask = _picture(_version(path), (w, h), None, radius)
        left = x + {"left": 0, "right": w - picture.width}.get(element["align"], (w - picture.width) // 2)
        top = y + {"top": 0, "bottom": h - picture.height}.get(element["align"], (h - picture.height) // 2)
    box = (left, top, left + picture.width, top + picture.height)
    if element["shadow"]:
        _shadow(canvas, box, radius)
    if element["frame"] and element["frame_width"]:
        f = element["frame_width"]
        ImageDraw.Draw(canvas).rounded_rectangle(
            (box[0] - f, box[1] - f, box[2] + f - 1, box[3] + f - 1),
            radius + f if radius else 0,
            fill=rgb(element["frame"]),
        )
    canvas.paste(picture, (left, top), mask)
    if element["frame"] and element["frame_width"]:
        f = element["frame_width"]
        return (box[0] - f, box[1] - f, box[2] + f, box[3] + f)
    return box


SHADOW_BLUR, SHADOW_DROP = 18, 10


def _shadow(canvas, box, radius) -> None:
    """A soft shadow under a picture, blurred only around it."""
    blur, drop = SHADOW_BLUR, SHADOW_DROP
    region = _clip(
        canvas, (box[0] - 3 * blur, box[1] - 3 * blur, box[2] + 3 * blur, box[3] + drop + 3 * blur)
    )
    if region is None:
        return
    canvas.alpha_composite(_shadow_layer(region, box, radius), dest=region[:2])


@functools.lru_cache(maxsize=16)
def _shadow_layer(region, box, radius) -> Image.Image:
    """The blurred shadow of a picture's box: the same for every card with that box (kept, not changed)."""
    layer = Image.new("RGBA", (region[2] - region[0], region[3] - region[1]), (0, 0, 0, 0))
    ImageDraw.Draw(layer).rounded_rectangle(
        (
            box[0] - region[0],
            box[1] + SHADOW_DROP - region[1],
            box[2] - region[0],
            box[3] + SHADOW_DROP - region[1],
        ),
        max(radius, 4),
        fill=(0, 0, 0, 110),
    )
    return layer.filter(ImageFilter.GaussianBlur(SHADOW_BLUR))


def _logo(canvas, element, path: str | None):
    if not path:
        return None
    x, y, w, h = element["box"]
    if element["backdrop"]:
        ImageDraw.Draw(canvas).ellipse((x, y, x + w - 1, y + h - 1), fill=rgb(element["backdrop"]))
    pad = element["padding"]
    logo, mask = _picture(_version(path), (w - 2 * pad, h - 2 * pad), None, 0)
    left, top = x + (w - logo.width) // 2, y + (h - logo.height) // 2
    canvas.paste(logo, (left, top), mask)
    return (x, y, x + w, y + h) if element["backdrop"] else (left, top, left + logo.width, top + logo.height)
