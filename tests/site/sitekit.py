"""Helpers for the site tests: build a site in a subprocess, read its output, serve it.

Everything here works on real output: pages are found on disk and parsed, links
are resolved the way a browser resolves them.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import fcntl
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import forked_builds
import pytest
from bs4 import BeautifulSoup

from plugins.content_model.kinds import DEFAULT as _KINDS
from plugins.posters.store import CACHE_FOLDER as POSTER_CACHE
from plugins.responsive_images.plugin import CACHE_DIR as VARIANT_CACHE
from plugins.social_cards.cache import CACHE_FOLDER as CARD_CACHE

KINDS = _KINDS.posts

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "pelicanconf.py"
CONFIG_FILES = ("pelicanconf.py", "publishconf.py")
SAMPLE_CONTENT = ROOT / "content"
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "site" / "content"
WITA = ZoneInfo("Asia/Makassar")
# "Now" for every test build, so upcoming events do not depend on the clock.
BUILD_NOW = "2026-11-28T10:00:00+08:00"

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SETUP_HINT = "run `bash .ci/install-test-tools` (or `invoke test --setup`) first"

# Debian's Chromium, never a Playwright download; as root it needs --no-sandbox,
# and without the rest it tries the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The pages every browser and accessibility test visits, at each width: names
# are resolved to URLs of the built sample site by the sample_pages fixture.
WIDTHS = [390, 1280]
PAGE_NAMES = (
    ["beranda", "daftar", "arsip", "tagar", "satu-tagar"]
    + [f"tulisan-{kind}" for kind in KINDS]
    + ["tentang", "404"]
)
MISSING_URL = "/acara/halaman-yang-tidak-ada/"

# Pelican's pagination folders: /acara/halaman-2/.
PAGINATION = re.compile(r"^halaman-\d+$")
# A host that stands for "this site" when resolving links.
SITE_ORIGIN = "http://situs.test"


def require_tool(present: bool, what: str) -> None:
    """Fail (never skip) when a tool the suite needs is missing.

    A skipped browser or validity check would hide a whole category of defects;
    a missing tool is a broken test machine, so say so and how to fix it.
    """
    if not present:
        pytest.fail(f"{what} is missing: {SETUP_HINT}.", pytrace=False)


# --- building -------------------------------------------------------------


@dataclass
class BuildRun:
    """One finished build subprocess."""

    command: list[str]
    returncode: int
    stdout: str
    stderr: str
    output: Path
    cache: Path | None = None  # its CACHE_PATH: the card manifest, the render memo

    @property
    def log(self) -> str:
        return f"$ {' '.join(self.command)}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"


# Cards, image variants and posters are named by a digest of all their inputs, so one
# folder of each serves every build of a test session, whatever its content. Pelican's own cache
# (CACHE_CONTENT) is keyed by file name only: each build gets a CACHE_PATH of its own in
# which only those folders are links to the session's.
SHARED_CACHES = (CARD_CACHE, VARIANT_CACHE, POSTER_CACHE)


@functools.cache
def session_cache() -> Path:
    """The folder holding this test session's shared caches (removed when it ends).

    SERAMBI_TEST_CACHE names a folder to keep instead: warm for the next run, or to count
    the cards a run drew.
    """
    kept = os.environ.get("SERAMBI_TEST_CACHE")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        return Path(kept).resolve()
    folder = Path(tempfile.mkdtemp(prefix="serambi-cache-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def share_caches(cache_path: Path) -> Path:
    """Make cache_path's card and variant caches links to the session's; return cache_path."""
    for name in SHARED_CACHES:
        shared = session_cache() / name
        shared.mkdir(exist_ok=True)
        link = cache_path / name
        if not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(shared, target_is_directory=True)
    return cache_path


def build_cache() -> Path:
    """A new CACHE_PATH for one build: a Pelican cache of its own, the session's cards and variants."""
    return share_caches(Path(tempfile.mkdtemp(prefix="build-", dir=session_cache())))


