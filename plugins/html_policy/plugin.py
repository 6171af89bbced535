"""Pelican hooks: sanitise each body as it is read; report removals with the content check."""

from __future__ import annotations

from pelican import signals
from pelican.contents import Article, Page

from plugins.content_model.plugin import add_report_check

from .check import check_report
from .sanitize import sanitized


def sanitize_content(content) -> None:
    """Replace the body before anything reads it: pages and every feed get this HTML.

    Pelican's {static}/{filename} placeholders are still in _content here and are
    resolved later, when .content is read.
    """
    if isinstance(content, (Article, Page)) and content._content:
        content._content = sanitized(content._content, content.settings.get("CACHE_PATH"))


def register() -> None:
    signals.content_object_init.connect(sanitize_content)
    add_report_check(check_report)
