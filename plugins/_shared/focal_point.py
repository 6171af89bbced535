"""A picture's focal point as staff write it: "0.5, 0.3", or words (atas, tengah, bawah, kiri, kanan).

Parsed once here: the card_focus field (content_model) and the card renderer
(social_cards, which reads the point back from the card's texts) share it.
"""

from __future__ import annotations

import re

Point = tuple[float, float]

# Words staff may write; each sets one axis (the other stays centred): "atas kiri" is both.
WORDS: dict[str, tuple[int, float]] = {
    "atas": (1, 0.0),
    "tengah": (-1, 0.5),
    "bawah": (1, 1.0),
    "kiri": (0, 0.0),
    "kanan": (0, 1.0),
}
_NUMBERS = re.compile(r"^[\d.,;\s]+$")


class FocusError(ValueError):
    """card_focus written in a form that is not understood (Indonesian message)."""


def parse_focus(value) -> Point:
    """A focal point from what a post says: "0.5, 0.3", [0.5, 0.3] or words (atas, kiri...)."""
    if (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        x, y = float(value[0]), float(value[1])
        if 0 <= x <= 1 and 0 <= y <= 1:
            return (x, y)
        raise FocusError("kedua angka titik fokus harus antara 0 dan 1.")
    text = str(value).strip().lower()
    words = text.replace(",", " ").split()
    if words and all(w in WORDS for w in words):
        point = [0.5, 0.5]
        for word in words:
            axis, where = WORDS[word]
            if axis >= 0:
                point[axis] = where
        return (point[0], point[1])
    numbers = re.findall(r"\d*\.?\d+", text) if _NUMBERS.match(text) else []
    if len(numbers) == 2:
        x, y = float(numbers[0]), float(numbers[1])
        if 0 <= x <= 1 and 0 <= y <= 1:
            return (x, y)
    raise FocusError(
        f"'{value}' bukan titik fokus yang dikenal. Tulis dua angka 0 sampai 1 (mendatar, "
        'menurun), misalnya "0.5, 0.3", atau kata: atas, tengah, bawah, kiri, kanan.'
    )


def format_focus(point: Point) -> str:
    return f"{point[0]:.3f}, {point[1]:.3f}"
