"""A throw-away content tree for checking posts one mistake at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from plugins.content_model.check import check_tree

WITA = ZoneInfo("Asia/Makassar")

GOOD_POSTS = {
    "acara/2026-11-20-diskusi-buku.md": """
        title: Diskusi Buku "Laskar Pelangi" & Kopi
        date: 2026-11-20 10:00
        summary: Membahas novel Laskar Pelangi bersama komunitas pembaca.
        image: gambar/foto.jpg
        image_alt: Peserta duduk melingkar sambil memegang novel.
        hashtags: [DiskusiBuku, "#KotamobaguMembaca"]
        start: 2026-12-05 09:00
        end: 2026-12-05 11:00
        place: Ruang Diskusi Lantai 2
        registration_url: https://forms.example.org/daftar
        event_status: terjadwal
    """,
    "tutorial/2026-10-01-pinjam-ebook.md": """
        title: Cara Meminjam E-book
        date: 2026-10-01
        summary: Langkah meminjam e-book dari aplikasi perpustakaan.
        steps:
          - Buka aplikasi.
          - Masuk dengan nomor anggota.
        video_url: https://video.example.org/tutorial
    """,
    "infografis/2026-09-01-jam-layanan.md": """
        title: Jam Layanan Baru
        date: 2026-09-01 08:00
        summary: Jam layanan perpustakaan mulai September.
        image: gambar/foto.jpg
        image_alt: Infografis jam layanan.
        transcript: |
          Jam layanan baru.
          Senin sampai Kamis 08.00-16.00.
    """,
    "literasi-digital/2026-08-01-kata-sandi.md": """
        title: Kata Sandi yang Kuat
        date: 2026-08-01
        summary: Tips membuat kata sandi yang sulit ditebak.
        series: Aman di Internet
        series_part: 2
    """,
    "pengumuman/2026-08-17-libur.md": """
        title: Libur Hari Kemerdekaan
        date: 2026-08-10
        summary: Perpustakaan tutup pada 17 Agustus.
    """,
    "koleksi-baru/2026-11-01-laskar-pelangi.md": """
        title: "Koleksi Baru: Laskar Pelangi"
        date: 2026-11-01
        summary: Novel Andrea Hirata kini tersedia.
        book_title: Laskar Pelangi
        book_author: Andrea Hirata
        isbn: 979-3062-79-7
        call_number: 899.221 3 HIR l
        catalogue_url: https://katalog.example.org/buku/1
        publisher: Bentang Pustaka
        year: 2005
    """,
    "halaman/tentang.md": """
        title: Tentang Perpustakaan
        template: tentang
    """,
}


def write_post(content: Path, relative: str, front_matter: str, body: str = "## Isi\n\nTeks.\n"):
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    header = textwrap.dedent(front_matter).strip("\n")
    path.write_text(f"---\n{header}\n---\n\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path) -> Path:
    """A content tree holding one good post of each kind and one image."""
    root = tmp_path / "content"
    (root / "gambar").mkdir(parents=True)
    Image.new("RGB", (40, 30), "green").save(root / "gambar" / "foto.jpg")
    for relative, front_matter in GOOD_POSTS.items():
        write_post(root, relative, front_matter)
    return root


@pytest.fixture
def problems_of(content):
    """Check the tree and return its problems as (file name, field, message, fix)."""

    def run():
        report = check_tree(content, WITA)
        return [(Path(p.path).name, p.field, p.message, p.fix) for p in report.problems]

    return run
