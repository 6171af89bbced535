"""A YAML mistake names its line in Indonesian and hides no other problem of the file."""

from __future__ import annotations

from .conftest import write_post

POST = "pengumuman/2026-08-01-x.md"
NAME = "2026-08-01-x.md"


def test_unquoted_colon_is_reported_with_every_other_problem_of_the_file(content, problems_of):
    """The colon in the title is one problem; the bad date, the unknown field and the missing
    summary below it are reported in the same run (the line numbers are the file's)."""
    write_post(
        content,
        POST,
        """
        title: Bedah Buku: Ronggeng Dukuh Paruk
        date: 2026-31-12
        tagar: [BedahBuku]
    """,
    )
    assert sorted(problems_of()) == sorted(
        [
            (
                NAME,
                "title",
                "baris 2: kolom 'title' memuat tanda ': ' (titik dua lalu spasi) di dalam nilainya, "
                "yang terbaca sebagai awal kolom baru.",
                'beri tanda kutip pada seluruh nilainya: title: "Bedah Buku: Ronggeng Dukuh Paruk"',
            ),
            (
                NAME,
                "date",
                "baris 3: '2026-31-12' bukan tanggal yang sah.",
                "tulis tanggal dengan format TTTT-BB-HH atau TTTT-BB-HH JJ:MM, misalnya 2026-12-05 "
                "09:00 (jam dalam WITA).",
            ),
            (
                NAME,
                "tagar",
                "kolom 'tagar' tidak dikenal; nama kolom ditulis dalam bahasa Inggris: untuk ini pakai "
                "'hashtags' (tagar tanpa tanda #, satu kata tanpa spasi, misalnya LiterasiDigital).",
                "ganti nama kolom 'tagar' menjadi 'hashtags'.",
            ),
            (
                NAME,
                "summary",
                "kolom wajib untuk pengumuman ini belum ada.",
                "tambahkan baris 'summary: ...' (ringkasan 1-2 kalimat (maks. 200 karakter), dipakai "
                "di daftar, kartu dan umpan).",
            ),
        ]
    )


def test_colon_in_a_value_continued_on_the_next_line_names_the_line_where_it_starts(content, problems_of):
    """PyYAML points after the colon (line 3); staff must edit the value, which starts on line 2."""
    write_post(
        content,
        POST,
        """
        title: Bedah Buku
          Ronggeng: Dukuh Paruk
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "title",
            "baris 2: kolom 'title' memuat tanda ': ' (titik dua lalu spasi) di dalam nilainya, "
            "yang terbaca sebagai awal kolom baru.",
            "beri tanda kutip pada seluruh nilainya pada satu baris: title: "
            '"Bedah Buku Ronggeng: Dukuh Paruk"',
        )
    ]


def test_hash_in_a_title_that_yaml_cuts_silently(content, problems_of):
    """'#1' after a space is a comment to YAML, which keeps 'Tantangan Baca' without a word."""
    write_post(
        content,
        POST,
        """
        title: Tantangan Baca #1
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "title",
            "baris 2: tanda '#' tanpa tanda kutip dibaca sebagai awal komentar, sehingga '#1' "
            "terbuang; yang terbaca hanya 'Tantangan Baca'.",
            'beri tanda kutip pada seluruh nilainya: title: "Tantangan Baca #1"',
        )
    ]


def test_hashtags_written_with_hash_signs_are_not_lost(content, problems_of):
    """`hashtags: #A #B` is all comment to YAML: no tags at all, and no word said. Now: the list form."""
    write_post(
        content,
        POST,
        """
        title: Judul
        date: 2026-08-01
        summary: Ringkas.
        hashtags: #BedahBuku #Ronggeng
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "hashtags",
            "baris 5: tanda '#' tanpa tanda kutip dibaca sebagai awal komentar, sehingga "
            "'#BedahBuku #Ronggeng' terbuang; seluruh nilainya dibaca sebagai komentar, jadi "
            "kolomnya kosong.",
            "tulis tagar tanpa tanda #, sebagai daftar: hashtags: [BedahBuku, Ronggeng]",
        )
    ]


def test_hash_inside_brackets_names_the_line_of_the_list(content, problems_of):
    write_post(
        content,
        POST,
        """
        title: Judul
        date: 2026-08-01
        hashtags: [BedahBuku, #Ronggeng]
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "hashtags",
            "baris 4: tanda '#' di dalam [ ] dibaca sebagai awal komentar, sehingga sisa baris "
            "(termasuk ']') terbuang.",
            "tulis tagar tanpa tanda #, misalnya hashtags: [BedahBuku, Ronggeng]; teks lain yang "
            "memuat '#' diberi tanda kutip.",
        )
    ]


def test_scaffold_comments_are_not_taken_for_cut_values(content, problems_of):
    """'  # wajib; ...' is how `invoke new` writes comments: a '#' then a space is a comment."""
    write_post(
        content,
        POST,
        """
        title: Judul  # wajib; judul tulisan
        date: 2026-08-01  # wajib; tanggal terbit
        summary: Ringkas.
        hashtags: [BedahBuku, "#Ronggeng"]  # tagar
    """,
    )
    assert problems_of() == []


def test_tab_before_a_field(content, problems_of):
    """A tab-indented field is named on its own line and still read (no 'date missing')."""
    write_post(content, POST, "title: Judul\n\tdate: 2026-08-01\nsummary: Ringkas.")
    assert problems_of() == [
        (
            NAME,
            "date",
            "baris 3 diawali karakter tab, sehingga kolom 'date' terbaca sebagai bagian dari kolom "
            "di atasnya.",
            "hapus karakter tab di awal baris 3: setiap kolom ditulis mulai dari tepi kiri.",
        )
    ]


