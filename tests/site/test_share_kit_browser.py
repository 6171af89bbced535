"""A share page in Debian Chromium: axe-core (WCAG 2.2 AA, target-size on), no sideways
scrolling at 390 and 1280 px, and the copy buttons copy the caption."""

from __future__ import annotations

import pytest

from sitekit import WIDTHS, axe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def share_page(sample_pages, built_site) -> str:
    """The share page of the sample event with an image: cards, event lines, every part."""
    post_url = sample_pages("tulisan-acara")
    url = f"/bagikan{post_url}"
    assert built_site.exists(url), f"no share page at {url}"
    return url


def _load_lazy_images(page) -> None:
    """Scroll through the page so lazy card images load (and are checked) too."""
    page.evaluate("""async () => {
        for (const img of document.querySelectorAll('img[loading=lazy]')) img.loading = 'eager';
        await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
    }""")


@pytest.mark.parametrize("width", WIDTHS)
def test_share_page_has_no_axe_violations(page, served_site, share_page, width):
    visit = open_page(page, served_site, share_page, width)
    assert visit.status == 200, f"{visit.url} answered {visit.status}"
    violations = axe_violations(page)
    assert not violations, f"{visit.url} at {width} px:\n" + "\n".join(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_share_page_loads_cleanly_and_does_not_scroll_sideways(
    page, served_site, share_page, screens_dir, width
):
    visit = open_page(page, served_site, share_page, width)
    _load_lazy_images(page)
    page.screenshot(path=str(screens_dir / f"bagikan-{width}.png"), full_page=True)
    assert not visit.errors, "\n".join(visit.errors)
    sizes = page.evaluate(
        """() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                   wide: [...document.querySelectorAll('body *')]
                     .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                     .slice(0, 8).map(e => e.tagName.toLowerCase() + '.' + e.className)})"""
    )
    assert sizes["scroll"] <= sizes["inner"], (
        f"{visit.url} at {width} px scrolls sideways ({sizes['scroll']} > {sizes['inner']}): {sizes['wide']}"
    )
    broken = page.evaluate(
        "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    assert not broken, f"images that did not load: {broken}"


def test_copy_buttons_copy_each_caption(page, served_site, share_page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    open_page(page, served_site, share_page, 1280)
    buttons = page.locator("button.sk-copy")
    assert buttons.count() == 5
    for index in range(buttons.count()):
        button = buttons.nth(index)
        assert button.is_visible(), "a copy button stays hidden although JavaScript runs"
        target = button.get_attribute("data-copy")
        button.click()
        status = page.locator(f"#{button.get_attribute('data-status')}")
        status.wait_for(state="visible")
        assert status.inner_text() == "Tersalin."
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.locator(f"#{target}").input_value()


def test_without_javascript_the_captions_are_there_and_no_dead_button_shows(browser, served_site, share_page):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site + share_page)
        assert page.locator("textarea[readonly]").count() == 5
        assert page.locator("button.sk-copy:visible").count() == 0
    finally:
        context.close()
