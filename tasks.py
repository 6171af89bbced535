"""Everyday commands for the library's site. Run `invoke --list` to see them."""

from __future__ import annotations

import datetime as dt
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from plugins._shared.build import build as run_build  # noqa: E402

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
HOST, PORT = "127.0.0.1", 8000
WITA = ZoneInfo("Asia/Makassar")


def _build_or_exit(settings: Path, output: Path, strict: bool) -> None:
    if run_build(settings, output=output, strict=strict) != 0:
        raise Exit(code=1)


@task
def build(c):
    """Build the site with development settings into output/ (content problems warn)."""
    _build_or_exit(DEV_SETTINGS, OUTPUT, strict=False)


@task
def serve(c, port=PORT):
    """Build, serve on http://127.0.0.1:8000, rebuild and reload the browser on change."""
    from livereload import Server

    build(c)
    server = Server()
    rebuild = lambda: run_build(DEV_SETTINGS, output=OUTPUT)  # noqa: E731
    for watched in ("content/", "theme/", "plugins/", "pelicanconf.py"):
        server.watch(str(ROOT / watched), rebuild)
    print(f"Situs tersaji di http://{HOST}:{port}/ (Ctrl+C untuk berhenti)")
    server.serve(host=HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)


@task
def preview(c):
    """Build with publish settings, strictly, into output/ to look at before publishing."""
    _build_or_exit(PUBLISH_SETTINGS, OUTPUT, strict=True)


@task
def check(c):
    """Check all content and settings; report every problem; fail if there is any."""
    # A strict build with publish settings, thrown away: settings first, then every
    # content problem in one report (feed captions included), then templates.
    with tempfile.TemporaryDirectory(prefix="serambi-check-") as scratch:
        _build_or_exit(PUBLISH_SETTINGS, Path(scratch), strict=True)
    print("Pemeriksaan selesai: konten, pengaturan dan templat siap diterbitkan.")


@task(help={"kind": "jenis: acara, tutorial, infografis, literasi-digital, pengumuman, koleksi-baru",
            "title": "judul tulisan, di antara tanda kutip"})
def new(c, kind, title):
    """Start a post: invoke new acara "Diskusi Buku Laskar Pelangi"."""
    from plugins.content_model.scaffold import ScaffoldError, create

    try:
        path = create(CONTENT, kind, title, dt.datetime.now(WITA))
    except ScaffoldError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        raise Exit(code=1) from None
    print(f"Berkas baru: {path.relative_to(ROOT)}")
    print("Lengkapi kolom yang kosong, lalu jalankan 'invoke check'.")


@task(help={"push": "kirim cabang gh-pages ke remote origin (bawaan: ya)",
            "cname": "domain khusus; bawaan dari PUBLISH_CNAME di publishconf.py"})
def publish(c, push=True, cname=None):
    """Build strictly with publish settings, then ghp-import it to the gh-pages branch."""
    from pelican.settings import read_settings

    check(c)
    settings = read_settings(str(PUBLISH_SETTINGS))
    cname = cname or settings.get("PUBLISH_CNAME")
    # Build into a fresh folder: only a build that completed is ever published.
    with tempfile.TemporaryDirectory(prefix="serambi-publish-") as scratch:
        _build_or_exit(PUBLISH_SETTINGS, Path(scratch), strict=True)
        _keep_published_cards(c, scratch)
        # -n writes .nojekyll, so GitHub Pages serves folders that start with "_".
        flags = ["-n", "-b", "gh-pages", "-m", "Terbitkan situs"]
        if cname:
            flags += ["-c", cname]
        if push:
            flags += ["-p", "-f"]
        command = [sys.executable, "-m", "ghp_import", *flags, scratch]
        c.run(shlex.join(command), pty=False)
    print("Situs diterbitkan ke cabang gh-pages.")


def _keep_published_cards(c, scratch: str) -> None:
    """Carry over every card gh-pages already serves: platforms cache a preview by
    image URL for days, so an old post's old card URL must keep working."""
    for ref in ("gh-pages", "origin/gh-pages"):
        if c.run(f"git rev-parse --verify --quiet {ref}", warn=True, hide=True).ok:
            kept = c.run(f"git archive {ref} kartu | tar -x --skip-old-files -C {shlex.quote(scratch)}",
                         warn=True, hide=True)
            if kept.ok:
                print(f"Kartu lama dari {ref} tetap diterbitkan.")
            return


@task(help={"setup": "pasang dulu Chromium, Java dan paket npm yang dibutuhkan uji",
            "k": "jalankan hanya uji yang namanya cocok"})
def test(c, setup=False, k=""):
    """Run the whole test suite (unit, build, browser, accessibility, HTML validity)."""
    if setup:
        c.run("bash .ci/install-test-tools", pty=False)
    selection = f"-k '{k}'" if k else ""
    c.run(f"{sys.executable} -m pytest {selection}", pty=False)


@task
def clean(c):
    """Remove built output and caches."""
    for path in (OUTPUT, ROOT / ".cache"):
        shutil.rmtree(path, ignore_errors=True)
    print("output/ dan .cache/ dihapus.")


@task(help={"posts": "jumlah tulisan untuk pengukuran (bawaan 500)"})
def bench(c, posts=500):
    """Benchmark a build of the sample site scaled to N posts (cold and warm)."""
    c.run(f"{sys.executable} tools/bench.py --posts {int(posts)}", pty=False)
