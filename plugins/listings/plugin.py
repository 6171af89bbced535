"""Pelican hook: put upcoming events and the newest posts per kind in the context."""

from __future__ import annotations

import datetime as dt

from pelican import signals

from plugins._shared.clock import build_moment
from plugins.content_model.schema import KINDS

LATEST_PER_KIND = 3


def upcoming_events(articles, now: dt.datetime) -> list:
    """Events that have not ended yet, soonest first."""
    events = [a for a in articles if a.kind.slug == "acara" and a.fields["end"] >= now]
    return sorted(events, key=lambda a: a.fields["start"])


def latest_by_kind(articles, limit: int = LATEST_PER_KIND) -> dict[str, list]:
    """The newest posts of each kind, in schema order; kinds without posts are left out."""
    newest = sorted(articles, key=lambda a: a.date, reverse=True)
    grouped = {slug: [a for a in newest if a.kind.slug == slug][:limit] for slug in KINDS}
    return {slug: posts for slug, posts in grouped.items() if posts}


def add_listings(generator) -> None:
    now = build_moment(generator.settings)
    generator.context["BUILD_MOMENT"] = now
    generator.context["upcoming_events"] = upcoming_events(generator.articles, now)
    generator.context["latest_by_kind"] = latest_by_kind(generator.articles)


def register() -> None:
    signals.article_generator_finalized.connect(add_listings)
