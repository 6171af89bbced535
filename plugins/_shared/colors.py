"""WCAG colour arithmetic: relative luminance and contrast, the one definition."""

from __future__ import annotations


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def linear(channel: float) -> float:
    """An sRGB channel (0-1) as linear light."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


# WCAG's (and sRGB's) weights of linear red, green and blue in relative luminance.
LUMA = (0.2126, 0.7152, 0.0722)


def luminance(colour: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    return sum(weight * linear(c / 255) for weight, c in zip(LUMA, colour, strict=True))


def contrast(a: float, b: float) -> float:
    """WCAG contrast ratio of two luminances."""
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def contrast_of(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    return contrast(luminance(rgb(first)), luminance(rgb(second)))
