"""Medians, ratios to the bare-Pelican anchor, the table, the JSON and the growth exponent."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

from .runners import VARIANTS

METRICS = ("wall", "cpu", "peak_mib")


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(runs: dict[str, list[dict]]) -> dict[str, dict]:
    """Per variant: medians, cost per page, and ratios to (a) of the same size.

    `wall_ratio_paired` is the median of each run over the (a) run just before
    it (the bench alternates a, b, a, c, ...), which cancels slow drifts in load.
    """
    out = {}
    anchor = runs.get("a", [])
    for variant, rows in runs.items():
        # Runs during which another engineer changed the code under test are left out when
        # clean ones exist (a warm build that redraws every card is not a warm build).
        clean = [r for r in rows if not r.get("code_changed")]
        dropped, rows = len(rows) - len(clean or rows), clean or rows
        if not rows:
            continue
        medians = {m: _median([r.get(m) for r in rows]) for m in METRICS}
        written = _median([r.get("pages_written") for r in rows])
        per_page = _median([r["wall"] / r["pages_written"] for r in rows if r.get("pages_written")])
        row = {
            "runs": len(rows),
            "runs_dropped_code_changed": dropped,
            **{f"{m}_median": medians[m] for m in METRICS},
            "wall_min": min(r["wall"] for r in rows),
            "wall_max": max(r["wall"] for r in rows),
            "peak_sum_mib_median": _median([r.get("peak_sum_mib") for r in rows]),
            "pages_written_median": written,
            "pages_total": rows[-1].get("pages_total"),
            "ms_per_page_written": None if per_page is None else 1000 * per_page,
            "cards_drawn_median": _median([r.get("cards_drawn") for r in rows]),
            "cards_cached_median": _median([r.get("cards_cached") for r in rows]),
        }
        if "disk_latency" in rows[0]:
            row["disk_latency_median"] = _median([r["disk_latency"] for r in rows])
            row["reload_latency_median"] = _median([r.get("reload_latency") for r in rows])
            row["build_latency_median"] = _median([r.get("build_latency") for r in rows])
        if anchor:
            base = {m: _median([r.get(m) for r in anchor]) for m in METRICS}
            for m in METRICS:
                row[f"{m}_ratio"] = (medians[m] / base[m]) if medians[m] is not None and base[m] else None
            paired = [r["wall"] / r["anchor_wall"] for r in rows if r.get("anchor_wall")]
            row["wall_ratio_paired"] = _median(paired) if variant != "a" else 1.0
            a_page = out.get("a", {}).get("ms_per_page_written")
            if a_page and row["ms_per_page_written"]:
                row["per_page_ratio"] = row["ms_per_page_written"] / a_page
        out[variant] = row
    return out


def exponents(sizes: dict[int, dict]) -> dict[str, float]:
    """Slope of log(median wall) over log(posts), per variant, least squares over the sizes given."""
    if len(sizes) < 2:
        return {}
    result = {}
    for variant in VARIANTS:
        walls = {n: s["summary"].get(variant, {}).get("wall_median") for n, s in sizes.items()}
        points = [(math.log(n), math.log(wall)) for n, wall in walls.items() if wall]
        if len(points) < 2:
            continue
        mx = sum(x for x, _ in points) / len(points)
        my = sum(y for _, y in points) / len(points)
        den = sum((x - mx) ** 2 for x, _ in points)
        if den:
            result[variant] = sum((x - mx) * (y - my) for x, y in points) / den
    return result


def _f(value, pattern="{:.2f}", none="-"):
    return none if value is None else pattern.format(value)


def table(posts: int, summary: dict[str, dict]) -> str:
    head = (
        f"{'':2} {'varian':34} {'dinding s':>10} {'CPU s':>8} {'puncak MiB':>10} {'halaman':>11} "
        f"{'ms/hal':>7} {'kartu':>9} {'x dinding':>9} {'x pasang':>8} {'x CPU':>6} {'x mem':>6}"
    )
    lines = [
        f"N = {posts} tulisan (median dari {max(r['runs'] for r in summary.values())} kali)",
        head,
        "-" * len(head),
    ]
    for variant, row in summary.items():
        pages = f"{_f(row['pages_written_median'], '{:.0f}')}/{_f(row['pages_total'], '{:.0f}')}"
        cards = f"{_f(row['cards_drawn_median'], '{:.0f}')}/{_f(row['cards_cached_median'], '{:.0f}')}"
        wall = row.get("disk_latency_median") if variant == "e" else row["wall_median"]
        peak, per_page = _f(row["peak_mib_median"], "{:.0f}"), _f(row["ms_per_page_written"], "{:.1f}")
        keys = ("wall_ratio", "wall_ratio_paired", "cpu_ratio", "peak_mib_ratio")
        ratios = [_f(row.get(key)) for key in keys]
        lines.append(
            f"{variant:2} {VARIANTS[variant]:34} {_f(wall):>10} {_f(row['cpu_median']):>8} "
            f"{peak:>10} {pages:>11} {per_page:>7} {cards:>9} "
            f"{ratios[0]:>9} {ratios[1]:>8} {ratios[2]:>6} {ratios[3]:>6}"
        )
    lines.append(
        "halaman = ditulis/ada di output; kartu = digambar/dari cache; x = rasio terhadap (a); "
        "x pasang = median rasio tiap putaran terhadap (a) tepat sebelumnya."
    )
    if "e" in summary:
        lines.append(
            "(e): dinding = dari simpan berkas sampai halaman tulisan itu berisi judul baru "
            "di disk; CPU = seluruh pohon proses serve selama pembangunan ulang; puncak = "
            "VmHWM proses serve selama pembangunan ulang itu (dihitung ulang sebelum menyimpan)."
        )
        lines.append(
            f"(e): sampai peramban disuruh memuat ulang (pesan livereload): "
            f"{_f(summary['e'].get('reload_latency_median'))} s (median); sampai seluruh situs "
            f"selesai dibangun ulang: {_f(summary['e'].get('build_latency_median'))} s (median)."
        )
    return "\n".join(lines)


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
