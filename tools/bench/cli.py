"""The bench's command line (tools/bench.py, `invoke bench`)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import corpus as corpus_mod
from . import measure, profile, report, runners
from . import serve as serve_mod
from .runners import VARIANTS, Workspace

ROOT = corpus_mod.ROOT
SHARED_CACHES = ("kartu", "gambar")  # cards and image sizes, named by digest: one copy serves all


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tools/bench.py", description=__doc__)
    parser.add_argument(
        "--posts",
        type=int,
        action="append",
        help="corpus size; give it twice (e.g. 1000 and 5000) for the growth exponent (default 1000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each variant (default 3, at least 1)")
    parser.add_argument("--only", default="abcde", help="variants to run, e.g. 'ac' (a is always run)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"))
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile a warm build (cProfile) of the first size after measuring",
    )
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    args.posts = args.posts or [1000]
    args.only = "a" + "".join(v for v in dict.fromkeys(args.only) if v in VARIANTS and v != "a")
    args.runs = max(1, args.runs)
    return args


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "subreaper": measure.become_subreaper(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def prepare(ws: Workspace, posts: int, seed: int) -> dict:
    from plugins.content_model.check import check_tree

    started = time.perf_counter()
    made = corpus_mod.generate(ws.content, posts, seed)
    generated_s = time.perf_counter() - started
    started = time.perf_counter()
    problems = check_tree(ws.content, corpus_mod.WITA, now=corpus_mod.NOW).problems
    if problems:
        listed = "\n  ".join(str(p) for p in problems[:10])
        raise SystemExit(f"GAGAL: korpus sintetis punya {len(problems)} masalah:\n  {listed}")
    runners.bare_settings(ws.bare_settings, ws.content, sorted(made.kinds))
    return {
        "posts": posts,
        "kinds": dict(made.kinds),
        "images_generated": made.images_generated,
        "images_reused": made.images_reused,
        "hashtags": made.hashtags,
        "pages": 1,
        "generate_s": round(generated_s, 2),
        "check_s": round(time.perf_counter() - started, 2),
        "edited_post": str(made.newest.relative_to(ws.content)),
        "_newest": made.newest,
    }


class ServeLoop:
    """(e): the dev server over the corpus (serve.py), started at its first use."""

    def __init__(self, ws: Workspace) -> None:
        # An output folder and settings cache of its own: the server's PUBLIC_URL names its
        # port, so its pages differ from (c)'s and (d)'s, and sharing a folder with them would
        # make each render every page again. Cards and image sizes are shared (by digest).
        self.ws = dataclasses.replace(ws, output=ws.root / "output-serve", cache=ws.root / "cache-serve")
        self.child: subprocess.Popen | None = None

    def start(self) -> None:
        for folder in SHARED_CACHES:
            shared, link = self.ws.root / "cache" / folder, self.ws.cache / folder
            if not link.exists():
                shared.mkdir(parents=True, exist_ok=True)
                link.parent.mkdir(parents=True, exist_ok=True)
                link.symlink_to(shared, target_is_directory=True)
        port = _free_port()
        command = [
            sys.executable,
            "-m",
            "tools.bench.serve",
            str(runners.SETTINGS),
            str(self.ws.output),
            str(self.ws.content),
            str(self.ws.cache),
            corpus_mod.NOW.isoformat(),
            str(port),
        ]
        self.child = subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
            env=dict(os.environ, COLUMNS="1000"),
        )
        # Read its output all the time: a build's warnings fill the pipe at 1000 posts, and a
        # child blocked on a full pipe never writes the page the bench is waiting for.
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._until(serve_mod.READY)
        self.port = port

    def _read(self) -> None:
        for line in self.child.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _until(self, marker: str, timeout: float = 1800) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise SystemExit(
                    f"GAGAL: proses serve tidak mencetak '{marker}' dalam {timeout:g} detik"
                ) from None
            if line is None:
                raise SystemExit(f"GAGAL: proses serve berhenti sebelum '{marker}'")
            if marker in line:
                return line

    def rebuild(self, post: Path, title: str) -> dict:
        if self.child is None:
            self.start()
        while not self.lines.empty():  # what earlier builds printed
            self.lines.get_nowait()
        pid = self.child.pid
        page = runners.page_of(self.ws, post)
        # A browser showing the post being edited, as the librarian has it open.
        listener = serve_mod.ReloadListener(
            self.port, f"/{page.parent.relative_to(self.ws.output).as_posix()}/"
        )
        cpu_before = measure.tree_cpu(pid)
        # The peak of this rebuild, not of the server's first build (which renders every page).
        measure.reset_high_water(pid)
        since = time.time_ns()
        start = time.perf_counter()
        runners.retitle(post, title)  # the save; the server's watcher finds it
        needle = title.encode()
        disk = None
        while disk is None:
            try:
                if page.stat().st_mtime_ns >= since and needle in page.read_bytes():
                    disk = time.perf_counter() - start
                    break
            except OSError:
                pass
            if time.perf_counter() - start > 1800:
                raise SystemExit(f"GAGAL: {page} tidak berubah dalam 30 menit")
            time.sleep(0.002)
        reload = listener.next_after(start, 1800)
        listener.close()
        summary = self._until("Selesai:")
        built = time.perf_counter() - start  # the full build after the preview: every page as published
        total, written = measure.html_pages(self.ws.output, since)
        drawn, cached = runners.cards(self.ws)
        return {
            "wall": disk,
            "disk_latency": disk,
            "reload_latency": reload,
            "build_latency": built,
            "rebuild_in_process": _seconds_in(summary),
            "cpu": measure.tree_cpu(pid) - cpu_before,
            "peak_mib": measure.high_water_mib(pid),
            "pages_total": total,
            "pages_written": written,
            "cards_drawn": drawn,
            "cards_cached": cached,
        }

    def stop(self) -> None:
        if self.child is not None:
            self.child.terminate()  # the server runs until stopped, as with Ctrl+C
            self.child.wait(timeout=120)
            measure.reap_orphans()
            self.child = None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((serve_mod.HOST, 0))
        return probe.getsockname()[1]


def _seconds_in(summary: str) -> float | None:
    """The seconds of the runner's "Selesai: ..., dalam 0,4 detik." line."""
    found = re.search(r"dalam ([0-9]+,[0-9]+) detik", summary)
    return float(found.group(1).replace(",", ".")) if found else None


