"""A throw-away copy of the project, and a way to run its invoke tasks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import FIXTURE_CONTENT, make_images, share_caches

ROOT = Path(__file__).resolve().parents[2]
LEFT_OUT = shutil.ignore_patterns(
    ".venv", ".git", "output", ".cache", "node_modules", "test-results", "__pycache__", ".pytest_cache"
)
BROKEN_POST = """---
title: Rusak
date: bukan-tanggal
summary: Ringkas.
image: gambar/tidak-ada.jpg
---

Isi.
"""


@pytest.fixture(scope="session")
def project_template(tmp_path_factory) -> Path:
    """The project in its own git repository with one commit, made once per worker.

    Hashing the project's 20 MB (fonts, images) into git took most of a second for
    each of some forty tests; copying the finished repository takes a tenth of that.
    """
    template = tmp_path_factory.mktemp("project-template") / "serambi"
    shutil.copytree(ROOT, template, ignore=LEFT_OUT)
    git(template, "init", "-q", "-b", "main")
    commit_all(template, "awal")
    return template


@pytest.fixture(scope="session")
def small_project_template(project_template, tmp_path_factory) -> Path:
    """The project with the fixture site's content (seven posts) instead of the sample's
    twenty-seven, committed: for tests of how a task publishes or checks, not of what."""
    template = tmp_path_factory.mktemp("small-project-template") / "serambi"
    shutil.copytree(project_template, template, symlinks=True)
    shutil.rmtree(template / "content")
    shutil.copytree(FIXTURE_CONTENT, template / "content")
    make_images(template / "content")
    commit_all(template, "isi kecil")
    return template


def _copy_of(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "serambi"
    shutil.copytree(template, copy, symlinks=True)
    share_caches(copy / ".cache")
    return copy


@pytest.fixture
def project(project_template, tmp_path) -> Path:
    """A copy of the project in its own git repository (the template's, copied whole)."""
    return _copy_of(project_template, tmp_path)


@pytest.fixture
def small_project(small_project_template, tmp_path) -> Path:
    """A copy of the project with the fixture site's content, in its own git repository."""
    return _copy_of(small_project_template, tmp_path)


def task_env(project: Path) -> dict[str, str]:
    """A bare environment, as on a fresh machine, with a git identity for ghp-import."""
    # COLUMNS: the log handler wraps at the terminal width; keep messages on one line.
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(project),
        "COLUMNS": "1000",
        "GIT_AUTHOR_NAME": "Uji",
        "GIT_AUTHOR_EMAIL": "uji@example.org",
        "GIT_COMMITTER_NAME": "Uji",
        "GIT_COMMITTER_EMAIL": "uji@example.org",
    }


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in the project copy and wait for it."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=task_env(project),
        timeout=300,
    )


GIT_IDENTITY = ["-c", "user.name=Uji", "-c", "user.email=uji@example.org"]


def git(project: Path, *args: str) -> str:
    """Run git in the project copy (as staff would, with an identity) and return its output."""
    run = subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=project, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


def branch_files(repo: Path, branch: str) -> set[str]:
    """Every file path on a branch of repo (a project copy or a bare remote)."""
    return set(git(repo, "ls-tree", "-r", "--name-only", branch).split())


def commit_all(project: Path, message: str = "Perubahan uji") -> None:
    """`git add -A` and `git commit`: what staff do before `invoke publish`."""
    git(project, "add", "-A")
    git(project, "commit", "-qm", message)


def add_origin(project: Path, remote: Path) -> Path:
    """A bare repository as origin, holding the project's main (as after `git push`)."""
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(project, "remote", "add", "origin", str(remote))
    git(project, "push", "-q", "origin", "main")
    return remote
