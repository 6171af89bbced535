"""Pelican hook: put upcoming posts (by schedule) and the newest posts per kind in the context."""

from __future__ import annotations

import datetime as dt

from pelican import signals

from plugins._shared.clock import build_moment
from plugins._shared.order import newest_first
from plugins.content_model.kinds import kinds_of

LATEST_PER_KIND = 3


def upcoming(articles, now: dt.datetime) -> list:
    """Posts listed by their schedule (events) that have not ended yet, by their next session."""
    due = [a for a in articles if a.kind.lists_upcoming and not a.facts.is_over(now)]
    return sorted(due, key=lambda a: (a.facts.next_session(now) or a.facts.schedule).start)


def upcoming_by_kind(articles, now: dt.datetime) -> dict[str, list]:
    found: dict[str, list] = {}
    for article in upcoming(articles, now):
        found.setdefault(article.kind.slug, []).append(article)
    return found


def latest_by_kind(articles, kind_slugs, limit: int = LATEST_PER_KIND) -> dict[str, list]:
    """The newest posts of each kind, in the kinds' order; kinds without posts are left out."""
    newest = newest_first(articles)
    grouped = {slug: [a for a in newest if a.kind.slug == slug][:limit] for slug in kind_slugs}
    return {slug: posts for slug, posts in grouped.items() if posts}


def add_listings(generator) -> None:
    now = build_moment(generator.settings)
    generator.context["BUILD_MOMENT"] = now
    generator.context["upcoming_events"] = upcoming(generator.articles, now)
    generator.context["upcoming_by_kind"] = upcoming_by_kind(generator.articles, now)
    generator.context["latest_by_kind"] = latest_by_kind(
        generator.articles, kinds_of(generator.settings).posts
    )


def register() -> None:
    signals.article_generator_finalized.connect(add_listings)
