"""The dev server's preview of a saved post: the page a clean build writes, before the full build.

preview_scenario.py runs the server's builds (DevSite, with its hook) in a process
of its own on a copy of the project; this test then builds the same content
clean with the ordinary `pelican` command and compares.
"""

from __future__ import annotations

import json
import subprocess
import sys

from sitekit import share_caches

from .conftest import task_env
from .preview_scenario import EVENT, NEW, NOTICE, NOW

CEILING = 900  # the scenario's five builds on a loaded 2-core machine; it is waited for, not timed


def _python(project, env: dict, *args: str) -> None:
    run = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, timeout=CEILING
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_saved_posts_preview_is_the_page_a_clean_build_writes(project, tmp_path):
    report = tmp_path / "saves.json"
    env = {**task_env(project), "PYTHONPATH": str(project)}
    _python(project, env, "-m", "tests.tasks.preview_scenario", str(report))
    event, notice, broken, new, linked = json.loads(report.read_text(encoding="utf-8"))

    # Each sound saved post's page was previewed, and the full build kept the preview's bytes.
    for save, page in (
        (event, "acara/kelas-membuat-konten-video-pendek-untuk-umkm/index.html"),
        (notice, "pengumuman/tantangan-baca-desember-31-hari/index.html"),
    ):
        assert [p["path"] for p in save["previewed"]] == [page], save["saved"]
        assert save["kept_by_build"] == {page: True}, save["saved"]
    assert "Kelas Video Pendek untuk UMKM Kotamobagu" in event["previewed"][0]["bytes"]
    assert "Tantangan Baca Desember Dimulai" in notice["previewed"][0]["bytes"]
    # A post with problems now, or one the last build did not have: the full build shows it.
    assert broken["saved"] == NOTICE and broken["previewed"] == []
    assert new["saved"] == NEW and new["previewed"] == []
    # Previewed, then left out by the full build for its broken link: nothing of it stays,
    # the cards and poster the preview made included.
    assert [p["path"] for p in linked["previewed"]] == [event["previewed"][0]["path"]]
    assert linked["left_in_output"] == []

    # The previews are what a clean build of the same content (as it was at those saves)
    # writes, byte for byte, with the event's new title in its poster and calendar links too.
    (project / EVENT).write_text(event["source"], encoding="utf-8")
    (project / NOTICE).write_text(notice["source"], encoding="utf-8")
    (project / NEW).unlink()
    clean = tmp_path / "clean"
    cache = share_caches(tmp_path / "cache")  # a cache of its own; the session's drawn cards and copies
    settings = [f'BUILD_NOW="{NOW}"', 'PUBLIC_URL="http://127.0.0.1:8765"', f'CACHE_PATH="{cache}"']
    _python(
        project, env, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(clean), "-e", *settings
    )
    assert (clean / event["previewed"][0]["path"]).read_text("utf-8") == event["previewed"][0]["bytes"]
    assert (clean / notice["previewed"][0]["path"]).read_text("utf-8") == notice["previewed"][0]["bytes"]
