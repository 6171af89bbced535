"""Pelican hooks: parse FEEDS at start-up, add the generator that writes the feeds."""

from __future__ import annotations

from pelican import signals

from plugins.content_model.plugin import add_report_check

from .captions import caption_problems
from .generator import FeedsGenerator
from .settings import CONFIG_KEY, parse_feed_settings


def load_settings(pelican) -> None:
    """Stop on a bad FEEDS or FEED_MAX_ITEMS, or on Pelican's own feeds left on."""
    pelican.settings[CONFIG_KEY] = parse_feed_settings(pelican.settings)


def add_generator(pelican):
    return FeedsGenerator


def register() -> None:
    signals.initialized.connect(load_settings)
    signals.get_generators.connect(add_generator)
    add_report_check(caption_problems)
