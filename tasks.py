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

from plugins._shared.build import build as run_build

ROOT = Path(__file__).resolve().parent
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


@task(help={"push": "kirim cabang gh-pages ke remote origin (bawaan: ya; --no-push hanya membuat "
                    "commit gh-pages di komputer ini)",
            "cname": "domain khusus; bawaan dari PUBLISH_CNAME di publishconf.py"})
def publish(c, push=True, cname=None):
    """Build strictly with publish settings, then ghp-import it to the gh-pages branch."""
    from pelican.settings import read_settings

    check(c)
    settings = read_settings(str(PUBLISH_SETTINGS))
    cname = cname or settings.get("PUBLISH_CNAME")
    # Before the build: a remote we cannot read would otherwise lose its cards on push.
    _fetch_published_site(c)
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
    print("Situs diterbitkan ke cabang gh-pages." if push
          else "Commit gh-pages siap; belum dikirim ke remote (--no-push).")


# Where gh-pages may be: this machine's branch, and origin's as last fetched.
PUBLISHED_REFS = ("refs/heads/gh-pages", "refs/remotes/origin/gh-pages")
NO_SUCH_REF = 2  # `git ls-remote --exit-code`: the remote answered, without that branch


def _fetch_published_site(c) -> None:
    """Fetch origin's gh-pages into origin/gh-pages: another machine may have
    published cards since this one last did, and publish pushes with force."""
    if not c.run("git remote get-url origin", warn=True, hide=True).ok:
        return  # no remote: only this machine's gh-pages counts
    # ls-remote first: its exit code tells "no such branch" from "cannot reach",
    # in any language git speaks; only the second must stop the publish.
    result = c.run("git ls-remote --exit-code origin refs/heads/gh-pages", warn=True, hide=True)
    if result.exited == NO_SUCH_REF:
        return  # the first publish to this remote
    if result.ok:
        refspec = "+refs/heads/gh-pages:refs/remotes/origin/gh-pages"
        result = c.run(f"git fetch --no-tags origin {refspec}", warn=True, hide=True)
    if not result.ok:
        reason = (result.stderr.strip().splitlines() or ["tanpa keterangan"])[-1]
        print(f"GAGAL: cabang gh-pages dari remote origin tidak bisa diambil ({reason}). "
              "Tanpa cabang itu kartu yang sudah terbit bisa hilang, jadi penerbitan dihentikan. "
              "Periksa sambungan internet dan akses ke repositori (coba 'git fetch origin gh-pages'), "
              "lalu jalankan 'invoke publish' lagi.", file=sys.stderr)
        raise Exit(code=1)


def _keep_published_cards(c, scratch: str) -> None:
    """Carry over every card gh-pages already serves: platforms cache a preview by
    image URL for days, so an old post's old card URL must keep working."""
    # Newest commit first: tar keeps the first copy of a file, so for a name held
    # by both, the newest copy wins (and the new build's own cards beat them all).
    listed = c.run("git for-each-ref --sort=-committerdate '--format=%(refname) %(refname:short)' "
                   + " ".join(PUBLISHED_REFS), warn=True, hide=True)
    for line in listed.stdout.splitlines() if listed.ok else []:
        ref, name = line.split()
        kept = c.run(f"git archive {ref} kartu | tar -x --skip-old-files -C {shlex.quote(scratch)}",
                     warn=True, hide=True)
        if kept.ok:
            print(f"Kartu lama dari {name} tetap diterbitkan.")


@task(help={"setup": "pasang dulu Chromium, Java dan paket npm yang dibutuhkan uji",
            "k": "jalankan hanya uji yang namanya cocok"})
def test(c, setup=False, k=""):
    """Run the whole test suite (unit, build, browser, accessibility, HTML validity)."""
    if setup:
        c.run("bash .ci/install-test-tools", pty=False)
    selection = f"-k '{k}'" if k else ""
    # Lint first: a finding fails in seconds, before the long suite (config: pyproject.toml).
    c.run(f"{sys.executable} -m ruff check {shlex.quote(str(ROOT))}", pty=False)
    c.run(f"{sys.executable} -m pytest {selection}", pty=False)


@task
def clean(c):
    """Remove built output and every cache (CACHE_PATH: Pelican's, cards, image sizes)."""
    from pelican.settings import read_settings

    cache = Path(read_settings(str(DEV_SETTINGS))["CACHE_PATH"])
    for path in (OUTPUT, cache):
        shutil.rmtree(path, ignore_errors=True)
    print(f"output/ dan {_shown(cache)} dihapus.")


def _shown(path: Path) -> str:
    """A folder as staff see it: relative to the project when inside it."""
    return f"{path.relative_to(ROOT)}/" if path.is_relative_to(ROOT) else str(path)


@task(help={"posts": "jumlah tulisan untuk pengukuran (bawaan 500)"})
def bench(c, posts=500):
    """Benchmark a build of the sample site scaled to N posts (cold and warm)."""
    c.run(f"{sys.executable} tools/bench.py --posts {int(posts)}", pty=False)
