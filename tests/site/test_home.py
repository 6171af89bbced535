"""The home page: short on a phone, opening hours today near the top, links to every listing.

Also the "today" computation (plugins/opening_hours/hours.py) as a pure function,
and listing cards whose image is decorative (the title link beside it says it all).
"""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.content_model.kinds import DEFAULT as _KINDS
from plugins.opening_hours import hours
from sitekit import BUILD_NOW, WITA, text_of

KINDS = _KINDS.posts
PHONE = {"width": 360, "height": 740}
HOME_MAX_HEIGHT = 3000  # about four screens of a 360x740 phone

ROWS = [
    {"days": ["senin", "selasa", "rabu", "kamis"], "opens": "08:00", "closes": "16:00"},
    {"days": ["jumat"], "opens": "08:00", "closes": "11:30"},
    {"days": ["sabtu"], "opens": "09:00", "closes": "14:00"},
]


# --- the pure function --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (23, "Buka hari ini (Senin) 08.00–16.00 WITA"),
        (27, "Buka hari ini (Jumat) 08.00–11.30 WITA"),
        (28, "Buka hari ini (Sabtu) 09.00–14.00 WITA"),
        (29, "Tutup hari ini (Minggu); buka lagi besok (Senin) pukul 08.00 WITA"),
    ],
)
def test_today_from_opening_hours(day, expected):
    assert hours.today(ROWS, dt.datetime(2026, 11, day, 10, tzinfo=WITA)).text == expected


def test_the_day_is_taken_in_wita():
    # 20:00 UTC on Saturday is 04:00 on Sunday in Kotamobagu.
    moment = dt.datetime(2026, 11, 28, 20, tzinfo=dt.UTC)
    assert hours.today(ROWS, moment).headline == "Tutup hari ini (Minggu)"


def test_closed_for_several_days_and_split_hours():
    rows = [
        {"days": ["rabu"], "opens": "13:00", "closes": "15:00"},
        {"days": ["rabu"], "opens": "08:00", "closes": "12:00"},
    ]
    assert hours.on_weekday(rows, 0).text == "Tutup hari ini (Senin); buka lagi Rabu pukul 08.00 WITA"
    assert hours.on_weekday(rows, 2).text == "Buka hari ini (Rabu) 08.00–12.00 dan 13.00–15.00 WITA"
    assert len(hours.week(rows)) == 7


# --- the built page, without a script -----------------------------------------------------------


def test_home_says_todays_hours_and_address_for_the_build_day(built_site):
    soup = built_site.soup("/")
    main = soup.find("main")
    today = main.select_one("[data-jam-sepekan]")
    assert today is not None, "the home page does not show today's opening hours"
    built_day = dt.datetime.fromisoformat(BUILD_NOW).astimezone(WITA)
    assert built_day.weekday() == 5  # BUILD_NOW is a Saturday
    assert text_of(today) == "Buka hari ini (Sabtu) 09.00–14.00 WITA"
    address = main.find("address")
    assert address is not None and "Jl. Ahmad Yani" in text_of(address)
    assert any("openstreetmap.org" in a["href"] for a in main.find_all("a", href=True)), (
        "no map link near the address"
    )
    # It comes before the lists of posts.
    order = list(main.descendants)
    first_list = main.select_one(".post-list")
    assert first_list is None or order.index(today) < order.index(first_list)


def test_home_links_to_every_listing_without_big_images(built_site):
    site = built_site
    soup = site.soup("/")
    links = site.links("/", soup.find("main"))
    kinds = {p.kind for p in site.posts if p.is_published}
    missing = [f"/{k}/" for k in KINDS if k in kinds and f"/{k}/" not in links]
    missing += [u for u in ("/arsip/", "/tagar/") if u not in links]
    assert not missing, f"the home page does not link to the listings {missing}"
    assert not soup.find("main").find_all("img"), "the home page shows post images"
    events = soup.select_one("#akan-datang-acara")
    assert events is not None
    assert len(events.find_parent("section").select(".post-item")) <= 3


def test_listing_card_images_are_decorative(built_site):
    """A card's link already says the title: its image gets alt=""."""
    problems = []
    for url in ["/acara/", f"/{next(k for k in KINDS if k != 'acara')}/"]:
        for img in built_site.soup(url).select(".card img"):
            if img.get("alt") != "":
                problems.append(f"{url}: {img.get('src')} alt={img.get('alt')!r}")
    assert not problems, "\n".join(problems)


# --- in the browser ---------------------------------------------------------------------------------


@pytest.mark.browser
def test_home_is_at_most_four_phone_screens(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(served_site + "/", wait_until="load")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= HOME_MAX_HEIGHT, (
        f"the home page is {height} px tall at 360x740 (at most {HOME_MAX_HEIGHT})"
    )
    box = page.locator("[data-jam-sepekan]").bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], (
        f"today's opening hours are not on the first screen: {box}"
    )


@pytest.mark.browser
def test_the_script_shows_the_readers_own_day(page, served_site):
    # Sunday 29 November 2026, 10:00 WITA: the page was built for Saturday.
    page.clock.set_fixed_time(dt.datetime(2026, 11, 29, 2, tzinfo=dt.UTC))
    page.goto(served_site + "/", wait_until="load")
    text = " ".join(page.locator("[data-jam-sepekan]").inner_text().split())
    assert text == "Tutup hari ini (Minggu) Buka lagi besok (Senin) pukul 08.00 WITA"
