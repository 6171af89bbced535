"""Subscribe links where people look: each audience page and each partner page of the sample
offers its own calendar (webcal:// and Google Calendar), and that calendar holds exactly the
events the content gives that audience or partner. The footer leads to the partners.

The expected events come from the content files (the project's checker), never from the output.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from sitekit import open_page, text_of

GOOGLE = "https://calendar.google.com/calendar/r?"


def _events(site) -> list:
    return [p for p in site.posts if p.is_published and "start" in p.values]


def _expected(site, field: str) -> dict[str, set[str]]:
    """Each value of `field` (audience, partners) an event names, with those events as 'kind/slug'."""
    found: dict[str, set[str]] = {}
    for post in _events(site):
        for value in post.values.get(field, ()):
            found.setdefault(value, set()).add(f"{post.kind}/{post.slug}")
    return found


def _offered(site, page: str) -> tuple[str, set[str]]:
    """The calendar a page offers to subscribe to: its path, and the events (UIDs without host) in it."""
    box = site.soup(page).select_one("section.subscribe")
    assert box is not None, f"{page} offers no calendar"
    hrefs = [a["href"] for a in box.find_all("a", href=True)]
    webcal = next(h for h in hrefs if h.startswith("webcal://"))
    google = next(h for h in hrefs if h.startswith(GOOGLE))
    assert parse_qs(urlsplit(google).query)["cid"] == [webcal]
    assert "/kalender/" in hrefs  # how to subscribe, and every other calendar
    path = urlsplit(webcal).path
    assert path.endswith(".ics") and site.exists(path), path
    assert f"{urlsplit(webcal).netloc}{path}" in text_of(box)  # the address, to paste by hand
    calendar = Calendar.from_ical(site.file_for(path).read_bytes())
    return path, {str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")}


def _pages(site, folder: str) -> set[str]:
    return {p.parent.name for p in (site.output / folder).glob("*/index.html")}


def test_each_audience_page_offers_the_calendar_of_exactly_its_events(built_site):
    expected = _expected(built_site, "audience")
    assert expected and _pages(built_site, "acara/untuk") == set(expected)
    for audience, events in expected.items():
        path, held = _offered(built_site, f"/acara/untuk/{audience}/")
        assert path == f"/kalender/untuk-{audience}.ics"
        assert held == events, audience
        heading = text_of(built_site.soup(f"/acara/untuk/{audience}/").select_one("section.subscribe h2"))
        assert heading.startswith("Langganan kalender acara untuk ")


def test_each_partner_page_offers_the_calendar_of_exactly_its_events(built_site):
    expected = _expected(built_site, "partners")
    partners = _pages(built_site, "mitra")
    assert expected and set(expected) <= partners
    for slug in partners:
        page = f"/mitra/{slug}/"
        if slug not in expected:  # no event names it yet: no calendar to offer
            assert built_site.soup(page).select_one("section.subscribe") is None
            continue
        path, held = _offered(built_site, page)
        assert path == f"/kalender/mitra-{slug}.ics"
        assert held == expected[slug], slug
        title = text_of(built_site.soup(page).find("h1"))
        assert text_of(built_site.soup(page).select_one("section.subscribe h2")) == (
            f"Langganan kalender acara bersama {title}"
        )


@pytest.mark.parametrize("page", ["/", "/acara/", "/kalender/", "/mitra/"])
def test_the_footer_links_to_the_partners(built_site, page):
    footer = built_site.soup(page).select_one("footer .footer-pages")
    links = {text_of(a): a["href"] for a in footer.find_all("a")}
    assert links["Mitra"] == "/mitra/" and built_site.exists("/mitra/")


# An audience page, a partner page with a logo, the partners' index, an event with two partners.
BROWSER_PATHS = [
    "/acara/untuk/remaja/",
    "/mitra/sma-negeri-1-kotamobagu/",
    "/mitra/",
    "/acara/diskusi-buku-laskar-pelangi/",
]


@pytest.mark.browser
@pytest.mark.parametrize("path", BROWSER_PATHS)
def test_subscribe_and_partner_blocks_fit_360_px_and_pass_axe(page, serve_folder, built_site, path):
    """Pages offering a calendar, partners with logos: no sideways scroll at 360 px, no axe finding."""
    from sitekit import assert_fits_and_passes_axe

    visit = open_page(page, serve_folder(built_site.output), path, 360)
    assert visit.status == 200
    assert_fits_and_passes_axe(page)
