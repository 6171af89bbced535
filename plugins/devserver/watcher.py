"""What `invoke serve` watches: saves as the kernel reports them (inotify, through
watchfiles), not found by walking the folders.

livereload's own watcher looks at every watched file on each poll. At a thousand posts
one look took 12 ms, so polling often enough for a save to be seen soon (every 150 ms)
kept a twelfth of a core busy while the librarian only read, and a save still waited
75 ms on average for the next look. watchfiles (what Pelican's own --autoreload uses)
hears of each write as it happens. The writes of one save (an editor may write a
temporary file and rename it over the post) are gathered for GATHER_MS; then the server
is told each file that changed.

Where the kernel says nothing (WSL on Windows' folders, or WATCHFILES_FORCE_POLLING set)
or refuses more watches, livereload's poll looks every POLL_MS, as before. Not
watchfiles' own polling: it compares whole seconds, so a second save within the same
second as the first went unseen (measured here).
"""

from __future__ import annotations

import os
import platform
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from livereload.watcher import Watcher
from tornado import ioloop
from watchfiles import DefaultFilter, watch

GATHER_MS = 30
# The longest a burst of writes (a git checkout) is gathered before the server is told.
GATHER_AT_MOST_MS = 300
# How long a watching thread waits before it looks up (to say it is ready, or to stop).
WAKE_MS = 100
POLL_MS = 150  # livereload's own poll is 0.8 s
LIVERELOAD_START = "__livereload__"  # what livereload's Server.serve queues for its watcher


class KernelWatcher(Watcher):
    """livereload's watcher, told of changes by the kernel, or polling where it cannot be.

    A change only asks for a rebuild (changed(path)); the reloads are the builds'
    (reloads.py), so livereload never reloads pages by itself.
    """

    def __init__(self, on_loop: Callable[[ioloop.IOLoop], None]):
        super().__init__()  # its clock starts now: files saved since count when polling
        self._on_loop = on_loop
        self._stop = threading.Event()
        self._failed: list[BaseException] = []
        self.polling = False

    def begin(self, paths: Iterable[Path], changed: Callable[[str], None]) -> None:
        """Tell changed(path) of every file changed under paths (folders, or files) from
        now on: at once from the kernel, or from the first poll once the server serves."""
        paths = [Path(os.path.abspath(path)) for path in paths if os.path.exists(path)]
        if not _kernel_tells():
            self._poll(paths, changed)
            return
        folders = [path for path in paths if path.is_dir()]
        files = {str(path) for path in paths if not path.is_dir()}
        watching = []
        if folders:
            watching.append(self._watching(folders, recursive=True, only=None, changed=changed))
        if files:
            # A file is watched through its folder: an editor that saves by renaming a new
            # file over it would leave a watch on the file itself behind, on the old one.
            parents = sorted({Path(file).parent for file in files})
            watching.append(self._watching(parents, recursive=False, only=files, changed=changed))
        for ready in watching:
            ready.wait()
        if self._failed:  # most often the kernel's limit on watches (fs.inotify.max_user_watches)
            self.stop()
            print(
                f"Catatan: sistem tidak mau mengawasi folder situs ({self._failed[0]}); server "
                "memeriksa berkas berkala, jadi perubahan tampil sedikit lebih lambat.",
                file=sys.stderr,
                flush=True,
            )
            self._poll(paths, changed)

    def stop(self) -> None:
        self._stop.set()

    def _poll(self, paths: list[Path], changed: Callable[[str], None]) -> None:
        self.polling = True
        for path in paths:
            self.watch(str(path), lambda: changed(self.filepath))  # it names the file it found

    def _watching(self, roots: list[Path], recursive: bool, only: set[str] | None, changed):
        """A thread watching roots; returns the event it sets once its watches are in place."""
        ready = threading.Event()
        threading.Thread(
            target=self._watch,
            args=(roots, recursive, only, changed, ready),
            name="serambi-watch",
            daemon=True,
        ).start()
        return ready

    def _watch(self, roots, recursive: bool, only: set[str] | None, changed, ready: threading.Event) -> None:
        try:
            for changes in watch(
                *roots,
                watch_filter=DefaultFilter(),  # bytecode, editors' swap files, .git
                step=GATHER_MS,
                debounce=GATHER_AT_MOST_MS,
                rust_timeout=WAKE_MS,
                yield_on_timeout=True,  # the first yield says the watches are in place
                stop_event=self._stop,
                recursive=recursive,
                raise_interrupt=False,
                force_polling=False,
            ):
                ready.set()
                for path in sorted({path for _, path in changes}):
                    if only is None or path in only:
                        changed(path)
        except Exception as error:  # noqa: BLE001 - said by begin(), or here once serving
            if not ready.is_set():
                self._failed.append(error)
            elif not self._stop.is_set():
                print(
                    f"GAGAL: perubahan berkas tidak diawasi lagi ({error}); hentikan "
                    "'invoke serve' (Ctrl+C) lalu jalankan lagi.",
                    file=sys.stderr,
                    flush=True,
                )
        finally:
            ready.set()  # a watch that could not start must not hold the server up

    def start(self, callback) -> bool:
        self._on_loop(ioloop.IOLoop.current())  # the loop serving the websockets
        if self.polling:
            ioloop.PeriodicCallback(callback, POLL_MS).start()
        return True  # livereload starts no poll of its own

    def examine(self):
        # livereload queues a reload of every browser for when it starts; the builds say what
        # to reload, and that entry would spend the first poll (a save right after the
        # server starts waited 0.3 s to be seen).
        self._changes[:] = [change for change in self._changes if change[0] != LIVERELOAD_START]
        if self.polling:
            super().examine()
        return None, None


def _kernel_tells() -> bool:
    """False where the kernel hears nothing of the files: watchfiles' own test for it."""
    forced = os.environ.get("WATCHFILES_FORCE_POLLING")
    if forced:
        return forced.lower() in {"false", "disable", "disabled"}
    uname = platform.uname()
    return not ("microsoft-standard" in uname.release.lower() and uname.system.lower() == "linux")
