"""The links readers use: on each upcoming event's page, and the /kalender/ subscription page."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from sitekit import text_of
from tests.calendars.calkit import (
    CANCELLED_SLUG,
    EVENT,
    EVERYTHING,
    PAST_EVENT_SLUG,
    PUBLIC_URL,
    WHOLE_DAY_SESSIONS,
    WHOLE_DAY_SLUG,
)

PAGE = f"/acara/{EVENT['slug']}/"
START_UTC = EVENT["start"].astimezone(dt.UTC)
END_UTC = EVENT["end"].astimezone(dt.UTC)


def _link(site, page: str, host_prefix: str) -> str | None:
    box = site.soup(page).select_one(".event-box")
    found = [a["href"] for a in box.find_all("a", href=True) if a["href"].startswith(host_prefix)]
    return found[0] if found else None


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query, strict_parsing=True).items()}


def test_the_event_box_offers_its_ics(calendar_site):
    """'Tambahkan ke kalender' links the event's own .ics, and that file exists."""
    box = calendar_site.soup(PAGE).select_one(".event-box")
    (link,) = [a for a in box.find_all("a") if "Tambahkan ke kalender" in text_of(a)]
    assert link["href"] == f"/kalender/acara/{EVENT['slug']}.ics"
    assert calendar_site.exists(link["href"])


def test_google_link_carries_utc_times(calendar_site):
    """The Google Calendar link has the title, UTC start/end, details with the page and the place."""
    url = _link(calendar_site, PAGE, "https://calendar.google.com/calendar/render?")
    query = _query(url)
    assert query["action"] == "TEMPLATE"
    assert query["text"] == EVENT["title"]
    assert query["dates"] == f"{START_UTC:%Y%m%dT%H%M%SZ}/{END_UTC:%Y%m%dT%H%M%SZ}"
    assert query["dates"] == "20261205T010000Z/20261205T030000Z"
    assert f"{PUBLIC_URL}{PAGE}" in query["details"]
    assert query["location"] == EVENT["place"]
    assert " " not in url and "+" not in url


def test_outlook_link_carries_utc_times(calendar_site):
    """The Outlook link has the subject, UTC start/end, the body with the page and the place."""
    url = _link(calendar_site, PAGE, "https://outlook.live.com/calendar/0/deeplink/compose?")
    query = _query(url)
    assert query["subject"] == EVENT["title"]
    assert dt.datetime.fromisoformat(query["startdt"]) == START_UTC
    assert dt.datetime.fromisoformat(query["enddt"]) == END_UTC
    assert query["startdt"] == "2026-12-05T01:00:00Z"
    assert f"{PUBLIC_URL}{PAGE}" in query["body"]
    assert query["location"] == EVENT["place"]


def test_an_event_that_is_over_offers_no_calendar(calendar_site):
    """A past event's page has no calendar links (its .ics stays, for subscribers)."""
    page = f"/acara/{PAST_EVENT_SLUG}/"
    html = str(calendar_site.soup(page))
    assert ".ics" not in html
    assert "calendar.google.com" not in html and "outlook.live.com" not in html
    assert calendar_site.exists(f"/kalender/acara/{PAST_EVENT_SLUG}.ics")


def test_a_cancelled_event_offers_no_new_booking(calendar_site):
    """A cancelled event offers its .ics (which cancels it in a calendar), not Google or Outlook."""
    html = str(calendar_site.soup(f"/acara/{CANCELLED_SLUG}/"))
    assert f"/kalender/acara/{CANCELLED_SLUG}.ics" in html
    assert "calendar.google.com" not in html and "outlook.live.com" not in html


def test_the_calendar_page_offers_a_subscription(calendar_site):
    """/kalender/ links webcal:// to semua.ics and explains Android and iPhone, in Indonesian."""
    soup = calendar_site.soup("/kalender/")
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert "webcal://127.0.0.1:8000/kalender/semua.ics" in hrefs
    google = next(h for h in hrefs if h.startswith("https://calendar.google.com/calendar/r?cid="))
    assert _query(google)["cid"] == "webcal://127.0.0.1:8000/kalender/semua.ics"
    text = text_of(soup)
    assert "Android" in text and "iPhone" in text and "Langganan kalender" in text
    assert f"{PUBLIC_URL}/{EVERYTHING}" in text
    assert soup.html["lang"] == "id"


def test_the_event_page_links_the_calendar_page(calendar_site):
    """An upcoming event's box links /kalender/ for a subscription to every event."""
    box = calendar_site.soup(PAGE).select_one(".event-box")
    assert "/kalender/" in [a["href"] for a in box.find_all("a", href=True)]


def test_a_whole_day_event_is_added_as_whole_days(calendar_site):
    """Google gets dates (the end the day after), Outlook dates and allday=true: no midnight times."""
    page = f"/acara/{WHOLE_DAY_SLUG}/"
    first_day, day_after = WHOLE_DAY_SESSIONS[0]
    google = _query(_link(calendar_site, page, "https://calendar.google.com/calendar/render?"))
    assert google["dates"] == f"{first_day:%Y%m%d}/{day_after:%Y%m%d}"
    outlook = _query(_link(calendar_site, page, "https://outlook.live.com/calendar/0/deeplink/compose?"))
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        first_day.isoformat(),
        day_after.isoformat(),
        "true",
    )