# Until the runner's command line takes --cache: its build() with the same overrides
# its command line makes (--content, --now), and CACHE_PATH.
def run_build(
    output: Path,
    content: Path | None = None,
    strict: bool = False,
    now: str = BUILD_NOW,
    settings: Path = SETTINGS,
    cache: Path | None = None,
    full: bool = False,
) -> BuildRun:
    """Build a site with the project's build runner, from the repo root, in a process of
    its own (forked from one that has imported the runner: tests/site/forked_builds.py).

    cache is the build's CACHE_PATH; by default a new one, sharing the session's cards
    and image variants. Pass a folder of the test's own to look into the cache.
    full: build even when the output already holds what the build would make (--full),
    for tests of what a build that runs does on a warm cache (the render memo).
    """
    cache = build_cache() if cache is None else cache
    args = [str(settings), "--output", str(output), "--now", now, "--cache", str(cache)]
    if content is not None:
        args += ["--content", str(content)]
    if strict:
        args.append("--strict")
    if full:
        args.append("--full")
    # COLUMNS: the log handler wraps at the terminal width; keep each message on one line.
    proc = BUILDS.run(args, env=dict(os.environ, COLUMNS="1000"), timeout=600)
    command = [sys.executable, "-m", forked_builds.RUNNER, *args]
    return BuildRun(command, proc.returncode, proc.stdout, proc.stderr, Path(output), cache)


BUILDS = forked_builds.Builds()


