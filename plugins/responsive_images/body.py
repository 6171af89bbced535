"""Responsive sizes for images written in a post's Markdown body.

Markdown gives a bare <img src alt>; before the page is written we add srcset,
sizes, width, height (no layout shift) and lazy loading. Only local images
under content/ are touched; src keeps the author's form ({static}/... or /...)
so Pelican still resolves it, while srcset (which Pelican does not rewrite) is
root-relative: the site is served from the root of its domain.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from .resize import Picture

_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
SIZES = "(min-width: 48rem) 44rem, 100vw"


def _local_path(src: str) -> str | None:
    if src.startswith(("http://", "https://", "data:", "//")):
        return None
    return src.removeprefix("{static}").lstrip("/")


def rewrite_images(content: str, content_dir: Path, make: Callable[[Path, str, str], Picture]) -> str:
    """Return content with every local <img> given srcset, sizes, size and lazy loading."""

    def upgrade(match: re.Match) -> str:
        attributes = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(0))}
        relative = _local_path(attributes.get("src", ""))
        if relative is None or not (content_dir / relative).is_file() or "srcset" in attributes:
            return match.group(0)
        picture = make(content_dir / relative, relative, attributes.get("alt", ""))
        attributes.update(
            srcset=picture.srcset(),
            sizes=SIZES,
            width=str(picture.width),
            height=str(picture.height),
            loading="lazy",
            decoding="async",
        )
        rendered = " ".join(f'{k}="{html.escape(v)}"' for k, v in attributes.items())
        return f"<img {rendered}>"

    return _IMG.sub(upgrade, content)
