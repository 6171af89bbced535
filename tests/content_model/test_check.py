"""The checker: a good tree passes, and each kind of mistake gets a clear message."""

from __future__ import annotations

import datetime as dt

from plugins.content_model.check import check_tree

from .conftest import WITA, write_post


def test_good_posts_of_every_kind_have_no_problems(problems_of):
    """One valid post per kind (and the about page) passes without a problem."""
    assert problems_of() == []


def test_good_event_gets_typed_fields(content):
    """Dates become aware WITA datetimes and hashtags lose their '#'."""
    entry = check_tree(content, WITA).entry_for(content / "acara/2026-11-20-diskusi-buku.md")
    assert entry.kind.slug == "acara"
    assert entry.slug == "diskusi-buku"
    assert entry.values["start"] == dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA)
    assert entry.values["start"].utcoffset() == dt.timedelta(hours=8)
    assert entry.values["hashtags"] == ["DiskusiBuku", "KotamobaguMembaca"]
    assert entry.values["title"] == 'Diskusi Buku "Laskar Pelangi" & Kopi'


def test_book_isbn_is_normalised(content):
    """An ISBN written with hyphens is stored as digits."""
    entry = check_tree(content, WITA).entry_for(content / "koleksi-baru/2026-11-01-laskar-pelangi.md")
    assert entry.values["isbn"] == "9793062797"


def _only(problems):
    assert len(problems) == 1, problems
    return problems[0]


