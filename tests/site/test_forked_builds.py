"""Test builds forked from a server that has imported the runner (forked_builds.py) say
and make what the same build run as a new process does."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import forked_builds
import pytest

import sitekit
from sitekit import BUILD_NOW, SETTINGS, BuildRun, build_cache, copy_content, run_build

# The log's clock column and the durations it gives differ between any two runs.
CLOCK = re.compile(r"^\[\d\d:\d\d:\d\d\]", re.MULTILINE)
DURATION = re.compile(r"\d+[,.]\d detik")


def files_of(output: Path) -> dict[str, bytes]:
    return {
        path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()
    }


def said(run: BuildRun) -> tuple[str, str]:
    return tuple(DURATION.sub("… detik", CLOCK.sub(" " * 10, text)) for text in (run.stdout, run.stderr))


@pytest.fixture(scope="module")
def untitled_content(fixture_content, tmp_path_factory):
    """The fixture content with one post's title emptied: a warning, or a stop when strict.
    Built once first, so the builds compared find the same cards drawn."""
    folder = tmp_path_factory.mktemp("forked")
    content = copy_content(fixture_content, folder / "content")
    post = content / "pengumuman" / "2026-11-16-libur-hari-guru.md"
    text = re.sub(r"(?m)^title:.*$", 'title: ""', post.read_text(encoding="utf-8"))
    post.write_text(text, encoding="utf-8")
    first = run_build(folder / "output", content=content)
    assert first.returncode == 0, first.log
    return content


@pytest.mark.parametrize("strict", [False, True], ids=["warns", "stops"])
def test_a_forked_build_says_and_makes_what_a_new_process_does(
    untitled_content, tmp_path, monkeypatch, strict
):
    before = sitekit.BUILDS.forked
    forked = run_build(tmp_path / "forked", content=untitled_content, strict=strict)
    assert sitekit.BUILDS.forked == before + 1, "the build ran as a new process, not forked"
    monkeypatch.setenv("SERAMBI_TEST_FRESH_BUILDS", "1")
    fresh = run_build(tmp_path / "fresh", content=untitled_content, strict=strict)
    assert sitekit.BUILDS.forked == before + 1, "SERAMBI_TEST_FRESH_BUILDS=1 did not start a new process"

    assert (forked.returncode, fresh.returncode) == ((1, 1) if strict else (0, 0)), forked.log + fresh.log
    assert said(forked) == said(fresh), forked.log + "\n" + fresh.log
    assert "kolom 'title'" in forked.stdout + forked.stderr, forked.log
    if not strict:
        # Pelican's log is as wide as COLUMNS says (1000): each warning on one line.
        assert any(len(line) > 120 for line in forked.stdout.splitlines()), forked.log
        made, made_fresh = files_of(tmp_path / "forked"), files_of(tmp_path / "fresh")
        assert sorted(made) == sorted(made_fresh)
        assert not [name for name in made if made[name] != made_fresh[name]], "files that differ"


def test_a_build_past_its_time_is_stopped_and_the_next_one_still_forks(untitled_content, tmp_path):
    builds = forked_builds.Builds(servers=1)
    args = [str(SETTINGS), "--output", str(tmp_path / "o"), "--content", str(untitled_content)]
    args += ["--now", BUILD_NOW, "--cache", str(build_cache()), "--full"]
    env = dict(os.environ, COLUMNS="1000")
    with pytest.raises(subprocess.TimeoutExpired):
        builds.run(args, env, timeout=0.05)  # a build takes longer than this
    done = builds.run(args, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert builds.forked == 1, "the build after the timeout ran as a new process, not forked"
    assert "Selesai:" in done.stdout
