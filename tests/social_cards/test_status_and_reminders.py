"""Event cards: a changed status in a band across the panel, a time that no longer holds struck
through, and a reminder's card saying "Besok" or "Hari ini" with the session's own date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from plugins.content_model.fields import Repeat
from plugins.site_profile.profile import parse_profile
from plugins.social_cards.colors import rgb
from plugins.social_cards.content import article_content, reminder_content
from plugins.social_cards.layout import SIZES
from plugins.social_cards.render import render
from sitekit import post_facts

from .conftest import EVENT_TEXTS, ROOT, spec_for

WITA = ZoneInfo("Asia/Makassar")
OLD = "Sabtu, 5 Desember 2026 · 09.00 WITA"
BAND_YELLOW = rgb("#ffd45c")


@pytest.fixture(scope="module")
def profile():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return parse_profile(settings["LIBRARY"], ROOT / "content")


def event(**changes):
    return {
        "title": "Diskusi Buku Laskar Pelangi",
        "summary": "Mari membahas novel Laskar Pelangi.",
        "start": dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA),
        "end": dt.datetime(2026, 12, 5, 11, 30, tzinfo=WITA),
        "place": "Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu",
        **changes,
    }


def card_texts(fields, profile):
    return article_content(post_facts("acara", fields, profile), fields, profile).texts


@pytest.mark.parametrize("status", ["ditunda", "dibatalkan"])
def test_a_time_that_no_longer_holds_is_given_to_be_struck(profile, status):
    texts = card_texts(event(event_status=status), profile)
    assert texts["datetime"] == ""
    assert texts["old_datetime"] == OLD


def test_a_rescheduled_event_shows_the_new_time_and_strikes_the_old_one(profile):
    fields = event(
        event_status="dijadwalkan-ulang",
        start=dt.datetime(2026, 12, 12, 9, 0, tzinfo=WITA),
        end=dt.datetime(2026, 12, 12, 11, 0, tzinfo=WITA),
        previous_start=dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA),
    )
    texts = card_texts(fields, profile)
    assert texts["datetime"] == "Sabtu, 12 Desember 2026 · 09.00 WITA"
    assert texts["old_datetime"] == OLD
    assert texts["status"] == "Dijadwalkan ulang"


def test_a_scheduled_event_strikes_nothing(profile):
    texts = card_texts(event(), profile)
    assert texts["datetime"] == OLD and texts["old_datetime"] == ""


def _close(pixel, colour) -> bool:
    return max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 40


def _rows_crossed(image, box, colour, share=0.9) -> list[int]:
    """Rows of box where at least `share` of the pixels are (nearly) the colour: a line across."""
    left, top, right, bottom = box
    pixels = image.load()
    found = []
    for y in range(top, bottom):
        near = sum(1 for x in range(left, right) if _close(pixels[x, y], colour))
        if near >= share * (right - left):
            found.append(y)
    return found


@pytest.mark.parametrize("size", list(SIZES))
def test_the_card_strikes_the_old_time_and_bands_the_status(layouts, images, size):
    texts = {
        "label": "Acara",
        "title": "Diskusi Buku Laskar Pelangi",
        **EVENT_TEXTS,
        "status": "Ditunda",
        "datetime": "",
        "old_datetime": OLD,
    }
    pictures = {"logo": images["logo"], "image": images["photo"], "background": images["photo"]}
    layout = layouts["acara"]
    card = render(spec_for(layout, size, texts, pictures))
    drawn = {d.name: d for d in card.drawn}
    assert " ".join(drawn["old_datetime"].lines) == OLD
    assert "datetime" not in drawn
    colour = rgb(layout.sizes[size]["old_datetime"]["color"])
    assert _rows_crossed(card.image, drawn["old_datetime"].box, colour), "the old time is struck through"
    # The same words not struck have no line across them.
    plain = render(
        spec_for(layout, size, {**texts, "status": "", "old_datetime": "", "datetime": OLD}, pictures)
    )
    datetime = next(d for d in plain.drawn if d.name == "datetime")
    assert not _rows_crossed(plain.image, datetime.box, rgb(layout.sizes[size]["datetime"]["color"]))
    # The status is a band as wide as the text panel, not a pill around its word.
    stack_left, _, stack_width, _ = layout.sizes[size]["main"]["box"]
    band = drawn["status"].box
    assert drawn["status"].lines == ("DITUNDA",)
    assert (band[0], band[2]) == (stack_left, stack_left + stack_width)
    middle = (band[1] + band[3]) // 2
    for x in (stack_left + 2, stack_left + stack_width - 3):
        assert card.image.getpixel((x, middle)) == pytest.approx(BAND_YELLOW, abs=12)


@pytest.mark.parametrize("label", ["Besok", "Hari ini"])
def test_a_reminder_card_says_besok_or_hari_ini(layouts, images, label):
    texts = {"label": "Acara", "title": "Diskusi Buku Laskar Pelangi", **EVENT_TEXTS, "reminder": label}
    card = render(spec_for(layouts["acara"], "link", texts, {"logo": images["logo"]}))
    drawn = {d.name: d for d in card.drawn}
    assert drawn["reminder"].lines == (label.upper(),)
    assert "label" not in drawn, "the reminder takes the kind label's place"
    assert " ".join(drawn["datetime"].lines) == EVENT_TEXTS["datetime"]


def test_a_reminders_card_content_is_the_sessions(profile):
    fields = event(repeat=Repeat().parse({"every": "week", "count": 3}, None))
    facts = post_facts("acara", fields, profile)
    post = article_content(facts, fields, profile)
    second = facts.reminders[1]
    assert (second.key, second.label) == ("besok", "Besok")
    assert second.due == dt.datetime(2026, 12, 11, 9, 0, tzinfo=WITA)
    card = reminder_content(post, second, profile)
    assert card.texts["reminder"] == "Besok"
    assert card.texts["datetime"] == "Sabtu, 12 Desember 2026 · 09.00 WITA"
    assert (card.texts["day"], card.texts["weekday"]) == ("12", "Sabtu")
    assert card.texts["title"] == post.texts["title"]
    assert card.alt.startswith(
        "Kartu pengingat Perpustakaan Kota Kotamobagu: Besok, Diskusi Buku Laskar Pelangi"
    )
    assert "12 Desember 2026" in card.alt
