"""Run one Pelican build in-process, with people-friendly errors.

tasks.py and the tests call this instead of the `pelican` command, which
prints a traceback for every stopped build.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

import pelican
from pelican import Pelican
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import FatalLogger
from pelican.log import init as init_logging
from pelican.plugins import signals
from pelican.settings import read_settings

from plugins.output_guard import failure, lock
from plugins.render_memo import last_stats

from . import told, unchanged
from .clock import pin_build_moment, watch_horizon
from .errors import BuildStopped


def build(
    settings_file: str | Path,
    output: str | Path | None = None,
    strict: bool = False,
    overrides: dict | None = None,
    reuse_unchanged: bool = False,
) -> int:
    """Build the site; return a process exit code (0 when the build completed).

    reuse_unchanged: when the output folder already holds what this build would make
    (plugins/_shared/unchanged.py), say so and stop. Not for the dev server, which
    previews saved posts from the objects of a build run in its own process.
    """
    # In strict mode any Pelican error (a template that fails, an unreadable file)
    # stops the build too, so a half-built site is never published.
    init_logging(level=logging.WARNING)
    FatalLogger.fatal_lvl = logging.ERROR if strict else logging.CRITICAL + 1
    override = dict(overrides or {})
    if output is not None:
        override["OUTPUT_PATH"] = str(output)
    if strict:
        override["STRICT_CONTENT"] = True
    output_dir: list[str] = []  # known once the settings are read
    try:
        return _run(settings_file, override, output_dir, reuse_unchanged)
    finally:
        # The lock outlives a failed build otherwise (no `finalized`); the dev
        # server builds again in this process and others would wait for it.
        lock.release()


def _run(settings_file, override: dict, output_dir: list[str], reuse_unchanged: bool) -> int:
    try:
        settings = read_settings(str(settings_file), override=override)
        pin_build_moment(settings)  # settings read for this build alone
        output_dir.append(settings["OUTPUT_PATH"])
        if reuse_unchanged:
            _run_unless_unchanged(settings)
        else:
            _run_pelican(settings)
    except BuildStopped as stop:
        print(f"\nGAGAL: {stop}", file=sys.stderr)
        return _failed(output_dir)
    except RuntimeError as error:  # raised by Pelican's fatal logging
        print(f"\nGAGAL: {error}", file=sys.stderr)
        return _failed(output_dir)
    except Exception as error:  # noqa: BLE001 - a template or plugin bug: say so plainly
        output_problem = failure.explain(error, output_dir[0] if output_dir else None)
        if output_problem is not None:  # read-only, no permission, disk full
            print(f"\nGAGAL: {output_problem}", file=sys.stderr)
            code = _failed(output_dir)
            if os.environ.get("SERAMBI_DEBUG"):
                raise
            return code
        if os.environ.get("SERAMBI_DEBUG"):
            raise
        print(
            f"\nGAGAL: {type(error).__name__}: {error}\n"
            "Ini kesalahan templat atau plugin, bukan konten. Jalankan lagi dengan "
            "SERAMBI_DEBUG=1 untuk melihat jejak lengkapnya, lalu laporkan ke pengembang.",
            file=sys.stderr,
        )
        return _failed(output_dir)
    return 0


def _run_unless_unchanged(settings: dict) -> None:
    """Say the last build's warnings and notes again when it made what this one would;
    else build, and record what the complete build read and made."""
    started = time.monotonic()
    with lock.held_through(settings["OUTPUT_PATH"], lock.wait_seconds()):
        inputs = unchanged.inputs_of(settings)  # as the build starts: a file saved during it counts
        last = unchanged.standing(settings, inputs)
        if last is not None:
            unchanged.Warnings.say_again(last.warnings)
            for text in last.told:
                print(text, flush=True)
            print(_unchanged_summary(last, time.monotonic() - started))
            return
        unchanged.forget(settings)
        horizon = watch_horizon()
        warnings = unchanged.Warnings()
        logging.getLogger().addHandler(warnings)
        try:
            counts = _run_pelican(settings)
        finally:
            logging.getLogger().removeHandler(warnings)
        unchanged.keep(settings, inputs, horizon, told.told(), warnings.said, counts)


def _unchanged_summary(last: unchanged.Standing, seconds: float) -> str:
    return (
        f"Selesai: tidak ada yang berubah sejak pembangunan {last.built_at:%d-%m-%Y %H.%M} "
        f"({last.summary}); keluaran tetap, tidak ada berkas yang ditulis, dalam {_decimal(seconds)} detik."
    )


class _WithoutPelicansSummary:
    """Pelican's console, except its English "Done: Processed N articles, ..." line."""

    def __init__(self, console):
        self._console = console

    def print(self, *objects, **options):
        if not (objects and str(objects[0]).startswith("Done: Processed ")):
            self._console.print(*objects, **options)

    def __getattr__(self, name):
        return getattr(self._console, name)


