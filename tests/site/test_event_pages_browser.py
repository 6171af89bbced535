"""Events in Debian Chromium: ended events leave upcoming lists under a moved clock (Playwright's
page.clock), the audience filter with and without JavaScript, and axe-core (WCAG 2.2 AA,
target-size on) with no sideways scrolling on the month and audience pages at 360 and 1280 px."""

from __future__ import annotations

import datetime as dt

import pytest
from eventkit import NOW, SCHEDULED_KINDS, sessions_of
from playwright.sync_api import expect

from sitekit import axe_violations, open_page

pytestmark = pytest.mark.browser

WIDTHS = [360, 1280]
AFTER_END = dt.timedelta(minutes=1)
KIND = SCHEDULED_KINDS[0]
LISTING = f"/{KIND}/"


@pytest.fixture(scope="module")
def events(built_site):
    return {p.url: p for p in built_site.posts if p.is_published and p.kind == KIND}


def last_end(post) -> dt.datetime:
    return sessions_of(post.values)[-1][1]


def listed_upcoming(built_site, url: str, events) -> list:
    """The events in a page's upcoming lists, as the build wrote them."""
    items = built_site.soup(url).select("main [data-upcoming] > li")
    return [events[item.find("a")["href"]] for item in items]


def upcoming_item(page, post):
    return page.locator(f'main [data-upcoming] > li:has(a[href="{post.url}"])')


def with_audience(events, key: str) -> set[str]:
    return {url for url, post in events.items() if key in post.values.get("audience", ())}


def visible_card_links(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "main [data-audiences]",
            "items => items.filter(i => i.checkVisibility())"
            ".map(i => i.querySelector('a').getAttribute('href'))",
        )
    )


# --- ended events leave the upcoming lists ----------------------------------------------------------


@pytest.mark.parametrize("url", ["/", LISTING])
def test_an_event_leaves_the_upcoming_list_when_its_end_passes_while_the_page_is_open(
    page, served_site, built_site, events, url
):
    listed = listed_upcoming(built_site, url, events)
    assert len(listed) >= 2, f"{url} lists fewer than two upcoming events"
    ending = min(listed, key=last_end)
    page.clock.install(time=NOW)
    page.goto(served_site + url, wait_until="load")
    for post in listed:
        expect(upcoming_item(page, post)).to_be_visible()

    page.clock.fast_forward(int((last_end(ending) + AFTER_END - NOW).total_seconds() * 1000))
    expect(upcoming_item(page, ending)).to_be_hidden()
    for post in listed:
        if last_end(post) >= last_end(ending) + AFTER_END:
            expect(upcoming_item(page, post)).to_be_visible()


@pytest.mark.parametrize("url", ["/", LISTING])
def test_events_that_ended_since_the_build_are_hidden_on_load(page, served_site, built_site, events, url):
    listed = listed_upcoming(built_site, url, events)
    ending = min(listed, key=last_end)
    page.clock.install(time=last_end(ending) + AFTER_END)
    page.goto(served_site + url, wait_until="load")
    expect(upcoming_item(page, ending)).to_be_hidden()
    later = [post for post in listed if last_end(post) > last_end(ending) + AFTER_END]
    assert later, f"{url}: no event ends later than {ending.url}"
    for post in later:
        expect(upcoming_item(page, post)).to_be_visible()


def test_when_every_event_has_ended_the_list_says_so(page, served_site, built_site, events):
    page.clock.install(time=max(last_end(post) for post in events.values()) + AFTER_END)
    page.goto(served_site + LISTING, wait_until="load")
    expect(page.locator("main [data-upcoming] > li:visible")).to_have_count(0)
    expect(page.locator("main [data-upcoming-empty]")).to_be_visible()


# --- the audience filter --------------------------------------------------------------------------------


def audience_keys(events) -> list[str]:
    keys = sorted({key for post in events.values() for key in post.values.get("audience", ())})
    assert keys, "the sample events name no audience"
    return keys


def test_the_audience_filter_shows_only_that_audience_and_says_how_many(page, served_site, events):
    page.clock.install(time=NOW)  # the build's moment: no event has ended since
    page.goto(served_site + LISTING, wait_until="load")
    nav = page.locator("[data-saring-peserta]")
    everything = nav.locator('button[data-audience=""]')
    expect(everything).to_have_attribute("aria-pressed", "true")
    expect(nav.locator("a[data-audience]")).to_have_count(0)  # the links became buttons
    status = nav.get_by_role("status")
    for key in audience_keys(events):
        button = nav.locator(f'button[data-audience="{key}"]')
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(everything).to_have_attribute("aria-pressed", "false")
        wanted = with_audience(events, key)
        assert visible_card_links(page) == wanted, key
        label = button.inner_text().strip().lower()
        expect(status).to_have_text(f"{len(wanted)} {KIND} untuk {label} ditampilkan.")
    everything.click()
    assert visible_card_links(page) == set(events)
    expect(status).to_have_text(f"Semua {len(events)} {KIND} ditampilkan.")


def test_without_javascript_the_filter_links_to_a_page_per_audience(browser, served_site, events):
    context = browser.new_context(java_script_enabled=False, locale="id-ID", timezone_id="Asia/Makassar")
    try:
        page = context.new_page()
        page.goto(served_site + LISTING, wait_until="load")
        key = audience_keys(events)[0]
        page.locator(f'[data-saring-peserta] a[data-audience="{key}"]').click()
        page.wait_for_url(f"{served_site}/{KIND}/untuk/{key}/")
        assert visible_card_links(page) == with_audience(events, key)
    finally:
        context.close()


# --- accessibility and reflow of the new pages --------------------------------------------------------


@pytest.fixture(scope="module")
def new_pages(events) -> dict[str, str]:
    series = next(post for post in events.values() if "repeat" in post.values)
    return {
        "bulan": f"/{KIND}/bulan/{sessions_of(series.values)[0][0]:%Y-%m}/",
        "untuk": f"/{KIND}/untuk/{audience_keys(events)[0]}/",
        "daftar-tersaring": LISTING,
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["bulan", "untuk", "daftar-tersaring"])
def test_new_pages_have_no_axe_violations_and_fit_the_screen(page, served_site, new_pages, name, width):
    page.clock.install(time=NOW)
    visit = open_page(page, served_site, new_pages[name], width)
    assert visit.status == 200 and not visit.errors, f"{visit.url}: {visit.status} {visit.errors}"
    if name == "daftar-tersaring":
        page.locator("[data-saring-peserta] button[aria-pressed=false]").first.click()
    violations = axe_violations(page)
    assert not violations, f"{visit.url} at {width} px:\n" + "\n".join(violations)
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert sizes[0] <= sizes[1], f"{visit.url} at {width} px scrolls sideways: {sizes}"
