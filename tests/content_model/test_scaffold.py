"""`invoke new`: a scaffold with every field of its kind, which the checker understands."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from plugins.content_model.check import _SLUG, check_tree
from plugins.content_model.frontmatter import parse_document
from plugins.content_model.kinds import DEFAULT as _KINDS
from plugins.content_model.scaffold import ScaffoldError, create

from .conftest import WITA

KINDS = _KINDS.posts

NOW = dt.datetime(2026, 11, 28, 10, 30, tzinfo=WITA)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_scaffold_lists_every_field_with_a_comment(tmp_path, kind):
    """Each field of the kind is on its own line with an Indonesian comment."""
    path = create(tmp_path, kind, "Diskusi Buku Laskar Pelangi", NOW)
    assert path == tmp_path / kind / "2026-11-28-diskusi-buku-laskar-pelangi.md"
    header = path.read_text(encoding="utf-8").split("---")[1]
    lines = [line for line in header.splitlines() if line.strip()]
    assert [line.split(":")[0] for line in lines] == KINDS[kind].field_names
    assert all("  # " in line for line in lines)
    metadata = yaml.safe_load(header)
    assert metadata["title"] == "Diskusi Buku Laskar Pelangi"


def test_scaffold_problems_point_at_the_fields_left_to_fill(tmp_path):
    """A fresh event scaffold fails the check only on what a person must still write."""
    create(tmp_path, "acara", 'Diskusi: "Bumi Manusia"', NOW)
    report = check_tree(tmp_path, WITA)
    assert sorted(p.field for p in report.problems) == ["end", "isi", "place", "start", "summary"]
    entry = next(iter(report.entries.values()))
    assert entry.values["title"] == 'Diskusi: "Bumi Manusia"'
    assert entry.values["date"] == dt.datetime(2026, 11, 28, 10, 30, tzinfo=WITA)


def test_scaffold_never_overwrites(tmp_path):
    """Creating the same post twice is refused instead of losing the first."""
    create(tmp_path, "pengumuman", "Libur", NOW)
    with pytest.raises(ScaffoldError, match="sudah ada"):
        create(tmp_path, "pengumuman", "Libur", NOW)


def test_scaffold_refuses_unknown_kind(tmp_path):
    """An unknown kind is refused with the list of kinds."""
    with pytest.raises(ScaffoldError, match="koleksi-baru"):
        create(tmp_path, "berita", "Judul", NOW)


ROUND_TRIP_TITLES = [
    'Diskusi: "Bumi Manusia"',
    "Jum'at Berkah: 'Kopi' & Teh",
    "Tantangan Baca #1 # bukan komentar",
    "Dongeng 📚 untuk 👨‍👩‍👧 Keluarga",
    "-Mulai dari Tanda Hubung",
    "- Seperti Butir Daftar",
    "? Tanya: Jawab",
    "[Daftar] {Peta} | > * & ! % @ `",
    "Ya",
    "null",
    "Kopi_Susu__Gula",
    "日本 dan Привет",
]


@pytest.mark.parametrize("title", ROUND_TRIP_TITLES)
def test_scaffold_title_reads_back_exactly_and_its_slug_passes_the_check(tmp_path, title):
    """Quotes, colons, '#', emoji, a leading '-' or a YAML word: the header reads back
    the title as typed, and the file name's slug is one the checker accepts."""
    path = create(tmp_path, "acara", title, NOW)
    assert parse_document(path.read_text(encoding="utf-8")).metadata["title"] == title
    slug = path.stem.removeprefix("2026-11-28-")
    assert _SLUG.match(slug), slug
    report = check_tree(tmp_path, WITA)
    assert sorted(p.field for p in report.problems) == ["end", "isi", "place", "start", "summary"]
    assert next(iter(report.entries.values())).values["title"] == title


