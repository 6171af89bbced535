"""Bounds and the file boundary in the checker: every hostile or careless input is named."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from pathlib import Path

import pytest
from pelican.settings import read_settings

from plugins.content_model.check import check_tree

from .conftest import WITA, write_post

ROOT = Path(__file__).resolve().parents[2]
EVENT = "acara/2026-11-20-diskusi-buku.md"


def _event(hashtags: str = "[DiskusiBuku]", extra: str = "") -> str:
    return f"""
        title: Diskusi Buku
        date: 2026-11-20 10:00
        summary: Membahas novel bersama komunitas pembaca.
        hashtags: {hashtags}
        start: 2026-12-05 09:00
        end: 2026-12-05 11:00
        place: Ruang Diskusi Lantai 2
        {extra}
    """


def _problems(content, **kwargs):
    report = check_tree(content, WITA, **kwargs)
    return [(p.path, p.field, p.message, p.fix) for p in report.problems]


def _about(problems, path_end):
    return [p for p in problems if p[0].endswith(path_end)]


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


# --- hashtags -------------------------------------------------------------------------


def test_more_than_thirty_hashtags_are_refused(content):
    """31 hashtags are one problem on the field, naming Instagram's limit of 30."""
    tags = "[" + ", ".join(f"Tagar{i}" for i in range(31)) + "]"
    write_post(content, EVENT, _event(tags))
    ((path, field, message, fix),) = _problems(content)
    assert (path, field) == (f"content/{EVENT}", "hashtags")
    assert "31 tagar" in message and "30" in message


def test_thirty_hashtags_pass(content):
    tags = "[" + ", ".join(f"Tagar{i}" for i in range(30)) + "]"
    write_post(content, EVENT, _event(tags))
    assert _problems(content) == []


def test_hashtag_in_a_script_that_gives_no_slug_is_named(content):
    """Javanese or Buginese letters make no tag URL (tagar//): each such tag is named."""
    write_post(content, EVENT, _event("[DiskusiBuku, ꦧꦕꦤ, ᨅᨔ, Привет]"))
    ((path, field, message, fix),) = _problems(content)
    assert field == "hashtags"
    assert "'ꦧꦕꦤ'" in message and "'ᨅᨔ'" in message
    assert "Привет" not in message  # Cyrillic transliterates to a slug
    assert "huruf Latin" in fix


# --- slugs ----------------------------------------------------------------------------


def test_slug_that_takes_a_listing_page_is_refused(content):
    """A post slug 'halaman-2' would overwrite page 2 of its kind's listing."""
    write_post(content, "acara/2026-11-21-halaman-2.md", _event())
    ((path, field, message, fix),) = _about(_problems(content), "halaman-2.md")
    assert field == "slug" and "halaman-2" in message and "daftar Acara" in message


def test_slug_rule_follows_pagination_patterns(content, settings):
    """The refused folder names come from PAGINATION_PATTERNS."""
    custom = dict(
        settings,
        PATH=str(content),
        PAGINATION_PATTERNS=(
            (1, "{url}", "{save_as}"),
            (2, "{base_name}/page-{number}/", "{base_name}/page-{number}/index.html"),
        ),
    )
    write_post(content, "acara/2026-11-21-halaman-2.md", _event())
    write_post(content, "acara/2026-11-22-page-3.md", _event())
    found = _problems(content, settings=custom)
    assert [Path(p[0]).name for p in found] == ["2026-11-22-page-3.md"]


def test_page_slug_of_the_share_kit_folder_is_refused(content, settings):
    """The share kit's folder comes from SHARE_KIT, not a literal."""
    custom = dict(settings, PATH=str(content), SHARE_KIT={"folder": "staf"})
    write_post(content, "halaman/staf.md", "title: Staf")
    write_post(content, "halaman/bagikan.md", "title: Bagikan")
    found = _problems(content, settings=custom)
    assert [Path(p[0]).name for p in found] == ["staf.md"]


def test_unknown_page_template_is_refused_with_the_choices(content):
    write_post(content, "halaman/kontak.md", "title: Kontak\ntemplate: kontak")
    ((path, field, message, fix),) = _problems(content)
    assert field == "template" and "'kontak'" in message
    assert "page" in fix and "tentang" in fix


