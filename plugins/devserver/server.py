"""`invoke serve`: build, serve output/, rebuild on every change, reload the browser.

livereload serves the files and puts its reload script into every HTML page it
sends, this server's own pages included. The watcher (watcher.py: the kernel tells
it of each save) only asks for a rebuild; rebuilds run one at a time in a thread of
their own, so the server keeps answering while one runs. A saved post's page is
first rendered from the last build (preview.py), and a browser is told to reload as
soon as the page it shows is written (reloads.py). A post left out for its problems is
answered at its own URL by its problems page (pages.py), so the page the
librarian has open turns into the problems, and back into the post once the
file is fixed.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
import traceback
from pathlib import Path

from livereload import Server
from livereload.handlers import StaticFileHandler

from plugins._shared.build import build as run_build
from plugins.content_model.problems import format_report

from . import pages, quiet, reloads
from .hook import latest, register, saved_since_last_build
from .preview import LastBuild
from .watcher import KernelWatcher

WATCHED = ("content/", "theme/", "plugins/", "pelicanconf.py")


class DevSite:
    """What the server answers: the output folder, plus the pages of the last report."""

    def __init__(self, settings_file: Path, output: Path, base_url: str, overrides: dict | None = None):
        self.settings_file, self.output, self.base_url = settings_file, Path(output), base_url
        # Links in pages, cards and the share kit name the port actually served.
        self.overrides = {**(overrides or {}), "PUBLIC_URL": base_url.rstrip("/")}
        self.problems = pages.ProblemPages({}, 0)
        self._printed: str | None = None
        self.reloads = reloads.BrowserReloads(self.output)
        self._report_shown = False  # this build's report is already what the server answers
        # A save during the first build asks for the next one from another thread.
        self._one_build_at_a_time = threading.Lock()
        self.last_build = LastBuild()  # what a saved post's preview is rendered from
        self._previewing = False
        self.noise: quiet.ContentNoise | None = None  # the server's log filter, once installed

    def rebuild(self, saved: set[str] = frozenset()) -> None:
        """Build again; saved: the files saved since the last build (their pages are previewed first)."""
        with self._one_build_at_a_time:
            saved_since_last_build(saved)  # read by this build's hook, so not while another runs
            self._preview(saved)
            self._rebuild()

    def _preview(self, saved: set[str]) -> None:
        self._previewing = True  # the preview's page is told to the reloads by preview.py itself
        hushed = self.noise.hushing() if self.noise is not None else contextlib.nullcontext()
        try:
            with hushed:
                self.last_build.preview(saved, self.reloads.previewed)
        finally:
            self._previewing = False

    def _rebuild(self) -> None:
        latest.clear()
        self._report_shown = False
        answered = self._printed
        self.reloads.build_started()
        try:
            code = run_build(self.settings_file, output=self.output, overrides=self.overrides)
        except Exception:  # noqa: BLE001 - the runner raises only with SERAMBI_DEBUG=1: show, keep serving
            traceback.print_exc()
            code = 1
        self.last_build.keep(latest.generator, succeeded=code == 0)
        if latest.report is not None and not self._report_shown:  # None: stopped before the check
            self._show(latest.report, latest.settings)
        # A browser reloaded early got the problems as they stood then: if they changed
        # since (the first page is written after the whole content check, so rarely), again.
        self.reloads.build_finished(everyone=self._printed != answered and self._report_shown)
        if code != 0:
            print(
                "Server tetap berjalan: halaman yang belum terbangun ulang masih versi terakhir "
                "yang berhasil. Perbaiki lalu simpan berkasnya lagi.",
                file=sys.stderr,
                flush=True,
            )
        self.last_build.warm_up()

    def page_written(self, path: str) -> None:
        """From the build: a page is on disk. The content check is over by then, so its
        report is what the server answers from now on, before the browser asks again."""
        if self._previewing:
            return
        if not self._report_shown and latest.report is not None:
            self._show(latest.report, latest.settings)
            self._report_shown = True
        self.reloads.written(path)

    def _show(self, report, settings: dict) -> None:
        try:
            self.problems = pages.render(report, settings)
        except Exception as error:  # noqa: BLE001 - a bug in problems.html must not stop serving
            print(
                f"GAGAL: halaman daftar masalah tidak bisa dibuat ({type(error).__name__}: {error}).",
                file=sys.stderr,
                flush=True,
            )
        # The same report again (another rebuild, nothing fixed) is not printed again.
        text = format_report(report.problems)
        if report.problems:
            text += f"\n\nDaftar masalah juga tampil di {self.base_url}{pages.LIST_URL}"
        if text != self._printed:
            print(text, flush=True)
            self._printed = text

    def page_for(self, path: str) -> str | None:
        """The HTML to answer for a URL path, or None to let the file server answer."""
        key = path.removesuffix("index.html")
        for candidate in (key, f"{key}/"):
            if candidate in self.problems.pages:
                return self.problems.pages[candidate]
        file = self._html_file(path)
        return None if file is None else self.problems.banner(file.read_text("utf-8", "replace"))

    def not_found(self) -> str | None:
        """The site's own 404 page, with the banner."""
        file = self.output / "404.html"
        return self.problems.banner(file.read_text("utf-8", "replace")) if file.is_file() else None

    def _html_file(self, path: str) -> Path | None:
        root = self.output.resolve()
        target = (root / path).resolve()
        if not target.is_relative_to(root):
            return None
        if target.is_dir():
            if path and not path.endswith("/"):
                return None  # the file server redirects to the address with a slash
            target = target / "index.html"
        return target if target.suffix == ".html" and target.is_file() else None


