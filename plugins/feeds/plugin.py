"""Pelican hooks: FEEDS is parsed with every setting at start-up; add the generator that writes the feeds."""

from __future__ import annotations

from pelican import signals

from plugins._shared.settings import on_initialized
from plugins.content_model.plugin import add_report_check

from . import settings  # noqa: F401 - importing it declares FEEDS and FEED_MAX_ITEMS
from .captions import caption_problems
from .generator import FeedsGenerator


def add_generator(pelican):
    return FeedsGenerator


def register() -> None:
    # Connected once however many plugins ask: the handler parses every declared setting.
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(add_generator)
    add_report_check(caption_problems)
