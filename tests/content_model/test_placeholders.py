"""Placeholders `invoke new` writes are content problems until a person replaces them."""

from __future__ import annotations

import datetime as dt

from plugins.content_model.check import check_tree
from plugins.content_model.scaffold import BODY_PLACEHOLDER, create

from .conftest import WITA, write_post

POST = "pengumuman/2026-08-01-x.md"
NAME = "2026-08-01-x.md"
HEAD = """
    title: Judul
    date: 2026-08-01
    summary: Ringkas.
"""


def test_body_placeholder_is_reported_with_its_line(content, problems_of):
    write_post(content, POST, HEAD, body=f"## Isi\n\n{BODY_PLACEHOLDER}\n")
    assert problems_of() == [
        (
            NAME,
            "isi",
            "baris 9 masih berisi teks contoh dari 'invoke new' (\"Tulis isi tulisan di sini. Pakai "
            "'## ' untuk subjudul.\"), jadi tulisan ini belum punya isi.",
            "ganti baris 9 dengan isi tulisan.",
        )
    ]


def test_half_deleted_body_placeholder_still_counts(content, problems_of):
    write_post(content, POST, HEAD, body="Tulis isi tulisan di sini. Perpustakaan tutup.\n")
    assert [(p[1], p[3]) for p in problems_of()] == [("isi", "ganti baris 7 dengan isi tulisan.")]


def test_placeholder_value_is_reported_with_its_line(content, problems_of):
    """'summary: ...' (as the checker's own fixes write it) is not a summary."""
    write_post(
        content,
        POST,
        """
        title: Judul
        date: 2026-08-01
        summary: ...
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "summary",
            "baris 4: kolom ini masih berisi teks pengganti '...', bukan isi yang sebenarnya.",
            "ganti teks itu dengan ringkasan 1-2 kalimat (maks. 200 karakter), dipakai di daftar, "
            "kartu dan umpan.",
        )
    ]


def test_scaffold_comment_left_as_the_value(content, problems_of):
    """Deleting the '#' of a scaffold line leaves its comment as the value."""
    write_post(content, POST, HEAD + "    author: nama penulis (opsional)\n")
    assert problems_of() == [
        (
            NAME,
            "author",
            "baris 5: kolom ini masih berisi teks pengganti 'nama penulis (opsional)', bukan isi yang "
            "sebenarnya.",
            "ganti teks itu dengan nama penulis (opsional).",
        )
    ]


def test_required_comment_left_as_a_date_is_one_problem(content, problems_of):
    write_post(
        content,
        POST,
        """
        title: Judul
        date: wajib; tanggal terbit, TTTT-BB-HH JJ:MM (WITA); tulisan tampil mulai saat ini
        summary: Ringkas.
    """,
    )
    [(name, field, message, fix)] = problems_of()
    assert (field, message[:49]) == ("date", "baris 3: kolom ini masih berisi teks pengganti 'w")


def test_fresh_scaffold_reports_its_body_placeholder(tmp_path):
    """`invoke new` writes the placeholder the checker refuses: one definition, in scaffold.py."""
    path = create(tmp_path, "pengumuman", "Libur Hari Guru", dt.datetime(2026, 11, 28, 10, tzinfo=WITA))
    report = check_tree(tmp_path, WITA)
    body_line = path.read_text(encoding="utf-8").splitlines().index(BODY_PLACEHOLDER) + 1
    assert [(p.field, p.fix) for p in report.problems if p.field == "isi"] == [
        ("isi", f"ganti baris {body_line} dengan isi tulisan.")
    ]
