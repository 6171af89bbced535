"""Which browsers the dev server tells to reload around a preview (plugins/devserver/reloads.py).

The websockets are stand-ins that record what they are sent; the IOLoop runs each
callback at once. The whole loop, with a real server and real pages, is in test_devserver.py.
"""

from __future__ import annotations

import os
import time

import pytest
from livereload.handlers import LiveReloadHandler

from plugins.devserver.reloads import BrowserReloads

PAGE = "pengumuman/pos/"


class Loop:
    def add_callback(self, callback, *args):
        callback(*args)


class Tab:
    """A websocket of livereload.js on a page: the reload messages it was sent."""

    def __init__(self, page: str):
        self.page = page
        self.sent: list[str] = []
        LiveReloadHandler.waiters.add(self)

    def write_message(self, message: dict) -> None:
        self.sent.append(message["path"])

    def reload(self) -> Tab:
        """As a browser does: the tab goes, fetches the page, and connects again."""
        LiveReloadHandler.waiters.discard(self)
        return Tab(self.page)


@pytest.fixture
def reloads(tmp_path):
    LiveReloadHandler.waiters.clear()
    found = BrowserReloads(tmp_path)
    found.loop = Loop()
    (tmp_path / PAGE).mkdir(parents=True)
    yield found
    LiveReloadHandler.waiters.clear()


def _write(output, text: str) -> str:
    path = output / PAGE / "index.html"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_tab_reloaded_by_the_preview_is_not_reloaded_when_the_build_keeps_the_page(reloads):
    tab, elsewhere = Tab(PAGE), Tab("tentang/")
    page = _write(reloads.output, "pratinjau")
    reloads.previewed(page)
    assert tab.sent == ["/" + PAGE] and elsewhere.sent == []
    again = tab.reload()
    reloads.served(PAGE)
    reloads.build_started()
    reloads.written(page)  # kept by the build: the same file
    reloads.build_finished()
    assert again.sent == [] and elsewhere.sent == ["*"]


def test_a_tab_that_loaded_the_old_page_as_the_preview_wrote_still_reloads(reloads):
    page = _write(reloads.output, "pratinjau")
    reloads.previewed(page)  # no tab on the page yet: one is loading it (fetched before the write)
    late = Tab(PAGE)
    reloads.build_started()
    reloads.written(page)
    reloads.build_finished()
    assert late.sent == ["*"]


def test_a_page_the_build_rewrote_after_the_preview_reloads_its_tab_again(reloads):
    tab = Tab(PAGE)
    page = _write(reloads.output, "pratinjau")
    reloads.previewed(page)
    again = tab.reload()
    reloads.served(PAGE)
    reloads.build_started()
    time.sleep(0.01)
    page = _write(reloads.output, "halaman dari pembangunan penuh")
    os.utime(page, ns=(time.time_ns(), time.time_ns()))
    reloads.written(page)
    reloads.build_finished()
    assert again.sent == ["/" + PAGE]
