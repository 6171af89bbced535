"""What a card says: event lines, book lines, listings, and alt text within 420 characters."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Tag
from pelican.settings import read_settings

from plugins.content_model.kinds import DEFAULT as KINDS
from plugins.site_profile.profile import parse_profile
from plugins.social_cards.content import (
    ALT_MAX,
    article_content,
    clip,
    listing_content,
    listings,
    page_content,
    with_image_alt,
)
from sitekit import post_facts

from .conftest import ROOT

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture(scope="module")
def profile():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    return parse_profile(settings["LIBRARY"], ROOT / "content")


def event(**changes):
    fields = {
        "title": "Diskusi Buku Laskar Pelangi",
        "summary": "Mari membahas novel Laskar Pelangi.",
        "start": dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA),
        "end": dt.datetime(2026, 12, 5, 11, 30, tzinfo=WITA),
        "place": "Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu",
        "event_status": "terjadwal",
    }
    return {**fields, **changes}


def test_an_event_card_says_when_and_where(profile):
    """Date and time as one line, the place without the library's own name."""
    card = article_content(post_facts("acara", event(), profile), event(), profile)
    assert card.texts["datetime"] == "Sabtu, 5 Desember 2026 · 09.00 WITA"
    assert card.texts["place"] == "Ruang Diskusi Lantai 2"
    assert (card.texts["day"], card.texts["weekday"], card.texts["month_year"]) == (
        "5",
        "Sabtu",
        "Desember 2026",
    )
    assert card.texts["label"] == "Acara" and card.texts["status"] == ""


def test_the_event_alt_text_reads_as_a_sentence(profile):
    card = article_content(post_facts("acara", event(), profile), event(), profile)
    assert card.alt == (
        "Kartu acara Perpustakaan Kota Kotamobagu: Diskusi Buku Laskar Pelangi, "
        "Sabtu, 5 Desember 2026 pukul 09.00 WITA, Ruang Diskusi Lantai 2."
    )


@pytest.mark.parametrize(
    ("changes", "place"),
    [
        ({"place": None, "online_url": "https://youtube.com/live"}, "Daring"),
        ({"online_url": "https://youtube.com/live"}, "Ruang Diskusi Lantai 2 dan daring"),
        ({"event_status": "pindah-daring"}, "Daring"),
    ],
)
def test_an_online_event_says_daring(profile, changes, place):
    assert (
        article_content(post_facts("acara", event(**changes), profile), event(**changes), profile).texts[
            "place"
        ]
        == place
    )


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("ditunda", "Ditunda"),
        ("dibatalkan", "Dibatalkan"),
        ("pindah-daring", "Dipindah ke daring"),
    ],
)
def test_a_changed_event_status_is_shown_and_said(profile, status, shown):
    card = article_content(
        post_facts("acara", event(event_status=status), profile), event(event_status=status), profile
    )
    assert card.texts["status"] == shown
    assert f"Diskusi Buku Laskar Pelangi ({shown.lower()})" in card.alt


def test_an_event_over_several_days_shows_both_dates(profile):
    fields = event(end=dt.datetime(2026, 12, 12, 14, 0, tzinfo=WITA))
    card = article_content(post_facts("acara", fields, profile), fields, profile)
    assert card.texts["datetime"] == "5–12 Desember 2026 · 09.00 WITA"


def test_card_title_replaces_the_title_on_the_card(profile):
    card = article_content(
        post_facts("acara", event(card_title="Diskusi Laskar Pelangi!"), profile),
        event(card_title="Diskusi Laskar Pelangi!"),
        profile,
    )
    assert card.texts["title"] == "Diskusi Laskar Pelangi!"
    assert card.shown_fields["card_title"] == "Diskusi Laskar Pelangi!"


def test_a_book_card_names_the_book_and_its_author(profile):
    fields = {
        "title": "Sepuluh Eksemplar Baru Laskar Pelangi",
        "summary": "Sudah bisa dipinjam.",
        "book_title": "Laskar Pelangi",
        "book_author": "Andrea Hirata",
        "publisher": "Bentang Pustaka",
        "year": 2005,
        "image": "gambar/sampul.jpg",
        "image_alt": "Sampul biru.",
        "isbn": "9789793062792",
        "call_number": "899.221 HIR l",
        "catalogue_url": "https://katalog.example/1",
    }
    card = article_content(post_facts("koleksi-baru", fields, profile), fields, profile)
    assert (card.texts["book_title"], card.texts["book_author"]) == ("Laskar Pelangi", "Andrea Hirata")
    assert card.texts["book_details"] == "Bentang Pustaka, 2005"
    assert card.alt.endswith("Buku Laskar Pelangi karya Andrea Hirata.")
    assert card.images == {"image": "gambar/sampul.jpg", "background": "gambar/sampul.jpg"}


def test_card_background_is_the_photo_behind_the_text(profile):
    fields = {
        "title": "Pojok Internet",
        "summary": "Buka.",
        "image": "gambar/a.jpg",
        "card_background": "gambar/b.jpg",
    }
    card = article_content(post_facts("pengumuman", fields, profile), fields, profile)
    assert card.images == {"image": "gambar/a.jpg", "background": "gambar/b.jpg"}


def test_alt_text_never_exceeds_420_characters(profile):
    long = "Sangat panjang " * 30
    card = article_content(
        post_facts("acara", event(title=long[:110], place=long[:160]), profile),
        event(title=long[:110], place=long[:160]),
        profile,
    )
    assert len(card.alt) <= ALT_MAX
    assert len(with_image_alt(card.alt, long)) <= ALT_MAX
    assert len(clip("kata " * 200)) <= ALT_MAX and clip("kata " * 200).endswith("…")


def test_the_photo_description_is_added_when_it_fits(profile):
    assert (
        with_image_alt("Kartu: Judul.", "Tiga orang membaca.") == "Kartu: Judul. Gambar: Tiga orang membaca."
    )


def test_every_listing_gets_a_card(profile):
    tags = [Tag("LiterasiDigital", {"SLUGIFY_SOURCE": "basename", "SLUG_REGEX_SUBSTITUTIONS": []})]
    keys = [
        listing.key for listing in listings(profile, [KINDS.posts["acara"], KINDS.posts["tutorial"]], tags)
    ]
    assert keys == [
        "index",
        "archives",
        "tags",
        "404",
        "category:acara",
        "category:tutorial",
        f"tag:{tags[0].slug}",
    ]
    home = listing_content(listings(profile, [], [])[0], profile)
    assert home.texts["title"] == profile.name and home.texts["summary"] == profile.tagline
    assert home.alt == f"Kartu {profile.name}: {profile.tagline}."


def test_a_page_card_carries_its_title(profile):
    card = page_content({"title": "Tentang Perpustakaan", "summary": "Milik warga."}, profile)
    assert card.texts["title"] == "Tentang Perpustakaan" and card.images == {}
    assert card.alt == "Kartu Perpustakaan Kota Kotamobagu: Tentang Perpustakaan."
