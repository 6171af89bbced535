"""Pelican hooks: CALENDARS is parsed with every setting at start-up; add the calendars generator."""

from __future__ import annotations

from pelican import signals

from plugins._shared import one_post
from plugins._shared.settings import on_initialized

from . import settings  # noqa: F401 - importing it declares CALENDARS
from .generator import CalendarsGenerator, calendar_of_one


def add_generator(pelican):
    return CalendarsGenerator


def register() -> None:
    # Connected once however many plugins ask: the handler parses every declared setting.
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(add_generator)
    one_post.add_step(50, calendar_of_one, owns=("calendar",))
