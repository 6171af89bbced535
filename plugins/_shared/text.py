"""Shortening text for places with a length limit, without breaking a character.

A cut lands on a word boundary when it can and always on a grapheme boundary
(regex's \\X), so an emoji family or a flag is never split into broken halves.
"""

from __future__ import annotations

import regex

ELLIPSIS = "…"
ALT_LIMIT = 420  # characters of alt text X, and so every platform, accepts
GRAPHEME = regex.compile(r"\X")  # one user-perceived character


def squash(text: str) -> str:
    """One line: runs of whitespace become one space."""
    return " ".join(str(text or "").split())


def clip(text: str, limit: int) -> str:
    """Fit text in limit characters (ellipsis included), cutting between words."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = ""
    for grapheme in GRAPHEME.findall(text):
        if len(cut) + len(grapheme) > limit - len(ELLIPSIS):
            break
        cut += grapheme
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–—-") + ELLIPSIS