class SiteFiles(StaticFileHandler):
    """livereload's file handler, answering HTML pages through the DevSite."""

    site: DevSite
    answered = False  # True once this request's HTML came from the DevSite

    async def get(self, path: str, include_body: bool = True) -> None:
        self.site.reloads.served(path)
        html = self.site.page_for(path)
        if html is None:
            await super().get(path, include_body)
            return
        self.answered = True
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")  # a reload must fetch the rebuilt page
        self.finish(html if include_body else None)

    def compute_etag(self) -> str | None:
        # The file server's ETag is of a file on disk; these pages are no-store anyway.
        return None if self.answered else super().compute_etag()

    def write_error(self, status_code: int, **kwargs) -> None:
        page = self.site.not_found() if status_code == 404 else None
        if page is None:
            super().write_error(status_code, **kwargs)
            return
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(page)


class Rebuilds:
    """One build at a time, in a thread of its own; changes during a build ask for one more."""

    def __init__(self, site: DevSite):
        self.site = site
        self._wanted = threading.Event()
        self._saved: set[str] = set()
        self._guard = threading.Lock()
        threading.Thread(target=self._run, name="serambi-rebuilds", daemon=True).start()

    def request(self, saved: str | None) -> None:
        """A change was found (saved: the file the watcher names, if any)."""
        with self._guard:
            if saved:
                self._saved.add(saved)
        self._wanted.set()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            with self._guard:
                saved, self._saved = self._saved, set()
            self.site.rebuild(saved)


class DevServer(Server):
    def __init__(self, site: DevSite):
        super().__init__(watcher=KernelWatcher(on_loop=lambda loop: setattr(site.reloads, "loop", loop)))
        self.SFH = type("SiteFiles", (SiteFiles,), {"site": site})
        reloads.install()

    def _setup_logging(self) -> None:
        # livereload's own lines ("Running task", "Reload 1 waiters") are noise for staff.
        logging.getLogger("livereload").setLevel(logging.WARNING)


def serve(
    root: Path,
    settings_file: Path,
    output: Path,
    host: str,
    port: int,
    overrides: dict | None = None,
    watched: list[Path] | None = None,
) -> int:
    """Serve until Ctrl+C; return a process exit code.

    overrides (settings) and watched (instead of WATCHED under root) are for the
    bench, which serves a corpus of its own.
    """
    base_url = f"http://{host}:{port}/"
    taken = _port_taken(host, port)  # said before the first build, not after it
    if taken is not None:
        return _cannot_serve(base_url, taken)
    site = DevSite(settings_file, output, base_url, overrides)
    # Connected here, not in PLUGINS: only this process's builds ever run the hook.
    register(site.page_written)
    site.noise = quiet.install(latest)
    server = DevServer(site)
    rebuilds = Rebuilds(site)
    # From now on: a save during the first build asks for another after it.
    server.watcher.begin(watched or [root / name for name in WATCHED], rebuilds.request)
    site.rebuild()
    print(f"Situs tersaji di {base_url} (Ctrl+C untuk berhenti)", flush=True)
    try:
        server.serve(host=host, port=port, root=str(output), open_url_delay=None)
    except OSError as error:  # taken since the check
        return _cannot_serve(base_url, error)
    return 0


def _port_taken(host: str, port: int) -> OSError | None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as tornado binds
        try:
            probe.bind((host, port))
        except OSError as error:
            return error
    return None


def _cannot_serve(base_url: str, error: OSError) -> int:
    print(
        f"GAGAL: tidak bisa menyajikan situs di {base_url} ({error.strerror or error}). "
        "Tutup 'invoke serve' yang lain, atau pilih port lain, misalnya: invoke serve --port 8001",
        file=sys.stderr,
    )
    return 1
