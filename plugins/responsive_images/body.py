"""Responsive sizes for images written in a post's Markdown body.

Markdown gives a bare <img src alt>; before the page is written it becomes a
<picture>: AVIF/WebP <source>s, then the <img> with a JPEG srcset, sizes,
width, height (no layout shift) and lazy loading. Only local images
inside content/ are touched; src names the file as Pelican resolves it
({static}/gambar/x.jpg, also for a bare gambar/x.jpg), while srcset (which
Pelican does not rewrite) is root-relative: the site is served from the root of
its domain. The body is parsed and written with lxml, and only when it has an
image to change, so every other body is left byte for byte as Markdown wrote it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import lxml.html

from plugins._shared.boundary import OutsideBoundary, content_file, image_source_path

from .resize import Picture

SIZES = "(min-width: 48rem) 44rem, 100vw"


def _local(img, content_dir: Path, post_folder: str) -> str | None:
    """The content-relative path of a local <img> to upgrade, or None to leave it."""
    if img.get("srcset") is not None or img.getparent() is not None and img.getparent().tag == "picture":
        return None
    relative = image_source_path(img.get("src", ""), post_folder)
    if relative is None:
        return None
    try:  # never read a file outside content/; the checker names the post
        content_file(content_dir, relative)
    except OutsideBoundary:
        return None
    return relative


def rewrite_images(
    content: str, content_dir: Path, make: Callable[[Path, str, str], Picture], post_folder: str = ""
) -> str:
    """Return content with every local <img> in a <picture>, given srcset, sizes, size and lazy loading."""
    if "<img" not in content:
        return content
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    found = [
        (img, relative)
        for img in root.iter("img")
        if (relative := _local(img, content_dir, post_folder)) is not None
    ]
    if not found:
        return content
    for img, relative in found:
        picture = make(content_dir / relative, relative, img.get("alt", ""))
        # As Pelican resolves it, from the content root: a bare path would be
        # relative to the page's URL in the browser (a 404).
        img.set("src", "{static}/" + relative)
        for name, value in (
            ("srcset", picture.srcset()),
            ("sizes", SIZES),
            ("width", str(picture.width)),
            ("height", str(picture.height)),
            ("loading", "lazy"),
            ("decoding", "async"),
        ):
            img.set(name, value)
        wrapper = lxml.html.Element("picture")
        img.addprevious(wrapper)
        for source in picture.sources:
            if source.variants:
                wrapper.append(
                    lxml.html.Element("source", type=source.type, srcset=source.srcset(), sizes=SIZES)
                )
        wrapper.tail, img.tail = img.tail, None
        wrapper.append(img)
    text = html.escape(root.text, quote=False) if root.text else ""
    return text + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