def code_fingerprint() -> tuple[int, int]:
    """Newest mtime and file count of the code under test: others edit it while the bench runs."""
    newest = count = 0
    for top in ("plugins", "theme", "pelicanconf.py"):
        path = ROOT / top
        walked = os.walk(path) if path.is_dir() else [(str(path.parent), [], [path.name])]
        for folder, _dirs, files in walked:
            for name in files:
                if name.endswith((".py", ".html", ".toml", ".css", ".ttf", ".otf")):
                    newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
                    count += 1
    return newest, count


def run_variant(variant: str, ws: Workspace, info: dict, serve: ServeLoop, round_no: int) -> dict:
    keep = {serve.child.pid} if serve.child else set()
    newest = info["_newest"]
    if variant == "e":
        return serve.rebuild(newest, f"{_base_title(newest)} (ubah e{round_no})")
    if variant == "a":
        command, output = runners.bare_command(ws), ws.bare_output
    else:
        if variant == "b":
            runners.empty_cold(ws)
        if variant == "d":
            runners.retitle(newest, f"{_base_title(newest)} (ubah d{round_no})")
        command, output = runners.site_command(ws), ws.output
    since = time.time_ns()
    code = code_fingerprint()
    result = measure.run(command, ROOT, keep)
    if result.returncode != 0:
        raise SystemExit(
            f"GAGAL: varian ({variant}) keluar dengan kode {result.returncode}:\n{result.stderr[-3000:]}"
        )
    total, written = measure.html_pages(output, since)
    row = dataclasses.asdict(result)
    row.pop("stderr")
    row.pop("extra")
    row.update(pages_total=total, pages_written=written, code_changed_during=code != code_fingerprint())
    if variant != "a":
        row["cards_drawn"], row["cards_cached"] = runners.cards(ws, since)
    return row


_TITLES: dict[Path, str] = {}


def _base_title(post: Path) -> str:
    if post not in _TITLES:
        for line in post.read_text(encoding="utf-8").splitlines():
            if line.startswith("title: "):
                _TITLES[post] = line.removeprefix("title: ")
                break
    return _TITLES[post]


