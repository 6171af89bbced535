"""Run one Pelican build in-process, with people-friendly errors.

tasks.py and the tests call this instead of the `pelican` command, which
prints a traceback for every stopped build.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from pelican import Pelican
from pelican.log import FatalLogger
from pelican.log import init as init_logging
from pelican.settings import read_settings

from .errors import BuildStopped


def build(settings_file: str | Path, output: str | Path | None = None, strict: bool = False,
          overrides: dict | None = None) -> int:
    """Build the site; return a process exit code (0 when the build completed)."""
    # In strict mode any Pelican error (a template that fails, an unreadable file)
    # stops the build too, so a half-built site is never published.
    init_logging(level=logging.WARNING)
    FatalLogger.fatal_lvl = logging.ERROR if strict else logging.CRITICAL + 1
    override = dict(overrides or {})
    if output is not None:
        override["OUTPUT_PATH"] = str(output)
    if strict:
        override["STRICT_CONTENT"] = True
    try:
        settings = read_settings(str(settings_file), override=override)
        Pelican(settings).run()
    except BuildStopped as stop:
        print(f"\nGAGAL: {stop}", file=sys.stderr)
        return 1
    except RuntimeError as error:  # raised by Pelican's fatal logging
        print(f"\nGAGAL: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a template or plugin bug: say so plainly
        if os.environ.get("SERAMBI_DEBUG"):
            raise
        print(
            f"\nGAGAL: {type(error).__name__}: {error}\n"
            "Ini kesalahan templat atau plugin, bukan konten. Jalankan lagi dengan "
            "SERAMBI_DEBUG=1 untuk melihat jejak lengkapnya, lalu laporkan ke pengembang.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Build the site once.")
    parser.add_argument("settings", nargs="?", default="pelicanconf.py")
    parser.add_argument("--output")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--content", help="content folder instead of the settings' PATH")
    parser.add_argument("--now", help="fixed build time, ISO 8601 with offset (BUILD_NOW)")
    args = parser.parse_args()
    extra = {}
    if args.content:
        extra["PATH"] = str(Path(args.content).resolve())
    if args.now:
        extra["BUILD_NOW"] = args.now
    sys.exit(build(args.settings, args.output, args.strict, extra))
