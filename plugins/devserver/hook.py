"""Pelican hook of the dev server's builds: keep the running build's generator,
and pass on each page file the build writes (server.py reloads the browser showing it).

The content report lives in the generator's context (content_model sets it when
the generator starts); the server reads it from there during and after the build.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from itertools import chain

from pelican import signals
from pelican.generators import ArticlesGenerator

from plugins.content_model.plugin import REPORT_KEY


class Latest:
    """The articles generator of the build running now (None before it starts)."""

    def __init__(self) -> None:
        self.generator = None

    def clear(self) -> None:
        self.generator = None

    @property
    def report(self):
        return None if self.generator is None else self.generator.context.get(REPORT_KEY)

    @property
    def settings(self) -> dict | None:
        return None if self.generator is None else self.generator.settings


latest = Latest()


def _keep(generator) -> None:
    latest.generator = generator


_saved: set[str] = set()  # the files saved since the last build (absolute paths)


def saved_since_last_build(paths: set[str]) -> None:
    _saved.clear()
    _saved.update(os.path.abspath(path) for path in paths)


def _saved_posts_first(self, write) -> None:
    """Pelican's ArticlesGenerator.generate_articles, the saved posts' pages first.

    The order of writes changes no file; it puts the page the librarian has open
    on disk (and the browser's reload, reloads.py) before the memo has looked at
    the site's other thousand posts.
    """
    articles = list(chain(self.translations, self.articles, self.hidden_translations, self.hidden_articles))
    articles.sort(key=lambda article: os.path.abspath(article.source_path) not in _saved)  # stable
    for article in articles:
        signals.article_generator_write_article.send(self, content=article)
        write_article(self, write, article, self.context)


def write_article(generator, write, article, context: dict) -> None:
    """One article's page, as Pelican's generate_articles writes it."""
    write(
        article.save_as,
        generator.get_template(article.template),
        context,
        article=article,
        category=getattr(article, "category", None),
        override_output=hasattr(article, "override_save_as"),
        url=article.url,
        blog=True,
    )


def register(page_written: Callable[[str], None]) -> None:
    """Keep each build's generator, write saved posts first, tell page_written of every page file."""
    signals.article_generator_init.connect(_keep)
    ArticlesGenerator.generate_articles = _saved_posts_first  # this process only: the dev server's

    def written(path, context=None):
        page_written(path)

    _receivers.append(written)  # blinker keeps receivers weakly
    signals.content_written.connect(written)


_receivers: list = []
