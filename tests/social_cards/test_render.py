"""Every layout at every size: exact size, text inside, nothing overlapping, legible, small enough."""

from __future__ import annotations

import io
import itertools

import pytest
from PIL import Image

from plugins.social_cards.cache import encode
from plugins.social_cards.colors import MIN_CONTRAST, palette
from plugins.social_cards.layout import SIZES, load_layouts
from plugins.social_cards.render import render

from .conftest import BOOK_TEXTS, COLORS, EVENT_TEXTS, LAYOUTS_DIR, spec_for

LAYOUT_NAMES = sorted(p.stem for p in LAYOUTS_DIR.glob("*.toml"))
LONG = (
    "Pengumuman Penting tentang Perubahan Jadwal Layanan Perpustakaan Kota Kotamobagu selama "
    "Bulan Ramadan, Libur Hari Raya Idulfitri, dan Pekan Literasi Daerah yang Diadakan Bersama "
    "Sekolah-Sekolah serta Komunitas Pembaca di Seluruh Kecamatan Kotamobagu"
)
SCENARIOS = {
    "biasa": {"title": "Diskusi Buku “Laskar Pelangi” — Sabtu Pagi"},
    "judul-panjang": {
        "title": LONG,
        "summary": LONG,
        "place": "Ruang Serbaguna Lantai 3, Gedung Pusat Kegiatan Masyarakat Kota Kotamobagu, "
        "Jalan Ahmad Yani Nomor 12 dan daring",
        "book_title": "Sebuah Judul Buku yang Sangat Panjang Sekali tentang Sejarah Bolaang Mongondow",
        "datetime": "28 Desember 2026 – 3 Januari 2027 · 09.00 WITA",
    },
    "satu-kata": {"title": "Perpustakaan"},
    "kata-raksasa": {"title": "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3},
    "url": {"title": "Daftar di https://opac.perpusnas.go.id/ResultListOpac.aspx?pDataItem=978979"},
    "emoji": {"title": "Baca 📚 Bersama Keluarga 👨‍👩‍👧 di Hari Anak 🇮🇩 🎉"},
    "dibatalkan": {"status": "Dibatalkan", "datetime": "", "old_datetime": EVENT_TEXTS["datetime"]},
    "dijadwalkan-ulang": {
        "status": "Dijadwalkan ulang",
        "old_datetime": "Kamis, 3 Desember 2026 · 09.00 WITA",
    },
    "pengingat": {"reminder": "Hari ini"},
    "mitra-panjang": {
        "partners": "Bersama Sekolah Menengah Atas Negeri 1 Kotamobagu dan Komunitas Literasi "
        "Totabuan Bolaang Mongondow Raya",
    },
    "tanpa-foto": {},
}


def texts_for(scenario: str) -> dict[str, str]:
    base = {
        "label": "Acara",
        "title": "Diskusi Buku Laskar Pelangi",
        "summary": "Mari membahas novel Laskar Pelangi bersama komunitas pembaca Kotamobagu. Gratis.",
        "series": "Aman di Internet · Bagian 2",
        "status": "",
        **EVENT_TEXTS,
        **BOOK_TEXTS,
    }
    return {**base, **SCENARIOS[scenario]}


def images_for(layout: str, scenario: str, images: dict[str, str]) -> dict[str, str]:
    chosen = {"logo": images["logo"]}
    if scenario == "tanpa-foto":
        return chosen
    picture = {"infografis": images["infographic"], "koleksi-baru": images["cover"]}.get(
        layout, images["photo"]
    )
    return {**chosen, "image": picture, "background": picture}


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


ELEMENTS = {  # each layout's element names, at any size
    name: {element for elements in layout.sizes.values() for element in elements}
    for name, layout in load_layouts(LAYOUTS_DIR, palette(COLORS)).items()
}


def _shows(layout_name: str, scenario: str) -> bool:
    """Whether the layout has an element for a text the scenario sets (the pictures-only
    scenario, none, counts everywhere). A layout without, say, a status draws the plain
    card for "dibatalkan": that case would repeat another."""
    texts = SCENARIOS[scenario]
    return not texts or bool(set(texts) & ELEMENTS[layout_name])


CASES = [
    (layout_name, size, scenario)
    for layout_name, size, scenario in itertools.product(LAYOUT_NAMES, SIZES, SCENARIOS)
    if _shows(layout_name, scenario)
]


@pytest.mark.parametrize(("layout_name", "size", "scenario"), CASES)
def test_every_layout_size_and_text_draws_a_sound_card(
    layouts, images, save_card, layout_name, size, scenario
):
    """Exact size; text and logo inside the card, never overlapping; 4.5:1 contrast; a JPEG under 300 KB."""
    spec = spec_for(
        layouts[layout_name], size, texts_for(scenario), images_for(layout_name, scenario, images)
    )
    card = render(spec)
    width, height = SIZES[size]
    assert card.image.size == (width, height)

    foreground = [d for d in card.drawn if d.foreground]
    for item in foreground:
        left, top, right, bottom = item.box
        assert 0 <= left < right <= width and 0 <= top < bottom <= height, item
    for first, second in itertools.combinations(foreground, 2):
        assert not overlaps(first.box, second.box), (first.name, first.box, second.name, second.box)

    texts = [d for d in card.drawn if d.type == "text"]
    for item in texts:
        assert item.contrast >= MIN_CONTRAST, item
    assert "title" in {d.name for d in texts}, card.omitted
    if scenario == "dibatalkan" and "status" in spec.elements:
        status = next(d for d in texts if d.name == "status")
        assert status.lines == ("DIBATALKAN",)

    data = encode(card.image, 85, 300_000)
    assert len(data) < 300_000
    with Image.open(io.BytesIO(data)) as written:
        assert (written.format, written.size) == ("JPEG", (width, height))
    save_card(f"{layout_name}-{size}-{scenario}.jpg", data)


def test_every_layout_draws_its_title_and_the_library_logo(layouts, images):
    """The title and the logo are on every card of every layout."""
    for name, size in itertools.product(LAYOUT_NAMES, SIZES):
        card = render(spec_for(layouts[name], size, texts_for("biasa"), images_for(name, "biasa", images)))
        drawn = {d.type for d in card.drawn} | {d.name for d in card.drawn}
        assert {"title", "logo"} <= drawn, (name, size, drawn)


PHOTO_LAYOUTS = [n for n in LAYOUT_NAMES if n in ("foto", "acara")]


@pytest.mark.parametrize(("layout_name", "size"), list(itertools.product(PHOTO_LAYOUTS, SIZES)))
def test_the_scrim_alone_keeps_text_legible_on_a_white_photo(layouts, images, layout_name, size):
    """Over the brightest photo, the layout's own gradient gives 4.5:1: no extra veil is needed."""
    texts = texts_for("biasa")
    spec = spec_for(
        layouts[layout_name],
        size,
        texts,
        {"logo": images["logo"], "image": images["white"], "background": images["white"]},
    )
    card = render(spec)
    for item in (d for d in card.drawn if d.type == "text"):
        assert not item.veiled, item
        assert item.contrast >= MIN_CONTRAST, item


def test_a_photo_brighter_than_the_scrim_still_gets_legible_text(layouts, images):
    """A layout whose scrim is too light gets a veil behind the text, never unreadable text."""
    section = {name: dict(element) for name, element in layouts["foto"].sizes["link"].items()}
    section["scrim"]["from"] = 0.0  # no scrim at all
    section["photo"]["box"] = (0, 0, 1200, 630)  # and the photo under the text
    spec = spec_for(
        layouts["foto"],
        "link",
        texts_for("biasa"),
        {"logo": images["logo"], "image": images["white"], "background": images["white"]},
    )
    card = render(type(spec)(spec.size, section, spec.texts, spec.images))
    title = next(d for d in card.drawn if d.name == "title")
    assert title.veiled and title.contrast >= MIN_CONTRAST


@pytest.mark.parametrize("size", [s for s in SIZES if s != "link"])
def test_an_infographic_is_shown_whole_never_cropped(layouts, images, size):
    """The infographic is contained: the drawn picture keeps its 4:5 shape inside its box.

    Not on the link card: there the title and first steps are the text, beside the
    infographic's top (test_kind_looks.py).
    """
    card = render(
        spec_for(layouts["infografis"], size, texts_for("biasa"), images_for("infografis", "biasa", images))
    )
    figure = next(d for d in card.drawn if d.name == "figure")
    left, top, right, bottom = figure.box
    assert abs((right - left) / (bottom - top) - 1080 / 1350) < 0.01
    x, y, w, h = layouts["infografis"].sizes[size]["figure"]["box"]
    assert x <= left and y <= top and right <= x + w and bottom <= y + h


@pytest.mark.parametrize("size", list(SIZES))
def test_a_book_cover_is_shown_whole_never_cropped(layouts, images, size):
    """The cover is contained: the drawn picture keeps the book's 2:3 shape."""
    card = render(
        spec_for(
            layouts["koleksi-baru"], size, texts_for("biasa"), images_for("koleksi-baru", "biasa", images)
        )
    )
    cover = next(d for d in card.drawn if d.name == "cover")
    left, top, right, bottom = cover.box
    assert abs((right - left) / (bottom - top) - 800 / 1200) < 0.01


def test_an_event_without_a_photo_shows_a_calendar_leaf(layouts, images):
    """No photo: the event card shows the day, month and weekday instead."""
    card = render(spec_for(layouts["acara"], "link", texts_for("tanpa-foto"), {"logo": images["logo"]}))
    shown = {d.name: d.lines for d in card.drawn if d.type == "text"}
    assert shown["leaf_day"] == ("5",)
    assert shown["leaf_weekday"] == ("Sabtu",)
    assert shown["leaf_month"] == ("DESEMBER 2026",)
    with_photo = render(
        spec_for(layouts["acara"], "link", texts_for("biasa"), images_for("acara", "biasa", images))
    )
    assert not any(d.name.startswith("leaf") for d in with_photo.drawn)


def test_an_event_shows_date_time_and_place(layouts, images):
    """An event card carries the date, time and place as the post gives them."""
    card = render(
        spec_for(layouts["acara"], "link", texts_for("biasa"), images_for("acara", "biasa", images))
    )
    shown = {d.name: " ".join(d.lines) for d in card.drawn if d.type == "text"}
    assert shown["datetime"] == "Sabtu, 5 Desember 2026 · 09.00 WITA"
    assert shown["place"] == "Ruang Diskusi Lantai 2"
    assert shown["label"] == "ACARA"


@pytest.mark.parametrize("size", list(SIZES))
def test_an_event_card_names_its_partners_under_the_place(layouts, images, size):
    """Two long partner names are drawn whole (wrapped, never cut), below the date and place."""
    texts = texts_for("mitra-panjang")
    card = render(spec_for(layouts["acara"], size, texts, images_for("acara", "mitra-panjang", images)))
    drawn = {d.name: d for d in card.drawn if d.type == "text"}
    assert "partners" in drawn, card.omitted
    partners = drawn["partners"]
    assert " ".join(partners.lines) == texts["partners"] and not partners.truncated
    assert partners.box[1] >= drawn["place"].box[3] >= drawn["datetime"].box[3]
    assert {"title", "datetime", "place"} <= drawn.keys()


@pytest.mark.parametrize("size", list(SIZES))
def test_partner_names_make_way_for_a_title_that_would_be_cut(layouts, images, size):
    """With a status, an old date and a long title, the partners' line goes before the title is cut."""
    title = "Pelatihan Menulis Cerpen untuk Pelajar SMA se-Kotamobagu bersama Penulis Lokal"
    texts = {**texts_for("dijadwalkan-ulang"), "title": title}
    pictures = images_for("acara", "dijadwalkan-ulang", images)
    without = render(spec_for(layouts["acara"], size, texts, pictures))
    partners = SCENARIOS["mitra-panjang"]["partners"]
    card = render(spec_for(layouts["acara"], size, {**texts, "partners": partners}, pictures))
    before = next(d for d in without.drawn if d.name == "title")
    after = next(d for d in card.drawn if d.name == "title")
    assert after.truncated == before.truncated  # the partners never cut the title
    if "partners" not in card.omitted:
        assert not after.truncated
    assert {"status", "old_datetime", "datetime", "place"} <= {d.name for d in card.drawn}


def test_items_that_yield_make_way_last_first_and_are_reported(layouts, images):
    """Two yielding items and a title too long for the room: both go, named among the omitted."""
    section = {name: dict(element) for name, element in layouts["acara"].sizes["link"].items()}
    section["place"]["yields"] = True
    texts = {**texts_for("dijadwalkan-ulang"), "title": LONG, **SCENARIOS["mitra-panjang"]}
    spec = spec_for(layouts["acara"], "link", texts, {"logo": images["logo"]})
    card = render(type(spec)(spec.size, section, spec.texts, spec.images))
    assert {"partners", "place"} <= set(card.omitted)
    assert {"title", "status", "old_datetime", "datetime"} <= {d.name for d in card.drawn}
    shorter = render(type(spec)(spec.size, section, {**spec.texts, "title": "Diskusi Buku"}, spec.images))
    assert {"partners", "place"} <= {d.name for d in shorter.drawn}
