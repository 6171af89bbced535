"""The built sample site in Debian Chromium, at a phone width and a desktop width."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from sitekit import PAGE_NAMES, WIDTHS, open_page

pytestmark = pytest.mark.browser

# A skip link on an Indonesian site speaks Indonesian.
ENGLISH_SKIP_TEXT = re.compile(r"\b(skip|jump|main content|go to)\b", re.IGNORECASE)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_loads_without_errors(page, served_site, sample_pages, screens_dir, name, width):
    visit = open_page(page, served_site, sample_pages(name), width, expect_missing=name == "404")
    page.screenshot(path=str(screens_dir / f"{name}-{width}.png"), full_page=True)
    assert visit.status == visit.expected_status, (
        f"{visit.url} answered {visit.status}, expected {visit.expected_status}"
    )
    assert page.title().strip(), f"{visit.url} has an empty <title>"
    assert not visit.errors, f"{visit.url} at {width} px:\n  " + "\n  ".join(visit.errors)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_horizontal_overflow(page, served_site, sample_pages, name, width):
    visit = open_page(page, served_site, sample_pages(name), width, expect_missing=name == "404")
    sizes = page.evaluate(
        """() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                   wide: [...document.querySelectorAll('body *')]
                     .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                     .slice(0, 8)
                     .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.className && typeof e.className === 'string'
                             ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                          + ' right=' + Math.round(e.getBoundingClientRect().right))})"""
    )
    assert sizes["scroll"] <= sizes["inner"], (
        f"{visit.url} at {width} px scrolls sideways: scrollWidth {sizes['scroll']} > "
        f"innerWidth {sizes['inner']}; elements past the edge: {sizes['wide']}"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_skip_link_is_first_and_moves_focus_to_main(page, served_site, sample_pages, name, width):
    visit = open_page(page, served_site, sample_pages(name), width, expect_missing=name == "404")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const a = document.activeElement; const r = a.getBoundingClientRect();
                   return {tag: a.tagName, text: (a.innerText || a.textContent || '').trim(),
                           href: a.getAttribute('href'), html: a.outerHTML.slice(0, 160),
                           shown: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                                  && r.top < window.innerHeight && r.left < window.innerWidth}; }"""
    )
    where = f"{visit.url} at {width} px"
    assert focused["tag"] == "A" and (focused["href"] or "").startswith("#"), (
        f'{where}: the first Tab focuses {focused["html"]!r}, not a skip link (<a href="#…">)'
    )
    assert focused["text"], f"{where}: the skip link has no text"
    assert not ENGLISH_SKIP_TEXT.search(focused["text"]), (
        f"{where}: the skip link text {focused['text']!r} is English on a lang=id site"
    )
    assert focused["shown"], f"{where}: the focused skip link is not visible on screen"
    target = page.evaluate(
        "id => { const t = document.getElementById(decodeURIComponent(id));"
        " return t ? {tag: t.tagName, inMain: !!t.closest('main')} : null; }",
        focused["href"][1:],
    )
    assert target, f"{where}: the skip link points at {focused['href']}, which is not on the page"
    assert target["inMain"], f"{where}: the skip link target {focused['href']} is not <main>"

    page.keyboard.press("Enter")
    # Focus may move in a handler after the key event: give it a moment.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "() => !!(document.activeElement && document.activeElement.closest('main'))", timeout=2000
        )
    after = page.evaluate(
        """() => { const a = document.activeElement;
                   return {inMain: !!(a && a.closest('main')),
                           html: a ? a.outerHTML.slice(0, 120) : null}; }"""
    )
    assert after["inMain"], (
        f"{where}: after following the skip link, focus is on {after['html']!r}, not in <main> "
        '(give the target tabindex="-1")'
    )
