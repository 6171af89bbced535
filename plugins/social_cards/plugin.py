"""Pelican hooks: check the card setup at start-up, plan cards as content is read.

Cards are submitted for drawing when the posts are ready (their URLs are
known at once) and collected when the pages are ready, so every post, page
and listing has its Cards before Pelican writes anything.
"""

from __future__ import annotations

from pelican import signals
from pelican.log import console

from plugins._shared import one_post
from plugins._shared.settings import parse_settings, setting
from plugins.content_model.kinds import kinds_of
from plugins.site_profile import LibraryProfile

from .batch import CardBatch, layouts_dir
from .colors import palette
from .layout import load_layouts

BATCH_KEY = "social_cards_batch"  # in the shared generator context, for one build


def check_setup(pelican) -> None:
    """Stop before any content is read if a setting (SOCIAL_CARDS, LIBRARY, ...) or a layout file is wrong."""
    settings = pelican.settings
    # `initialized` receivers run in no fixed order, and the layouts need the parsed
    # colours: parse every setting here first (the site_profile handler then finds them parsed).
    parse_settings(settings)
    load_layouts(layouts_dir(settings), palette(setting(settings, LibraryProfile).colors))


def plan_articles(generator) -> None:
    """Plan every post's cards and the listing cards; start drawing the new ones."""
    batch = CardBatch(generator.settings)
    generator.context[BATCH_KEY] = batch
    batch.plan_articles(generator.articles)
    listing_cards: dict = {}
    generator.context["listing_cards"] = listing_cards
    known = kinds_of(generator.settings).posts
    kinds = [category.slug for category, _ in generator.categories if category.slug in known]
    batch.plan_listings(kinds, sorted(generator.tags, key=lambda tag: tag.slug), listing_cards)
    batch.start_drawing()  # while the pages are read


def finish(generator) -> None:
    """Plan the pages' cards, wait for all drawing, attach every card."""
    batch = generator.context.pop(BATCH_KEY, None) or CardBatch(generator.settings)
    batch.plan_pages(list(generator.pages) + list(getattr(generator, "hidden_pages", [])))
    console.print(batch.finish(), soft_wrap=True)


def cards_of_one(post, previous, context: dict, settings: dict) -> None:
    """one_post's step: the post's cards drawn now, the rest of the card cache left as it is."""
    batch = CardBatch(settings)
    batch.plan_articles([post], context["articles"])  # the feeds' window is the site's
    batch.attach(here=True)


def register() -> None:
    signals.initialized.connect(check_setup)
    signals.article_generator_finalized.connect(plan_articles)
    signals.page_generator_finalized.connect(finish)
    one_post.add_step(30, cards_of_one, owns=("cards", "reminder_cards"))
