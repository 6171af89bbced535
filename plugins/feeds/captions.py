"""A content check: every post in the feeds' window must fit one auto-post.

feed2toot and similar tools cut the whole toot at 500 characters, so a long
title + summary + link + hashtags loses its link or hashtags. Measured as the
feeds send it: the summary with its schedule line, and the post's status notice
and reminders too. Checked from the content report, so `invoke check` names
these posts with every other problem.
"""

from __future__ import annotations

from types import SimpleNamespace

from plugins._shared.clock import build_moment
from plugins._shared.settings import setting
from plugins.content_model.facts import build_facts
from plugins.content_model.kinds import kinds_of
from plugins.content_model.plugin import present_context
from plugins.content_model.problems import Problem
from plugins.site_profile import LibraryProfile

from .model import CAPTION_LIMIT, article_caption_lengths, newest_first
from .settings import FeedSettings


def _as_article(entry, url_pattern: str, ctx) -> SimpleNamespace:
    """The fields a feed item is made of, from a checked entry (no Pelican needed)."""
    values = entry.values
    return SimpleNamespace(
        path=entry.path,
        title=values["title"],
        summary=values["summary"],
        fields=values,
        facts=build_facts(entry.kind, values, ctx),
        kind=entry.kind,
        url=url_pattern.format(category=entry.kind.slug, slug=entry.slug),
        date=values["date"],
    )


def caption_problems(report, settings) -> list[Problem]:
    """Posts in the window whose auto-post would not fit in 500 characters."""
    config = setting(settings, FeedSettings)
    now = build_moment(settings)
    library_hashtags = setting(settings, LibraryProfile).hashtags if config.library_hashtags else ()
    public_url = settings["PUBLIC_URL"].rstrip("/")
    posts = kinds_of(settings).posts  # pages are in no feed
    ctx = present_context(settings, report)
    due = [
        _as_article(entry, settings["ARTICLE_URL"], ctx)
        for entry in report.entries.values()
        if not entry.problems
        and entry.slug
        and "summary" in entry.values
        and entry.kind is not None
        and entry.kind.slug in posts
        and entry.values.get("status") != "draft"
        and entry.values["date"] <= now
    ]
    problems = []
    for article in newest_first(due)[: settings["FEED_MAX_ITEMS"]]:
        lengths = article_caption_lengths(
            article, public_url, config.utm, library_hashtags, now, config.reminders
        )
        for name, title, length in lengths:
            if length <= CAPTION_LIMIT:
                continue
            problems.append(
                Problem(
                    article.path,
                    name,
                    f"kiriman '{title}': judul, ringkasan, tautan dan tagar berjumlah {length} "
                    f"karakter, lebih dari {CAPTION_LIMIT} yang muat dalam satu kiriman Mastodon, "
                    "jadi pengirim otomatis memotong tautan atau tagarnya.",
                    f"pendekkan '{name}'"
                    + (" atau 'title'" if name != "title" else "")
                    + f" sebanyak {length - CAPTION_LIMIT} karakter, atau kurangi 'hashtags'.",
                )
            )
    return problems
