"""The dark colour scheme (prefers-color-scheme: dark): really dark, and axe-clean.

The light scheme is checked by test_accessibility.py; here the same axe rules
(WCAG 2.2 AA, target-size on) run on every kind of page with the browser asking
for dark colours, so the tints derived from PROFILE's brand colours are checked
for contrast too.
"""

from __future__ import annotations

import pytest
from test_accessibility import AXE_OPTIONS, _describe

from sitekit import AXE_JS, PAGE_NAMES, WIDTHS, open_page, require_tool

pytestmark = pytest.mark.browser


def _luminance(rgb: list[int]) -> float:
    """Relative luminance (WCAG) of an [r, g, b] colour."""
    lin = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


# Computed colours may be rgb() or color(srgb …) (color-mix): let a canvas turn them into pixels.
COLOURS = """() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const rgb = css => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
                       return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)]; };
  const b = getComputedStyle(document.body);
  const a = getComputedStyle(document.querySelector('main a'));
  return {bg: rgb(b.backgroundColor), text: rgb(b.color), link: rgb(a.color)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_scheme_follows_the_reader(page, served_site, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, served_site, "/", 390)
    colours = page.evaluate(COLOURS)
    bg, text = _luminance(colours["bg"]), _luminance(colours["text"])
    if scheme == "dark":
        assert bg < 0.05 < text, f"dark scheme is not dark: {colours}"
    else:
        assert text < 0.05 < bg, f"light scheme is not light: {colours}"
    lighter, darker = max(bg, _luminance(colours["link"])), min(bg, _luminance(colours["link"]))
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5, f"{scheme}: links lack contrast: {colours}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_axe_violations_in_dark_mode(page, served_site, sample_pages, name, width):
    require_tool(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(AXE_JS.parents[2])})")
    page.emulate_media(color_scheme="dark")
    visit = open_page(page, served_site, sample_pages(name), width, expect_missing=name == "404")
    assert visit.status == visit.expected_status, f"{visit.url} answered {visit.status}"
    assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    violations = results["violations"]
    assert not violations, (
        f"{visit.url} at {width} px, dark scheme: {len(violations)} axe violation(s):\n"
        + "\n".join(_describe(v) for v in violations)
    )
