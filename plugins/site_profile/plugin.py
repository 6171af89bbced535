"""Pelican hook: settings and LIBRARY are checked once, at start-up."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from .profile import parse_profile
from .settings_check import check_settings


def load_profile(pelican) -> None:
    """Stop on a bad setting; expose the parsed profile to templates as PROFILE."""
    settings = pelican.settings
    check_settings(settings)
    settings["PROFILE"] = parse_profile(settings.get("LIBRARY"), Path(settings["PATH"]))


def register() -> None:
    signals.initialized.connect(load_profile)