def _tree_digest(folder: Path) -> str:
    """A digest of every file's relative path and bytes under folder (bytecode left out)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def _code_digest() -> str:
    """What builds the site: a kept SERAMBI_TEST_CACHE outlives edits to it."""
    parts = [_tree_digest(ROOT / folder) for folder in ("plugins", "theme")]
    parts += [hashlib.sha256((ROOT / name).read_bytes()).hexdigest() for name in CONFIG_FILES]
    return "\0".join(parts)


def shared_build(
    content: Path | None = None,
    strict: bool = False,
    now: str = BUILD_NOW,
    settings: Path = SETTINGS,
) -> BuildRun:
    """One build of these inputs for the whole test session, xdist workers included.

    For session fixtures whose output is only read: each worker asking for the same
    content (by bytes, wherever its copy lies), settings (by bytes) and options gets the
    same output. The first builds it while holding a lock on its folder in the session
    cache; the others wait for that and read what it made, instead of each drawing the
    same cards and image copies at the same time. Its CACHE_PATH is kept beside the
    output (BuildRun.cache), for tests that read the card manifest; never build into either.
    """
    key = hashlib.sha256(
        "\0".join(
            [
                _tree_digest(content or SAMPLE_CONTENT),
                hashlib.sha256(Path(settings).read_bytes()).hexdigest(),
                _code_digest(),
                now,
                str(strict),
            ]
        ).encode()
    ).hexdigest()[:20]
    folder = session_cache() / "shared-builds" / key
    folder.mkdir(parents=True, exist_ok=True)
    made, output, cache = folder / "build.json", folder / "output", folder / "cache"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not made.is_file():
            run = run_build(
                output, content=content, strict=strict, now=now, settings=settings, cache=share_caches(cache)
            )
            record = {name: getattr(run, name) for name in ("command", "returncode", "stdout", "stderr")}
            made.write_text(json.dumps(record), encoding="utf-8")
    return BuildRun(**json.loads(made.read_text(encoding="utf-8")), output=output, cache=cache)


def make_images(content: Path) -> list[Path]:
    """Write every image the content refers to (post images, the logo) with Pillow.

    Post images are larger than the widest responsive size so every srcset
    width is generated; each gets its own shape so width/height checks mean
    something.
    """
    from pelican.settings import read_settings
    from PIL import Image, ImageDraw

    from plugins.content_model.frontmatter import parse_document

    wanted: dict[str, tuple[int, int]] = {}
    for number, path in enumerate(sorted(content.rglob("*.md"))):
        metadata = parse_document(path.read_text(encoding="utf-8")).metadata
        if metadata.get("image"):
            wanted[str(metadata["image"]).lstrip("/")] = (1200 + 40 * number, 1600 - 20 * number)
    logo = read_settings(str(SETTINGS))["LIBRARY"]["logo"]
    wanted.setdefault(logo, (256, 256))

    made = []
    for relative, size in wanted.items():
        target = content / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        image = Image.new("RGB", size, (11, 93, 75))
        draw = ImageDraw.Draw(image)
        w, h = size
        draw.rectangle([w // 8, h // 8, w * 7 // 8, h * 7 // 8], fill=(250, 246, 238))
        for row in range(1, 6):
            y = h // 8 + row * h // 8
            draw.rectangle([w // 5, y, w * 4 // 5, y + h // 40], fill=(156, 61, 18))
        fmt = "PNG" if target.suffix.lower() == ".png" else "JPEG"
        image.save(target, fmt)
        made.append(target)
    return made


# --- reading output -----------------------------------------------------------


@dataclass
class Site:
    """A built output folder, read as pages and URLs."""

    output: Path
    build: BuildRun | None = None
    content: Path | None = None
    _soups: dict[Path, BeautifulSoup] = field(default_factory=dict, repr=False)

    def file_for(self, url_path: str) -> Path:
        """The file a static server sends for a URL path (/acara/ -> acara/index.html)."""
        path = unquote(urlsplit(url_path).path)
        target = self.output / path.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def url_for(self, file: Path) -> str:
        relative = file.relative_to(self.output).as_posix()
        if relative == "index.html":
            return "/"
        if relative.endswith("/index.html"):
            return "/" + relative[: -len("index.html")]
        return "/" + relative

    def exists(self, url_path: str) -> bool:
        return self.file_for(url_path).is_file()

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))

    def soup(self, url_or_file: str | Path) -> BeautifulSoup:
        file = url_or_file if isinstance(url_or_file, Path) else self.file_for(url_or_file)
        if file not in self._soups:
            self._soups[file] = BeautifulSoup(file.read_bytes(), "lxml")
        return self._soups[file]

    def links(self, page_url: str, soup: BeautifulSoup | None = None) -> list[str]:
        """Every same-site <a href> of a page, as URL paths, in document order."""
        soup = soup or self.soup(page_url)
        found = []
        for a in soup.find_all("a", href=True):
            path = local_path(page_url, a["href"])
            if path is not None:
                found.append(path)
        return found


def local_path(page_url: str, href: str) -> str | None:
    """The URL path a link on page_url points to, or None when it leaves the site.

    Links to the public domain of the site (SITEURL) count as local too.
    """
    href = href.strip()
    if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    resolved = urlsplit(urljoin(SITE_ORIGIN + page_url, href))
    if f"{resolved.scheme}://{resolved.netloc}" != SITE_ORIGIN:
        return None
    return resolved.path or "/"


def text_of(node) -> str:
    """Text of an element with whitespace collapsed, as a reader sees it."""
    return " ".join(node.get_text(" ").split())


def parse_srcset(value: str) -> list[tuple[str, str]]:
    """[(url, descriptor)] of a srcset attribute."""
    candidates = []
    for part in value.split(","):
        bits = part.strip().split()
        if bits:
            candidates.append((bits[0], bits[1] if len(bits) > 1 else ""))
    return candidates


# --- content knowledge (from the checker, never from the output) ---------------


@dataclass
class Post:
    """One content file as the project's own checker reads it."""

    path: str
    kind: str
    slug: str
    values: dict[str, Any]

    @property
    def title(self) -> str:
        return self.values["title"]

    @property
    def url(self) -> str:
        return f"/{self.kind}/{self.slug}/"

    @property
    def is_published(self) -> bool:
        """What the build publishes: not a draft, and not dated after BUILD_NOW."""
        if self.values.get("status") == "draft":
            return False
        return self.values["date"] <= dt.datetime.fromisoformat(BUILD_NOW)


