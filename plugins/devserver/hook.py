"""Pelican hook of the dev server's builds: keep the running build's generator.

The content report lives in the generator's context (content_model sets it when
the generator starts); the server reads it from there during and after the build.
"""

from __future__ import annotations

from pelican import signals

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


def register() -> None:
    signals.article_generator_init.connect(_keep)
