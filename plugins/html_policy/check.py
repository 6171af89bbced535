"""Report check: name every part of a body the policy removes, by file and line."""

from __future__ import annotations

import functools

import markdown

from plugins._shared import digest_cache
from plugins.content_model.check import Report
from plugins.content_model.problems import Problem

from .diff import removals
from .locate import Locator
from .messages import describe, group
from .sanitize import code_version, policy_cache, sanitize

FIELD = "isi"


def markdown_renderer(settings: dict) -> markdown.Markdown:
    """Python-Markdown configured as Pelican's reader configures it."""
    config = dict(settings["MARKDOWN"])
    extensions = list(config.get("extensions", []))
    extensions += [name for name in config.get("extension_configs", {}) if name not in extensions]
    config["extensions"] = extensions
    return markdown.Markdown(**config)


def check_report(report: Report, settings: dict) -> list[Problem]:
    """The removals of every sound body; each body's are kept in CACHE_PATH by a digest of it."""
    renderer = functools.cache(lambda: markdown_renderer(settings))  # made when first needed
    cache = policy_cache(settings["CACHE_PATH"]) if settings.get("CACHE_PATH") else None
    version = digest_cache.digest("removals", code_version(), repr(settings["MARKDOWN"]))
    problems = []
    for entry in report.entries.values():
        if entry.problems or entry.kind is None or not entry.body.strip():
            continue
        if cache is None:
            problems += check_body(entry.path, entry.body, entry.body_first_line, renderer())
            continue
        key = digest_cache.digest(version, entry.path, entry.body_first_line, entry.body)
        problems += cache.remember(
            key, lambda entry=entry: check_body(entry.path, entry.body, entry.body_first_line, renderer())
        )
    return problems


def check_body(path: str, body: str, first_line: int, renderer: markdown.Markdown) -> list[Problem]:
    """One Problem per line and kind of removal (no line when it cannot be found)."""
    html = renderer.reset().convert(body)
    found = removals(html, sanitize(html))
    if not found:
        return []
    locator = Locator(body, first_line)
    located = [(locator.find(describe(removal).needles), removal) for removal in found]
    return [Problem(path, FIELD, message, fix) for message, fix in group(located)]