def read_posts(content: Path):
    """(posts, pages, problems) of a content folder, via plugins.content_model.check."""
    from plugins.content_model.check import check_tree
    from plugins.content_model.kinds import DEFAULT as _KINDS

    KINDS = _KINDS.posts

    report = check_tree(content, WITA)
    posts, pages = [], []
    for entry in report.entries.values():
        if entry.problems or entry.kind is None or entry.slug is None:
            continue
        item = Post(entry.path, entry.kind.slug, entry.slug, entry.values)
        (posts if entry.kind.slug in KINDS else pages).append(item)
    return posts, pages, report.problems


def copy_content(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


# --- serving --------------------------------------------------------------------


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: index.html for folders, 404.html for the rest."""

    def list_directory(self, path):  # a folder without index.html is a missing page
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # keep test output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that drops a connection (a cancelled image load) is not an error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve a folder on 127.0.0.1 on a free port, in a background thread."""

    def __init__(self, folder: Path):
        handler = functools.partial(_SiteHandler, directory=str(folder))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        host, port = self.httpd.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, daemon=True, name=f"site-server-{port}"
        )

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


# --- the browser ------------------------------------------------------------------


@dataclass
class Visit:
    url: str
    status: int | None
    expected_status: int
    errors: list[str]


@contextlib.contextmanager
def own_page(browser, context_args: dict):
    """A page in a browser context of its own, closed after: for a module fixture that opens
    each page once for many tests (pytest-playwright's page fixture is per test)."""
    context = browser.new_context(**context_args)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page, base_url: str, path: str, width: int, expect_missing: bool = False) -> Visit:
    """Open a page at a width; collect console errors, script errors and failed loads."""
    url = base_url + path
    errors: list[str] = []

    def on_console(message):
        # Failed loads are reported (with their URL) by on_response / on_failed.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_response(response):
        if response.status >= 400 and not (expect_missing and response.url == url):
            errors.append(f"{response.status} for {response.url}")

    def on_failed(request):
        # ERR_ABORTED is the browser cancelling a load itself (an image candidate
        # it no longer needs after a resize), not something the site did wrong.
        if request.failure != "net::ERR_ABORTED":
            errors.append(f"failed to load {request.url}: {request.failure}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(url, wait_until="load")
    # What happened while the page loaded; later actions (screenshots) resize the page.
    return Visit(url, response.status if response else None, 404 if expect_missing else 200, list(errors))


# --- a post's facts, for tests of outputs that read them ------------------------------------


def post_facts(kind: str, fields: dict, profile_or_name="Perpustakaan Kota Kotamobagu"):
    """The facts content_model gives a post of this kind with these fields (built-in kinds)."""
    from plugins.content_model.facts import build_facts
    from plugins.content_model.kinds import DEFAULT
    from plugins.content_model.presentation import PresentContext

    name = getattr(profile_or_name, "name", profile_or_name)
    fields = {"date": dt.datetime(2026, 11, 1, tzinfo=WITA), **fields}
    return build_facts(DEFAULT.get(kind), fields, PresentContext(name, WITA))


# axe-core's rules for WCAG 2.2 AA; target-size (2.5.8) is off by default in axe 4.x.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def _described(violation: dict) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"]
    for node in violation["nodes"][:10]:
        summary = " ".join((node.get("failureSummary") or "").split())
        lines.append(f"    {node['target']}: {summary[:300]}")
    if len(violation["nodes"]) > 10:
        lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the open page as it is now, each described.

    axe is injected once per page, so a test may run it again after changing the page
    (a click, the dark colour scheme) without loading it anew.
    """
    require_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(ROOT)})")
    if not page.evaluate("() => typeof axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    ran = {
        rule["id"] for key in ("passes", "violations", "incomplete", "inapplicable") for rule in results[key]
    }
    assert "target-size" in ran, "axe did not run the target-size rule"
    return [_described(violation) for violation in results["violations"]]


def assert_fits_and_passes_axe(page) -> None:
    """The open page scrolls no wider than the window and axe-core (WCAG 2.2 AA) finds nothing."""
    from test_reflow import MEASURE

    found = page.evaluate(MEASURE)
    assert found["scroll"] <= found["inner"] and not found["wide"], found
    violations = axe_violations(page)
    assert not violations, f"{page.url}: {len(violations)} axe violation(s):\n" + "\n".join(violations)
