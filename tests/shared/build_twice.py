"""Two builds in one process, as the dev server runs them: `python -m tests.shared.build_twice OUT CACHE`.

Prints whether a post of the first build is still alive after the second (it
must not be: each build's posts hold that build's whole context), and the
BUILD_NOW each build's settings held when its generators started and when it
ended (the second runs on the clock: the runner reads it once for the build).
"""

from __future__ import annotations

import gc
import json
import sys
import weakref
from pathlib import Path

from pelican import signals

NOW = "2026-11-28T10:00:00+08:00"


def main(output: str, cache: str) -> None:
    from plugins._shared.build import build

    first: list[weakref.ref] = []

    def keep(generator) -> None:
        if not first:
            first.extend(weakref.ref(article) for article in generator.articles)

    moments: list[list] = []

    def started(generator) -> None:
        moments.append([generator.settings.get("BUILD_NOW")])

    def ended(pelican) -> None:
        moments[-1].append(pelican.settings.get("BUILD_NOW"))

    signals.article_generator_finalized.connect(keep)
    signals.article_generator_init.connect(started)
    signals.finalized.connect(ended)
    codes = [
        build(Path("pelicanconf.py"), output=Path(output), overrides={"CACHE_PATH": cache, "BUILD_NOW": NOW})
    ]
    codes.append(build(Path("pelicanconf.py"), output=Path(output), overrides={"CACHE_PATH": cache}))
    gc.collect()
    alive = sum(ref() is not None for ref in first)
    print(json.dumps({"codes": codes, "posts": len(first), "alive": alive, "moments": moments}))


if __name__ == "__main__":
    main(*sys.argv[1:])
