"""WCAG 2.2 AA 1.4.4 (text at 200%) and 1.4.10 (reflow at 320 px) on every kind of page.

Text is made twice as large the way a reader's browser setting does it: the
root font size at 200% (every size in the theme is in rem or em). Then nothing
may stick out past the right edge of a 320 or 360 px screen, and no box that
clips its content (overflow hidden) may cut text off. A box that scrolls inside
itself (overflow-x auto/scroll, e.g. a code block) is allowed to be wider.
"""

from __future__ import annotations

import pytest

from sitekit import PAGE_NAMES, Visit, open_page, own_page

pytestmark = pytest.mark.browser

REFLOW_WIDTHS = [320, 360]
BIG_TEXT = "html { font-size: 200% !important; }"

MEASURE = """() => {
  const W = window.innerWidth;
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (typeof e.className === 'string' && e.className.trim()
       ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const scrollsItself = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  const hidden = e => e.closest('.vh') || getComputedStyle(e).visibility === 'hidden';
  const all = [...document.querySelectorAll('body *')];
  const wide = all.filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > W + 0.5 && !scrollsItself(e) && !hidden(e);
  }).slice(0, 8).map(e => name(e) + ' right=' + Math.round(e.getBoundingClientRect().right));
  const clipped = all.filter(e => {
    if (hidden(e) || !e.textContent.trim()) return false;
    const s = getComputedStyle(e);
    const clips = v => v === 'hidden' || v === 'clip';
    return (clips(s.overflowX) && e.scrollWidth > e.clientWidth + 1)
        || (clips(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
  }).slice(0, 8).map(e => name(e) + ' ' + e.scrollWidth + '>' + e.clientWidth);
  return {scroll: document.documentElement.scrollWidth, inner: W, wide, clipped,
          rootSize: getComputedStyle(document.documentElement).fontSize};
}"""


@pytest.fixture(scope="module")
def reflowed(browser, browser_context_args, served_site, sample_pages):
    """Each page opened once, text at 200%, measured at each width (widest first: the
    window narrowed as a reader turns a phone, with the layout made again)."""
    seen: dict[str, tuple[Visit, dict[int, dict]]] = {}

    def measure(name: str) -> tuple[Visit, dict[int, dict]]:
        if name not in seen:
            with own_page(browser, browser_context_args) as page:
                widths = sorted(REFLOW_WIDTHS, reverse=True)
                visit = open_page(
                    page, served_site, sample_pages(name), widths[0], expect_missing=name == "404"
                )
                page.add_style_tag(content=BIG_TEXT)
                found = {}
                for width in widths:
                    page.set_viewport_size({"width": width, "height": 900})
                    found[width] = page.evaluate(MEASURE)
                seen[name] = (visit, found)
        return seen[name]

    return measure


@pytest.mark.parametrize("width", REFLOW_WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_reflows_with_text_at_200_percent(reflowed, name, width):
    visit, measured = reflowed(name)
    assert visit.status == visit.expected_status, f"{visit.url} answered {visit.status}"
    found = measured[width]
    where = f"{visit.url} at {width} px, text at 200%"
    assert found["inner"] == width, f"{where}: the window is {found['inner']} px wide"
    assert found["rootSize"] == "32px", f"{where}: the root font size is {found['rootSize']}, not 32px"
    assert found["scroll"] <= found["inner"], (
        f"{where} scrolls sideways: scrollWidth {found['scroll']} > innerWidth {found['inner']}; "
        f"past the edge: {found['wide']}"
    )
    assert not found["wide"], f"{where}: elements past the right edge: {found['wide']}"
    assert not found["clipped"], f"{where}: text cut off by overflow hidden: {found['clipped']}"