def test_newer_file_with_a_taken_slug_is_the_one_reported(content):
    """A new back-dated file must not push the published post out (no git: by file time)."""
    old = content / EVENT
    past = time.time() - 86_400 * 30
    os.utime(old, (past, past))
    write_post(content, "acara/2026-01-01-diskusi-buku.md", _event())
    ((path, field, message, fix),) = _problems(content)
    assert path == "content/acara/2026-01-01-diskusi-buku.md"
    assert field == "slug" and f"content/{EVENT}" in message


def test_newer_file_by_git_history_is_the_one_reported(content):
    """In git, the file committed first keeps its slug, whatever the file times say."""

    def git(*args):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=content,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    newer = write_post(content, "acara/2026-01-01-diskusi-buku.md", _event())
    past = time.time() - 86_400 * 365
    os.utime(newer, (past, past))  # an older file time than the committed post
    ((path, *_),) = _problems(content)
    assert path == "content/acara/2026-01-01-diskusi-buku.md"


def test_internal_link_follows_the_build_clock(content):
    """A link to a post due by BUILD_NOW is fine, whatever the real clock says."""
    write_post(
        content,
        "pengumuman/2031-01-01-kabar.md",
        "title: Kabar\ndate: 2031-01-01 08:00\nsummary: Kabar dari masa depan.",
    )
    write_post(
        content,
        "pengumuman/2030-12-01-tautan.md",
        "title: Tautan\ndate: 2030-12-01 08:00\nsummary: Menautkan kabar.",
        "Lihat [kabar]({filename}/pengumuman/2031-01-01-kabar.md).\n",
    )
    later = dt.datetime(2031, 6, 1, tzinfo=WITA)
    assert _problems(content, now=later) == []
    earlier = dt.datetime(2030, 12, 15, tzinfo=WITA)
    ((path, field, message, fix),) = _problems(content, now=earlier)
    assert path.endswith("tautan.md") and "baru terbit nanti" in message


# --- control characters -----------------------------------------------------------------


@pytest.mark.parametrize("escape, shown", [("\\0", "U+0000"), ("\\e", "U+001B")])
def test_yaml_escape_control_character_is_named(content, escape, shown):
    """ "\\0" and "\\e" in double quotes pass YAML and would crash the feeds."""
    write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        f'title: "Libur{escape}"\ndate: 2026-08-10\nsummary: Perpustakaan tutup.',
    )
    ((path, field, message, fix),) = _problems(content)
    assert field == "title" and shown in message


def test_nul_in_the_body_is_named_with_its_line(content):
    path = write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "## Isi\n\nBaris biasa.\nAda \x00 di sini.\n",
    )
    ((shown, field, message, fix),) = _problems(content)
    line = path.read_text().splitlines().index("Ada \x00 di sini.") + 1
    assert field == "isi" and f"baris {line}" in message and "U+0000" in message


# --- file names and the boundary -----------------------------------------------------------


def test_image_name_with_a_space_or_comma_gets_a_safe_name(content):
    (content / "gambar" / "Foto Acara, 1.JPG").write_bytes((content / "gambar" / "foto.jpg").read_bytes())
    write_post(content, EVENT, _event(extra="image: gambar/Foto Acara, 1.JPG\n        image_alt: Foto."))
    found = _problems(content)
    fields = {(Path(p[0]).name, p[1]) for p in found}
    assert ("2026-11-20-diskusi-buku.md", "image") in fields
    assert ("Foto Acara, 1.JPG", None) in fields  # the file itself, in the static folder
    assert all("foto-acara-1.jpg" in p[3] for p in found)


def test_symlinks_leaving_content_are_named(content, tmp_path):
    outside = tmp_path / "rahasia"
    outside.mkdir()
    (outside / "token.txt").write_text("ghp_secret")
    os.symlink("/etc/hostname", content / "gambar" / "hostname.jpg")
    os.symlink(os.path.relpath(ROOT / "README.md", content / "gambar"), content / "gambar" / "readme.jpg")
    (content / "unduhan").mkdir()
    os.symlink(outside, content / "unduhan" / "folder")
    os.symlink(outside / "token.txt", content / "pengumuman" / "2026-01-01-bocor.md")
    found = _problems(content)
    named = {p[0]: p[2] for p in found}
    for path in (
        "content/gambar/hostname.jpg",
        "content/gambar/readme.jpg",
        "content/unduhan/folder",
        "content/pengumuman/2026-01-01-bocor.md",
    ):
        assert "symlink" in named[path], (path, found)


