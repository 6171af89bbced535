"""One post made again outside a build: the steps each plugin registers for it.

The dev server renders a saved post's page from the last build before the full
build runs (plugins/devserver/preview.py). In a build, plugins give posts what
their pages show from generators and signals that see every post at once; here
each plugin registers the same work for one post, so the previewed page is the
page the build writes. A plugin that registers nothing leaves the post what the
last build gave it: its page is still right once the full build has rewritten
it, a few seconds later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# step(post, previous, context, settings): previous is the post as the last build
# made it, context that build's with post in previous's place. False when only a full build can make the post
# (say it has problems now); anything else goes on.
Step = Callable[[Any, Any, dict, dict], "bool | None"]

# warm_up(settings): loads once what the step's first run would (a library, fonts).
WarmUp = Callable[[dict], None]

_steps: dict[str, tuple[int, Step, frozenset[str]]] = {}
_warm_ups: dict[str, WarmUp] = {}
_warmed: set[str] = set()  # warm-ups run in this process


def add_step(order: int, step: Step, owns: tuple[str, ...] = (), warm_up: WarmUp | None = None) -> None:
    """Register a plugin's step; lower orders run first. Registering again replaces it.

    owns: the attributes the step gives a post when the post calls for them (a post
    without an image gets no `picture`): never carried over from the last build.
    warm_up: what the step would load on its first run, loaded ahead by warm_up().
    """
    name = f"{step.__module__}.{step.__qualname__}"
    _steps[name] = (order, step, frozenset(owns))
    if warm_up is not None:
        _warm_ups[name] = warm_up


def warm_up(settings: dict) -> None:
    """Load what each step's first run would, once a process: the first save is then as
    quick as the next (the dev server calls this once its first build is served)."""
    for name, load in _warm_ups.items():
        if name not in _warmed:
            _warmed.add(name)
            load(settings)


def owned() -> frozenset[str]:
    """Every attribute some step gives a post."""
    return frozenset().union(*(owns for _, _, owns in _steps.values()))


def make(post, previous, context: dict, settings: dict) -> bool:
    """Run every step on post; False as soon as one says only a full build can make it."""
    for _, step, _owns in sorted(_steps.values(), key=lambda item: item[0]):
        if step(post, previous, context, settings) is False:
            return False
    return True
