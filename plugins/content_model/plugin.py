"""Pelican hooks: check the tree once per build, then attach typed fields.

A post with problems is left out of the build (with a warning) so the theme can
trust every field it reads; in strict mode any problem stops the build before
anything is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import Tag
from pelican.utils import order_content

from plugins._shared import one_post
from plugins._shared.clock import build_moment
from plugins._shared.digest_cache import save_open_caches
from plugins._shared.errors import BuildStopped
from plugins._shared.settings import Items, declare
from plugins._shared.told import tell

from .check import Report, check_one, check_tree
from .directories import generators as directory_generators
from .directories import place as place_directory_page
from .facts import build_facts
from .kinds import BUILT_IN, kinds_of
from .partners import partners_of
from .presentation import PresentContext
from .problems import Problem, format_report
from .reader import use_shared_parse
from .schedule import format_schedule

logger = logging.getLogger(__name__)

REPORT_KEY = "content_report"

# The kinds of posts: dotted names of modules that each define KIND (kinds/base.py).
declare("CONTENT_KINDS", Items[str], default=BUILT_IN)

# Checks other plugins add, run on the whole report so that one run names every
# problem: each takes (report, settings) and returns Problems.
REPORT_CHECKS: list[Callable[[Report, dict], list[Problem]]] = []


def add_report_check(check: Callable[[Report, dict], list[Problem]]) -> None:
    """Let a plugin check content with its own rules, reported with everything else."""
    if check not in REPORT_CHECKS:
        REPORT_CHECKS.append(check)


def check_content(generator) -> None:
    """Check the whole content tree and report every problem in one go.

    After the report, the posts still waiting for their `date` are named, in
    every build: they are not problems, but staff must see what is not shown yet.
    """
    settings = generator.settings
    now, zone = build_moment(settings), ZoneInfo(settings["TIMEZONE"])
    report = check_tree(Path(settings["PATH"]), zone, now=now, settings=settings)
    for check in REPORT_CHECKS:
        report.findings.extend(check(report, settings))
    generator.context[REPORT_KEY] = report
    generator.context["KINDS"] = kinds_of(settings).posts
    problems = report.problems
    waiting = format_schedule(report.entries.values(), now, zone)
    if problems and settings.get("STRICT_CONTENT"):
        msg = (
            format_report(problems)
            + (f"\n\n{waiting}" if waiting else "")
            + "\n\nPembangunan dihentikan; tidak ada yang "
            "diterbitkan. Perbaiki masalah di atas, lalu jalankan 'invoke check'."
        )
        raise BuildStopped(msg)
    for problem in problems:
        logger.warning("%s", problem)
    left_out = len(problems) - len(report.findings)
    if left_out:
        logger.warning(
            "%d masalah konten ditemukan; berkas yang bermasalah dilewati sampai diperbaiki.", left_out
        )
    if report.findings:
        logger.warning(
            "%d catatan lain (misalnya HTML yang dihapus); tulisannya tetap diterbitkan, "
            "tetapi 'invoke publish' menolak sampai diperbaiki.",
            len(report.findings),
        )
    if waiting:
        # Information, not a warning: printed plainly (the build logs only warnings).
        tell(waiting)


def attach_fields(generator) -> None:
    """Give each article its kind and typed fields; drop articles with problems."""
    report: Report = generator.context[REPORT_KEY]
    settings = generator.settings
    ctx = present_context(settings, report)
    for attribute in ("articles", "drafts", "hidden_articles"):
        kept = []
        for article in getattr(generator, attribute):
            entry = report.entry_for(article.source_path)
            if entry is None or entry.problems or entry.kind is None:
                continue
            give_fields(article, entry, settings, ctx)
            kept.append(article)
        setattr(generator, attribute, kept)
    apply_schedule(generator, build_moment(settings))


def give_fields(article, entry, settings: dict, ctx: PresentContext) -> None:
    """One sound article's kind, typed fields, facts and tags, from its checked entry."""
    article.kind = entry.kind
    article.fields = entry.values
    article.facts = build_facts(entry.kind, entry.values, ctx)
    article.tags = [Tag(tag, settings) for tag in entry.values.get("hashtags", [])]


def is_due(article, now) -> bool:
    """Whether an article with fields is published at the build's moment (else a draft)."""
    return article.fields["date"] <= now and article.fields.get("status") != "draft"


def fields_of_one(post, previous, context: dict, settings: dict) -> bool:
    """one_post's step: the post's own check and fields; False with problems or not due now."""
    entry = check_one(Path(post.source_path), settings)
    if entry.problems or entry.kind is not getattr(previous, "kind", None):
        return False
    give_fields(post, entry, settings, present_context(settings, context[REPORT_KEY]))
    if not is_due(post, build_moment(settings)):
        return False
    post.status = "published"
    return True


def apply_schedule(generator, now) -> None:
    """Publish exactly the posts dated up to this build's moment.

    Pelican decides future dates by the real clock; BUILD_NOW (tests, previews of
    a given day) must decide the same thing, or pages and feeds disagree with it.
    """
    published, drafts = [], []
    for article in generator.articles + generator.drafts:
        due = is_due(article, now)
        article.status = "published" if due else "draft"
        (published if due else drafts).append(article)
    order = generator.settings["ARTICLE_ORDER_BY"]
    generator.articles = order_content(published, order)
    generator.drafts = order_content(drafts, order)


def attach_page_fields(generator) -> None:
    """Give each page its typed fields; drop pages with problems."""
    report: Report = generator.context[REPORT_KEY]
    ctx = present_context(generator.settings, report)
    kept = []
    for page in generator.pages:
        entry = report.entry_for(page.source_path)
        if entry is None or entry.problems:
            continue
        page.fields = entry.values
        page.facts = build_facts(entry.kind, entry.values, ctx)
        if entry.kind.directory:
            place_directory_page(page, entry.kind)
        kept.append(page)
    generator.pages = kept
    # Menus and footers list the site's own pages; a directory's pages are listed by its index.
    generator.context["pages"] = [page for page in kept if not page.facts.kind.directory]
    generator.context["directory_pages"] = [page for page in kept if page.facts.kind.directory]


def present_context(settings, report: Report) -> PresentContext:
    partners = partners_of(report.entries.values())
    return PresentContext(settings["PROFILE"].name, ZoneInfo(settings["TIMEZONE"]), partners)


def set_content_paths(pelican) -> None:
    """Posts are read from one folder per kind, pages from the pages' folder and each directory's."""
    kinds = kinds_of(pelican.settings)
    pelican.settings["ARTICLE_PATHS"] = kinds.folders
    pelican.settings["PAGE_PATHS"] = kinds.page_folders


def register() -> None:
    signals.initialized.connect(set_content_paths)
    signals.readers_init.connect(use_shared_parse)  # after pelican.plugins.yaml_metadata's own
    signals.article_generator_init.connect(check_content)
    signals.article_generator_pretaxonomy.connect(attach_fields)
    signals.page_generator_finalized.connect(attach_page_fields)
    signals.finalized.connect(save_open_caches)  # every digest cache, once the build is done
    signals.get_generators.connect(directory_generators)
    one_post.add_step(10, fields_of_one, owns=("kind", "fields", "facts", "tags"))
