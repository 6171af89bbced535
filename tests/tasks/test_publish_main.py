"""invoke publish publishes what main holds: a clean worktree of HEAD, once HEAD is origin's main.

A post that only exists in someone's working folder would go live from that machine
and be taken down by the next scheduled publish from main; so publish refuses it,
says which files and which git commands, and builds only the commit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import add_origin, branch_files, commit_all, git, invoke
from .test_publish_cards import BUILD_NOW, commit_site

NEW_POST = "content/pengumuman/2026-11-27-jam-layanan-baru.md"
PUBLISHED_NOTICE = "content/pengumuman/2026-11-16-libur-hari-guru.md"  # of the fixture site
OLD_SITE = {"index.html": b"situs lama"}
RENDERED = re.compile(r"(\d+) dari (\d+) berkas halaman dibuat ulang")  # the build's last line


@pytest.fixture
def project(small_project) -> Path:
    """How publish works does not depend on how many posts there are: the fixture site's seven."""
    return small_project


def write_post(project: Path, relative: str, title: str) -> Path:
    """A valid post: a copy of a sample announcement with its own title and file name."""
    sample = sorted((project / "content" / "pengumuman").glob("*.md"))[0]
    text = sample.read_text(encoding="utf-8").split("\n", 2)
    path = project / relative
    path.write_text("\n".join([text[0], f"title: {title}", text[2]]), encoding="utf-8")
    return path


def worktrees(project: Path) -> int:
    listed = git(project, "worktree", "list", "--porcelain").splitlines()
    return sum(line.startswith("worktree ") for line in listed)


def untracked_post(project: Path) -> str:
    write_post(project, NEW_POST, "Jam Layanan Baru")
    return NEW_POST


def modified_theme(project: Path) -> str:
    base = project / "theme" / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n<!-- diubah -->\n", encoding="utf-8")
    return "theme/templates/base.html"


@pytest.mark.parametrize("change", [untracked_post, modified_theme])
def test_publish_refuses_uncommitted_changes_and_publishes_nothing(project, change):
    """An untracked post or an edited template: refused before any build, the file named,
    with the git commands that fix it; gh-pages is left as it was."""
    before = commit_site(project, OLD_SITE, "2026-01-15T10:00:00+08:00")
    changed = change(project)
    result = invoke(project, "publish", "--no-push")
    assert result.returncode == 1, result.stdout + result.stderr
    message = result.stderr
    assert message.startswith("GAGAL: ada perubahan yang belum di-commit"), message
    assert f"    {changed}\n" in message
    assert f"git add {changed}" in message
    assert 'git commit -m "' in message and "  git push\n" in message and "invoke publish" in message
    assert "Traceback" not in message and "Selesai:" not in result.stdout  # nothing was built
    assert git(project, "rev-parse", "gh-pages") == before
    assert worktrees(project) == 1


def test_publish_refuses_without_a_remote(project):
    """No origin: it cannot be known that the commit is on main there; --no-push is offered."""
    result = invoke(project, "publish")
    assert result.returncode == 1
    assert "belum punya remote 'origin'" in result.stderr
    assert "git remote add origin" in result.stderr and "invoke publish --no-push" in result.stderr
    assert git(project, "branch", "--list", "gh-pages") == ""


def test_publish_refuses_a_commit_not_yet_pushed(project, tmp_path):
    """A committed post not yet pushed would be taken down by the next publish from main."""
    remote = add_origin(project, tmp_path / "origin.git")
    write_post(project, NEW_POST, "Jam Layanan Baru")
    commit_all(project, "Tambah pengumuman")
    result = invoke(project, "publish")
    assert result.returncode == 1
    assert "belum ada di cabang main di origin" in result.stderr and "git push" in result.stderr
    assert git(remote, "branch", "--list", "gh-pages") == ""


def test_publish_refuses_when_origin_has_newer_commits(project, tmp_path):
    """Publishing behind origin's main would take down what a colleague already pushed."""
    remote = add_origin(project, tmp_path / "origin.git")
    colleague = tmp_path / "rekan"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(remote), str(colleague)], check=True)
    write_post(colleague, NEW_POST, "Jam Layanan Baru")
    commit_all(colleague, "Tambah pengumuman")
    git(colleague, "push", "-q", "origin", "main")
    result = invoke(project, "publish")
    assert result.returncode == 1
    assert "git pull" in result.stderr
    assert git(remote, "branch", "--list", "gh-pages") == ""


