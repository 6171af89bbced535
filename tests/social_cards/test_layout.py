"""Layout files: every shipped one loads; a mistake stops the build naming the file and the key."""

from __future__ import annotations

import shutil

import pytest

from plugins._shared.errors import BuildStopped
from plugins.content_model.kinds import DEFAULT as _KINDS
from plugins.social_cards.colors import palette
from plugins.social_cards.layout import LISTING, SIZES, default_layout, load_layouts
from plugins.social_cards.settings import CardOptions, parse_options

from .conftest import COLORS, LAYOUTS_DIR

KINDS = _KINDS.posts


def test_every_layout_file_loads_with_every_size(layouts):
    """The shipped layouts pass their own checks and define all four sizes."""
    assert {"teks", "foto", "acara", "infografis", "koleksi-baru", "halaman"} <= set(layouts)
    for layout in layouts.values():
        assert set(layout.sizes) == set(SIZES)
        assert layout.description


def test_every_kind_has_one_default_layout_with_and_without_a_photo(layouts):
    """Each kind, pages and listings resolve to exactly one layout: each its own look."""
    for kind in ("acara", "tutorial", "literasi-digital", "pengumuman"):
        assert default_layout(layouts, kind, photo=True).name == kind
        assert default_layout(layouts, kind, photo=False).name == kind
    assert default_layout(layouts, "infografis", photo=True).name == "infografis"
    assert default_layout(layouts, "koleksi-baru", photo=True).name == "koleksi-baru"
    assert default_layout(layouts, "halaman", photo=True).name == "foto"
    assert default_layout(layouts, "halaman", photo=False).name == "halaman"
    assert default_layout(layouts, LISTING, photo=False).name == "daftar"
    named = {k for layout in layouts.values() for k in layout.default_for}
    assert set(KINDS) <= named and "*" in named


def test_colour_names_come_from_the_profile(layouts):
    """'primary' in a layout is the library's primary colour; -dark and -light are derived from it."""
    assert layouts["teks"].sizes["link"]["background"]["color"] == "#0b5d4b"
    names = palette(COLORS)
    assert names["accent"] == "#9c3d12" and names["primary-dark"] == "#062e26"


@pytest.fixture
def layout_copy(tmp_path):
    """A writable copy of theme/cards/ to break."""
    folder = tmp_path / "cards"
    shutil.copytree(LAYOUTS_DIR, folder)
    return folder


def load_error(folder) -> str:
    with pytest.raises(BuildStopped) as stopped:
        load_layouts(folder, palette(COLORS))
    return str(stopped.value)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "teks.toml",
            "size = [42, 72]",
            "sise = [42, 72]",
            "teks.toml: link.title.sise: kunci ini tidak dikenal",
        ),
        (
            "teks.toml",
            'color = "primary"',
            'color = "hijau"',
            "teks.toml: link.background.color: 'hijau' bukan warna",
        ),
        ("teks.toml", "box = [64, 160, 940, 420]", "box = [64, 160, 1200, 420]", "teks.toml: link.main.box"),
        ("teks.toml", "size = [42, 72]", "size = [72, 42]", "teks.toml: link.title.size"),
        (
            "teks.toml",
            'items = ["label", "title", "summary"]\ngap = 20',
            'items = ["label", "judul", "summary"]\ngap = 20',
            "teks.toml: link.main.items: 'judul' bukan elemen teks",
        ),
        (
            "teks.toml",
            "box = [160, 48, 760, 80]",
            "box = [100, 48, 760, 80]",
            "teks.toml: link.logo.box: bertumpuk dengan link.site",
        ),
        (
            "acara.toml",
            'extends = "foto"',
            'extends = "fotoo"',
            "acara.toml: extends: 'fotoo' bukan tata letak",
        ),
        ("teks.toml", 'type = "fill"', 'type = "isi"', "teks.toml: link.background.type"),
        ("teks.toml", "max_lines = 4", 'max_lines = "empat"', "teks.toml: link.title.max_lines"),
        (
            "infografis.toml",
            'fit = "contain"',
            'fit = "stretch"',
            "infografis.toml (mewarisi teks.toml): square.figure.fit",
        ),
        ("teks.toml", "description = ", "deskripsi = ", "teks.toml: deskripsi: kunci ini tidak dikenal"),
        (
            "teks.toml",
            'pill = "accent"',
            'pill = "primary-light"',
            "teks.toml: link.label.pill: kontras teks",
        ),
        (
            "acara.toml",
            'source = "month_year"\nbox = [816, 130, 288, 96]',
            'source = "month_year"\nyields = true\nbox = [816, 130, 288, 96]',
            "link.leaf_month.yields: yields hanya berlaku di dalam tumpukan",
        ),
    ],
)
def test_a_bad_layout_stops_the_build_naming_the_file_and_key(layout_copy, file, old, new, expected):
    """Each kind of mistake gets an Indonesian message with the file and the key."""
    edit(layout_copy / file, old, new)
    message = load_error(layout_copy)
    assert expected in message
    assert "theme/cards/README.md" in message


def test_a_file_that_is_not_toml_is_named(layout_copy):
    (layout_copy / "rusak.toml").write_text("[link\nx = ", encoding="utf-8")
    assert "theme/cards/rusak.toml: (berkas): bukan TOML yang sah" in load_error(layout_copy)


def test_layouts_extending_each_other_in_a_circle_are_refused(layout_copy):
    edit(layout_copy / "teks.toml", "photo = false", 'photo = false\nextends = "foto"')
    assert "saling mewarisi dalam lingkaran" in load_error(layout_copy)


def test_a_kind_without_a_default_layout_is_refused(layout_copy):
    edit(layout_copy / "tutorial.toml", 'default_for = ["tutorial"]', "default_for = []")
    edit(layout_copy / "teks.toml", 'default_for = ["*"]', "default_for = []")
    assert "belum ada tata letak bawaan untuk 'tutorial' tanpa foto" in load_error(layout_copy)


def test_two_default_layouts_for_one_kind_are_refused(layout_copy):
    edit(
        layout_copy / "infografis.toml",
        'default_for = ["infografis"]',
        'default_for = ["infografis", "acara"]',
    )
    assert "lebih dari satu tata letak bawaan untuk 'acara'" in load_error(layout_copy)


def test_a_text_too_short_for_one_line_is_refused(layout_copy):
    edit(layout_copy / "teks.toml", "box = [160, 48, 760, 80]", "box = [160, 48, 760, 20]")
    assert "link.site.box: terlalu pendek untuk satu baris" in load_error(layout_copy)


def test_social_cards_settings_default_when_left_out():
    assert parse_options(None) == CardOptions()
    assert parse_options({"jpeg_quality": 80}).jpeg_quality == 80


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"jpeg_quallity": 80}, "SOCIAL_CARDS['jpeg_quallity']: kunci ini tidak dikenal"),
        ({"max_bytes": "300 KB"}, "SOCIAL_CARDS['max_bytes']"),
        ({"workers": 0}, "SOCIAL_CARDS['workers']"),
        (["jpeg_quality"], "harus berupa kamus"),
    ],
)
def test_a_bad_social_cards_setting_stops_the_build(raw, expected):
    with pytest.raises(BuildStopped, match=expected.replace("[", r"\[").replace("]", r"\]")):
        parse_options(raw)