def _run_pelican(settings: dict) -> str:
    """Pelican's run, ending with an Indonesian summary instead of Pelican's own:
    "Selesai: 27 tulisan, 1 halaman, 3 dari 114 berkas halaman dibuat ulang, dalam 1,2 detik."
    (drafts named when any; the last part when plugins.render_memo runs). Returns what
    was made ("27 tulisan, 1 halaman")."""
    seen: list = []
    told.start()

    def remember(generators):  # all_generators_finalized sends the list of generators
        seen.extend(generators)

    started = time.monotonic()
    console = pelican.console  # Pelican.run() prints its summary with this module global
    pelican.console = _WithoutPelicansSummary(console)
    signals.all_generators_finalized.connect(remember)
    try:
        Pelican(settings).run()
    finally:
        signals.all_generators_finalized.disconnect(remember)
        pelican.console = console
        _forget_pelicans_memos()
    print(_summary(seen, time.monotonic() - started, last_stats(settings["OUTPUT_PATH"])))
    return ", ".join(_counts(seen))


def _forget_pelicans_memos() -> None:
    """Empty the caches of Pelican's memoized Content.get_content and get_summary.

    They are dicts on the class, keyed by each post: a process that builds again
    (the dev server) kept every build's posts alive, and with them each build's
    whole context (about 15 MiB a save at 1000 posts).
    """
    for name in ("get_content", "get_summary"):
        cache = getattr(vars(Content).get(name), "cache", None)
        if isinstance(cache, dict):
            cache.clear()


def _summary(generators: list, seconds: float, memo: dict | None = None) -> str:
    counts = _counts(generators)
    if memo is not None:  # plugins.render_memo: pages whose inputs changed
        counts.append(
            f"{memo['rendered']} dari {memo['rendered'] + memo['skipped']} berkas halaman dibuat ulang"
        )
    return f"Selesai: {', '.join(counts)}, dalam {_decimal(seconds)} detik."


def _counts(generators: list) -> list[str]:
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    pages = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    counts = [
        f"{len(articles.articles) + len(articles.translations) if articles else 0} tulisan",
        f"{len(pages.pages) + len(pages.translations) if pages else 0} halaman",
    ]
    drafts = (len(articles.drafts) + len(articles.drafts_translations) if articles else 0) + (
        len(pages.draft_pages) + len(pages.draft_translations) if pages else 0
    )
    if drafts:
        counts.append(f"{drafts} draf")
    return counts


def _decimal(seconds: float) -> str:
    """3.2 as Indonesian writes it: 3,2."""
    return f"{seconds:.1f}".replace(".", ",")


def _failed(output_dir: list[str]) -> int:
    # Only while holding the output lock: then no other build writes there, so
    # any temporary file left in the output is a failed write of this one.
    if output_dir and lock.holds(output_dir[0]):
        failure.sweep_scratch(output_dir[0])
    return 1


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Build the site once.")
    parser.add_argument("settings", nargs="?", default="pelicanconf.py")
    parser.add_argument("--output")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--content", help="content folder instead of the settings' PATH")
    parser.add_argument("--now", help="fixed build time, ISO 8601 with offset (BUILD_NOW)")
    parser.add_argument("--cache", help="CACHE_PATH: cards, image sizes, Pelican's own cache")
    parser.add_argument(
        "--full",
        action="store_true",
        help="build even when the output already holds what this build would make",
    )
    parser.add_argument(
        "--keep-output",
        action="store_true",
        help="build over the output folder even if DELETE_OUTPUT_DIRECTORY says to empty it "
        "(the ledger removes what the build no longer makes)",
    )
    args = parser.parse_args()
    extra = {}
    if args.keep_output:
        extra["DELETE_OUTPUT_DIRECTORY"] = False
    if args.content:
        extra["PATH"] = str(Path(args.content).resolve())
    if args.now:
        extra["BUILD_NOW"] = args.now
    if args.cache:
        extra["CACHE_PATH"] = str(Path(args.cache).resolve())
    code = build(args.settings, args.output, args.strict, extra, reuse_unchanged=not args.full)
    # A stopped build may leave a card pool running: the normal exit waits for it. Under a
    # profiler or a tracer (cProfile, coverage) the normal exit is what writes their results.
    if code != 0 or sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    # A completed build: end the process without freeing a build's worth of objects one
    # by one (0.3 s at N = 1000). The build released its lock and saved its caches, and
    # shut its card and poster pools down; logs and output are flushed here.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
