"""Benchmark of the site's build: a synthetic corpus of N posts, bare Pelican against this site.

Run through `invoke bench` (or `.venv/bin/python tools/bench.py --posts 1000`). The code is
in tools/bench/ (corpus, runners, measure, serve, profile, report, cli); figures go into
notes and issues, never into test assertions (the machines here are shared).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder is first on sys.path; the package is imported from
# the project root (tools/bench/ is found as tools.bench, never as this file).
sys.path[:1] = [str(ROOT)]

from tools.bench.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
