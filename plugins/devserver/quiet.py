"""Logging of the dev server's builds: the content report says it all, once.

Pelican and its YAML reader warn in English (with a traceback) about the very
files the report already names; those records are dropped, and no record that
passes carries a traceback unless SERAMBI_DEBUG=1.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading

from pelican.log import DEFAULT_LOG_HANDLER

from .hook import Latest

# content_model logs each problem as a warning; the server prints the report itself.
REPORT_LOGGER = "plugins.content_model.plugin"
QUIET_LOGGERS = ("tornado.access",)  # a 404 is the site's 404 page, not a terminal line


class ContentNoise(logging.Filter):
    """Drop Pelican's records about files with content problems; strip tracebacks."""

    def __init__(self, latest: Latest):
        super().__init__()
        self.latest = latest
        self._hushed: int | None = None  # the thread whose records are dropped

    @contextlib.contextmanager
    def hushing(self):
        """Meanwhile, drop every record this thread logs: a preview reads and renders a saved
        post before any check, and the build that follows says what is wrong with it, once."""
        self._hushed = threading.get_ident()
        try:
            yield
        finally:
            self._hushed = None

    def filter(self, record: logging.LogRecord) -> bool:
        if os.environ.get("SERAMBI_DEBUG"):
            return True
        if record.name == REPORT_LOGGER or record.thread == self._hushed:
            return False
        if _is_pelican(record.name) and record.levelno < logging.CRITICAL:
            try:
                message = record.getMessage()
            except (TypeError, ValueError):
                message = str(record.msg)
            if any(name in message for name in self._problem_files()):
                return False
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True

    def _problem_files(self) -> list[str]:
        """How Pelican may name a file with problems: absolute, or under content/."""
        report = self.latest.report
        if report is None:
            return []
        names = []
        for entry in report.entries.values():
            if entry.problems:
                names += [n for n in (entry.absolute, entry.path.removeprefix("content/")) if n]
        return names


def _is_pelican(name: str) -> bool:
    return name == "pelican" or name.startswith("pelican.")


def install(latest: Latest) -> ContentNoise:
    """Filter every handler the builds log through (Pelican's, set up by the first build)."""
    noise = ContentNoise(latest)
    for handler in {DEFAULT_LOG_HANDLER, *logging.getLogger().handlers}:
        handler.addFilter(noise)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    return noise
