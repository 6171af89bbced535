"""The preview runs with the garbage collector paused, and leaves it as it found it."""

from __future__ import annotations

import gc

from plugins.devserver import preview


class _Generator:
    settings = {"OUTPUT_PATH": "", "CACHE_PATH": ""}


def test_the_preview_pauses_the_collector_and_restores_it(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(preview.LastBuild, "_render", lambda self, *a: seen.append(gc.isenabled()) or [])
    monkeypatch.setattr(preview.lock, "try_acquire", lambda output: True)
    monkeypatch.setattr(preview.lock, "release", lambda output: None)
    monkeypatch.setattr(preview.ledger, "add_made", lambda *a: None)
    last = preview.LastBuild()
    assert gc.isenabled()
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        last.keep(_Generator(), succeeded=True)
        try:
            assert last.preview({"x.md"}, lambda path: None) == []
            assert gc.isenabled() is enabled
        finally:
            gc.enable()
    assert seen == [False, False]
