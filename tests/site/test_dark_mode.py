"""The colour scheme follows the reader's: light or really dark, links readable in both.

axe-core checks every kind of page in both schemes in test_browser.py.
"""

from __future__ import annotations

import re

import pytest

from sitekit import COLOUR_RULES, ROOT, open_page

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


DARK = "@media (prefers-color-scheme: dark)"


def _blocks_after(css: str, start: int) -> str:
    """The text between the brace that opens at or after start and the one that closes it."""
    opened = css.index("{", start)
    depth = 0
    for at in range(opened, len(css)):
        depth += {"{": 1, "}": -1}.get(css[at], 0)
        if depth == 0:
            return css[opened + 1 : at]
    raise AssertionError(f"unclosed block at {start}")


def test_the_dark_scheme_changes_only_colours():
    """What lets test_browser.py run axe's whole rule set once and, in the dark scheme,
    only COLOUR_RULES: the dark blocks set custom properties, nothing else."""
    stylesheets = sorted((ROOT / "theme" / "static" / "css").glob("*.css"))
    found = 0
    for sheet in stylesheets:
        css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for match in re.finditer(re.escape(DARK), css):
            found += 1
            block = _blocks_after(css, match.end())
            declarations = re.findall(r"([-\w]+)\s*:[^;{}]*;", re.sub(r"@supports[^{]*", "", block))
            assert declarations, f"{sheet.name}: an empty dark block?"
            others = [name for name in declarations if not name.startswith("--")]
            assert not others, f"{sheet.name}: the dark scheme sets {others}; axe runs only {COLOUR_RULES}"
    assert found, f"no {DARK} block in {[sheet.name for sheet in stylesheets]}"
