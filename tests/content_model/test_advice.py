"""Advice that fixes: the list form of hashtags, the field meant, the exact path to write."""

from __future__ import annotations

from .conftest import write_post

POST = "pengumuman/2026-08-01-x.md"
NAME = "2026-08-01-x.md"
HEAD = """
    title: Judul
    date: 2026-08-01
    summary: Ringkas.
"""


def test_several_hashtags_in_one_quoted_text_get_the_list_form(content, problems_of):
    """Never the one glued tag 'BedahBukuRonggeng'."""
    write_post(content, POST, HEAD + '    hashtags: "#BedahBuku #Ronggeng"\n')
    assert problems_of() == [
        (
            NAME,
            "hashtags",
            "baris 5: tagar '#BedahBuku #Ronggeng' ditulis sebagai satu teks, jadi terbaca sebagai "
            "satu tagar.",
            "tulis setiap tagar tanpa tanda #, sebagai daftar: hashtags: [BedahBuku, Ronggeng]",
        )
    ]


def test_hashtags_separated_by_commas_get_the_list_form(content, problems_of):
    write_post(content, POST, HEAD + "    hashtags: BedahBuku, Ronggeng\n")
    assert (
        problems_of()[0][3]
        == "tulis setiap tagar tanpa tanda #, sebagai daftar: hashtags: [BedahBuku, Ronggeng]"
    )


def test_a_tag_with_a_space_offers_one_word_or_the_list(content, problems_of):
    """'Literasi Digital' may be one tag or two: both fixes are given."""
    write_post(content, POST, HEAD + "    hashtags: Literasi Digital\n")
    assert problems_of()[0][3] == (
        "tulis sebagai satu kata: 'LiterasiDigital'; bila maksudnya beberapa tagar, tulis "
        "sebagai daftar: hashtags: [Literasi, Digital]."
    )


def test_indonesian_field_name_is_matched_to_its_field(content, problems_of):
    """`tempat` is `place`: one guess, never the list of every field."""
    write_post(
        content,
        "acara/2026-08-01-x.md",
        HEAD
        + """
        start: 2026-08-17 08:00
        end: 2026-08-17 10:00
        tempat: Aula Lantai 2
    """.replace("\n        ", "\n    "),
    )
    assert problems_of() == [
        (
            NAME,
            "tempat",
            "kolom 'tempat' tidak dikenal; nama kolom ditulis dalam bahasa Inggris: untuk ini pakai "
            "'place' (tempat acara; kosongkan bila hanya daring).",
            "ganti nama kolom 'tempat' menjadi 'place'.",
        )
    ]


def test_indonesian_names_and_near_spellings(content, problems_of):
    """judul, tanggal, ringkasan (all required) and a misspelt 'pendaftran': each reported once,
    on the name written, with the field it should be; no 'missing field' besides."""
    write_post(
        content,
        "acara/2026-08-01-x.md",
        """
        judul: Bedah Buku
        tanggal: 2026-08-01
        ringkasan: Ringkas.
        mulai: 2026-08-17 08:00
        selesai: 2026-08-17 10:00
        place: Aula
        pendaftran: https://forms.example.org/daftar
        status_acara: terjadwal
    """,
    )
    got = {field: fix for _, field, _, fix in problems_of()}
    assert got == {
        "judul": "ganti nama kolom 'judul' menjadi 'title'.",
        "tanggal": "ganti nama kolom 'tanggal' menjadi 'date'.",
        "ringkasan": "ganti nama kolom 'ringkasan' menjadi 'summary'.",
        "mulai": "ganti nama kolom 'mulai' menjadi 'start'.",
        "selesai": "ganti nama kolom 'selesai' menjadi 'end'.",
        "pendaftran": "ganti nama kolom 'pendaftran' menjadi 'registration_url'.",
        "status_acara": "ganti nama kolom 'status_acara' menjadi 'event_status'.",
    }


