"""One calendar per partner: kalender/mitra-<slug>.ics holds exactly the events that name it.

The calendars' content, with three partners (content/mitra/): one named by a series with a
moved session, a past event and a cancelled one; one by the series and the book discussion;
one by no event at all, which gets no calendar.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from sitekit import text_of
from tests.calendars.calkit import (
    CANCELLED_SLUG,
    EVENT,
    FOLDER,
    PAST_EVENT_SLUG,
    PUBLIC_URL,
    SERIES_SLUG,
    CalendarSite,
    build,
    events_naming,
    uid,
)
from tests.calendars.conftest import make_content

# slug -> (name, the events that name it)
PARTNERS = {
    "sanggar-uji": ("Sanggar Uji Kotamobagu", [SERIES_SLUG, PAST_EVENT_SLUG, CANCELLED_SLUG]),
    "toko-buku-uji": ("Toko Buku Uji", [SERIES_SLUG, EVENT["slug"]]),
    "mitra-sepi": ("Abadi Mitra Sepi", []),
}


def _name_partners(content: Path) -> None:
    """Write each partner's file, and add `partners` to the front matter of the events naming them."""
    (content / "mitra").mkdir()
    naming: dict[str, list[str]] = {}
    for slug, (name, events) in PARTNERS.items():
        (content / "mitra" / f"{slug}.md").write_text(
            f"---\ntitle: {name}\npartner_type: komunitas\nsummary: Mitra uji {name}.\n---\n",
            encoding="utf-8",
        )
        for event in events:
            naming.setdefault(event, []).append(slug)
    for event, partners in naming.items():
        (source,) = (content / "acara").glob(f"*-{event}.md")
        text = source.read_text(encoding="utf-8")
        assert text.startswith("---\n"), source
        source.write_text(f"---\npartners: [{', '.join(partners)}]\n{text[4:]}", encoding="utf-8")


@pytest.fixture(scope="module")
def partner_calendar_site(tmp_path_factory) -> CalendarSite:
    folder = tmp_path_factory.mktemp("partner-calendars")
    content = make_content(folder / "content")
    _name_partners(content)
    return build(folder / "output", content)


def test_the_content_names_the_partners_the_tests_expect(partner_calendar_site):
    expected = {slug: {uid(e) for e in events} for slug, (_, events) in PARTNERS.items() if events}
    assert events_naming(partner_calendar_site, "partners") == expected


def test_each_partner_calendar_holds_exactly_its_events(partner_calendar_site):
    """Each partner's calendar holds the events naming it (past, cancelled, a series), nothing else."""
    site = partner_calendar_site
    written = events_naming(site, "partners")
    files = {f.name for f in (site.output / FOLDER).glob("mitra-*.ics")}
    assert files == {f"mitra-{slug}.ics" for slug in written}  # none for a partner without events
    everything = site.calendar(f"{FOLDER}/semua.ics")
    for slug, uids in written.items():
        path = f"{FOLDER}/mitra-{slug}.ics"
        calendar = site.calendar(path)
        assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == uids
        assert len(calendar.walk("VTIMEZONE")) == 1
        assert str(calendar["X-WR-CALNAME"]).endswith(f"bersama {PARTNERS[slug][0]}")
        # the same VEVENTs as the whole calendar's, a series' moved session included
        assert [e.to_ical() for e in calendar.walk("VEVENT")] == [
            e.to_ical() for e in everything.walk("VEVENT") if str(e["UID"]) in uids
        ]
        assert set(site.expanded(path)) == uids  # the second parser reads it too
    sanggar = site.calendar(f"{FOLDER}/mitra-sanggar-uji.ics").walk("VEVENT")
    assert any("RECURRENCE-ID" in e for e in sanggar if str(e["UID"]) == uid(SERIES_SLUG))
    cancelled = next(e for e in sanggar if str(e["UID"]) == uid(CANCELLED_SLUG))
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_the_calendar_page_lists_each_partner_with_events(partner_calendar_site):
    """/kalender/ offers each partner's calendar by webcal:// and Google, by name; not one without events."""
    site = partner_calendar_site
    items = [
        item
        for item in site.soup("/kalender/").select(".calendar-list li")
        if any(f"/{FOLDER}/mitra-" in a["href"] for a in item.find_all("a", href=True))
    ]
    with_events = sorted((name, slug) for slug, (name, events) in PARTNERS.items() if events)
    assert [text_of(item.find("strong")) for item in items] == [name for name, _ in with_events]
    for item, (_, slug) in zip(items, with_events, strict=True):
        hrefs = [a["href"] for a in item.find_all("a", href=True)]
        webcal = f"webcal://127.0.0.1:8000/{FOLDER}/mitra-{slug}.ics"
        assert webcal in hrefs
        google = next(h for h in hrefs if h.startswith("https://calendar.google.com/calendar/r?"))
        assert parse_qs(urlsplit(google).query)["cid"] == [webcal]
        assert f"{PUBLIC_URL}/{FOLDER}/mitra-{slug}.ics" in text_of(item)
        assert site.exists(f"/{FOLDER}/mitra-{slug}.ics")
    assert "Abadi Mitra Sepi" not in text_of(site.soup("/kalender/"))


def test_a_partner_page_offers_its_calendar_only_when_it_has_events(partner_calendar_site):
    site = partner_calendar_site
    for slug, (_, events) in PARTNERS.items():
        box = site.soup(f"/mitra/{slug}/").select_one("section.subscribe")
        if not events:
            assert box is None, slug
            continue
        hrefs = [a["href"] for a in box.find_all("a", href=True)]
        assert f"webcal://127.0.0.1:8000/{FOLDER}/mitra-{slug}.ics" in hrefs
