"""invoke publish keeps every card URL ever published, from this machine or another."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import branch_files, commit_all, invoke

BUILD_NOW = "2026-11-28T10:00:00+08:00"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Uji",
    "GIT_AUTHOR_EMAIL": "uji@example.org",
    "GIT_COMMITTER_NAME": "Uji",
    "GIT_COMMITTER_EMAIL": "uji@example.org",
}
CARD_URL = re.compile(r"kartu/[^\"'\s<>?#]+")


@pytest.fixture
def project(small_project) -> Path:
    """How publish works does not depend on how many posts there are: the fixture site's seven."""
    return small_project


def git(repo: Path, *args: str, data: bytes | None = None, env: dict | None = None) -> str:
    run = subprocess.run(
        ["git", *args],
        cwd=repo,
        input=data,
        capture_output=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(repo), **IDENTITY, **(env or {})},
    )
    return run.stdout.decode("utf-8").strip()


def commit_site(repo: Path, files: dict[str, bytes], date: str, parent: str | None = None) -> str:
    """Point gh-pages of REPO (bare or not) at a new commit holding only FILES, made at DATE."""
    # A scratch index: the project's own index and work tree are left alone.
    env = {
        "GIT_INDEX_FILE": str(repo / "uji-gh-pages.index"),
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    for name, data in files.items():
        blob = git(repo, "hash-object", "-w", "--stdin", data=data)
        git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env)
    tree = git(repo, "write-tree", env=env)
    (repo / "uji-gh-pages.index").unlink()
    commit = git(
        repo, "commit-tree", tree, "-m", "Terbitkan situs", *(["-p", parent] if parent else []), env=env
    )
    git(repo, "update-ref", "refs/heads/gh-pages", commit)
    return commit


def test_publish_from_a_stale_machine_keeps_the_cards_only_the_remote_has(project, tmp_path):
    """A machine whose gh-pages is older than origin's still publishes origin's cards,
    its own old ones and the new build's; for a name held by both, origin's newer copy."""
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f'\nBUILD_NOW = "{BUILD_NOW}"\n', encoding="utf-8")
    commit_all(project)
    remote = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(project, "remote", "add", "origin", str(remote))
    git(project, "push", "-q", "origin", "main")
    # This machine published in January: card B. Another machine published in February
    # on top of it: card A. This machine never fetched since.
    stale = commit_site(
        project,
        {"kartu/kartu-b-lama.jpg": b"B", "kartu/kartu-sama.jpg": b"Januari"},
        "2026-01-15T10:00:00+08:00",
    )
    git(project, "push", "-q", "origin", "gh-pages")
    commit_site(
        remote,
        {"kartu/kartu-a-mesin-lain.jpg": b"A", "kartu/kartu-sama.jpg": b"Februari"},
        "2026-02-15T10:00:00+08:00",
        parent=stale,
    )

    result = invoke(project, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kartu lama dari origin/gh-pages tetap diterbitkan." in result.stdout

    published = branch_files(remote, "gh-pages")
    assert {"kartu/kartu-a-mesin-lain.jpg", "kartu/kartu-b-lama.jpg", "kartu/kartu-sama.jpg"} <= published
    assert git(remote, "show", "gh-pages:kartu/kartu-sama.jpg") == "Februari"
    pages = [name for name in published if name.endswith(".html")]
    built_cards = {url for page in pages for url in CARD_URL.findall(git(remote, "show", f"gh-pages:{page}"))}
    assert len(built_cards) >= 10, sorted(built_cards)  # the cards the built pages name, all published
    assert built_cards <= published, sorted(built_cards - published)


@pytest.mark.parametrize(("args", "branch"), [((), "main"), (("--no-push",), "gh-pages")])
def test_publish_stops_when_origin_cannot_be_read(project, tmp_path, args, branch):
    """An origin that cannot be read stops publish before anything is built or pushed:
    its main cannot be compared with HEAD, and a force push without its gh-pages could
    drop the cards only it holds (with --no-push, only the second is asked)."""
    git(project, "remote", "add", "origin", str(tmp_path / "tidak-ada.git"))
    result = invoke(project, "publish", *args)
    assert result.returncode != 0
    assert f"GAGAL: cabang {branch} dari remote origin tidak bisa diambil" in result.stderr
    assert "invoke publish" in result.stderr and "Traceback" not in result.stderr
    assert git(project, "branch", "--list", "gh-pages") == ""
