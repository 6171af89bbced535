"""Partners (content/mitra/): their fields, events that name them, and the check across files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from plugins.content_model.check import check_tree
from plugins.content_model.facts import build_facts
from plugins.content_model.kinds import DEFAULT
from plugins.content_model.partners import partners_of
from plugins.content_model.presentation import PresentContext
from plugins.content_model.scaffold import create

from .conftest import WITA, write_post

SCHOOL = "mitra/sma-negeri-1-kotamobagu.md"
SCHOOL_FIELDS = """
    title: SMA Negeri 1 Kotamobagu
    partner_type: sekolah
    summary: Sekolah menengah atas negeri di Kotamobagu.
    logo: gambar/logo-sma.png
    logo_alt: Logo SMA Negeri 1 Kotamobagu
    website: https://sekolah.example.org/
"""
EVENT = "acara/2026-11-20-diskusi-buku.md"


def _name_partners(content: Path, *slugs: str) -> None:
    path = content / EVENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("event_status:", f"partners: [{', '.join(slugs)}]\nevent_status:", 1))


def _with_school(content: Path) -> Path:
    Image.new("RGB", (64, 64), "navy").save(content / "gambar" / "logo-sma.png")
    return write_post(content, SCHOOL, SCHOOL_FIELDS)


def _on(problems, name: str, field: str) -> list[tuple]:
    return [p for p in problems if p[0] == name and p[1] == field]


def test_an_event_naming_a_known_partner_passes(content, problems_of):
    _with_school(content)
    _name_partners(content, "sma-negeri-1-kotamobagu")
    assert problems_of() == []


def test_an_unknown_partner_is_named_with_the_nearest_slug_among_other_problems(content, problems_of):
    _with_school(content)
    _name_partners(content, "sma-negri-1-kotamobagu", "sanggar-tari-bogani")
    write_post(
        content, "pengumuman/2026-08-18-tanpa-ringkasan.md", "title: Tanpa Ringkasan\ndate: 2026-08-10"
    )
    problems = problems_of()
    unknown = _on(problems, "2026-11-20-diskusi-buku.md", "partners")
    assert len(unknown) == 2
    (_, _, message, fix), (_, _, other, other_fix) = unknown
    assert "'sma-negri-1-kotamobagu' tidak dikenal" in message
    assert "content/mitra/sma-negri-1-kotamobagu.md" in message
    assert "Mungkin maksudnya 'sma-negeri-1-kotamobagu'?" in message
    assert "ganti 'sma-negri-1-kotamobagu' dengan 'sma-negeri-1-kotamobagu'" in fix
    # No near name: the fix lists the partners there are, and how to add one.
    assert "'sanggar-tari-bogani' tidak dikenal" in other and "Mungkin" not in other
    assert "yang ada: sma-negeri-1-kotamobagu" in other_fix and 'invoke new mitra "' in other_fix
    # The same run reports the other file's problem too.
    assert _on(problems, "2026-08-18-tanpa-ringkasan.md", "summary")


def test_removing_a_partners_file_reports_the_events_that_name_it(content, problems_of):
    school = _with_school(content)
    _name_partners(content, "sma-negeri-1-kotamobagu")
    assert problems_of() == []
    school.unlink()
    problems = problems_of()
    assert [p[:2] for p in problems] == [("2026-11-20-diskusi-buku.md", "partners")]
    assert "'sma-negeri-1-kotamobagu' tidak dikenal" in problems[0][2]


def test_a_broken_partner_is_reported_on_itself_and_on_the_event(content, problems_of):
    _with_school(content)
    path = content / SCHOOL
    path.write_text(path.read_text(encoding="utf-8").replace("logo_alt: Logo SMA Negeri 1 Kotamobagu\n", ""))
    _name_partners(content, "sma-negeri-1-kotamobagu")
    problems = problems_of()
    assert "teks alternatif" in _on(problems, "sma-negeri-1-kotamobagu.md", "logo_alt")[0][2]
    on_event = _on(problems, "2026-11-20-diskusi-buku.md", "partners")
    assert len(on_event) == 1 and "content/mitra/sma-negeri-1-kotamobagu.md" in on_event[0][3]


def test_partner_fields_with_indonesian_names_are_pointed_to_their_real_names(content, problems_of):
    write_post(
        content,
        "mitra/komunitas-baca.md",
        "nama: Komunitas Baca\njenis: komunitas\ndeskripsi: Relawan baca.\nsitus: https://baca.example.org/",
    )
    fields = {p[1] for p in problems_of() if p[0] == "komunitas-baca.md"}
    assert fields == {"nama", "jenis", "deskripsi", "situs"}


def test_an_events_facts_carry_its_partners_for_page_card_and_captions(content):
    _with_school(content)
    _name_partners(content, "sma-negeri-1-kotamobagu")
    report = check_tree(content, WITA)
    entry = report.entry_for(content / EVENT)
    ctx = PresentContext("Perpustakaan Kota Kotamobagu", WITA, partners_of(report.entries.values()))
    facts = build_facts(entry.kind, entry.values, ctx)
    (school,) = facts.partners
    assert (school.name, school.url, school.label) == (
        "SMA Negeri 1 Kotamobagu",
        "mitra/sma-negeri-1-kotamobagu/",
        "Sekolah",
    )
    assert (school.logo, school.logo_alt, school.website) == (
        "gambar/logo-sma.png",
        "Logo SMA Negeri 1 Kotamobagu",
        "https://sekolah.example.org/",
    )
    assert facts.card_texts["partners"] == "Bersama SMA Negeri 1 Kotamobagu"
    assert "Mitra: SMA Negeri 1 Kotamobagu" in facts.caption_lines


def test_partners_are_pages_of_a_directory_not_posts():
    mitra = DEFAULT.get("mitra")
    assert mitra is not None and mitra.directory and mitra.as_partner is not None
    assert "mitra" not in DEFAULT.posts and "mitra" not in DEFAULT.folders  # no feed, no post listing
    assert DEFAULT.page_folders == ["halaman", "mitra"]


def test_invoke_new_mitra_writes_a_file_the_checker_reads_and_then_accepts(tmp_path):
    content = tmp_path / "content"
    path = create(content, "Mitra", "Komunitas Baca Mogolaing", dt.datetime(2026, 12, 1, 8, tzinfo=WITA))
    assert path == content / "mitra" / "komunitas-baca-mogolaing.md"  # no date: a partner is not news
    text = path.read_text(encoding="utf-8")
    assert "title: Komunitas Baca Mogolaing" in text and "partner_type:" in text and "date:" not in text
    fields = {p.field for p in check_tree(content, WITA).problems}
    assert fields == {"partner_type", "summary", "isi"}  # what only a person can fill in
    filled = (
        text.replace("partner_type:", "partner_type: komunitas", 1)
        .replace("summary:", "summary: Relawan baca di Mogolaing.", 1)
        .split("---\n\n")[0]
        + "---\n\nKomunitas ini membuka lapak baca setiap Minggu pagi.\n"
    )
    path.write_text(filled, encoding="utf-8")
    assert check_tree(content, WITA).problems == []


def test_a_remembered_check_of_the_event_cannot_hide_a_partner_removed_since(content, tmp_path):
    from plugins.content_model.check import project_settings

    settings = {**project_settings(), "CACHE_PATH": str(tmp_path / "cache")}  # each file's check kept

    def partner_problems() -> list[str]:
        return [
            p.message for p in check_tree(content, WITA, settings=settings).problems if p.field == "partners"
        ]

    school = _with_school(content)
    _name_partners(content, "sma-negeri-1-kotamobagu")
    assert partner_problems() == []
    kept = school.read_text(encoding="utf-8")
    school.unlink()  # the event's file is unchanged: its own check comes from the cache
    assert len(partner_problems()) == 1
    school.write_text(kept, encoding="utf-8")
    assert partner_problems() == []
