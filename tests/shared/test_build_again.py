"""A process that builds again (the dev server, on every save) lets the last build's posts go."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitekit import share_caches

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_build_in_one_process_keeps_no_post_of_the_first(tmp_path):
    cache = share_caches(tmp_path / "cache")
    run = subprocess.run(
        [sys.executable, "-m", "tests.shared.build_twice", str(tmp_path / "out"), str(cache)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["codes"] == [0, 0] and found["posts"] > 20, found
    # Pelican memoizes Content.get_content and get_summary on the class, by post.
    assert found["alive"] == 0, found
    # The build on the clock read it once: the same moment from its first generator to its end.
    (given, given_end), (clock, clock_end) = found["moments"]
    assert given == given_end == "2026-11-28T10:00:00+08:00"
    assert clock and clock == clock_end and clock > "2026-11-28", found["moments"]