def bench_size(posts: int, args, scratch: Path, results: dict) -> dict:
    ws = Workspace.at(scratch / f"n{posts}")
    print(f"\n== N = {posts}: membuat korpus di {ws.root} ...", flush=True)
    info = prepare(ws, posts, args.seed)
    print(
        f"   {info['kinds']}, gambar dibuat {info['images_generated']}, dipakai ulang "
        f"{info['images_reused']}, tagar {info['hashtags']}; lolos pemeriksa "
        f"({info['generate_s']} s + {info['check_s']} s)",
        flush=True,
    )
    measure.run(runners.bare_command(ws), ROOT)  # warm-up, not counted: .pyc and page cache
    if "b" not in args.only and set(args.only) & set("cde"):
        measure.run(runners.site_command(ws), ROOT)  # without (b), (c) must still find a warm cache
    runs: dict[str, list[dict]] = {v: [] for v in args.only}
    serve = ServeLoop(ws)
    order = [v for v in "bcde" if v in args.only]
    try:
        if not order:
            order = ["a"]
        code = code_fingerprint()
        output_behind = False  # (e) edited a post that ws.output was not built from
        for round_no in range(1, args.runs + 1):
            for variant in order:
                if output_behind and variant in "cd":  # (c): nothing changed since the last build
                    measure.run(runners.site_command(ws), ROOT)
                output_behind = variant == "e"
                anchor = run_variant("a", ws, info, serve, round_no)
                runs["a"].append(anchor)
                print(f"   [{round_no}] a {anchor['wall']:7.2f} s", flush=True)
                if variant == "a":
                    continue
                if variant == "e" and serve.child is None:
                    if not (ws.cache / runners.MANIFEST).exists():
                        measure.run(runners.site_command(ws), ROOT)
                    serve.start()
                row = run_variant(variant, ws, info, serve, round_no)
                row["anchor_wall"] = anchor["wall"]
                # The project's code changed since the previous run: caches keyed by it (cards
                # digest the drawing code) are void, so this run is not what its label says.
                row["code_changed"] = code != (code := code_fingerprint())
                if row["code_changed"]:
                    print(
                        f"   [{round_no}] {variant}: kode proyek berubah selama pengukuran "
                        "(engineer lain); putaran ini ditandai code_changed",
                        flush=True,
                    )
                runs[variant].append(row)
                print(
                    f"   [{round_no}] {variant} {row['wall']:7.2f} s  CPU {row['cpu']:7.2f} s  "
                    f"kartu {row.get('cards_drawn')}/{row.get('cards_cached')}",
                    flush=True,
                )
        prof = None
        if args.profile and posts == args.posts[0]:
            if not (ws.cache / runners.MANIFEST).exists():
                measure.run(runners.site_command(ws), ROOT)
            target = args.json.with_name(f"{args.json.stem}-profil-{posts}.prof")
            print(f"   profil build hangat -> {target}", flush=True)
            profile.profile_build(runners.site_command(ws), ROOT, target)
            prof = profile.summarise(target)
            prof["file"] = str(target)
    finally:
        serve.stop()
    info.pop("_newest")
    summary = report.summarise(runs)
    size = {"corpus": info, "runs": runs, "summary": summary, "profile": prof, "loadavg_end": os.getloadavg()}
    print(report.table(posts, summary))
    if prof:
        print(profile.text(prof))
    return size


def main(argv=None) -> None:
    args = parse_args(argv)
    results = {
        "machine": machine(),
        "args": {"posts": args.posts, "runs": args.runs, "only": args.only, "seed": args.seed},
        "sizes": {},
    }
    if not results["machine"]["subreaper"]:
        print("Catatan: tidak bisa menjadi subreaper; CPU pekerja kartu mungkin tidak terhitung.")
    scratch = args.workdir or Path(tempfile.mkdtemp(prefix="serambi-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        for posts in args.posts:
            results["sizes"][posts] = bench_size(posts, args, scratch, results)
            results["exponents"] = report.exponents(results["sizes"])
            report.write_json(args.json, results)  # after each size: a long run keeps what it has
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    if results.get("exponents"):
        print("\nEksponen pertumbuhan (kemiringan log(waktu) terhadap log(N); 1 = linear):")
        for variant, slope in results["exponents"].items():
            print(f"  {variant} {VARIANTS[variant]:34} {slope:.2f}")
    print(f"\nHasil: {args.json}")
    print(
        "Catatan: mesin ini dipakai bersama; angka berisik. Varian berselang-seling dengan (a), "
        "dan yang dilaporkan median."
    )
