"""Colours of the cards: the names a layout may use, and WCAG contrast."""

from __future__ import annotations

import re

FIXED = {"white": "#ffffff", "black": "#000000", "ink": "#1c2321"}
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
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def linear(channel: float) -> float:
    """An sRGB channel (0-1) as linear light."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    r, g, b = (linear(c / 255) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: float, b: float) -> float:
    """WCAG contrast ratio of two luminances."""
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def contrast_of(first: str, second: str) -> float:
    return contrast(luminance(rgb(first)), luminance(rgb(second)))
