"""invoke serve: serves the site on 127.0.0.1, rebuilds and reloads on a change."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from sitekit import share_caches

from .conftest import task_env

# A ceiling far above a cold start on a loaded 2-core machine; the test waits for the
# page itself, and gives up only at this bound.
CEILING = 600


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, touch=None) -> str:
    deadline = time.monotonic() + CEILING
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and needle in body:
            return body
        if touch is not None:
            # The watcher takes its first snapshot a moment after serving starts;
            # a fresh mtime makes sure it sees the edit whenever that was.
            os.utime(touch)
        time.sleep(1)
    raise AssertionError(f"{url} did not show {needle!r} within {CEILING} s")


def test_serve_rebuilds_and_reloads_after_an_edit(small_project):
    """An edited title shows up on the served page, which carries the reload script."""
    project = small_project  # serving works the same among seven posts as among many
    port = _free_port()
    # The copy's CACHE_PATH (.cache) shares the session's cards and image sizes, so the
    # first build reuses what earlier tests drew, as a developer's next `invoke serve` does.
    share_caches(project / ".cache")
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
        cwd=project,
        env=task_env(project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        post = sorted((project / "content" / "pengumuman").glob("*.md"))[0]
        slug = post.stem.split("-", 3)[3]
        url = f"http://127.0.0.1:{port}/pengumuman/{slug}/"
        page = _wait_for(url, "<h1")
        assert "livereload.js" in page
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("title: ", "title: Diperbarui ", 1), encoding="utf-8")
        _wait_for(url, "Diperbarui ", touch=post)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=CEILING)