def test_image_field_through_a_symlink_is_refused(content):
    os.symlink("/etc/hostname", content / "gambar" / "luar.jpg")
    write_post(content, EVENT, _event(extra="image: gambar/luar.jpg\n        image_alt: Foto."))
    fields = {p[1] for p in _about(_problems(content), "diskusi-buku.md")}
    assert fields == {"image"}


@pytest.mark.parametrize(
    "body",
    [
        "[x]({attach}../../../../etc/hostname)\n",
        "[x]({static}/../x)\n",
        '<a href="{attach}../../../etc/passwd">x</a>\n',
        "[ref]: {static}/../../etc/hostname\n",
        "![foto](../../etc/hostname.jpg)\n",
    ],
)
def test_body_links_to_files_outside_content_are_named_with_their_line(content, body):
    path = write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "Teks.\n\n" + body,
    )
    ((shown, field, message, fix),) = _problems(content)
    line = path.read_text().splitlines().index(body.strip()) + 1
    assert field == "isi" and f"baris {line}" in message and "luar folder content/" in message


def test_body_link_inside_content_and_code_examples_pass(content):
    (content / "unduhan").mkdir()
    (content / "unduhan" / "formulir.pdf").write_bytes(b"%PDF-1.4")
    write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "[formulir]({attach}../unduhan/formulir.pdf) dan `{static}/../contoh`\n\n"
        "```\n[x]({attach}../../../../etc/hostname)\n```\n\n![foto](gambar/foto.jpg)\n",
    )
    assert _problems(content) == []


def test_a_relative_static_image_counts_from_the_posts_folder(content):
    """Pelican reads {static}x from the post's folder: {static}../gambar/x is there, {static}gambar/x not."""
    write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "![foto]({static}../gambar/foto.jpg)\n",
    )
    assert _problems(content) == []
    write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "![foto]({static}gambar/foto.jpg)\n",
    )
    ((path, field, message, fix),) = _problems(content)
    assert field == "isi" and "tidak ditemukan" in message


@pytest.mark.parametrize(
    "body, expected",
    [
        ('<img src="gambar/tidak-ada.jpg" alt="Foto">\n', "tidak ditemukan"),
        ("<img src='{static}/gambar/foto.jpg'>\n", "tidak punya teks alternatif"),
        ("![foto](<gambar/foto acara 1.jpg>)\n", "spasi"),
        ("[unduh](unduhan/formulir.pdf)\n", "dicari dari alamat halaman ini"),
    ],
)
def test_raw_images_bracketed_paths_and_page_relative_links_are_checked(content, body, expected):
    path = write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "Teks.\n\n" + body,
    )
    ((shown, field, message, fix),) = _problems(content)
    line = path.read_text().splitlines().index(body.strip()) + 1
    assert field == "isi" and f"baris {line}" in message and expected in message


def test_a_page_relative_link_to_an_existing_file_is_told_the_static_form(content):
    (content / "unduhan").mkdir()
    (content / "unduhan" / "formulir.pdf").write_bytes(b"%PDF-1.4")
    write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        "title: Libur\ndate: 2026-08-10\nsummary: Perpustakaan tutup.",
        "[unduh](unduhan/formulir.pdf) dan [situs](https://contoh.go.id/a.pdf) dan [bab](#bab)\n",
    )
    ((shown, field, message, fix),) = _problems(content)
    assert "{static}/unduhan/formulir.pdf" in fix


def test_a_hashtag_in_a_script_without_a_slug_is_told_so_first(content):
    """Javanese with vowel signs: not 'write it as one word' (that spelling is refused too)."""
    write_post(content, EVENT, _event("[ꦥꦸꦱ꧀ꦠꦏ]"))
    ((path, field, message, fix),) = _problems(content)
    assert "huruf Latin" in fix and "satu kata" not in fix
