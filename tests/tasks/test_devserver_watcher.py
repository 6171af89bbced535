"""The dev server's watcher: its first poll after the server starts looks at the files."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

from plugins.devserver.server import LIVERELOAD_START, QuickWatcher


def test_the_first_poll_finds_a_save_instead_of_livereloads_start_entry(tmp_path):
    site = SimpleNamespace(building=False, reloads=SimpleNamespace(loop=None))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        watcher = QuickWatcher(site)
        found = []
        watcher.watch(str(tmp_path), lambda: found.append(watcher.filepath))
        watcher._changes.append((LIVERELOAD_START, 2))  # as livereload's Server.serve does
        time.sleep(0.01)  # the watcher counts files newer than its start
        saved = tmp_path / "tulisan.md"
        saved.write_text("---\ntitle: Baru\n---\n", encoding="utf-8")
        watcher.examine()
        assert found == [str(saved)]
        assert not watcher._changes
    finally:
        asyncio.set_event_loop(None)
        loop.close()
