"""The posters one build must draw: in this process when they are few, else on every core.

A poster costs about 0.12 s of CPU (half of it compressing the PNG), so a
cold build of many events draws them in worker processes, as the cards do
(plugins/social_cards/batch.py). A worker first imports the drawing code and
reads the fonts (0.6 s), so a few posters (the event changed in the dev
server) are drawn here, where the fonts are read already.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from plugins._shared.errors import BuildStopped

from . import store
from .content import PosterSpec

# From this many posters on, workers draw them (on two cores they are faster from about five).
POOL_FROM = 6


@dataclass(frozen=True)
class PosterJob:
    """One poster to draw: plain, picklable data."""

    name: str  # the cache name of its files, without .pdf/.png
    spec: PosterSpec
    moment: dt.datetime  # the PDF's date


def _draw(cache_dir: str, job: PosterJob) -> None:
    store.draw(Path(cache_dir), job.name, job.spec, job.moment)


def draw_all(cache_dir: Path, jobs: list[PosterJob], workers: int | None) -> None:
    """Draw every job into cache_dir; BuildStopped naming the poster when one cannot be drawn."""
    if not jobs:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    count = min(len(jobs), workers or os.cpu_count() or 1)
    if len(jobs) < POOL_FROM or count == 1:
        for job in jobs:
            _checked(job.name, lambda job=job: _draw(str(cache_dir), job))
        return
    # Not "fork": a build may run in a process with other threads (livereload, test
    # servers), and a forked worker can inherit a lock held mid-operation and hang.
    pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("forkserver"))
    try:
        futures = [(job.name, pool.submit(_draw, str(cache_dir), job)) for job in jobs]
        for name, future in futures:
            _checked(name, future.result)
    finally:
        pool.shutdown(cancel_futures=True)


def _checked(name: str, run) -> None:
    try:
        run()
    except Exception as error:  # noqa: BLE001 - any drawing failure stops the build, named
        raise BuildStopped(
            f"Poster {name} gagal dibuat: {type(error).__name__}: {error}. "
            "Cara memperbaiki: bangun ulang situs; bila terulang, laporkan pesan ini ke pengembang."
        ) from error