EXAMPLE = 'misalnya: invoke new acara "Diskusi Buku Laskar Pelangi"'
ONE_LINE = "Tulis judul pada satu baris saja"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Diskusi\nBuku", f"pindah baris atau karakter kendali yang tidak terlihat (U+000A). {ONE_LINE}"),
        ("Diskusi\r\nBuku", f"(U+000D). {ONE_LINE}"),
        ("Diskusi\u2028Buku", f"(U+2028). {ONE_LINE}"),
        ("Diskusi\u2029Buku", f"(U+2029). {ONE_LINE}"),
        ("Diskusi\u0085Buku", f"(U+0085). {ONE_LINE}"),
        ("Diskusi\tBuku", f"(U+0009). {ONE_LINE}"),
        ("Diskusi\x00Buku", f"(U+0000). {ONE_LINE}"),
        ("---", "judul '---' tidak memuat satu huruf pun. Tulis judul dengan kata-kata"),
        ("2026 #1 😀", "judul '2026 #1 😀' tidak memuat satu huruf pun"),
        ("   ", "judul tidak boleh kosong. Tulis judul di antara tanda kutip"),
        (
            "ꦥꦸꦱ꧀ꦠꦏ",
            "judul 'ꦥꦸꦱ꧀ꦠꦏ' tidak bisa dijadikan nama berkas dan alamat halaman: hurufnya tidak bisa "
            "dieja dengan huruf Latin. Tulis judul dengan huruf Latin",
        ),
    ],
)
def test_scaffold_refuses_a_title_it_cannot_write_or_name_a_file_after(tmp_path, title, expected):
    """Each refusal says what is wrong with the title and shows a command that works;
    no file is written."""
    with pytest.raises(ScaffoldError) as refused:
        create(tmp_path, "acara", title, NOW)
    message = str(refused.value)
    assert expected in message and EXAMPLE in message, message
    assert not list(tmp_path.rglob("*.md"))


def test_scaffold_advises_a_latin_title_then_any_script_in_the_title_field(tmp_path):
    """A title in Javanese script alone is refused with what to do instead."""
    with pytest.raises(ScaffoldError, match="kolom 'title' boleh diganti dengan aksara lain"):
        create(tmp_path, "acara", "ꦥꦸꦱ꧀ꦠꦏ", NOW)


@pytest.mark.parametrize("typed", ["Acara", "ACARA", " acara "])
def test_scaffold_takes_the_kind_in_any_letter_case(tmp_path, typed):
    """Staff type 'Acara' as readily as 'acara': the same kind, the same folder."""
    path = create(tmp_path, typed, "Diskusi Buku Laskar Pelangi", NOW)
    assert path == tmp_path / "acara" / "2026-11-28-diskusi-buku-laskar-pelangi.md"


def test_scaffold_writes_a_page_without_a_date(tmp_path):
    """The page kind: content/halaman/<slug>.md, its own fields, no date; only the body
    placeholder is left for the checker to point at."""
    path = create(tmp_path, "Halaman", "Tentang Kami", NOW)
    assert path == tmp_path / "halaman" / "tentang-kami.md"
    header = path.read_text(encoding="utf-8").split("---")[1]
    names = [line.split(":")[0] for line in header.splitlines() if line.strip()]
    assert names == _KINDS.page.field_names and "date" not in names
    report = check_tree(tmp_path, WITA)
    assert [p.field for p in report.problems] == ["isi"]


def test_scaffold_refuses_unknown_kind_listing_the_page_kind_too(tmp_path):
    with pytest.raises(ScaffoldError) as refused:
        create(tmp_path, "berita", "Judul", NOW)
    assert ", ".join([*KINDS, "halaman"]) in str(refused.value)
    assert EXAMPLE in str(refused.value)


def test_scaffold_uses_the_registry_it_is_given(tmp_path):
    """Kinds come from the registry passed in (CONTENT_KINDS), not from a fixed list."""
    from plugins.content_model.kinds import KindRegistry

    only_events = KindRegistry({"acara": KINDS["acara"]}, _KINDS.page)
    with pytest.raises(ScaffoldError, match="Pilih salah satu: acara, halaman;"):
        create(tmp_path, "tutorial", "Judul", NOW, kinds=only_events)
    assert create(tmp_path, "acara", "Judul", NOW, kinds=only_events).parent.name == "acara"
