"""Colours of the cards: the names a layout may use, and WCAG contrast."""

from __future__ import annotations

import re

from plugins._shared.colors import contrast, contrast_of, linear, luminance, rgb

__all__ = [
    "FIXED",
    "HEX",
    "MIN_CONTRAST",
    "contrast",
    "contrast_of",
    "linear",
    "luminance",
    "mix",
    "palette",
    "rgb",
]

FIXED = {
    "white": "#ffffff",
    "black": "#000000",
    "ink": "#1c2321",
    # The kinds' own colours beside the library's (theme/cards/): each kind is told apart in a feed.
    "navy": "#1d3b66",  # tutorials
    "plum": "#4a2660",  # digital-literacy tips
    "sun": "#ffd45c",  # announcements; badges (ink on it: 11:1)
    "cream": "#fbf5ea",  # new books
}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5  # WCAG AA for normal text


def palette(profile_colors: dict[str, str]) -> dict[str, str]:
    """Colour names a layout may use: white, black, ink, and each profile colour with -dark and -light."""
    names = dict(FIXED)
    for name, value in profile_colors.items():
        names[name] = value.lower()
        names[f"{name}-dark"] = mix(value, "#000000", 0.5)
        names[f"{name}-light"] = mix(value, "#ffffff", 0.9)
    return names


def mix(colour: str, other: str, amount: float) -> str:
    a, b = rgb(colour), rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))
