"""Pelican hooks: POSTERS is parsed with every setting at start-up; add the posters generator."""

from __future__ import annotations

from pelican import signals

from plugins._shared import one_post
from plugins._shared.settings import on_initialized

from . import settings  # noqa: F401 - importing it declares POSTERS
from .generator import PostersGenerator, poster_of_one, warm_up_posters


def add_generator(pelican):
    return PostersGenerator


def register() -> None:
    # Connected once however many plugins ask: the handler parses every declared setting.
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(add_generator)
    one_post.add_step(50, poster_of_one, owns=("poster",), warm_up=warm_up_posters)
