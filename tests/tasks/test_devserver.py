"""invoke serve with a broken post: its problems in the browser, in Indonesian, until fixed.

One real `invoke serve` on a copy of the project with a single post: break the
post, see its problems at its own URL and once in the terminal, fix it, and the
page open in the browser turns back into the post by itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import expect
from tornado.websocket import websocket_connect

from .conftest import task_env

# Far above a cold start on a loaded 2-core machine; every wait is for the event itself.
CEILING = 300
POST = Path("content/pengumuman/2026-09-08-pojok-internet-kini-dibuka-untuk-umum.md")
TITLE = "Pojok Internet Kini Dibuka untuk Umum"
BROKEN_TITLE = "title: Pojok Internet: Dibuka untuk Umum"  # the unquoted ": " of issue #9
LIVERELOAD_CONNECTED = "() => !!window.LiveReload && window.LiveReload.connector.protocol >= 7"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str] | None:
    """Status and body, or None while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, log: Path) -> str:
    deadline = time.monotonic() + CEILING
    while time.monotonic() < deadline:
        answer = _get(url)
        if answer is not None and needle in answer[1]:
            return answer[1]
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {needle!r} within {CEILING} s\n{log.read_text()}")


def _wait_for_line(log: Path, needle: str, count: int) -> None:
    deadline = time.monotonic() + CEILING
    while log.read_text(encoding="utf-8").count(needle) < count:
        assert time.monotonic() < deadline, f"{needle!r} not {count} times in {CEILING} s\n{log.read_text()}"
        time.sleep(0.2)


def _one_post(project: Path) -> None:
    """Only POST is left of the sample posts: the first build takes seconds."""
    for path in (project / "content").glob("*/*.md"):
        if path.parent.name != "halaman" and path != project / POST:
            path.unlink()


