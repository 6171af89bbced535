"""The colour scheme follows the reader's: light or really dark, links readable in both.

axe-core checks every kind of page in both schemes in test_browser.py.
"""

from __future__ import annotations

import pytest

from sitekit import open_page

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
