"""Pelican hook: give the theme a `head_meta()` global that decides each page's head."""

from __future__ import annotations

from pelican import signals

from .head import head_meta


def add_global(pelican) -> None:
    pelican.settings.setdefault("JINJA_GLOBALS", {})["head_meta"] = head_meta


def register() -> None:
    signals.initialized.connect(add_global)
