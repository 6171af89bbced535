"""Responsive sizes for images written in a post's Markdown body.

Markdown gives a bare <img src alt>; before the page is written we add srcset,
sizes, width, height (no layout shift) and lazy loading. Only local images
inside content/ are touched; src keeps the author's form ({static}/... or /...)
so Pelican still resolves it (a bare gambar/x.jpg becomes {static}/gambar/x.jpg),
while srcset (which Pelican does not rewrite) is root-relative: the site is
served from the root of its domain.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from plugins._shared.boundary import OutsideBoundary, content_file, image_source_path

from .resize import Picture

_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
SIZES = "(min-width: 48rem) 44rem, 100vw"


def rewrite_images(content: str, content_dir: Path, make: Callable[[Path, str, str], Picture]) -> str:
    """Return content with every local <img> given srcset, sizes, size and lazy loading."""

    def upgrade(match: re.Match) -> str:
        attributes = {k: html.unescape(v) for k, v in _ATTR.findall(match.group(0))}
        src = attributes.get("src", "")
        relative = image_source_path(src)
        if relative is None or "srcset" in attributes:
            return match.group(0)
        try:  # never read a file outside content/; the checker names the post
            content_file(content_dir, relative)
        except OutsideBoundary:
            return match.group(0)
        picture = make(content_dir / relative, relative, attributes.get("alt", ""))
        if not src.startswith(("{static}", "|static|", "/")):
            # A bare path would be relative to the page's URL in the browser (a 404):
            # name the file as Pelican resolves it, from the content root.
            attributes["src"] = "{static}/" + relative
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
