"""(e) the serve loop: the real dev server (plugins/devserver) over the bench corpus.

The child, `python -m tools.bench.serve SETTINGS OUTPUT CONTENT CACHE NOW PORT`, is
`invoke serve` with the corpus's settings: it builds once, serves, and rebuilds
when its watcher sees a change in CONTENT. The bench connects to it as a browser
does (ReloadListener: livereload's websocket handshake), saves a post, and times
(1) until the post's page on disk carries the new title and (2) until the server
tells a browser showing that post to reload. Both include the watcher's poll, as staff see it.
"""

from __future__ import annotations

import asyncio
import json
import queue
import sys
import threading
import time
from pathlib import Path

from tornado.websocket import websocket_connect

HOST = "127.0.0.1"
READY = "Situs tersaji di"  # the server's line once the first build is served


class ReloadListener:
    """A livereload client in a thread of its own: the time each reload message arrived.

    It says it shows `page` (a URL path), as livereload.js does for the page it runs in:
    the server reloads a browser as soon as the page it shows is written.
    """

    def __init__(self, port: int, page: str = "/"):
        self.url = f"ws://{HOST}:{port}/livereload"
        self.page = page
        self._connection = None
        self.reloads: queue.Queue[float] = queue.Queue()
        self._ready = threading.Event()
        self._failed: BaseException | None = None
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._run, daemon=True).start()
        if not self._ready.wait(60):
            raise SystemExit(f"GAGAL: websocket livereload di {self.url} tidak menjawab")
        if self._failed is not None:
            raise SystemExit(f"GAGAL: websocket livereload: {self._failed}")

    def _run(self) -> None:
        self._loop.run_until_complete(self._listen())

    async def _listen(self) -> None:
        try:
            connection = await websocket_connect(self.url)
            await connection.write_message(
                json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
            )
            await connection.read_message()  # the server's hello
            # "info" with a URL is what puts a client on the list of pages to reload.
            await connection.write_message(
                json.dumps({"command": "info", "url": f"http://{HOST}{self.page}"})
            )
            self._connection = connection
        except Exception as error:  # noqa: BLE001 - said by the constructor
            self._failed = error
            self._ready.set()
            return
        self._ready.set()
        while (message := await connection.read_message()) is not None:
            if json.loads(message).get("command") == "reload":
                self.reloads.put(time.perf_counter())

    def close(self) -> None:
        if self._connection is not None:
            self._loop.call_soon_threadsafe(self._connection.close)

    def next_after(self, start: float, timeout: float) -> float:
        """Seconds from start to the first reload message that came after it."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"GAGAL: tidak ada pesan reload dalam {timeout:g} detik")
            at = self.reloads.get(timeout=left)
            if at >= start:
                return at - start


def main(argv: list[str]) -> int:
    from plugins.devserver.server import serve

    settings, output, content, cache, now, port = argv
    overrides = {"PATH": content, "CACHE_PATH": cache, "BUILD_NOW": now}
    root = Path(__file__).resolve().parents[2]
    return serve(root, Path(settings), Path(output), HOST, int(port), overrides, [Path(content)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
