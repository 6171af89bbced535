"""`pelican --listen --autoreload`: the dev server of any Pelican site serves this one and rebuilds it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from sitekit import ROOT, SAMPLE_CONTENT, copy_content, read_posts

from .conftest import CEILING, PELICAN, cache_args, env, extra


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, log: Path, nudge=None) -> str:
    """The page at url once it shows needle; nudge() runs between tries."""
    deadline = time.monotonic() + CEILING
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and needle in body:
            return body
        if nudge is not None:
            nudge()
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {needle!r} within {CEILING} s\n{log.read_text()}")


def _stop_group(server: subprocess.Popen) -> None:
    """Stop the parent and both its children (build and HTTP server), and wait until all are gone."""
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=CEILING)
    deadline = time.monotonic() + CEILING
    while time.monotonic() < deadline:
        try:
            os.killpg(server.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(server.pid, signal.SIGKILL)
    raise AssertionError("a process of `pelican -r -l` outlived SIGTERM")


def test_listen_autoreload_serves_the_site_and_rebuilds_after_an_edit(tmp_path):
    content = copy_content(SAMPLE_CONTENT, tmp_path / "content")
    posts, _, _ = read_posts(content)
    post = sorted((p for p in posts if p.kind == "pengumuman" and p.is_published), key=lambda p: p.path)[0]
    source = content.parent / post.path  # paths as staff see them: content/...
    port = _free_port()
    log = tmp_path / "pelican.log"
    # No -s: Pelican takes pelicanconf.py from the working folder, as it does for every site.
    command = [
        str(PELICAN),
        str(content),
        "--listen",
        "--autoreload",
        "-p",
        str(port),
        "-o",
        str(tmp_path / "output"),
        *cache_args(),
        *extra(),
    ]
    with log.open("w") as sink:
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}{post.url}"
        _wait_for(url, "<h1", log)  # the page, not a 404 or a folder listing mid-build
        edited = source.read_text(encoding="utf-8").replace("title: ", "title: Diperbarui ", 1)

        def write_edit():
            # Written again while waiting: the watcher starts only after the first build.
            source.write_text(edited, encoding="utf-8")

        write_edit()
        _wait_for(url, "Diperbarui ", log, nudge=write_edit)
    finally:
        _stop_group(server)
    assert _fetch(f"http://127.0.0.1:{port}/") is None, "still serving after the group was stopped"
