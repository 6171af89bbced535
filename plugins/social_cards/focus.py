"""Where a cover-cropped picture is cut: the post's focal point, else the most detailed part.

Pure Pillow, no machine learning. A post may name its focal point
(`card_focus: "0.5, 0.3"` or words: atas, tengah, bawah, kiri, kanan); the
crop window is then centred on that point as far as the picture allows, so the
point is always inside it.

Without one, the window is chosen by edge energy, a well-known heuristic:
the picture is reduced to about 160 px, its edges found (ImageFilter.FIND_EDGES
on the greyscale), weak edges (JPEG noise, soft gradients) dropped, and the
window of the card's shape that holds the most edge energy wins, ties going to
the centre. Faces, hands, book spines and lettering are where the edges are;
flat walls, sky and floor are not, so they are what gets cut.
"""

from __future__ import annotations

from PIL import Image, ImageFilter

from plugins._shared.focal_point import WORDS, FocusError, Point, format_focus, parse_focus

__all__ = ["WORDS", "FocusError", "Point", "auto_focus", "crop_box", "format_focus", "parse_focus"]

ENERGY_SIZE = 160  # the longer side of the picture the energy is measured on
NOISE = 24  # edge strengths below this (0-255) are JPEG noise and soft shading
CENTRE_BIAS = 0.02  # share of the best score a window gives up per its distance from the centre


def crop_box(size: tuple[int, int], target: tuple[int, int], focus: Point) -> tuple[int, int, int, int]:
    """The largest window of the target's shape, centred on focus as far as the picture allows."""
    width, height = size
    aspect = target[0] / target[1]
    if width / height > aspect:
        crop_w, crop_h = max(1, round(height * aspect)), height
    else:
        crop_w, crop_h = width, max(1, round(width / aspect))
    left = _clamp(round(focus[0] * width - crop_w / 2), 0, width - crop_w)
    top = _clamp(round(focus[1] * height - crop_h / 2), 0, height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def energy(image: Image.Image) -> Image.Image:
    """Edge energy of a small copy of the picture (L mode, ENERGY_SIZE on the longer side)."""
    small = image.convert("RGB")
    small.thumbnail((ENERGY_SIZE, ENERGY_SIZE), Image.Resampling.BILINEAR)
    edges = small.convert("L").filter(ImageFilter.FIND_EDGES)
    edges = edges.point(lambda v: 0 if v < NOISE else v)
    # FIND_EDGES sees the picture's own border as an edge: leave a 1 px frame out.
    inner = Image.new("L", edges.size, 0)
    if edges.width > 2 and edges.height > 2:
        inner.paste(edges.crop((1, 1, edges.width - 1, edges.height - 1)), (1, 1))
    return inner


def auto_focus(image: Image.Image, target: tuple[int, int]) -> Point:
    """The centre of the window of the target's shape that holds the most edge energy."""
    field = energy(image)
    w, h = field.size
    left, top, right, bottom = crop_box((w, h), target, (0.5, 0.5))
    crop_w, crop_h = right - left, bottom - top
    if crop_w < w:  # the window slides across
        profile = list(field.resize((w, 1), Image.Resampling.BOX).tobytes())
        best = _best_start(profile, crop_w)
        return ((best + crop_w / 2) / w, 0.5)
    if crop_h < h:  # the window slides down
        profile = list(field.resize((1, h), Image.Resampling.BOX).tobytes())
        best = _best_start(profile, crop_h)
        return (0.5, (best + crop_h / 2) / h)
    return (0.5, 0.5)


def _best_start(profile: list[float], window: int) -> int:
    """Where a window of this length over the profile holds the most, ties to the centre."""
    count = len(profile) - window + 1
    total = sum(profile[:window])
    sums = [total]
    for start in range(1, count):
        total += profile[start + window - 1] - profile[start - 1]
        sums.append(total)
    peak = max(sums) or 1.0
    centre = (count - 1) / 2
    span = max(1.0, centre)
    scores = [s - CENTRE_BIAS * peak * abs(i - centre) / span for i, s in enumerate(sums)]
    return max(range(count), key=lambda i: (scores[i], -abs(i - centre)))
