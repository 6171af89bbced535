"""Pelican hook: give each post and page with an image a `picture` for the theme."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from .resize import picture

CACHE_DIR = ".cache/gambar"


def _with_images(generator):
    items = getattr(generator, "articles", None)
    if items is None:
        items = getattr(generator, "pages", [])
    return [item for item in items if "image" in getattr(item, "fields", {})]


def add_pictures(generator) -> None:
    settings = generator.settings
    content_dir = Path(settings["PATH"])
    output_dir = Path(settings["OUTPUT_PATH"])
    cache_dir = content_dir.resolve().parent / CACHE_DIR  # survives between builds

    def attach(item):
        relative = item.fields["image"]
        item.picture = picture(
            content_dir / relative,
            relative,
            item.fields.get("image_alt", ""),
            settings["IMAGE_WIDTHS"],
            output_dir,
            cache_dir,
        )

    with ThreadPoolExecutor() as pool:
        list(pool.map(attach, _with_images(generator)))


def register() -> None:
    signals.article_generator_finalized.connect(add_pictures)
    signals.page_generator_finalized.connect(add_pictures)
