"""Where a warm build's time goes: cProfile of the build runner, summed into buckets.

Only the build's main process is profiled (card workers are other processes;
a warm build draws no card anyway). Two views:

- top functions by own time (tottime) and by cumulative time;
- buckets (checker, YAML, Markdown, Jinja, cards, captions, feeds, images,
  writes): the inclusive time of each bucket's code, counted on the calls that
  enter it from outside (so a bucket's own nesting is not counted twice).
  Buckets overlap: a template that calls a plugin's filter counts in Jinja and
  in that plugin's bucket.
"""

from __future__ import annotations

import io
import pstats
import subprocess
import sys
from pathlib import Path

# Label -> substrings of a function's file path (any matches) and optional function names.
BUCKETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "checker (content_model.check)": (("plugins/content_model/check.py",), ("check_tree",)),
    "YAML (PyYAML)": (("/yaml/",), ()),
    "Markdown": (("/markdown/",), ()),
    "Jinja (templates)": (("/jinja2/", "/theme/templates/", "/pelican/themes/"), ()),
    "cards (social_cards)": (("plugins/social_cards/",), ()),
    "captions (share_kit, feeds)": (("plugins/share_kit/captions.py", "plugins/feeds/captions.py"), ()),
    "feeds (plugins.feeds, feedgenerator)": (("plugins/feeds/", "/feedgenerator/"), ()),
    "images (responsive_images, PIL)": (("plugins/responsive_images/", "/PIL/"), ()),
    "writes (pelican writer, output_guard)": (
        ("pelican/writers.py", "plugins/output_guard/writer.py", "plugins/_shared/files.py"),
        (),
    ),
    "HTML policy (nh3)": (("plugins/html_policy/",), ()),
    "page meta / JSON-LD": (("plugins/page_meta/",), ()),
    "Pelican readers/generators": (("pelican/readers.py", "pelican/generators.py"), ()),
}


def profile_build(command: list[str], cwd: Path, out: Path) -> None:
    """Run the build command (a `-m module ...` list) under cProfile into `out`."""
    module_at = command.index("-m")
    profiled = [sys.executable, "-m", "cProfile", "-o", str(out), *command[module_at:]]
    subprocess.run(profiled, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _in_bucket(func, paths, names) -> bool:
    filename, _line, name = func
    if not any(p in filename for p in paths):
        return False
    return not names or name in names


def summarise(profile: Path, top: int = 15) -> dict:
    stats = pstats.Stats(str(profile))
    raw = stats.stats  # func -> (cc, nc, tt, ct, callers{caller: (cc, nc, tt, ct)})
    total = max((ct for (_cc, _nc, _tt, ct, _callers) in raw.values()), default=0.0)
    own = sum(tt for (_cc, _nc, tt, _ct, _callers) in raw.values())
    buckets = {}
    for label, (paths, names) in BUCKETS.items():
        inside = {f for f in raw if _in_bucket(f, paths, names)}
        seconds = 0.0
        for func in inside:
            callers = raw[func][4]
            if not callers:  # a root
                seconds += raw[func][3]
            for caller, edge in callers.items():
                if caller not in inside:
                    seconds += edge[3]
        buckets[label] = round(seconds, 3)

    def row(func):
        cc, nc, tt, ct, _ = raw[func]
        return {
            "function": f"{_short(func[0])}:{func[1]}({func[2]})",
            "calls": nc,
            "tottime": round(tt, 3),
            "cumtime": round(ct, 3),
        }

    by_tt = sorted(raw, key=lambda f: raw[f][2], reverse=True)[:top]
    by_ct = sorted(raw, key=lambda f: raw[f][3], reverse=True)[:top]
    return {
        "total_s": round(total, 3),
        "own_s": round(own, 3),
        "buckets_s": buckets,
        "by_package_own_s": by_package(raw),
        "top_tottime": [row(f) for f in by_tt],
        "top_cumtime": [row(f) for f in by_ct],
    }


def by_package(raw) -> dict:
    """Own time by package, C functions charged to their callers' package: sums to the total."""
    sums: dict[str, float] = {}
    for func, (_cc, _nc, tt, _ct, callers) in raw.items():
        if func[0] == "~" and callers:  # a built-in: split by caller
            for caller, edge in callers.items():
                key = _package(caller[0])
                sums[key] = sums.get(key, 0.0) + edge[2]
        else:
            key = _package(func[0])
            sums[key] = sums.get(key, 0.0) + tt
    ordered = sorted(sums.items(), key=lambda kv: kv[1], reverse=True)
    return {k: round(v, 3) for k, v in ordered[:20]}


def _package(filename: str) -> str:
    if filename == "~":
        return "(built-ins)"
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    if "plugins" in parts:
        i = parts.index("plugins")
        return "plugins." + parts[i + 1].removesuffix(".py") if len(parts) > i + 2 else "plugins"
    if "theme" in parts:
        return "theme templates"
    if "lib" in parts and any(p.startswith("python3") for p in parts):
        return "stdlib." + parts[-1].removesuffix(".py")
    return _short(filename)


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/work/main/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def text(summary: dict) -> str:
    out = io.StringIO()
    total = summary["total_s"] or 1.0
    print(f"Profil build hangat: {summary['total_s']:.2f} s (cProfile, proses utama saja)", file=out)
    print("Ember (inklusif, saling tumpang tindih):", file=out)
    for label, seconds in sorted(summary["buckets_s"].items(), key=lambda kv: kv[1], reverse=True):
        print(f"  {label:42s} {seconds:7.2f} s {100 * seconds / total:5.1f} %", file=out)
    print("Waktu sendiri per paket (jumlahnya = total):", file=out)
    for label, seconds in summary["by_package_own_s"].items():
        print(f"  {label:42s} {seconds:7.2f} s {100 * seconds / total:5.1f} %", file=out)
    print("15 teratas menurut tottime:", file=out)
    for row in summary["top_tottime"]:
        print(f"  {row['tottime']:7.3f} {row['cumtime']:7.3f} {row['calls']:8d}  {row['function']}", file=out)
    print("15 teratas menurut cumtime:", file=out)
    for row in summary["top_cumtime"]:
        print(f"  {row['tottime']:7.3f} {row['cumtime']:7.3f} {row['calls']:8d}  {row['function']}", file=out)
    return out.getvalue()
