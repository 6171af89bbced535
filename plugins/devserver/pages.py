"""The dev server's own pages: a post's problems at the post's URL, the list of
every file with problems at /_masalah/, and a banner on every page meanwhile.

Rendered in memory from theme/templates/problems.html; never written to disk,
so no build (and no publish) can ever contain them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from plugins.content_model.check import FILENAME_METADATA, Entry, Report
from plugins.content_model.kinds import kinds_of
from plugins.content_model.problems import Problem

LIST_URL = "_masalah/"
TEMPLATE = "problems.html"


@dataclass
class ProblemFile:
    """One file with problems, as the pages show it."""

    path: str
    url: str | None  # the post's URL; None for a file that is no post, or a URL another page owns
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ProblemPages:
    """Every page the server answers from memory, by URL path ("acara/slug/")."""

    pages: dict[str, str]
    count: int  # problems in all

    def banner(self, html: str) -> str:
        """The page with a notice after <body> while any file has problems."""
        if not self.count:
            return html
        notice = (
            '<div class="dev-masalah" role="alert" style="background:#9c3d12;color:#fff;'
            'padding:.5rem 1rem;font-weight:bold">'
            f"Ada {self.count} masalah pada konten. "
            f'<a href="/{LIST_URL}" style="color:#fff">Lihat daftar masalah</a></div>'
        )
        return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + notice, html, count=1)


def post_url(entry: Entry, settings: dict) -> str | None:
    """The URL path of a post or page from its kind folder and slug (ARTICLE_URL / PAGE_URL)."""
    if entry.kind is None:
        return None
    slug = entry.slug or re.fullmatch(FILENAME_METADATA, Path(entry.path).stem).group("slug")
    draft = entry.values.get("status") == "draft"
    if entry.kind is kinds_of(settings).page:
        pattern = settings["DRAFT_PAGE_URL" if draft else "PAGE_URL"]
    else:
        pattern = settings["DRAFT_URL" if draft else "ARTICLE_URL"]
    try:  # a pattern with fields the checker cannot know ({date:%Y}): no page at its URL
        return pattern.format(slug=slug, category=entry.kind.slug, lang=settings.get("DEFAULT_LANG"))
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def problem_files(report: Report, settings: dict) -> list[ProblemFile]:
    """Files with problems, by path; findings (e.g. a feed caption) join their file."""
    by_path = {entry.path: entry for entry in report.entries.values()}
    # A post that shares its URL with a sound post or a listing (a 'slug' problem)
    # must not hide that page: it gets no URL of its own here.
    taken = {post_url(e, settings) for e in by_path.values() if not e.problems}
    files: dict[str, ProblemFile] = {}
    for problem in sorted(report.problems, key=lambda p: (p.path, p.field or "")):
        if problem.path not in files:
            entry = by_path.get(problem.path)
            url = post_url(entry, settings) if entry is not None else None
            if (
                entry is not None
                and entry.problems
                and (url in taken or any(p.field == "slug" for p in entry.problems))
            ):
                url = None
            files[problem.path] = ProblemFile(problem.path, url)
        files[problem.path].problems.append(problem)
    return list(files.values())


def render(report: Report, settings: dict) -> ProblemPages:
    """The list page, and a problems page at the URL of each post left out of the build."""
    theme = Path(settings["THEME"]) / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)), autoescape=True)
    template = env.get_template(TEMPLATE)
    files = problem_files(report, settings)
    count = sum(len(f.problems) for f in files)
    common = {
        "SITENAME": settings.get("SITENAME", ""),
        "LIST_URL": LIST_URL,
        "count": count,
        "css": f"/{settings.get('THEME_STATIC_DIR', 'theme')}/css/serambi.css",
    }
    pages = {LIST_URL: template.render(common, files=files, current=None)}
    left_out = {e.path for e in report.entries.values() if e.problems}
    for problem_file in files:
        # A post with only findings is still built: its own page stays the real one.
        if problem_file.url is not None and problem_file.path in left_out:
            pages[problem_file.url] = template.render(common, files=files, current=problem_file)
    return ProblemPages(pages, count)
