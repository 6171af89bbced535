"""The invoke tasks as staff run them, in a throw-away copy of the project."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import BROKEN_POST, add_origin, branch_files, commit_all, invoke

DRAFT_POST = """---
title: Rahasia
date: 2026-08-01
summary: Belum terbit.
status: draft
---

Isi.
"""


@pytest.fixture
def project(small_project) -> Path:
    """How check, build and publish behave does not depend on how many posts there are:
    the fixture site's seven."""
    return small_project


def test_publish_commits_a_complete_build_to_gh_pages(project):
    """publish writes the built site, .nojekyll and CNAME to gh-pages, and no draft."""
    (project / "content" / "pengumuman" / "2026-08-01-rahasia.md").write_text(DRAFT_POST, encoding="utf-8")
    commit_all(project)
    result = invoke(project, "publish", "--no-push")
    assert result.returncode == 0, result.stdout + result.stderr
    files = branch_files(project, "gh-pages")
    assert {".nojekyll", "CNAME", "index.html", "404.html", "acara/index.html"} <= files
    assert not [f for f in files if "rahasia" in f or f.startswith("draf/")]
    home = subprocess.run(
        ["git", "show", "gh-pages:index.html"], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    assert 'href="https://perpustakaan.kotamobagukota.go.id/' in home


def test_publish_refuses_content_with_problems(project):
    """A broken post stops publish before gh-pages exists, naming file and fields."""
    (project / "content" / "pengumuman" / "2026-08-01-rusak.md").write_text(BROKEN_POST, encoding="utf-8")
    commit_all(project)
    result = invoke(project, "publish", "--no-push")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/pengumuman/2026-08-01-rusak.md" in output
    assert "kolom 'date'" in output and "kolom 'image'" in output
    branches = subprocess.run(
        ["git", "branch", "--list", "gh-pages"], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    assert branches.strip() == ""
    # What the stopped build left is not built over by the next publish, which starts empty.
    assert not (project / ".cache" / "terbit" / ".selesai").exists()


def test_build_warns_and_leaves_out_a_broken_post(project):
    """build goes on past a broken post or a copied one: the rest is built, they are not."""
    (project / "content" / "pengumuman" / "2026-08-01-rusak.md").write_text(BROKEN_POST, encoding="utf-8")
    original = sorted((project / "content" / "acara").glob("*.md"))[0]
    copy = original.with_name("2099-12-31-" + original.name.split("-", 3)[3])  # same slug
    copy.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "2026-08-01-rusak.md" in output and "dilewati" in output
    assert copy.name in output and "sudah dipakai" in output
    assert (project / "output" / "index.html").exists()
    assert not (project / "output" / "pengumuman" / "rusak").exists()


def test_unknown_setting_stops_the_build(project):
    """A misspelt setting in pelicanconf.py stops build with a message naming it."""
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nTIMEZOME = "Asia/Jakarta"\n', encoding="utf-8")
    result = invoke(project, "build")
    assert result.returncode != 0
    assert "TIMEZOME" in result.stderr and "TIMEZONE" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_next_check_renders_no_page_again_and_still_names_every_problem(project):
    """invoke check builds into CACHE_PATH/periksa/, kept: a second check renders no page,
    and a problem added since is still named, as a check from nothing would."""
    first = invoke(project, "check")
    assert first.returncode == 0, first.stdout + first.stderr
    second = invoke(project, "check")
    assert second.returncode == 0, second.stdout + second.stderr
    # Nothing changed: the check says so without building (plugins/_shared/unchanged.py), or,
    # when the clock has passed a moment the site shows since, builds and renders no page.
    unchanged = r"Selesai: tidak ada yang berubah sejak .*tidak ada berkas yang ditulis"
    rebuilt = r"Selesai: .*, 0 dari \d+ berkas halaman dibuat ulang"
    assert re.search(f"{unchanged}|{rebuilt}", second.stdout), second.stdout
    assert "Pemeriksaan selesai" in second.stdout
    (project / "content" / "pengumuman" / "2026-08-01-rusak.md").write_text(BROKEN_POST, encoding="utf-8")
    third = invoke(project, "check")
    assert third.returncode != 0
    assert "2026-08-01-rusak.md" in third.stdout + third.stderr
    assert "kolom 'date'" in third.stdout + third.stderr


def test_check_with_unreadable_publish_settings_says_so_without_a_traceback(project):
    conf = project / "publishconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\nimport modul_yang_tidak_ada\n", encoding="utf-8")
    checked = invoke(project, "check")
    assert checked.returncode != 0
    assert "Traceback" not in checked.stderr, checked.stderr
    assert "GAGAL" in checked.stdout + checked.stderr and "modul_yang_tidak_ada" in checked.stderr


def test_new_then_check_guides_staff_to_each_empty_field(project):
    """invoke new writes a dated file; invoke check then names each field to fill."""
    created = invoke(project, "new", "acara", "Diskusi Buku Bumi Manusia")
    assert created.returncode == 0, created.stderr
    files = list((project / "content" / "acara").glob("*-diskusi-buku-bumi-manusia.md"))
    assert len(files) == 1
    checked = invoke(project, "check")
    assert checked.returncode != 0
    for field in ("start", "end", "summary", "place"):
        assert f"kolom '{field}'" in checked.stdout + checked.stderr


def test_publish_pushes_gh_pages_to_origin(project, tmp_path):
    """With push (the default), gh-pages arrives at the remote."""
    remote = add_origin(project, tmp_path / "remote.git")
    result = invoke(project, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "index.html" in branch_files(remote, "gh-pages")


def test_republish_keeps_the_old_card_of_an_edited_post(project):
    """After a card text edit the new card is published and the old card URL still works."""
    assert invoke(project, "publish", "--no-push").returncode == 0
    before = {f for f in branch_files(project, "gh-pages") if f.startswith("kartu/")}
    post = sorted((project / "content" / "pengumuman").glob("*.md"))[0]
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("---\n", "---\ncard_title: Judul Kartu yang Baru\n", 1), encoding="utf-8")
    commit_all(project)
    result = invoke(project, "publish", "--no-push")
    assert result.returncode == 0, result.stdout + result.stderr
    after = {f for f in branch_files(project, "gh-pages") if f.startswith("kartu/")}
    assert before < after
    assert any(slug_part in f for f in after - before for slug_part in [post.stem.split("-", 3)[3]])


def test_check_names_content_and_caption_problems_in_one_run(project):
    """A broken post and a post too long to auto-post are both named by one check."""
    (project / "content" / "pengumuman" / "2026-08-01-rusak.md").write_text(BROKEN_POST, encoding="utf-8")
    newest = max((project / "content").glob("*/2026-*.md"), key=lambda p: p.name[:10])
    text = newest.read_text(encoding="utf-8")
    tags = ", ".join(f"TagarPanjangSekali{i}" for i in range(20))
    newest.write_text(
        text.replace("---\n", f"---\nhashtags: [{tags}]\n", 1)
        if "hashtags:" not in text
        else text.replace("hashtags: [", f"hashtags: [{tags}, ", 1),
        encoding="utf-8",
    )
    checked = invoke(project, "check")
    output = checked.stdout + checked.stderr
    assert checked.returncode != 0
    assert "2026-08-01-rusak.md" in output and "kolom 'date'" in output
    assert newest.name in output and "lebih dari 500" in output
