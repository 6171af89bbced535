"""Pelican hook: give each post and page with an image a `picture` for the theme.

Posts also get `card_picture`, a 16:9 crop for listing cards; scheduled posts
(events) get `shaped_images`, their image in the shapes Google's event results
ask for (shapes.py); and the context gets LOGO, the profile's logo at the sizes
the header and favicon show.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from plugins._shared import files, one_post
from plugins._shared.errors import BuildStopped
from plugins._shared.focal_point import parse_focus
from plugins._shared.image_probes import probe
from plugins._shared.images import ImageProblem

from .body import rewrite_images
from .logo import logo
from .resize import EncodingNeeded, Run, cropped_picture, picture
from .shapes import card_shapes, photo_shapes

logger = logging.getLogger(__name__)

CACHE_DIR = "gambar"  # under CACHE_PATH: variants survive between builds
CARD_WIDTH = 1200  # social cards (plugins/social_cards) are 1200 px wide: a narrower photo blurs


def _items(generator):
    """Articles (published, draft, hidden) or pages that passed the content check."""
    names = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")
    items = [item for name in names for item in getattr(generator, name, [])]
    return [item for item in items if hasattr(item, "fields")]


def cache_dir_of(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / CACHE_DIR


def add_pictures(generator) -> None:
    settings = generator.settings
    with_cards = hasattr(generator, "articles")  # only posts are shown as cards in listings
    give_pictures(_items(generator), settings, with_cards)
    _add_logo(generator, Path(settings["PATH"]), Path(settings["OUTPUT_PATH"]), cache_dir_of(settings))


def give_pictures(items: list, settings: dict, with_cards: bool) -> None:
    """Each item's `picture` (and, for posts, `card_picture` and `shaped_images`), and its body's images."""
    content_dir = Path(settings["PATH"])
    output_dir = Path(settings["OUTPUT_PATH"])
    cache_dir = cache_dir_of(settings)
    widths = settings["IMAGE_WIDTHS"]
    # Many posts share a photo: its copies are made or checked once. Every item is
    # first done here, with no encoding: when all copies are there (a warm build),
    # threads would only take turns with the GIL. Items with copies to encode go to
    # threads afterwards (Pillow's encoders release the GIL).
    run = Run(may_encode=False)

    def make(source: Path, relative: str, alt: str):
        return picture(source, relative, alt, widths, output_dir, cache_dir, run)

    def attach(item):
        try:
            if "image" in item.fields:
                relative = item.fields["image"]
                alt = item.fields.get("image_alt", "")
                item.picture = make(content_dir / relative, relative, alt)
                if with_cards:
                    focus = _focus(item.fields.get("card_focus"))
                    item.card_picture = cropped_picture(
                        content_dir / relative,
                        relative,
                        alt,
                        widths,
                        output_dir,
                        cache_dir,
                        focus=focus,
                        run=run,
                    )
                    if _scheduled(item):
                        item.shaped_images = photo_shapes(
                            content_dir / relative, relative, output_dir, cache_dir, focus, run
                        )
            item._content = rewrite_images(
                item._content, content_dir, make, getattr(item, "relative_dir", "")
            )
        except ImageProblem as problem:
            # The content check refuses such images first; this names the post if one slips past.
            where = _shown_path(item.source_path, content_dir)
            raise BuildStopped(f"{where}: {problem.message} Cara memperbaiki: {problem.fix}") from None
        _warn_narrow_card_background(item, content_dir)

    to_encode = []
    for item in items:
        try:
            attach(item)
        except EncodingNeeded:
            to_encode.append(item)
    if to_encode:
        run.may_encode = True
        # A thread per core, not the default cores + 4: libavif already spreads one AVIF
        # encode over every core. Cold at N = 1000 on 2 cores: the same 125 s, the same
        # bytes, peak memory 483 -> 300 MB (fewer pictures decoded at once).
        with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(pool.map(attach, to_encode))


def _scheduled(item) -> bool:
    facts = getattr(item, "facts", None)
    return facts is not None and facts.schedule is not None


def add_card_shapes(generators) -> None:
    """Scheduled posts without a photo: their social cards in the shapes (drawn by now)."""
    for generator in generators:
        for item in _items(generator) if hasattr(generator, "articles") else ():
            give_card_shapes(item, generator.settings)


def give_card_shapes(item, settings: dict) -> None:
    """A scheduled post without a photo: its social card in the shapes, once its cards are drawn."""
    cards = getattr(item, "cards", None)
    if _scheduled(item) and cards is not None and not hasattr(item, "shaped_images"):
        item.shaped_images = card_shapes(cards, Path(settings["OUTPUT_PATH"]), cache_dir_of(settings))


def _focus(value):
    """card_focus as an (x, y) pair of fractions; the field gives a pair, older callers a string."""
    if not value:
        return None
    return parse_focus(value) if isinstance(value, str) else tuple(value)


def _warn_narrow_card_background(item, content_dir: Path) -> None:
    """A photo the social card draws behind its text, narrower than the card, comes out blurred."""
    fields = item.fields
    if fields.get("card_image"):  # a card made by hand is used as it is: nothing drawn
        return
    background = fields.get("card_background") or fields.get("image")
    if not background:
        return
    try:
        width = probe(content_dir / background, background).width
    except ImageProblem:
        return  # the content check names it
    if width < CARD_WIDTH:
        shown = f"{content_dir.name}/{background}"
        logger.warning(
            "%s: foto latar kartu '%s' hanya %d piksel lebarnya, padahal kartu media sosial %d piksel, "
            "sehingga kartunya tampak buram. Perbaikan: pakai foto yang lebarnya paling sedikit %d "
            "piksel (di image atau card_background).",
            _shown_path(item.source_path, content_dir),
            shown,
            width,
            CARD_WIDTH,
            CARD_WIDTH,
        )


def _add_logo(generator, content_dir: Path, output_dir: Path, cache_dir: Path) -> None:
    profile = generator.settings.get("LIBRARY")  # a dict until site_profile reads it
    relative = profile.get("logo") if isinstance(profile, dict) else getattr(profile, "logo", None)
    if not relative or "LOGO" in generator.context:
        return
    try:
        generator.context["LOGO"] = logo(content_dir / relative, relative, output_dir, cache_dir)
    except ImageProblem as problem:  # the profile check names it; the header shows the original
        logger.warning("Logo tidak diperkecil: %s Perbaikan: %s", problem.message, problem.fix)


def _shown_path(source_path: str, content_dir: Path) -> str:
    """The post's file as staff see it: content/pengumuman/x.md."""
    try:
        return str(Path(source_path).resolve().relative_to(content_dir.resolve().parent))
    except ValueError:
        return str(source_path)


def pictures_of_one(post, previous, context: dict, settings: dict) -> None:
    """one_post's step: the post's pictures (the card shapes wait for its cards)."""
    give_pictures([post], settings, with_cards=True)


def card_shapes_of_one(post, previous, context: dict, settings: dict) -> None:
    give_card_shapes(post, settings)


def remember_digests(pelican) -> None:
    """From the start of the build: a cached or published file whose stat is unchanged is not read again."""
    files.remember_digests(pelican.settings["CACHE_PATH"])


def register() -> None:
    signals.initialized.connect(remember_digests)
    signals.article_generator_finalized.connect(add_pictures)
    signals.page_generator_finalized.connect(add_pictures)
    signals.all_generators_finalized.connect(add_card_shapes)  # after social_cards drew every card
    one_post.add_step(20, pictures_of_one, owns=("picture", "card_picture", "shaped_images"))
    one_post.add_step(40, card_shapes_of_one)  # after social_cards' step (30)
