"""Which open browser to reload, and when: each as soon as the page it shows is written.

livereload tells every open page to reload once a rebuild has finished. With a
thousand posts that is seconds after the edited post's own page is on disk, so
here each browser says which page it shows (livereload.js sends its URL in the
"info" handshake) and is told to reload the moment the running build writes
that page's file, or the dev server's preview writes it before the build
(preview.py). Browsers on any other page reload when the build ends, as
before, so no change is missed and none reloads twice for one build.

Builds run in a thread of their own (server.py); everything here that touches a
websocket runs on the server's IOLoop, the only thread tornado allows it on.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from urllib.parse import urlparse

import livereload.server
from livereload.handlers import LiveReloadHandler
from tornado import ioloop

INDEX = "index.html"
# The kernel stamps files from a coarse clock, a tick behind time.time_ns(): a page
# written just after the build started may look older than the start by that much.
CLOCK_SLACK_NS = 50_000_000


def page_key(url_path: str) -> str:
    """A page as a browser's URL path and as its output file share it: 'acara/slug/'."""
    key = url_path.lstrip("/")
    return key.removesuffix(INDEX)


class PageReloadHandler(LiveReloadHandler):
    """livereload's websocket, remembering the page each browser shows."""

    def on_message(self, message):
        try:
            parsed = json.loads(message)
        except ValueError:
            parsed = {}
        if isinstance(parsed, dict) and parsed.get("command") == "info" and "url" in parsed:
            self.page = page_key(urlparse(str(parsed["url"])).path)
        super().on_message(message)


def install() -> None:
    """Serve livereload's websocket with PageReloadHandler (livereload names its class globally)."""
    livereload.server.LiveReloadHandler = PageReloadHandler


class BrowserReloads:
    """Reloads for one build: early ones for previewed and written pages, the rest at the end."""

    def __init__(self, output: Path):
        self.output = Path(output)
        self.loop: ioloop.IOLoop | None = None  # set by the server once it serves
        self._reloaded: set = set()
        # Pages the preview before this build wrote, with their files' stamps then.
        self._previewed: dict[str, tuple[int, int, int]] = {}
        # On the IOLoop: how often each previewed page was fetched since its browsers were
        # told to reload. A browser that fetched it before (a tab loading as the preview
        # wrote) connects only afterwards, and has the page as it was.
        self._fetched: dict[str, int] = {}
        self._told_by_preview: set = set()  # on the IOLoop: the websockets the preview reloaded
        self._started = 0

    def previewed(self, path: str) -> None:
        """From the build's thread, before the build: the preview wrote this page (preview.py).

        Its browsers reload now; at the build's end they reload again only when
        the build rewrote the page (written() sees that) or `everyone` reload.
        """
        key = self._key(path)
        if self.loop is None or key is None:
            return
        try:
            self._previewed[key] = _stamp(os.stat(path))
        except OSError:
            return
        self.loop.add_callback(self._reload_previewed, key)

    def build_started(self) -> None:
        self._reloaded = set()
        self._started = time.time_ns() - CLOCK_SLACK_NS

    def written(self, path: str) -> None:
        """From the build's thread: a file of the output was written (or kept, by the render memo)."""
        if self.loop is None:
            return
        key = self._key(path)
        try:
            status = os.stat(path)
        except OSError:
            return
        if key is None or _stamp(status) == self._previewed.get(key):  # the preview's, kept
            return
        if status.st_mtime_ns < self._started:  # kept as it was: nothing new to show
            return
        self._previewed.pop(key, None)  # rewritten: the preview was not the last word
        self.loop.add_callback(self._reload_showing, key)

    def _key(self, path: str) -> str | None:
        relative = os.path.relpath(path, self.output)
        return None if relative.startswith("..") else page_key(relative.replace(os.sep, "/"))

    def build_finished(self, everyone: bool = False) -> None:
        """From the build's thread: reload every browser this build has not reloaded yet.

        everyone: also those reloaded early (what the server answers for their page
        changed after they fetched it, e.g. the list of problems).
        """
        previewed, self._previewed = frozenset(self._previewed), {}
        if self.loop is not None:
            self.loop.add_callback(self._reload_rest, everyone, previewed)

    def _reload_showing(self, key: str) -> None:
        for waiter in list(LiveReloadHandler.waiters):
            if getattr(waiter, "page", None) == key and waiter not in self._reloaded:
                self._reloaded.add(waiter)
                self._send(waiter, "/" + key)

    def served(self, url_path: str) -> None:
        """On the IOLoop: the file server answered this page (SiteFiles)."""
        key = page_key(url_path)
        if key in self._fetched:
            self._fetched[key] += 1

    def _reload_previewed(self, key: str) -> None:
        self._fetched[key] = 0
        for waiter in list(LiveReloadHandler.waiters):
            if getattr(waiter, "page", None) == key:
                self._told_by_preview.add(waiter)
                self._send(waiter, "/" + key)

    def _reload_rest(self, everyone: bool, previewed: frozenset[str]) -> None:
        told = self._told_by_preview
        waiting = [w for w in LiveReloadHandler.waiters if everyone or w not in self._reloaded]
        # A previewed page the build kept: a browser told to reload by the preview has it,
        # and so has one that connected since, if each such one fetched it after the
        # preview. With fewer fetches than those browsers, which one has the old page is
        # unknown: they all reload.
        since = [w for w in waiting if w not in told]
        kept = {
            key
            for key in previewed
            if sum(getattr(w, "page", None) == key for w in since) <= self._fetched.get(key, 0)
        }
        for waiter in waiting:
            if everyone or getattr(waiter, "page", None) not in kept:
                self._send(waiter, "*")
        self._reloaded = set()
        self._fetched = {}
        self._told_by_preview = set()

    def _send(self, waiter, path: str) -> None:
        """Reload the page (livereload.js reloads in place only CSS and images; path
        names the page written, or '*' at the end of a build)."""
        try:
            waiter.write_message({"command": "reload", "path": path, "liveCSS": True, "liveImg": True})
        except Exception:  # noqa: BLE001 - a closed tab: forget it, as livereload does
            LiveReloadHandler.waiters.discard(waiter)


def _stamp(status: os.stat_result) -> tuple[int, int, int]:
    return status.st_mtime_ns, status.st_ino, status.st_size
