"""Month pages and audience pages of the events, and what upcoming lists tell the scripts.

The sample site is built once at BUILD_NOW; what each page must hold is worked out
from the content as the checker reads it (eventkit.py), never from the output.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from eventkit import NOW, SCHEDULED_KINDS, months_spanned, sessions_of

from plugins.content_model.kinds import DEFAULT
from plugins.listings.event_pages import audience_pages, month_pages
from sitekit import WITA, post_facts, text_of

MONTH = re.compile(r"^\d{4}-\d{2}$")


@pytest.fixture(scope="module")
def events(built_site):
    found = [p for p in built_site.posts if p.is_published and p.kind in SCHEDULED_KINDS]
    assert any("repeat" in p.values for p in found), "the sample content has no series of sessions"
    assert any(p.values.get("audience") for p in found), "the sample content has no event with an audience"
    return found


def expected_month_entries(events) -> dict[str, list[tuple[str, str, str]]]:
    """'acara/2026-12' -> sorted (day, event URL, session start) of every session on that month's page."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for post in events:
        for start, end in sessions_of(post.values):
            for first in months_spanned(start, end):
                day = max(start.date(), first)
                key = f"{post.kind}/{first:%Y-%m}"
                found.setdefault(key, []).append((day.isoformat(), post.url, start.isoformat()))
    return {key: sorted(entries) for key, entries in found.items()}


def month_page_entries(built_site, url: str) -> list[tuple[str, str, str]]:
    main = built_site.soup(url).find("main")
    found = []
    for section in main.select("section.month-day"):
        heading = section.find("h2")
        assert heading is not None, f"{url}: a day without its own heading"
        day = heading.find("time")["datetime"]
        for item in section.select("li.post-item"):
            link = item.select_one("a.post-item-title")
            found.append((day, link["href"], item.select_one(".meta time")["datetime"]))
    return sorted(found)


# --- month pages -------------------------------------------------------------------------------


@dataclass
class Article:
    """What the listings read of a post: its URL, kind and facts."""

    url: str
    facts: object
    kind: object = DEFAULT.posts[SCHEDULED_KINDS[0]]


def event(url: str, **fields) -> Article:
    fields = {"title": url, "place": "Lobi", **fields}
    return Article(url, post_facts(SCHEDULED_KINDS[0], fields))


def test_a_session_over_two_months_is_on_both_month_pages_said_from_its_first_day_there():
    exhibition = event(
        "pameran/",
        start=dt.datetime(2027, 1, 30, tzinfo=WITA),
        end=dt.datetime(2027, 2, 2, tzinfo=WITA),
        all_day=True,
    )
    january, february = month_pages(exhibition.kind, [exhibition], WITA)
    assert (january.key, february.key) == ("2027-01", "2027-02")
    assert [day.day for day in january.days] == [dt.date(2027, 1, 30)]
    assert [day.day for day in february.days] == [dt.date(2027, 2, 1)]
    assert january.days[0].entries[0].time_text == "Sepanjang hari, sampai Selasa, 2 Februari 2027"
    assert (
        february.days[0].entries[0].time_text == "Sejak Sabtu, 30 Januari 2027 sampai Selasa, 2 Februari 2027"
    )


def test_audience_pages_follow_the_audiences_rank_whatever_order_posts_name_them():
    start = dt.datetime(2027, 1, 9, 9, tzinfo=WITA)
    posts = [
        event("a/", start=start, end=start + dt.timedelta(hours=2), audience=["umum", "anak"]),
        event("b/", start=start, end=start + dt.timedelta(hours=1), audience=["remaja"]),
    ]
    pages = audience_pages(posts[0].kind, posts, NOW)
    assert [page.audience.key for page in pages] == ["anak", "remaja", "umum"]
    assert [[a.url for a in page.upcoming] for page in pages] == [["a/"], ["b/"], ["a/"]]


def test_month_pages_hold_exactly_every_session_on_its_day(built_site, events):
    expected = expected_month_entries(events)
    written = {
        f"{kind}/{folder.name}"
        for kind in SCHEDULED_KINDS
        if (built_site.output / kind / "bulan").is_dir()
        for folder in (built_site.output / kind / "bulan").iterdir()
        if MONTH.match(folder.name)
    }
    assert written == set(expected), f"month pages written {sorted(written)}, expected {sorted(expected)}"
    for key, entries in expected.items():
        kind, month = key.split("/")
        assert month_page_entries(built_site, f"/{kind}/bulan/{month}/") == entries, key


