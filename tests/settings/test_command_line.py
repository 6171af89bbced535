"""The ordinary `pelican` command line builds the site: the settings check accepts what it adds."""

from __future__ import annotations

import subprocess
import sys

from sitekit import share_caches
from tests.settings.conftest import ROOT


def test_plain_pelican_with_overrides_gets_past_the_settings_check(tmp_path):
    """`pelican content -s publishconf.py -o ... -e ...` builds, as it does for every Pelican site."""
    output = tmp_path / "keluaran"
    command = [
        sys.executable,
        "-m",
        "pelican",
        "content",
        "-s",
        "publishconf.py",
        "-o",
        str(output),
        "--cache-path",
        str(share_caches(tmp_path / "cache")),  # the session's cards: this is about the settings
        "--ignore-cache",
        "-d",
        "-e",
        'SITEURL="https://contoh.go.id"',
        'PUBLIC_URL="https://contoh.go.id"',
        'BUILD_NOW="2026-11-28T10:00:00+08:00"',
        'SOCIAL_CARDS={"workers": 1}',
    ]
    run = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL
    )
    log = run.stdout + run.stderr
    assert "Pengaturan situs bermasalah" not in log, log
    assert "tidak dikenal" not in log, log
    assert run.returncode == 0, log
    assert (output / "index.html").is_file(), log
    assert "https://contoh.go.id/" in (output / "index.html").read_text(encoding="utf-8")
