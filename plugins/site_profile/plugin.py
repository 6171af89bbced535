"""Pelican hook: every declared setting, LIBRARY included, is parsed once at start-up."""

from __future__ import annotations

from pelican import signals

from plugins._shared.settings import on_initialized

from . import profile, site  # noqa: F401 - importing them declares LIBRARY and the site-wide settings


def register() -> None:
    signals.initialized.connect(on_initialized)