def test_typo_of_a_required_field_is_one_problem(content, problems_of):
    write_post(
        content,
        POST,
        """
        tittle: Judul
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert problems_of() == [
        (
            NAME,
            "tittle",
            "kolom 'tittle' tidak dikenal; mungkin salah ketik untuk 'title' (judul tulisan).",
            "ganti nama kolom 'tittle' menjadi 'title'.",
        )
    ]


def test_indonesian_name_of_a_field_the_kind_lacks_points_at_a_fresh_scaffold(content, problems_of):
    """An announcement has no place: no guess, and no list of 22 English names."""
    write_post(content, POST, HEAD + "    tempat: Aula\n")
    assert problems_of() == [
        (
            NAME,
            "tempat",
            "kolom 'tempat' tidak dikenal untuk pengumuman.",
            "hapus baris ini, atau lihat nama kolom yang benar di berkas baru dari "
            "'invoke new pengumuman \"Judul\"' (nama kolom ditulis dalam bahasa Inggris).",
        )
    ]


def test_backslash_image_path_gets_the_form_to_write(content, problems_of):
    write_post(content, POST, HEAD + "    image: content\\gambar\\foto.jpg\n    image_alt: Foto.\n")
    assert problems_of() == [
        (
            NAME,
            "image",
            "baris 5: lokasi 'content\\gambar\\foto.jpg' memakai garis miring terbalik (\\) dan diawali "
            "'content/', padahal lokasi ditulis dari dalam folder content/, jadi gambarnya tidak "
            "ditemukan.",
            "tulis lokasinya sebagai gambar/foto.jpg.",
        )
    ]


def test_content_prefix_and_backslash_alone(content, problems_of):
    write_post(
        content,
        POST,
        HEAD + "    image: content/gambar/foto.jpg\n    image_alt: Foto.\n"
        "    card_background: gambar\\foto.jpg\n",
    )
    assert sorted(problems_of()) == [
        (
            NAME,
            "card_background",
            "baris 7: lokasi 'gambar\\foto.jpg' memakai garis miring terbalik (\\), jadi gambarnya "
            "tidak ditemukan.",
            "tulis lokasinya sebagai gambar/foto.jpg.",
        ),
        (
            NAME,
            "image",
            "baris 5: lokasi 'content/gambar/foto.jpg' diawali 'content/', padahal lokasi ditulis dari dalam "
            "folder content/, jadi gambarnya tidak ditemukan.",
            "tulis lokasinya sebagai gambar/foto.jpg.",
        ),
    ]


def test_corrected_path_of_a_missing_file_also_says_where_to_save_it(content, problems_of):
    write_post(content, POST, HEAD + "    image: content/gambar/tidak-ada.jpg\n    image_alt: Foto.\n")
    assert problems_of()[0][3] == (
        "tulis lokasinya sebagai gambar/tidak-ada.jpg, dan pastikan berkasnya tersimpan di "
        "content/gambar/tidak-ada.jpg."
    )


def test_body_images_with_backslashes_or_content_prefix(content, problems_of):
    write_post(
        content,
        POST,
        HEAD,
        body=(
            "## Isi\n\n"
            "![Peserta membaca](content\\gambar\\foto.jpg)\n\n"
            "![Rak buku]({static}/content/gambar/foto.jpg)\n"
        ),
    )
    assert problems_of() == [
        (
            NAME,
            "isi",
            "gambar 'content\\gambar\\foto.jpg' di baris 9: lokasinya memakai garis miring terbalik "
            "(\\) dan diawali 'content/', padahal lokasi ditulis dari dalam folder content/, jadi "
            "gambarnya tidak ditemukan.",
            "tulis lokasinya sebagai ![Peserta membaca](gambar/foto.jpg).",
        ),
        (
            NAME,
            "isi",
            "gambar '{static}/content/gambar/foto.jpg' di baris 11: lokasinya diawali 'content/', "
            "padahal lokasi ditulis dari dalam folder content/, jadi gambarnya tidak ditemukan.",
            "tulis lokasinya sebagai ![Rak buku]({static}/gambar/foto.jpg).",
        ),
    ]
