"""`invoke bench --profile`: the build runner under cProfile leaves its profile behind."""

from __future__ import annotations

import sys

from sitekit import BUILD_NOW, FIXTURE_CONTENT, ROOT, SETTINGS, build_cache, copy_content, make_images
from tools.bench import profile


def test_a_profiled_build_writes_a_profile_the_summary_reads(tmp_path):
    """The runner ends a completed build with os._exit, except where that would lose a profile."""
    out = tmp_path / "build.prof"
    command = [sys.executable, "-m", "plugins._shared.build", str(SETTINGS), "--output", str(tmp_path / "o")]
    # The small fixture site: under cProfile the whole sample took some 10 s of CPU.
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    make_images(content)
    command += ["--now", BUILD_NOW, "--cache", str(build_cache()), "--content", str(content)]
    profile.profile_build(command, ROOT, out)
    summary = profile.summarise(out)
    assert (tmp_path / "o" / "index.html").is_file()
    assert summary["total_s"] > 0, summary
    assert summary["buckets_s"]["Jinja (templates)"] > 0, summary["buckets_s"]
