"""(e) the serve loop: rebuilds in one process that stays, as the dev server does.

Run as a child of the bench: `python -m tools.bench.serve SETTINGS OUTPUT CONTENT CACHE NOW`.
It builds once (warm-up), prints "ready", then builds again each time a line
arrives on stdin (the watcher's "file changed") and prints "built SECONDS".
The bench saves the post, sends the line at once and times until the post's
page on disk carries the new title: the watcher's own delay (livereload polls)
is not in the figure, and neither is the browser's reload.
"""

from __future__ import annotations

import sys
import time

from plugins._shared.build import build


def main(argv: list[str]) -> int:
    settings, output, content, cache, now = argv
    overrides = {"PATH": content, "CACHE_PATH": cache, "BUILD_NOW": now}
    code = build(settings, output, False, overrides)
    print(f"ready {code}", flush=True)
    for _line in sys.stdin:
        start = time.perf_counter()
        code = build(settings, output, False, overrides)
        print(f"built {time.perf_counter() - start:.4f} {code}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
