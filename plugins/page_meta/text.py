"""Fit text into the lengths platforms show (title ~70, description ~200, alt 420)."""

from __future__ import annotations

import re

TITLE_LIMIT = 70
DESCRIPTION_LIMIT = 200
ALT_LIMIT = 420
ELLIPSIS = "…"


def squash(text: str) -> str:
    """One line: runs of whitespace become one space."""
    return re.sub(r"\s+", " ", str(text or "")).strip()


def clip(text: str, limit: int) -> str:
    """Cut at a word boundary so the result, ellipsis included, fits in limit."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–—-") + ELLIPSIS
