"""One calendar per audience: kalender/untuk-<audience>.ics holds exactly the events for it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sitekit import text_of
from tests.calendars.calkit import AUDIENCES, FOLDER, PUBLIC_URL, events_naming, uid

LABELS = {"anak": "Anak-anak", "remaja": "Remaja", "dewasa": "Dewasa", "umum": "Umum"}


def test_the_content_names_the_audiences_the_tests_expect(calendar_site):
    written = events_naming(calendar_site, "audience")
    expected: dict[str, set[str]] = {}
    for slug, audiences in AUDIENCES.items():
        for audience in audiences:
            expected.setdefault(audience, set()).add(uid(slug))
    assert written == expected
    assert set(written) == set(LABELS)  # every audience has an event here


def test_each_audience_calendar_holds_exactly_its_events(calendar_site):
    """Each audience's calendar holds its events (a series with its moved session), nothing else."""
    written = events_naming(calendar_site, "audience")
    files = {f.name for f in (calendar_site.output / FOLDER).glob("untuk-*.ics")}
    assert files == {f"untuk-{audience}.ics" for audience in written}
    for audience, uids in written.items():
        path = f"{FOLDER}/untuk-{audience}.ics"
        calendar = calendar_site.calendar(path)
        assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == uids
        assert len(calendar.walk("VTIMEZONE")) == 1
        assert str(calendar["X-WR-CALNAME"]).endswith(f"untuk {LABELS[audience]}")
        everything = calendar_site.calendar(f"{FOLDER}/semua.ics")
        assert [e.to_ical() for e in calendar.walk("VEVENT")] == [
            e.to_ical() for e in everything.walk("VEVENT") if str(e["UID"]) in uids
        ]
        assert set(calendar_site.expanded(path)) == uids  # the second parser reads it too


def test_the_calendar_page_lists_each_audience(calendar_site):
    """/kalender/ offers each audience's calendar by webcal:// and Google, youngest first."""
    soup = calendar_site.soup("/kalender/")
    items = soup.select(".calendar-list li")
    labels = [text_of(item.find("strong")) for item in items]
    assert labels == [LABELS[key] for key in ("anak", "remaja", "dewasa", "umum")]
    for item, key in zip(items, ("anak", "remaja", "dewasa", "umum"), strict=True):
        hrefs = [a["href"] for a in item.find_all("a", href=True)]
        webcal = f"webcal://127.0.0.1:8000/{FOLDER}/untuk-{key}.ics"
        assert webcal in hrefs
        google = next(h for h in hrefs if h.startswith("https://calendar.google.com/calendar/r?"))
        assert parse_qs(urlsplit(google).query)["cid"] == [webcal]
        assert f"{PUBLIC_URL}/{FOLDER}/untuk-{key}.ics" in text_of(item)
        assert calendar_site.exists(f"/{FOLDER}/untuk-{key}.ics")