class Browser:
    """livereload.js as a page runs it: says which page it shows, counts reload messages."""

    def __init__(self, port: int, page: str):
        self.page = page
        self.reloads: list[str] = []  # the path of each reload message
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, daemon=True).start()
        self._connection = self._call(lambda: websocket_connect(f"ws://127.0.0.1:{port}/livereload"))
        self._send({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        assert self._next()["command"] == "hello"
        self._send({"command": "info", "url": f"http://127.0.0.1:{port}{page}"})
        self.round_trip()  # the server has read the info message

    def _call(self, start):
        """Run start() on the websocket's own loop and wait for what it returns."""

        async def awaited():
            return await start()

        return asyncio.run_coroutine_threadsafe(awaited(), self._loop).result(CEILING)

    def _send(self, message: dict) -> None:
        self._call(lambda: self._connection.write_message(json.dumps(message)))

    def _next(self) -> dict:
        text = self._call(self._connection.read_message)
        assert text is not None, f"the server closed the websocket of {self.page}"
        message = json.loads(text)
        if message.get("command") == "reload":
            self.reloads.append(message["path"])
        return message

    def next_reload(self) -> None:
        while self._next()["command"] != "reload":
            pass

    def round_trip(self) -> None:
        """Every message the server sent before answering this hello has been read."""
        self._send({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        while self._next()["command"] != "hello":
            pass


def _stop_group(server: subprocess.Popen) -> None:
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
    raise AssertionError("a process of `invoke serve` outlived SIGTERM")


def test_a_broken_post_shows_its_problems_until_fixed(project, page, tmp_path):
    _one_post(project)  # the project fixture shares the session's warm card cache
    port, log = _free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    source = project / POST
    good = source.read_text(encoding="utf-8")
    env = {**task_env(project), "PYTHONUNBUFFERED": "1"}  # the log is read while it runs
    with log.open("w") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
            cwd=project,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        url = f"{base}/pengumuman/pojok-internet-kini-dibuka-untuk-umum/"
        post_page = _wait_for(url, f"<h1>{TITLE}", log)
        # Links follow the port served, not pelicanconf's 8000.
        assert f'<link rel="canonical" href="{url}">' in post_page
        assert f'<meta property="og:url" content="{url}">' in post_page
        kit = _wait_for(f"{base}/bagikan/pengumuman/pojok-internet-kini-dibuka-untuk-umum/", url, log)
        assert "127.0.0.1:8000" not in kit
        status, missing = _get(f"{base}/acara/halaman-yang-tidak-ada/")
        assert status == 404 and "Halaman tidak ditemukan" in missing, missing

        # Each open browser reloads once per save: the one showing the edited post as
        # soon as that page is written, one on another page when the build has ended.
        # (Nothing is building now: the first build ended before the server served.)
        on_post = Browser(port, "/pengumuman/pojok-internet-kini-dibuka-untuk-umum/")
        elsewhere = Browser(port, "/tentang/")
        written = project / "output" / "pengumuman" / "pojok-internet-kini-dibuka-untuk-umum" / "index.html"
        source.write_text(good.replace(f"title: {TITLE}", f"title: {TITLE} Sekarang", 1), encoding="utf-8")
        on_post.next_reload()
        assert f"{TITLE} Sekarang" in written.read_text(encoding="utf-8")
        elsewhere.next_reload()
        _wait_for_line(log, "Selesai:", 2)  # the first build's, and this one's
        for browser in (on_post, elsewhere):
            browser.round_trip()  # answered after any reload the server sent before it
        # Sent for the page itself when it was written, not by the build's end ("*").
        assert on_post.reloads == [on_post.page], on_post.reloads
        assert len(elsewhere.reloads) == 1, elsewhere.reloads

        source.write_text(
            good.replace(f"title: {TITLE}", BROKEN_TITLE, 1).replace(
                "date: 2026-09-08 09:00", "date: 31-31-2026", 1
            ),
            encoding="utf-8",
        )
        problems = _wait_for(url, "Tulisan ini belum bisa ditampilkan", log)
        assert "baris 2" in problems and "beri tanda kutip pada seluruh nilainya" in problems
        assert "kolom &#39;date&#39;" in problems or "kolom 'date'" in problems
        _, listing = _get(f"{base}/_masalah/")
        assert str(POST) in listing and 'href="/pengumuman/pojok-internet-kini-dibuka-untuk-umum/"' in listing
        _, home = _get(f"{base}/")
        assert 'href="/_masalah/"' in home  # the banner, on every page while there are problems

        page.goto(url)
        expect(page.locator("h1")).to_have_text("Tulisan ini belum bisa ditampilkan")
        page.wait_for_function(LIVERELOAD_CONNECTED, timeout=CEILING * 1000)
        # Another rebuild with the post still broken: the page reloads, the report is not repeated.
        with page.expect_event("load", timeout=CEILING * 1000):
            os.utime(project / "content" / "halaman" / "tentang.md")
        expect(page.locator("h1")).to_have_text("Tulisan ini belum bisa ditampilkan")
        page.wait_for_function(LIVERELOAD_CONNECTED, timeout=CEILING * 1000)

        with page.expect_event("load", timeout=CEILING * 1000):
            source.write_text(good, encoding="utf-8")  # fixed: nobody presses anything
        expect(page.locator("h1")).to_have_text(TITLE, timeout=CEILING * 1000)
        assert page.locator("link[rel=canonical]").get_attribute("href") == url

    finally:
        _stop_group(server)

    terminal = log.read_text(encoding="utf-8")
    assert terminal.count("Ditemukan 2 masalah pada konten") == 1, terminal
    assert terminal.count(BROKEN_TITLE.replace("title: ", 'title: "') + '"') == 1, terminal
    assert "Traceback" not in terminal, terminal
    for english in ("WARNING", "ERROR", "Error parsing YAML", "Skipping", "Could not process"):
        assert english not in terminal, terminal
    # The problems pages lived in the server's memory only, never in the output folder.
    output = project / "output"
    assert not (output / "_masalah").exists()
    assert not any(
        "Tulisan ini belum bisa ditampilkan" in html.read_text(encoding="utf-8")
        for html in output.rglob("*.html")
    )