def test_a_series_shows_each_meeting_numbered_on_its_own_date(built_site, events):
    for post in (p for p in events if "repeat" in p.values):
        sessions = sessions_of(post.values)
        seen = []
        for start, _ in sessions:
            url = f"/{post.kind}/bulan/{start:%Y-%m}/"
            for item in built_site.soup(url).select("li.post-item"):
                link = item.select_one("a.post-item-title")
                if (
                    link["href"] == post.url
                    and item.select_one(".meta time")["datetime"] == start.isoformat()
                ):
                    seen.append(text_of(item))
        assert len(seen) == len(sessions), (
            f"{post.url}: {len(seen)} of {len(sessions)} sessions on month pages"
        )
        for number, text in enumerate(seen, start=1):
            assert f"Pertemuan {number} dari {len(sessions)}" in text, text


def test_month_pages_link_to_the_months_before_and_after_and_from_the_listing(built_site, events):
    for kind in SCHEDULED_KINDS:
        months = sorted(key.split("/")[1] for key in expected_month_entries(events) if key.startswith(kind))
        urls = [f"/{kind}/bulan/{month}/" for month in months]
        for index, url in enumerate(urls):
            soup = built_site.soup(url)
            prev = soup.select_one("main a[rel=prev]")
            after = soup.select_one("main a[rel=next]")
            assert (prev["href"] if prev else None) == (urls[index - 1] if index else None), url
            assert (after["href"] if after else None) == (
                urls[index + 1] if index + 1 < len(urls) else None
            ), url
            heading = soup.select_one("main h1 time")
            assert heading is not None and heading["datetime"] == months[index]
        listing = built_site.links(f"/{kind}/", built_site.soup(f"/{kind}/").find("main"))
        assert [u for u in listing if "/bulan/" in u] == urls


# --- audience pages ----------------------------------------------------------------------------


def audiences_of(events) -> set[tuple[str, str]]:
    return {(post.kind, key) for post in events for key in post.values.get("audience", ())}


def card_links(section) -> list[str]:
    return [a["href"] for a in section.select(".card-title a")] if section else []


def section_titled(main, title: str):
    return next((s for s in main.select("section.listing-section") if text_of(s.find("h2")) == title), None)


def test_audience_pages_hold_exactly_their_events_upcoming_then_past(built_site, events):
    for kind, key in audiences_of(events):
        url = f"/{kind}/untuk/{key}/"
        assert built_site.exists(url), f"no page {url}"
        chosen = [p for p in events if p.kind == kind and key in p.values.get("audience", ())]
        sessions = {p.url: sessions_of(p.values) for p in chosen}
        coming = [p for p in chosen if sessions[p.url][-1][1] >= NOW]
        coming.sort(key=lambda p: next(s for s, e in sessions[p.url] if e >= NOW))
        gone = sorted(
            (p for p in chosen if p not in coming), key=lambda p: (sessions[p.url][0][0], p.url), reverse=True
        )
        main = built_site.soup(url).find("main")
        assert card_links(section_titled(main, "Akan datang")) == [p.url for p in coming], url
        assert card_links(section_titled(main, "Sudah berlalu")) == [p.url for p in gone], url


def test_only_audiences_with_events_get_a_page_and_the_listing_links_them(built_site, events):
    wanted = audiences_of(events)
    for kind in SCHEDULED_KINDS:
        folder = built_site.output / kind / "untuk"
        written = {(kind, d.name) for d in folder.iterdir()} if folder.is_dir() else set()
        assert written == {pair for pair in wanted if pair[0] == kind}
        nav = built_site.soup(f"/{kind}/").select_one("main [data-saring-peserta]")
        assert nav is not None, f"/{kind}/ has no audience filter"
        links = [a["href"] for a in nav.select("a[data-audience]")]
        assert links[0] == f"/{kind}/"
        assert set(links[1:]) == {f"/{kind}/untuk/{key}/" for _, key in written}


# --- what the scripts read -------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", *[f"/{kind}/" for kind in SCHEDULED_KINDS]])
def test_upcoming_items_carry_their_end_and_audiences(built_site, events, url):
    by_url = {p.url: p for p in events}
    lists = built_site.soup(url).select("main [data-upcoming]")
    assert lists, f"{url} has no upcoming list"
    for item in (child for lst in lists for child in lst.find_all("li", recursive=False)):
        post = by_url[item.find("a")["href"]]
        assert item["data-ends"] == sessions_of(post.values)[-1][1].isoformat()
        assert dt.datetime.fromisoformat(item["data-ends"]) >= NOW, "an ended event in an upcoming list"
        assert set(item["data-audiences"].split()) == set(post.values.get("audience", ()))
