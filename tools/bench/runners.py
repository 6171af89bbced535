"""What each variant runs: the bare-Pelican anchor and this site's build runner.

(a) bare Pelican 4.12: the `pelican` command, its default theme, feeds on, the
    YAML reader and no project plugin (settings written by `bare_settings`);
(b) this site, cold: CACHE_PATH and the output emptied first;
(c) this site, warm: nothing changed since (b);
(d) this site after one post's title changed (a fresh process, warm cache);
(e) the serve loop (serve.py): the same edit, seen and rebuilt by the dev server.

Each build of this site runs a minute after the one before (BUILD_NOW), as builds
on the clock do: a warm build must not count on "now" standing still.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .corpus import NOW, ROOT

VARIANTS = {
    "a": "Pelican polos (anker)",
    "b": "situs ini, dingin",
    "c": "situs ini, hangat",
    "d": "situs ini, 1 judul diubah",
    "e": "serve: simpan -> halaman ditulis",
}
SETTINGS = ROOT / "pelicanconf.py"
MANIFEST = "kartu-manifest.json"


def bare_settings(path: Path, content: Path, kinds: list[str]) -> Path:
    """A settings file for stock Pelican: default theme and feeds, the YAML reader, nothing of ours.

    The one addition: the sample pages name their own templates (`template: tentang`),
    which the default theme lacks, so each gets a one-line template extending page.html.
    """
    overrides = path.parent / "bare-templates"
    overrides.mkdir(exist_ok=True)
    for page in (content / "halaman").glob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("template:"):
                name = line.split(":", 1)[1].strip()
                (overrides / f"{name}.html").write_text('{% extends "page.html" %}\n', encoding="utf-8")
    path.write_text(
        f'''"""Bare Pelican 4.12 over the bench corpus: the anchor every ratio is against."""
SITENAME = "Bench"
SITEURL = ""
PATH = {str(content)!r}
TIMEZONE = "Asia/Makassar"
DEFAULT_LANG = "id"
PLUGINS = ["pelican.plugins.yaml_metadata"]
ARTICLE_PATHS = {kinds!r}
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["gambar"]
READERS = {{"rst": None, "html": None}}
THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]
# Pelican's feed defaults, written out (and the all-posts RSS), so the anchor keeps them on.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/{{slug}}.atom.xml"
AUTHOR_FEED_RSS = "feeds/{{slug}}.rss.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{{lang}}.atom.xml"
''',
        encoding="utf-8",
    )
    return path


@dataclass
class Workspace:
    """The folders of one corpus size."""

    root: Path
    content: Path
    bare_output: Path
    output: Path
    cache: Path
    bare_settings: Path

    @classmethod
    def at(cls, root: Path) -> Workspace:
        return cls(
            root,
            root / "content",
            root / "output-bare",
            root / "output",
            root / "cache",
            root / "bare_settings.py",
        )


def bare_command(ws: Workspace) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        str(ws.content),
        "-s",
        str(ws.bare_settings),
        "-o",
        str(ws.bare_output),
        "-q",
    ]


_minutes_on = itertools.count()  # site builds so far in this process


def site_command(ws: Workspace, settings: Path = SETTINGS) -> list[str]:
    now = NOW + dt.timedelta(minutes=next(_minutes_on))
    return [
        sys.executable,
        "-m",
        "plugins._shared.build",
        str(settings),
        "--output",
        str(ws.output),
        "--content",
        str(ws.content),
        "--cache",
        str(ws.cache),
        "--now",
        now.isoformat(),
    ]


def empty_cold(ws: Workspace) -> None:
    """(b): no cache, no output."""
    shutil.rmtree(ws.cache, ignore_errors=True)
    shutil.rmtree(ws.output, ignore_errors=True)


def cards(ws: Workspace, since_ns: int = 0) -> tuple[int | None, int | None]:
    """Cards drawn and taken from the cache by the last build (the card manifest); none of
    either when the manifest is older than since_ns (a build that found nothing changed)."""
    manifest = ws.cache / MANIFEST
    try:
        if manifest.stat().st_mtime_ns < since_ns:
            return 0, 0
        record = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    return len(record.get("drawn", [])), len(record.get("cached", []))


_TITLE = re.compile(r"^title: .*$", re.M)


def retitle(post: Path, title: str) -> None:
    """Change a post's title in place, as an editor's save does (one write)."""
    text = post.read_text(encoding="utf-8")
    post.write_text(_TITLE.sub(f"title: {title}", text, count=1), encoding="utf-8")


def page_of(ws: Workspace, post: Path) -> Path:
    """The output page of a post: KIND/SLUG/index.html (ARTICLE_SAVE_AS, slug from the file name)."""
    slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", post.stem)
    return ws.output / post.parent.name / slug / "index.html"
