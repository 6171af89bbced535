"""Which posts a listing shows, and in what order: upcoming, past, the newest of each kind."""

from __future__ import annotations

import datetime as dt

from plugins._shared.order import newest_first

LATEST_PER_KIND = 3


def upcoming(articles, now: dt.datetime) -> list:
    """Posts listed by their schedule (events) that have not ended yet, by their next session."""
    due = [a for a in articles if a.kind.lists_upcoming and not a.facts.is_over(now)]
    return sorted(due, key=lambda a: (a.facts.next_session(now) or a.facts.schedule).start)


def past(articles, now: dt.datetime) -> list:
    """Posts listed by their schedule that have ended, the latest to start first."""
    over = [a for a in articles if a.kind.lists_upcoming and a.facts.is_over(now)]
    return sorted(over, key=lambda a: (a.facts.schedule.start, a.url), reverse=True)


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
