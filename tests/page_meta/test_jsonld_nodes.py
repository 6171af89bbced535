"""The JSON-LD a kind adds: what Google's event results and book cards need."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from plugins._shared.schema_org import NodePage
from plugins.content_model.kinds import DEFAULT
from plugins.page_meta.jsonld import posting
from sitekit import post_facts

WITA = ZoneInfo("Asia/Makassar")
PROFILE = SimpleNamespace(
    name="Perpustakaan Kota Kotamobagu",
    address=SimpleNamespace(
        street="Jl. Ahmad Yani No. 12",
        locality="Kotamobagu",
        region="Sulawesi Utara",
        postal_code="95711",
        country="ID",
    ),
)
PAGE = NodePage("https://x.example/acara/a/", "Diskusi", "Ringkas.", None, None, "https://x.example", PROFILE)
EVENT = {
    "title": "Diskusi",
    "summary": "Ringkas.",
    "date": dt.datetime(2026, 11, 20, tzinfo=WITA),
    "start": dt.datetime(2026, 12, 5, 9, tzinfo=WITA),
    "end": dt.datetime(2026, 12, 5, 11, tzinfo=WITA),
    "place": "Aula",
}


def _event(**fields):
    values = {**EVENT, **fields}
    (node,) = DEFAULT.posts["acara"].jsonld(values, post_facts("acara", values), PAGE).nodes
    return node


def test_a_free_event_offers_a_price_of_zero_rupiah():
    offer = _event()["offers"]
    assert (offer["price"], offer["priceCurrency"]) == (0, "IDR")
    assert offer["url"] == PAGE.url  # no registration form: the event's page


def test_a_paid_event_with_registration_offers_its_price_there():
    offer = _event(price=25000, registration_url="https://daftar.example/x")["offers"]
    assert (offer["price"], offer["url"]) == (25000, "https://daftar.example/x")


def test_performers_are_named_when_given():
    assert "performer" not in _event()
    assert _event(performers=["Andrea Hirata", "Sri Damopolii"])["performer"] == [
        {"@type": "Person", "name": "Andrea Hirata"},
        {"@type": "Person", "name": "Sri Damopolii"},
    ]


def test_the_author_always_has_a_url():
    head = SimpleNamespace(
        url=PAGE.url, title="T", description="D", published="p", modified="m", tags=(), image=None
    )
    with_author = SimpleNamespace(kind=DEFAULT.posts["pengumuman"], fields={"author": "Sri"})
    without = SimpleNamespace(kind=DEFAULT.posts["pengumuman"], fields={})
    about = "https://x.example/tentang/"
    assert posting(with_author, head, "https://x.example", about)["author"] == {
        "@type": "Person",
        "name": "Sri",
        "url": about,
    }
    assert posting(without, head, "https://x.example", about)["author"]["url"] == about
    assert posting(without, head, "https://x.example")["author"]["url"] == "https://x.example/"


def test_the_library_image_is_its_photo_when_one_is_set():
    """Search results show the building, not the logo, once LIBRARY has a photo."""
    from pathlib import Path

    from pelican.settings import read_settings

    from plugins.page_meta.jsonld import library
    from plugins.site_profile.profile import parse_profile

    root = Path(__file__).resolve().parents[2]
    raw = read_settings(str(root / "pelicanconf.py"))["LIBRARY"]
    plain = parse_profile(raw, root / "content")
    photographed = parse_profile({**raw, "photo": "gambar/perpustakaan-ruang-baca.jpg"}, root / "content")
    assert library(plain, "https://x.example")["image"].endswith("/gambar/logo-perpustakaan.png")
    assert library(photographed, "https://x.example")["image"] == (
        "https://x.example/gambar/perpustakaan-ruang-baca.jpg"
    )
