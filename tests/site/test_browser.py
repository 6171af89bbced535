"""The built sample site in Debian Chromium, at a phone width and a desktop width.

Each page is opened once per width for every test here: it loads without errors, does
not scroll sideways, passes axe-core (WCAG 2.2 AA, target-size on) in the light scheme
and again with the browser asking for dark colours (prefers-color-scheme: dark, so the
tints derived from PROFILE's brand colours are checked for contrast too), and its skip
link is the first thing a keyboard reaches.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from sitekit import PAGE_NAMES, WIDTHS, Visit, axe_violations, open_page, own_page

pytestmark = pytest.mark.browser

# A skip link on an Indonesian site speaks Indonesian.
ENGLISH_SKIP_TEXT = re.compile(r"\b(skip|jump|main content|go to)\b", re.IGNORECASE)
SCHEMES = ("light", "dark")  # prefers-color-scheme, each checked by axe

WIDTHS_OF = """() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
           + (e.className && typeof e.className === 'string'
              ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
           + ' right=' + Math.round(e.getBoundingClientRect().right))})"""
FOCUSED = """() => { const a = document.activeElement; const r = a.getBoundingClientRect();
    return {tag: a.tagName, text: (a.innerText || a.textContent || '').trim(),
            href: a.getAttribute('href'), html: a.outerHTML.slice(0, 160),
            shown: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                   && r.top < window.innerHeight && r.left < window.innerWidth}; }"""
TARGET = """id => { const t = document.getElementById(decodeURIComponent(id));
    return t ? {tag: t.tagName, inMain: !!t.closest('main')} : null; }"""
FOCUS_AFTER = """() => { const a = document.activeElement;
    return {inMain: !!(a && a.closest('main')), html: a ? a.outerHTML.slice(0, 120) : null}; }"""


@dataclass
class Look:
    """One page at one width, opened once, as each test below checks it."""

    visit: Visit
    title: str
    sizes: dict
    axe: dict[str, list[str]]  # by colour scheme: axe's violations, described
    dark: dict[str, bool]  # by colour scheme: whether the page saw prefers-color-scheme: dark
    focused: dict  # after the first Tab
    target: dict | None  # what the focused link points at
    after: dict  # after Enter on it


@pytest.fixture(scope="module")
def looks(browser, browser_context_args, served_site, sample_pages, screens_dir):
    """Each page at each width opened once for every test: loaded, measured, axe in both
    schemes, then the keyboard."""
    seen: dict[tuple[str, int], Look] = {}

    def look(name: str, width: int) -> Look:
        if (name, width) not in seen:
            with own_page(browser, browser_context_args) as page:
                visit = open_page(page, served_site, sample_pages(name), width, expect_missing=name == "404")
                seen[name, width] = _look_at(page, visit, screens_dir / f"{name}-{width}.png")
        return seen[name, width]

    return look


def _look_at(page, visit: Visit, screenshot: Path) -> Look:
    sizes = page.evaluate(WIDTHS_OF)  # before the screenshot, which resizes the page for a while
    page.screenshot(path=str(screenshot), full_page=True)
    title = page.title()
    axe, dark = {}, {}
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        dark[scheme] = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
        axe[scheme] = axe_violations(page)
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    href = focused["href"] or ""
    target = page.evaluate(TARGET, href[1:]) if href.startswith("#") else None
    page.keyboard.press("Enter")
    # Focus may move in a handler after the key event: give it a moment.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "() => !!(document.activeElement && document.activeElement.closest('main'))", timeout=2000
        )
    return Look(visit, title, sizes, axe, dark, focused, target, page.evaluate(FOCUS_AFTER))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_loads_without_errors(looks, name, width):
    look = looks(name, width)
    visit = look.visit
    assert visit.status == visit.expected_status, (
        f"{visit.url} answered {visit.status}, expected {visit.expected_status}"
    )
    assert look.title.strip(), f"{visit.url} has an empty <title>"
    assert not visit.errors, f"{visit.url} at {width} px:\n  " + "\n  ".join(visit.errors)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_horizontal_overflow(looks, name, width):
    look = looks(name, width)
    sizes = look.sizes
    assert sizes["scroll"] <= sizes["inner"], (
        f"{look.visit.url} at {width} px scrolls sideways: scrollWidth {sizes['scroll']} > "
        f"innerWidth {sizes['inner']}; elements past the edge: {sizes['wide']}"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_axe_violations(looks, name, width, scheme):
    look = looks(name, width)
    assert look.dark[scheme] == (scheme == "dark"), f"{look.visit.url}: the browser did not ask for {scheme}"
    violations = look.axe[scheme]
    assert not violations, (
        f"{look.visit.url} at {width} px, {scheme} scheme: {len(violations)} axe violation(s):\n"
        + "\n".join(violations)
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_skip_link_is_first_and_moves_focus_to_main(looks, name, width):
    look = looks(name, width)
    focused, target, after = look.focused, look.target, look.after
    where = f"{look.visit.url} at {width} px"
    assert focused["tag"] == "A" and (focused["href"] or "").startswith("#"), (
        f'{where}: the first Tab focuses {focused["html"]!r}, not a skip link (<a href="#…">)'
    )
    assert focused["text"], f"{where}: the skip link has no text"
    assert not ENGLISH_SKIP_TEXT.search(focused["text"]), (
        f"{where}: the skip link text {focused['text']!r} is English on a lang=id site"
    )
    assert focused["shown"], f"{where}: the focused skip link is not visible on screen"
    assert target, f"{where}: the skip link points at {focused['href']}, which is not on the page"
    assert target["inMain"], f"{where}: the skip link target {focused['href']} is not <main>"
    assert after["inMain"], (
        f"{where}: after following the skip link, focus is on {after['html']!r}, not in <main> "
        '(give the target tabindex="-1")'
    )
