"""The dev server's watcher: the kernel tells it of each save (watcher.py), from the moment
it begins, a settings file saved by renaming included; so does its poll, where it polls."""

from __future__ import annotations

import os
import queue
import time

import pytest

from plugins.devserver.watcher import POLL_MS, KernelWatcher

# A ceiling for an event that takes milliseconds, far above what a loaded machine needs.
CEILING = 60


@pytest.fixture(params=["kernel", "polling"])
def watched(request, tmp_path, monkeypatch):
    """(content folder, settings file, the paths the watcher reported), with the kernel's
    notices and polling (where the kernel says nothing: WSL, WATCHFILES_FORCE_POLLING)."""
    if request.param == "polling":
        monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
    content = tmp_path / "content"
    (content / "acara").mkdir(parents=True)
    settings = tmp_path / "pelicanconf.py"
    settings.write_text("SITENAME = 'Uji'\n", encoding="utf-8")
    (tmp_path / "lain.txt").write_text("tidak diawasi\n", encoding="utf-8")
    reported = Reports()
    watcher = KernelWatcher(on_loop=lambda loop: None)
    watcher.begin([content, settings], reported.put)
    assert watcher.polling == (request.param == "polling")
    reported.watcher = watcher
    yield content, settings, reported
    watcher.stop()


class Reports(queue.Queue):
    """What the watcher reported; polling, each wait looks as the server's poll would."""

    watcher: KernelWatcher


def next_report(reported: Reports) -> str:
    deadline = time.monotonic() + CEILING
    while time.monotonic() < deadline:
        if reported.watcher.polling:
            time.sleep(POLL_MS / 1000)  # the server's poll, every POLL_MS
            reported.watcher.examine()
        try:
            return reported.get(timeout=0 if reported.watcher.polling else CEILING)
        except queue.Empty:
            continue
    pytest.fail(f"the watcher reported nothing in {CEILING} s")


def test_a_save_right_after_the_watcher_begins_is_reported_with_its_path(watched):
    content, _, reported = watched
    post = content / "acara" / "2026-12-05-diskusi.md"
    post.write_text("---\ntitle: Diskusi\n---\n", encoding="utf-8")
    assert next_report(reported) == str(post)


def test_bytecode_and_unwatched_files_are_not_reported(watched):
    content, settings, reported = watched
    (content / "__pycache__").mkdir()
    (content / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (settings.parent / "lain.txt").write_text("berubah\n", encoding="utf-8")
    # Then a save each watch reports. Reports come in the order of the writes' batches, and
    # within a batch by name: the files above would be reported before these (or not at all).
    post = content / "acara" / "tanda.md"
    post.write_text("---\ntitle: Tanda\n---\n", encoding="utf-8")
    settings.write_text("SITENAME = 'Uji lagi'\n", encoding="utf-8")
    seen = []
    while not {str(post), str(settings)} <= set(seen):
        seen.append(next_report(reported))
    assert set(seen) == {str(post), str(settings)}, seen


def test_a_settings_file_saved_by_renaming_is_reported_on_every_save(watched):
    _, settings, reported = watched
    for number in (1, 2):  # the second save: a watch on the replaced file itself would miss it
        new = settings.with_name(".pelicanconf.py.tmp")
        new.write_text(f"SITENAME = 'Uji {number}'\n", encoding="utf-8")
        os.replace(new, settings)
        assert next_report(reported) == str(settings)
        while not reported.empty():  # the rename may come in a batch of its own
            assert reported.get_nowait() == str(settings)