def test_tab_after_the_colon(content, problems_of):
    write_post(content, POST, "title:\tJudul\ndate: 2026-08-01\nsummary: Ringkas.")
    assert problems_of() == [
        (
            NAME,
            "title",
            "baris 2 memakai karakter tab, yang tidak boleh ada di bagian keterangan.",
            "hapus tab di baris 2 dan pakai spasi untuk menjorok (atau tanpa jorokan untuk nama kolom).",
        )
    ]


def test_unclosed_quote_is_named_where_it_opens_and_the_rest_is_read(content, problems_of):
    """PyYAML reports the end of the header; the quote to close is on line 3.
    The fields after it are still read: the bad date on line 4 is reported too."""
    write_post(
        content,
        POST,
        """
        title: Judul
        summary: "Perpustakaan tutup
        date: 2026-02-30
    """,
    )
    assert sorted(problems_of()) == [
        (
            NAME,
            "date",
            "baris 4: '2026-02-30' bukan tanggal yang sah.",
            "tulis tanggal dengan format TTTT-BB-HH atau TTTT-BB-HH JJ:MM, misalnya 2026-12-05 "
            "09:00 (jam dalam WITA).",
        ),
        (
            NAME,
            "summary",
            "tanda kutip yang dibuka di baris 3 belum ditutup, jadi semua baris sesudahnya ikut "
            "terbaca sebagai nilainya.",
            "tambahkan tanda kutip penutup di akhir nilai pada baris 3.",
        ),
    ]


def test_field_indented_with_spaces(content, problems_of):
    write_post(
        content,
        POST,
        """
        title: Judul
          date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "date",
            "baris 3 diawali spasi, sehingga kolom 'date' terbaca sebagai bagian dari kolom di atasnya.",
            "hapus spasi di awal baris 3: setiap kolom ditulis mulai dari tepi kiri.",
        )
    ]


def test_list_items_out_of_line(content, problems_of):
    write_post(
        content,
        "tutorial/2026-08-01-x.md",
        """
        title: Judul
        date: 2026-08-01
        summary: Ringkas.
        steps:
          - Buka aplikasi.
         - Masuk.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "steps",
            "baris 7 tidak sejajar dengan baris di atasnya (jorokannya salah).",
            "tulis nama kolom mulai dari tepi kiri, dan setiap butir daftar ('- ') dengan jumlah "
            "spasi yang sama di depannya.",
        )
    ]


def test_duplicate_key_names_both_lines_and_the_rest_is_checked(content, problems_of):
    write_post(
        content,
        POST,
        """
        title: Satu
        date: 2026-08-01
        title: Dua
        sumary: Ringkas.
    """,
    )
    assert sorted(problems_of()) == [
        (
            NAME,
            "sumary",
            "kolom 'sumary' tidak dikenal; mungkin salah ketik untuk 'summary' (ringkasan 1-2 "
            "kalimat (maks. 200 karakter), dipakai di daftar, kartu dan umpan).",
            "ganti nama kolom 'sumary' menjadi 'summary'.",
        ),
        (
            NAME,
            "title",
            "kolom 'title' ditulis dua kali (baris 2 dan 4).",
            "hapus salah satunya; simpan satu baris 'title: ...' saja.",
        ),
    ]


def test_value_starting_with_a_yaml_sign(content, problems_of):
    write_post(
        content,
        POST,
        """
        title: @perpustakaan_kotamobagu menyapa
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "title",
            "baris 2: nilai kolom 'title' diawali atau memuat tanda '@' yang punya arti khusus di "
            "YAML, jadi tidak terbaca sebagai teks.",
            'beri tanda kutip pada seluruh nilainya: title: "@perpustakaan_kotamobagu menyapa"',
        )
    ]


def test_backslash_in_double_quotes(content, problems_of):
    write_post(
        content,
        POST,
        r"""
        title: Judul
        date: 2026-08-01
        summary: Ringkas.
        image: "content\gambar\foto.jpg"
        image_alt: Foto.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "image",
            "baris 5: garis miring terbalik (\\) di dalam tanda kutip ganda dibaca sebagai kode "
            "khusus, jadi nilainya tidak bisa dibaca.",
            "pakai garis miring biasa (/) untuk lokasi berkas, atau ganti tanda kutip ganda dengan "
            "tanda kutip tunggal ('...').",
        )
    ]


def test_line_that_is_not_a_field(content, problems_of):
    write_post(
        content,
        POST,
        """
        title: Judul
        Ronggeng Dukuh Paruk
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            None,
            "baris 3 tidak berbentuk 'nama: nilai', jadi tidak bisa dibaca.",
            "bila baris itu lanjutan nilai di atasnya, tulis nilainya pada satu baris; bila bukan, "
            "tambahkan nama kolom dan ': ' di depannya, atau hapus baris itu.",
        )
    ]


def test_block_text_keeps_its_hash_and_colons(content, problems_of):
    """Inside 'transcript: |' a '#' or ': ' is text, never a comment or a field."""
    write_post(
        content,
        "infografis/2026-08-01-x.md",
        """
        title: Judul
        date: 2026-08-01
        summary: Ringkas.
        image: gambar/foto.jpg
        image_alt: Infografis.
        transcript: |
          Jam layanan: 08.00 #JamBaru
          - Senin #1
    """,
    )
    assert problems_of() == []
