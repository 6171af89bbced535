"""The data of one share page: card sizes, file names, and the path of the page."""

from __future__ import annotations

from types import SimpleNamespace

from plugins.share_kit.kit import card_views, is_local, share_path
from plugins.social_cards.model import CardImage, Cards


def _article(cards):
    return SimpleNamespace(slug="diskusi-buku", kind=SimpleNamespace(slug="acara"), cards=cards)


def _card(name, width, height, length=123_456):
    return CardImage(f"kartu/acara-diskusi-buku-{name}-3f9a1c.jpg", width, height, length, "Kartu acara")


def test_every_drawn_size_is_shown_in_order_with_a_download_name():
    cards = Cards(
        _card("link", 1200, 630),
        _card("square", 1080, 1080),
        _card("portrait", 1080, 1350),
        _card("story", 1080, 1920),
    )
    views, missing = card_views(_article(cards))
    assert [v.key for v in views] == ["link", "square", "portrait", "story"]
    assert views[0].filename == "diskusi-buku-link-1200x630.jpg"
    assert views[3].filename == "diskusi-buku-story-1080x1920.jpg"
    assert views[0].kilobytes == 123
    assert missing == ()


def test_sizes_not_drawn_are_named():
    views, missing = card_views(_article(Cards(_card("link", 1200, 630, length=400))))
    assert [v.key for v in views] == ["link"]
    assert views[0].kilobytes == 1  # never shown as 0 KB
    assert missing == ("Instagram persegi", "Instagram potret", "Story")


def test_a_post_without_cards_shows_none():
    views, missing = card_views(SimpleNamespace(slug="x", kind=SimpleNamespace(slug="acara")))
    assert views == () and len(missing) == 4


def test_the_page_lives_under_the_folder_by_kind_and_slug():
    assert share_path("bagikan", _article(None)) == "bagikan/acara/diskusi-buku/index.html"


def test_local_addresses_are_recognised():
    assert is_local("http://127.0.0.1:8000")
    assert is_local("http://localhost:8000")
    assert not is_local("https://perpustakaan.kotamobagukota.go.id")
