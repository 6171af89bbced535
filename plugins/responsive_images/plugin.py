"""Pelican hook: give each post and page with an image a `picture` for the theme."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from plugins._shared.errors import BuildStopped
from plugins._shared.images import ImageProblem

from .body import rewrite_images
from .resize import picture

CACHE_DIR = "gambar"  # under CACHE_PATH: variants survive between builds


def _items(generator):
    """Articles (published, draft, hidden) or pages that passed the content check."""
    names = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")
    items = [item for name in names for item in getattr(generator, name, [])]
    return [item for item in items if hasattr(item, "fields")]


def add_pictures(generator) -> None:
    settings = generator.settings
    content_dir = Path(settings["PATH"])
    output_dir = Path(settings["OUTPUT_PATH"])
    cache_dir = Path(settings["CACHE_PATH"]) / CACHE_DIR

    def make(source: Path, relative: str, alt: str):
        return picture(source, relative, alt, settings["IMAGE_WIDTHS"], output_dir, cache_dir)

    def attach(item):
        try:
            if "image" in item.fields:
                relative = item.fields["image"]
                item.picture = make(content_dir / relative, relative, item.fields.get("image_alt", ""))
            item._content = rewrite_images(item._content, content_dir, make)
        except ImageProblem as problem:
            # The content check refuses such images first; this names the post if one slips past.
            where = _shown_path(item.source_path, content_dir)
            raise BuildStopped(f"{where}: {problem.message} Cara memperbaiki: {problem.fix}") from None

    with ThreadPoolExecutor() as pool:
        list(pool.map(attach, _items(generator)))


def _shown_path(source_path: str, content_dir: Path) -> str:
    """The post's file as staff see it: content/pengumuman/x.md."""
    try:
        return str(Path(source_path).resolve().relative_to(content_dir.resolve().parent))
    except ValueError:
        return str(source_path)


def register() -> None:
    signals.article_generator_finalized.connect(add_pictures)
    signals.page_generator_finalized.connect(add_pictures)