def test_publish_builds_the_commit_not_the_working_folder(project, tmp_path):
    """After commit and push the committed post is published; a post that exists only in
    the working folder (ignored by git, so the check lets it pass) is not."""
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f'\nBUILD_NOW = "{BUILD_NOW}"\n', encoding="utf-8")
    write_post(project, NEW_POST, "Jam Layanan Baru")
    commit_all(project, "Tambah pengumuman")
    remote = add_origin(project, tmp_path / "origin.git")
    hidden = "content/pengumuman/2026-11-27-hanya-di-folder-kerja.md"
    (project / ".git" / "info" / "exclude").write_text(hidden + "\n", encoding="utf-8")
    write_post(project, hidden, "Hanya di Folder Kerja")

    result = invoke(project, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Selesai: " in result.stdout and " tulisan, " in result.stdout
    assert "Done: Processed" not in result.stdout + result.stderr
    published = branch_files(remote, "gh-pages")
    assert "pengumuman/jam-layanan-baru/index.html" in published
    assert not [name for name in published if "hanya-di-folder-kerja" in name]
    head = git(project, "rev-parse", "HEAD")
    assert head[:12] in git(remote, "log", "-1", "--format=%s", "gh-pages")
    assert worktrees(project) == 2  # the build's worktree is kept for the next publish
    assert invoke(project, "clean").returncode == 0
    assert worktrees(project) == 1  # removed with CACHE_PATH, and forgotten by git


def test_the_next_publish_renders_only_what_changed_and_publishes_what_a_clean_one_would(project, tmp_path):
    """publish keeps its worktree and output under CACHE_PATH/terbit/: the next publish
    renders only the pages a change shows, a removed post leaves gh-pages, and the tree
    published is the very one a publish from nothing kept makes."""
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f'\nBUILD_NOW = "{BUILD_NOW}"\n', encoding="utf-8")
    commit_all(project, "Jam tetap")
    assert publish(project)

    retitled = project / "content" / "koleksi-baru" / "2026-11-18-laskar-pelangi.md"
    text = retitled.read_text(encoding="utf-8")
    new_title = 'title: "Laskar Pelangi (Edisi Baru)"'
    retitled.write_text(text.replace('title: "Baru Tiba: Laskar Pelangi"', new_title, 1), "utf-8")
    commit_all(project, "Judul baru")
    rendered, pages = publish(project)
    assert 0 < rendered < pages / 2
    page = git(project, "show", "gh-pages:koleksi-baru/laskar-pelangi/index.html")
    assert "Laskar Pelangi (Edisi Baru)" in page

    removed = project / PUBLISHED_NOTICE
    git(project, "rm", "-q", str(removed.relative_to(project)))
    commit_all(project, "Hapus pengumuman")
    assert publish(project)
    published = branch_files(project, "gh-pages")
    assert "koleksi-baru/laskar-pelangi/index.html" in published
    assert f"pengumuman/{removed.stem.split('-', 3)[3]}/index.html" not in published
    kept_tree = git(project, "rev-parse", "gh-pages^{tree}")

    for kept in ("terbit", "render-memo"):  # nothing of earlier publishes' pages is left
        shutil.rmtree(project / ".cache" / kept)
    rendered, pages = publish(project)
    assert rendered == pages
    assert git(project, "rev-parse", "gh-pages^{tree}") == kept_tree


def test_a_publish_whose_output_ledger_is_lost_starts_from_an_empty_folder(project):
    """The kept output is built over only while its ledger can say what a removed post left."""
    assert publish(project)
    removed = project / PUBLISHED_NOTICE
    page = f"pengumuman/{removed.stem.split('-', 3)[3]}/index.html"
    assert page in branch_files(project, "gh-pages")
    git(project, "rm", "-q", str(removed.relative_to(project)))
    commit_all(project, "Hapus pengumuman")
    shutil.rmtree(project / ".cache" / "keluaran")  # every output folder's ledger
    assert publish(project)
    assert page not in branch_files(project, "gh-pages")


def publish(project: Path) -> tuple[int, int]:
    """`invoke publish --no-push`; the pages it rendered, of all it has."""
    result = invoke(project, "publish", "--no-push")
    assert result.returncode == 0, result.stdout + result.stderr
    rendered, pages = RENDERED.search(result.stdout).groups()
    return int(rendered), int(pages)
