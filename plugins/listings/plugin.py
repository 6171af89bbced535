"""Pelican hooks: upcoming posts, the newest per kind, month and audience pages in the context;
a generator that writes the month and audience pages."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pelican import signals

from plugins._shared.clock import build_moment
from plugins.content_model.kinds import kinds_of

from .event_pages import event_pages
from .generator import EventPagesGenerator
from .selection import latest_by_kind, upcoming, upcoming_by_kind


def add_listings(generator) -> None:
    now = build_moment(generator.settings)
    kinds = kinds_of(generator.settings)
    generator.context["BUILD_MOMENT"] = now
    generator.context["upcoming_events"] = upcoming(generator.articles, now)
    generator.context["upcoming_by_kind"] = upcoming_by_kind(generator.articles, now)
    generator.context["latest_by_kind"] = latest_by_kind(generator.articles, kinds.posts)
    generator.context["event_pages"] = event_pages(
        kinds.posts.values(), generator.articles, now, ZoneInfo(generator.settings["TIMEZONE"])
    )


def add_generator(pelican):
    return EventPagesGenerator


def register() -> None:
    signals.article_generator_finalized.connect(add_listings)
    signals.get_generators.connect(add_generator)
