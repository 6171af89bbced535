"""The one order of posts, newest first, shared by feeds, cards and listings."""

from __future__ import annotations

from collections.abc import Iterable


def newest_first(articles: Iterable) -> list:
    """Articles newest first; the URL breaks ties so the order never changes between builds."""
    return sorted(articles, key=lambda a: (a.date, a.url), reverse=True)
