"""One build per output folder: a second build waits for the first, or refuses.

Publish settings empty the output folder first (DELETE_OUTPUT_DIRECTORY), so
two builds at once used to delete each other's feeds.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import textwrap
from contextlib import contextmanager

import pytest

from plugins.output_guard.lock import WAIT_ENV, lock_path
from sitekit import ROOT, build_cache, run_build

from .guardkit import (
    CEILING,
    PUBLISH_SETTINGS,
    Background,
    build_command,
    build_env,
    output_files,
    pelican_command,
)

WAITING = "Menunggu pembangunan lain"


@contextmanager
def held_lock(output):
    """Hold the output folder's lock the way another build would."""
    path = lock_path(output)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield path
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)


def test_two_publish_builds_at_once_leave_a_whole_site(clean_content, tmp_path):
    single = tmp_path / "single" / "out"
    reference = run_build(single, content=clean_content, strict=True, settings=PUBLISH_SETTINGS)
    assert reference.returncode == 0, reference.log
    expected = output_files(single)
    assert any(name.startswith("umpan/") for name in expected)

    output = tmp_path / "shared" / "out"
    output.parent.mkdir()
    builds = [
        Background(build_command(output, clean_content, PUBLISH_SETTINGS, strict=True), output)
        for _ in range(2)
    ]
    runs = [build.finish() for build in builds]
    for run in runs:
        assert run.returncode == 0, run.log
    assert output_files(output) == expected
    # The lock file beside the output is gone with the last build.
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]


def test_a_build_waits_for_the_folder_and_says_so(clean_content, tmp_path):
    output = tmp_path / "out"
    with held_lock(output):
        build = Background(build_command(output, clean_content, PUBLISH_SETTINGS, strict=True), output)
        try:
            assert build.wait_for_line(WAITING), build.finish(timeout=0).log
            assert build.proc.poll() is None  # still waiting, nothing written
            assert not output.exists()
        except BaseException:
            build.kill()
            raise
    run = build.finish()
    assert run.returncode == 0, run.log
    assert f"yang sedang menulis ke {output} selesai" in run.stdout
    assert (output / "index.html").is_file()


# plugins/site_profile rejects the DEBUG setting the pelican command always sets.
PELICAN_CLI_BROKEN = "DEBUG: pengaturan ini tidak dikenal"


def test_the_plain_pelican_command_waits_too(clean_content, tmp_path):
    output = tmp_path / "out"
    with held_lock(output):
        build = Background(pelican_command(output, clean_content), output)
        try:
            waited = build.wait_for_line(WAITING)
            if not waited and PELICAN_CLI_BROKEN in build.finish(timeout=0).stdout:
                pytest.xfail("site_profile stops the pelican command (DEBUG) before the lock")
            assert waited, build.finish(timeout=0).log
            assert not output.exists()
        except BaseException:
            build.kill()
            raise
    run = build.finish()
    if run.returncode and PELICAN_CLI_BROKEN in run.stdout:
        pytest.xfail("it waited; then site_profile stopped the pelican command (DEBUG)")
    assert run.returncode == 0, run.log
    assert (output / "index.html").is_file()


def test_a_build_refuses_after_the_ceiling(clean_content, tmp_path):
    output = tmp_path / "out"
    with held_lock(output):
        run = Background(
            build_command(output, clean_content, PUBLISH_SETTINGS, strict=True), output, {WAIT_ENV: "1"}
        ).finish()
    assert run.returncode == 1, run.log
    text = run.stdout + run.stderr
    assert f"GAGAL: pembangunan lain masih menulis ke folder keluaran {output}" in text, run.log
    assert "Traceback" not in text
    assert not output.exists()


def test_one_process_building_again_never_waits_for_itself(clean_content, tmp_path):
    # The dev server rebuilds in-process; so may tests. A second Pelican made
    # before the first ran (no `finalized` between) must not wait either.
    output = tmp_path / "out"
    script = textwrap.dedent(f"""
        from pelican import Pelican
        from pelican.settings import read_settings
        from plugins._shared.build import build
        args = dict(output={str(output)!r}, overrides={{"PATH": {str(clean_content)!r},
                    "BUILD_NOW": "2026-11-28T10:00:00+08:00", "CACHE_PATH": {str(build_cache())!r}}})
        assert build({str(ROOT / "pelicanconf.py")!r}, **args) == 0
        assert build({str(PUBLISH_SETTINGS)!r}, strict=True, **args) == 0
        settings = read_settings({str(PUBLISH_SETTINGS)!r}, override={{
            "OUTPUT_PATH": {str(output)!r}, **args["overrides"]}})
        Pelican(settings)
        Pelican(settings).run()
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=CEILING,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert WAITING not in proc.stdout + proc.stderr
    assert (output / "index.html").is_file()