def test_missing_alt_text(content, problems_of):
    """An image without image_alt names the field and asks for a description."""
    write_post(
        content,
        "pengumuman/2026-08-01-foto.md",
        """
        title: Foto
        date: 2026-08-01
        summary: Ringkas.
        image: gambar/foto.jpg
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert (name, field) == ("2026-08-01-foto.md", "image_alt")
    assert "teks alternatif" in message
    assert "image_alt" in fix


def test_date_that_is_not_a_date(content, problems_of):
    """A date in the wrong form is named, with the expected form as the fix."""
    write_post(
        content,
        "pengumuman/2026-08-01-tanggal.md",
        """
        title: Tanggal
        date: 31-12-2026
        summary: Ringkas.
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "date"
    assert "'31-12-2026' bukan tanggal" in message
    assert "TTTT-BB-HH" in fix


def test_impossible_calendar_date(content, problems_of):
    """February 30th is refused even though it has the right shape."""
    write_post(
        content,
        "pengumuman/2026-08-01-februari.md",
        """
        title: Februari
        date: 2026-02-30
        summary: Ringkas.
    """,
    )
    assert _only(problems_of())[1] == "date"


def test_unknown_kind_folder_suggests_the_closest(content, problems_of):
    """A post in a misspelt folder is reported with the folder it probably meant."""
    write_post(content, "acra/2026-08-01-x.md", "title: X\ndate: 2026-08-01\nsummary: S.")
    name, field, message, fix = _only(problems_of())
    assert field is None
    assert "'acra' bukan jenis konten" in message and "'acara'" in message
    assert "koleksi-baru" in fix


def test_image_file_that_does_not_exist(content, problems_of):
    """A missing image file is named with its path."""
    write_post(
        content,
        "pengumuman/2026-08-01-hilang.md",
        """
        title: Hilang
        date: 2026-08-01
        summary: Ringkas.
        image: gambar/tidak-ada.jpg
        image_alt: Sesuatu.
    """,
    )
    name, field, message, _ = _only(problems_of())
    assert field == "image"
    assert "gambar/tidak-ada.jpg" in message and "tidak ditemukan" in message


def test_duplicate_slug_in_one_kind(content, problems_of):
    """Two files that would share one URL are both named."""
    write_post(
        content,
        "pengumuman/2026-09-01-libur-lagi.md",
        """
        title: Libur Lagi
        date: 2026-09-01
        summary: Ringkas.
        slug: tutup
    """,
    )
    write_post(
        content,
        "pengumuman/2026-09-02-tutup.md",
        """
        title: Libur Lagi Lagi
        date: 2026-09-02
        summary: Ringkas.
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "slug"
    assert "'tutup' sudah dipakai" in message
    assert "content/pengumuman/2026-09-01-libur-lagi.md" in message


def test_same_slug_in_different_kinds_is_fine(content, problems_of):
    """Kinds have their own URL folder, so a slug may repeat across kinds."""
    write_post(
        content,
        "acara/2026-08-10-libur.md",
        """
        title: Acara Libur
        date: 2026-08-10
        summary: Ringkas.
        start: 2026-08-17 08:00
        end: 2026-08-17 10:00
        place: Lapangan
    """,
    )
    assert problems_of() == []


def test_unknown_field_that_is_probably_a_typo(content, problems_of):
    """A misspelt field name is reported with the field it probably meant."""
    write_post(
        content,
        "pengumuman/2026-08-01-typo.md",
        """
        title: Typo
        date: 2026-08-01
        sumary: Ringkas.
    """,
    )
    problems = problems_of()
    typo = next(p for p in problems if p[1] == "sumary")
    assert "salah ketik untuk 'summary'" in typo[2]
    # One mistake, one problem: the missing 'summary' is the misspelling, not reported again.
    assert not any(p[1] == "summary" for p in problems)


def test_field_of_another_kind_is_unknown(content, problems_of):
    """An event-only field on an announcement is refused, pointing at a fresh scaffold."""
    write_post(
        content,
        "pengumuman/2026-08-01-x.md",
        """
        title: X
        date: 2026-08-01
        summary: Ringkas.
        transcript: Teks.
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "transcript" and "tidak dikenal" in message
    assert "invoke new pengumuman" in fix and "summary" not in fix


def test_yaml_syntax_error_names_the_line(content, problems_of):
    """Broken YAML is reported with its line in the file, not silently skipped."""
    write_post(
        content,
        "pengumuman/2026-08-01-yaml.md",
        """
        title: Judul
        date: 2026-08-01
        summary: [tidak ditutup
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "summary"
    assert "daftar yang dibuka di baris 4 belum ditutup dengan ']'" in message
    assert "di akhir baris 4" in fix


def test_colon_inside_a_value_is_explained_in_indonesian(content, problems_of):
    """The commonest YAML slip, an unquoted colon, is explained in Indonesian."""
    write_post(
        content,
        "pengumuman/2026-08-01-titik-dua.md",
        """
        title: Koleksi Baru: Hujan
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "title" and message.startswith("baris 2: ")
    assert fix == 'beri tanda kutip pada seluruh nilainya: title: "Koleksi Baru: Hujan"'


def test_key_written_twice(content, problems_of):
    """A field written twice is an error (YAML would silently keep the last)."""
    write_post(
        content,
        "pengumuman/2026-08-01-dua.md",
        """
        title: Satu
        title: Dua
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert "ditulis dua kali" in _only(problems_of())[2]


def test_missing_front_matter(content, problems_of):
    """A file without front matter is reported with how to start one."""
    (content / "pengumuman" / "2026-08-01-polos.md").write_text("Hanya teks.\n", encoding="utf-8")
    name, field, message, fix = _only(problems_of())
    assert "front matter" in message and "invoke new" in fix


def test_file_not_in_utf8(content, problems_of):
    """A file in another encoding is named, with how to re-save it."""
    (content / "pengumuman" / "2026-08-01-latin.md").write_bytes(
        "---\ntitle: Caf\xe9\n---\n".encode("latin-1")
    )
    assert "UTF-8" in _only(problems_of())[2]


def test_file_that_is_not_markdown(content, problems_of):
    """A .txt file in a kind folder would be ignored by the build, so it is reported."""
    (content / "acara" / "catatan.txt").write_text("x", encoding="utf-8")
    assert ".md" in _only(problems_of())[2]


def test_hashtag_with_space_or_hyphen(content, problems_of):
    """A hashtag that would not be clickable gets a CamelCase suggestion."""
    write_post(
        content,
        "pengumuman/2026-08-01-tagar.md",
        """
        title: Tagar
        date: 2026-08-01
        summary: Ringkas.
        hashtags: [literasi-digital]
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "hashtags" and "'LiterasiDigital'" in fix


def test_isbn_with_wrong_check_digit(content, problems_of):
    """An ISBN whose check digit is wrong is refused."""
    write_post(
        content,
        "koleksi-baru/2026-08-01-buku.md",
        """
        title: Buku
        date: 2026-08-01
        summary: Ringkas.
        book_title: Buku
        book_author: Penulis
        isbn: 979-3062-79-8
        call_number: 899 ABC b
        catalogue_url: https://katalog.example.org/1
    """,
    )
    assert _only(problems_of())[1] == "isbn"


def test_event_that_ends_before_it_starts(content, problems_of):
    """An end time not after the start time is named on 'end'."""
    write_post(
        content,
        "acara/2026-08-01-terbalik.md",
        """
        title: Terbalik
        date: 2026-08-01
        summary: Ringkas.
        start: 2026-12-05 11:00
        end: 2026-12-05 09:00
        place: Aula
    """,
    )
    assert _only(problems_of())[1] == "end"


def test_event_without_place_or_online_link(content, problems_of):
    """An event needs somewhere to happen."""
    write_post(
        content,
        "acara/2026-08-01-dimana.md",
        """
        title: Di Mana
        date: 2026-08-01
        summary: Ringkas.
        start: 2026-12-05 09:00
        end: 2026-12-05 10:00
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "place" and "online_url" in fix


def test_event_with_unknown_status(content, problems_of):
    """Event status must be one of the known values, which the fix lists."""
    write_post(
        content,
        "acara/2026-08-01-status.md",
        """
        title: Status
        date: 2026-08-01
        summary: Ringkas.
        start: 2026-12-05 09:00
        end: 2026-12-05 10:00
        place: Aula
        event_status: batal
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "event_status" and "dibatalkan" in fix


def test_tutorial_without_steps_or_video(content, problems_of):
    """A tutorial must teach something: steps or a video."""
    write_post(
        content,
        "tutorial/2026-08-01-kosong.md",
        """
        title: Kosong
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    assert _only(problems_of())[1] == "steps"


def test_infographic_without_image_or_transcript(content, problems_of):
    """An infographic needs both its picture and its full text."""
    write_post(
        content,
        "infografis/2026-08-01-tanpa.md",
        """
        title: Tanpa
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    fields = sorted(p[1] for p in problems_of())
    assert fields == ["image", "transcript"]


def test_invalid_url(content, problems_of):
    """A link without https:// is refused."""
    write_post(
        content,
        "tutorial/2026-08-01-url.md",
        """
        title: URL
        date: 2026-08-01
        summary: Ringkas.
        video_url: www.video.example.org/x
    """,
    )
    assert _only(problems_of())[1] == "video_url"


def test_url_with_quote_or_space(content, problems_of):
    """A link with a quote or a space would break the page's HTML, so it is refused."""
    write_post(
        content,
        "tutorial/2026-08-01-kutip.md",
        """
        title: Kutip
        date: 2026-08-01
        summary: Ringkas.
        steps: [Satu.]
        video_url: 'https://video.example.org/a"b c'
    """,
    )
    assert _only(problems_of())[1] == "video_url"


def test_summary_too_long(content, problems_of):
    """A summary over 200 characters is refused with its length."""
    write_post(
        content,
        "pengumuman/2026-08-01-panjang.md",
        f"""
        title: Panjang
        date: 2026-08-01
        summary: {"kata " * 50}
    """,
    )
    name, field, message, _ = _only(problems_of())
    assert field == "summary" and "melebihi batas 200" in message


def test_heading_level_one_in_body(content, problems_of):
    """The title is the page's h1, so a '# ' heading in the body is refused."""
    write_post(
        content,
        "pengumuman/2026-08-01-judul.md",
        """
        title: Judul
        date: 2026-08-01
        summary: Ringkas.
    """,
        body="# Judul Lagi\n\nTeks.\n",
    )
    name, field, message, fix = _only(problems_of())
    assert field == "isi" and "baris 7" in message and "'## '" in fix


def test_heading_that_skips_a_level(content, problems_of):
    """Going from h2 to h4 is refused; headings inside code blocks are ignored."""
    write_post(
        content,
        "pengumuman/2026-08-01-lompat.md",
        """
        title: Lompat
        date: 2026-08-01
        summary: Ringkas.
    """,
        body="## Dua\n\n```\n# bukan judul\n```\n\n#### Empat\n",
    )
    assert "melompat dari judul tingkat 2 ke tingkat 4" in _only(problems_of())[2]


def test_body_image_without_alt_or_file(content, problems_of):
    """A body image needs alt text and a file that exists."""
    write_post(
        content,
        "pengumuman/2026-08-01-gambar.md",
        """
        title: Gambar
        date: 2026-08-01
        summary: Ringkas.
    """,
        body="Teks.\n\n![](/gambar/foto.jpg)\n\n![Peta](/gambar/peta.png)\n",
    )
    messages = sorted(p[2] for p in problems_of())
    assert len(messages) == 2
    assert "tidak punya teks alternatif" in messages[0]
    assert "'/gambar/peta.png'" in messages[1] and "tidak ditemukan" in messages[1]


def test_file_name_with_capitals_or_spaces(content, problems_of):
    """A file name that would make a bad URL asks for a lower-case, hyphenated name."""
    write_post(
        content,
        "pengumuman/2026-08-01-Libur Panjang.md",
        """
        title: Libur Panjang
        date: 2026-08-01
        summary: Ringkas.
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert "huruf kecil" in fix and "ganti nama berkasnya" in fix


def test_every_problem_of_the_tree_is_reported_in_one_run(content, problems_of):
    """Three broken files with five mistakes give five problems, not one."""
    write_post(content, "pengumuman/2026-08-01-a.md", "title: A\ndate: kemarin\nsummary: S.")
    write_post(content, "pengumuman/2026-08-01-b.md", "title: B\ndate: 2026-08-01\nimage: gambar/x.jpg")
    write_post(content, "tutorial/2026-08-01-c.md", "title: C\ndate: 2026-08-01\nsummary: S.")
    problems = problems_of()
    assert sorted((p[0], p[1]) for p in problems) == [
        ("2026-08-01-a.md", "date"),
        ("2026-08-01-b.md", "image"),
        ("2026-08-01-b.md", "image_alt"),
        ("2026-08-01-b.md", "summary"),
        ("2026-08-01-c.md", "steps"),
    ]


def test_page_cannot_take_a_listing_url(content, problems_of):
    """A page at /acara/ would overwrite the events listing, so it is refused."""
    write_post(content, "halaman/acara.md", "title: Acara Kami")
    name, field, message, fix = _only(problems_of())
    assert field == "slug" and "'acara'" in message


def test_supplied_card_must_fit_every_platform(content, problems_of):
    """A card image that is a PNG of the wrong shape is refused with the size needed."""
    from PIL import Image

    Image.new("RGB", (800, 800), "red").save(content / "gambar" / "kartu.png")
    write_post(
        content,
        "pengumuman/2026-08-01-kartu.md",
        """
        title: Kartu
        date: 2026-08-01
        summary: Ringkas.
        card_image: gambar/kartu.png
        card_image_alt: Kartu merah.
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "card_image" and "800x800" in message and "1200x630" in fix


def test_supplied_card_needs_alt_text(content, problems_of):
    """A good supplied card still needs its own alt text."""
    from PIL import Image

    Image.new("RGB", (1200, 630), "red").save(content / "gambar" / "kartu.jpg", quality=80)
    write_post(
        content,
        "pengumuman/2026-08-01-kartu.md",
        """
        title: Kartu
        date: 2026-08-01
        summary: Ringkas.
        card_image: gambar/kartu.jpg
    """,
    )
    assert _only(problems_of())[1] == "card_image_alt"


def test_unknown_card_layout(content, problems_of):
    """A card layout that is not a file in theme/cards/ is refused."""
    write_post(
        content,
        "pengumuman/2026-08-01-tata.md",
        """
        title: Tata
        date: 2026-08-01
        summary: Ringkas.
        card_layout: tidak-ada-tata-letak-ini
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "card_layout" and "'tidak-ada-tata-letak-ini'" in message


def test_post_in_a_subfolder_of_a_kind(content, problems_of):
    """A nested file would get a wrong URL and kind, so it is refused."""
    write_post(content, "pengumuman/2026/2026-08-01-bersarang.md", "title: X\ndate: 2026-08-01\nsummary: S.")
    name, field, message, fix = _only(problems_of())
    assert "subfolder '2026'" in message and "content/pengumuman/" in fix


def test_image_that_cannot_be_decoded(content, problems_of):
    """A file named .jpg that is not an image is named before the build trips on it."""
    (content / "gambar" / "rusak.jpg").write_text("bukan gambar", encoding="utf-8")
    write_post(
        content,
        "pengumuman/2026-08-01-rusak.md",
        """
        title: Rusak
        date: 2026-08-01
        summary: Ringkas.
        image: gambar/rusak.jpg
        image_alt: Sesuatu.
    """,
        body="![Rusak juga](/gambar/rusak.jpg)\n",
    )
    problems = problems_of()
    assert sorted(p[1] for p in problems) == ["image", "isi"]
    assert all("rusak atau bukan gambar" in p[2] for p in problems)


def test_utf8_file_with_byte_order_mark_is_read(content, problems_of):
    """Notepad's UTF-8 with BOM is still UTF-8: no problem."""
    path = write_post(content, "pengumuman/2026-08-01-bom.md", "title: BOM\ndate: 2026-08-01\nsummary: S.")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_of() == []


def test_every_bad_hashtag_is_named(content, problems_of):
    """Two bad hashtags in one list are both named with their fixed form."""
    write_post(
        content,
        "pengumuman/2026-08-01-dua-tagar.md",
        """
        title: Dua
        date: 2026-08-01
        summary: Ringkas.
        hashtags: [literasi-anak, Buku Baru, Baik]
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert "'literasi-anak'" in message and "'Buku Baru'" in message
    assert "'LiterasiAnak'" in fix and "'BukuBaru'" in fix


def test_internal_link_to_a_missing_or_unpublished_post(content, problems_of):
    """{filename} links must reach a post that exists and is published."""
    write_post(
        content, "pengumuman/2026-08-01-draf.md", "title: D\ndate: 2026-08-01\nsummary: S.\nstatus: draft"
    )
    write_post(content, "pengumuman/2099-01-01-nanti.md", "title: N\ndate: 2099-01-01\nsummary: S.")
    write_post(
        content,
        "pengumuman/2026-08-02-tautan.md",
        "title: T\ndate: 2026-08-02\nsummary: S.",
        body="[a]({filename}/acara/tidak-ada.md) [b]({filename}/pengumuman/2026-08-01-draf.md)\n"
        "[c]({filename}/pengumuman/2099-01-01-nanti.md) "
        "[d]({filename}/pengumuman/2026-08-17-libur.md)\n",
    )
    messages = sorted(p[2] for p in problems_of() if p[0] == "2026-08-02-tautan.md")
    assert len(messages) == 3
    assert any("tidak-ada.md', yang tidak ada" in m for m in messages)
    assert any("masih draf" in m for m in messages)
    assert any("baru terbit nanti" in m for m in messages)


def test_page_cannot_take_the_feeds_url(content, problems_of):
    """/umpan/ belongs to the feeds list, so a page may not take it."""
    write_post(content, "halaman/umpan.md", "title: Umpan Kami")
    assert _only(problems_of())[1] == "slug"


def test_digits_only_hashtag_is_refused(content, problems_of):
    """#2026 is not linked by platforms, so a word with a letter is asked for."""
    write_post(
        content,
        "pengumuman/2026-08-01-angka.md",
        """
        title: Angka
        date: 2026-08-01
        summary: Ringkas.
        hashtags: ["2026", Café]
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "hashtags" and "'2026'" in message and "'Café'" not in message
    assert "'Baca2026'" in fix


def test_event_moved_online_needs_its_link(content, problems_of):
    """A moved-online event without online_url would send readers nowhere."""
    write_post(
        content,
        "acara/2026-08-01-daring.md",
        """
        title: Daring
        date: 2026-08-01
        summary: Ringkas.
        start: 2026-12-05 09:00
        end: 2026-12-05 10:00
        place: Aula
        event_status: pindah-daring
        status_changed: 2026-11-20 08:00
    """,
    )
    name, field, message, fix = _only(problems_of())
    assert field == "online_url" and "dipindah ke daring" in message
