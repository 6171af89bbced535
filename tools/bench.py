"""Benchmark: build the sample site scaled up to N posts, cold and warm.

Prints wall time, peak memory and card counts of each build. Run through `invoke bench`;
figures go into notes, never into test assertions (machines here are shared).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def scale_content(source: Path, target: Path, posts: int) -> int:
    """Copy content/ and add renamed copies of its posts until there are `posts`."""
    shutil.copytree(source, target)
    originals = sorted(p for p in target.rglob("*.md") if p.parts[-2] != "halaman")
    count, copy_number = len(originals), 0
    while count < posts and originals:
        copy_number += 1
        for original in originals:
            if count >= posts:
                break
            text = original.read_text(encoding="utf-8")
            text = re.sub(r"^title: (.*)$", rf"title: \1 ({copy_number})", text, count=1, flags=re.M)
            text = re.sub(r"^slug: .*\n", "", text, flags=re.M)
            name = original.with_name(f"{original.stem}-salinan-{copy_number}.md")
            name.write_text(text, encoding="utf-8")
            count += 1
    return count


def timed_build(content: Path, output: Path) -> tuple[float, float]:
    """Seconds and peak MiB of one build in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "plugins._shared.build", "pelicanconf.py",
         "--content", str(content), "--output", str(output), "--cache", str(content.parent / ".cache")],
        cwd=ROOT, check=True, capture_output=True,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serambi-bench-") as scratch:
        work = Path(scratch)
        total = scale_content(ROOT / "content", work / "content", args.posts)
        print(f"posts: {total}")
        manifest = work / ".cache" / "kartu" / "manifest.json"
        for label in ("cold", "warm"):
            seconds, mib = timed_build(work / "content", work / "output")
            cards = json.loads(manifest.read_text(encoding="utf-8"))
            print(f"{label} build: {seconds:.2f} s, peak RSS {mib:.0f} MiB, "
                  f"cards drawn {len(cards['drawn'])}, from cache {len(cards['cached'])}")
        home = (work / "output" / "index.html").stat().st_size
        print(f"home page HTML: {home / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
