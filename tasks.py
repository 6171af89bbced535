"""Everyday commands for the library's site. Run `invoke --list` to see them."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import Exit, Program, task
from invoke.exceptions import ParseError

from plugins._shared.build import build as run_build
from plugins.output_guard import ledger

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
HOST, PORT = "127.0.0.1", 8000
WITA = ZoneInfo("Asia/Makassar")
EXAMPLE_NEW = 'invoke new acara "Diskusi Buku Laskar Pelangi"'


def _build_or_exit(settings: Path, output: Path, strict: bool, overrides: dict | None = None) -> None:
    if run_build(settings, output=output, strict=strict, overrides=overrides, reuse_unchanged=True) != 0:
        raise Exit(code=1)


# Build with development settings into output/; content problems only warn.
@task
def build(c):
    """Bangun situs ke output/ untuk dilihat; tulisan bermasalah dilewati dengan peringatan."""
    _build_or_exit(DEV_SETTINGS, OUTPUT, strict=False)


# Build, serve on 127.0.0.1:PORT, rebuild and reload on change (plugins/devserver/).
@task(help={"port": "port situs (bawaan 8000); tautan di halaman ikut port ini"})
def serve(c, port=PORT):
    """Lihat situs di http://127.0.0.1:8000 sambil menyunting; masalah tulisan tampil di peramban."""
    from plugins.devserver.server import serve as run_server

    if run_server(ROOT, DEV_SETTINGS, OUTPUT, HOST, int(port)) != 0:
        raise Exit(code=1)


# Build with publish settings, strictly, into output/.
@task
def preview(c):
    """Bangun dengan pengaturan terbit ke output/, ketat: berhenti bila ada masalah."""
    _build_or_exit(PUBLISH_SETTINGS, OUTPUT, strict=True)


# A strict publish build into a folder of its own: every problem in one report.
@task
def check(c):
    """Periksa semua konten dan pengaturan; tampilkan semua masalah sekaligus."""
    from pelican.settings import read_settings

    # A strict build with publish settings, never published: settings first, then every
    # content problem in one report (feed captions included), then templates. Its folder
    # is kept under CACHE_PATH, so the next check renders only the pages a change shows.
    try:
        cache = Path(read_settings(str(PUBLISH_SETTINGS))["CACHE_PATH"])
    except Exception:  # noqa: BLE001 - the build below names what is wrong, in Indonesian
        with tempfile.TemporaryDirectory(prefix="serambi-check-") as scratch:
            _build_or_exit(PUBLISH_SETTINGS, Path(scratch), strict=True)
        raise
    _build_or_exit(PUBLISH_SETTINGS, cache / CHECKED, strict=True, overrides=KEEP_OUTPUT)
    print("Pemeriksaan selesai: konten, pengaturan dan templat siap diterbitkan.")


CHECKED = "periksa"  # under CACHE_PATH: what `invoke check` built
# Building over a kept folder: the ledger removes what the build no longer makes.
KEEP_OUTPUT = {"DELETE_OUTPUT_DIRECTORY": False}


def _kinds():
    """The kinds of the project's settings (CONTENT_KINDS), as a build sees them."""
    from pelican.settings import read_settings

    from plugins.content_model.kinds import kinds_of

    return kinds_of(read_settings(str(DEV_SETTINGS)))


def _kind_names() -> list[str]:
    """What `invoke new` accepts; the built-in kinds when the settings cannot be read
    (then `invoke new` itself says what is wrong with them)."""
    from plugins.content_model.kinds import DEFAULT
    from plugins.content_model.scaffold import kind_names

    try:
        return kind_names(_kinds())
    except Exception:  # noqa: BLE001 - the list of tasks must still show
        return kind_names(DEFAULT)


# Scaffold a post (or a page) from its kind's fields; kinds from the registry.
@task(
    help={
        "kind": "jenis: " + ", ".join(_kind_names()) + " (huruf besar atau kecil sama saja)",
        "title": "judul, di antara tanda kutip",
    }
)
def new(c, kind, title):
    """Buat tulisan atau halaman baru: invoke new acara "Diskusi Buku Laskar Pelangi".

    Jenis dulu, lalu judul di antara tanda kutip. Halaman tetap (tanpa tanggal)
    dibuat di content/halaman/, misalnya: invoke new halaman "Tentang Kami".
    """
    from plugins._shared.errors import BuildStopped
    from plugins.content_model.scaffold import ScaffoldError, create

    try:
        path = create(CONTENT, kind, title, dt.datetime.now(WITA), kinds=_kinds())
    except (ScaffoldError, BuildStopped) as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        raise Exit(code=1) from None
    print(f"Berkas baru: {path.relative_to(ROOT)}")
    print("Lengkapi kolom yang kosong, lalu jalankan 'invoke check'.")


# Publish exactly a commit of main: refuse uncommitted changes and a HEAD that is
# not origin/main, build a clean worktree of HEAD (the main folder's caches), keep
# every card gh-pages already serves, then ghp-import. The scheduled workflow runs
# this with --no-push on a checkout of main, so the two never undo each other.
# The worktree and the build's output stay under CACHE_PATH/terbit/ between
# publishes, so the next one renders only what changed (the render memo and the
# caches know files by where they are and by their stat).
@task(
    help={
        "push": "kirim cabang gh-pages ke remote origin (bawaan: ya). --no-push hanya membuat "
        "commit gh-pages di komputer ini dan tidak memeriksa apakah commit sudah dikirim",
        "cname": "domain khusus; bawaan dari PUBLISH_CNAME di publishconf.py",
    }
)
def publish(c, push=True, cname=None):
    """Terbitkan isi cabang main (yang sudah di-commit dan dikirim) ke cabang gh-pages."""
    with c.cd(str(ROOT)):  # git's paths are the project's, from whichever folder invoke ran
        _publish(c, push, cname)


def _publish(c, push: bool, cname: str | None) -> None:
    from pelican.settings import read_settings

    _refuse_uncommitted(c)
    if push:
        _refuse_unpushed(c)
    settings = read_settings(str(PUBLISH_SETTINGS))
    cname = cname or settings.get("PUBLISH_CNAME")
    commit = c.run("git rev-parse HEAD", hide=True).stdout.strip()
    # Before the build: a remote we cannot read would otherwise lose its cards on push.
    _fetch_published_site(c)
    cache = Path(settings["CACHE_PATH"])  # absolute: Pelican reads it from the settings file's folder
    workspace = cache / PUBLISH_WORKSPACE
    source, site = workspace / "sumber", workspace / "situs"
    with _publish_lock(source):
        _build_commit(c, commit, source, site, cache)
        # What is published is a copy: the kept output stays exactly what the build made.
        with tempfile.TemporaryDirectory(prefix="terbitan-", dir=workspace) as scratch:
            staged = Path(scratch) / "situs"
            shutil.copytree(site, staged, copy_function=_linked_or_copied)
            _keep_published_cards(c, str(staged), _card_folder(settings))
            # -n writes .nojekyll, so GitHub Pages serves folders that start with "_".
            flags = ["-n", "-b", "gh-pages", "-m", f"Terbitkan situs dari commit {commit[:12]}"]
            if cname:
                flags += ["-c", cname]
            if push:
                flags += ["-p", "-f"]
            command = [sys.executable, "-m", "ghp_import", *flags, str(staged)]
            c.run(shlex.join(command), pty=False)
    print(
        f"Situs dari commit {commit[:12]} diterbitkan ke cabang gh-pages."
        if push
        else f"Commit gh-pages dari commit {commit[:12]} siap; belum dikirim ke remote (--no-push)."
    )


# What a build reads from the project: a change here that is not committed would go
# live from this machine only, and the next publish from main would take it down.
BUILD_INPUTS = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py", "tasks.py")


def _uncommitted(c) -> dict[str, list[str]]:
    """BUILD_INPUTS files that differ from HEAD (staged or not), or are untracked."""
    listed = c.run(
        "git status --porcelain=v1 -z --untracked-files=all -- " + " ".join(BUILD_INPUTS), hide=True
    )
    found: dict[str, list[str]] = {"baru": [], "diubah": [], "dihapus": []}
    entries = iter(listed.stdout.split("\0"))
    for entry in entries:
        if not entry:
            continue
        state, path = entry[:2], entry[3:]
        if "R" in state or "C" in state:
            next(entries, None)  # the name it had before: a path of its own in -z output
        if state == "??":
            found["baru"].append(path)
        elif "D" in state:
            found["dihapus"].append(path)
        else:
            found["diubah"].append(path)
    return {how: paths for how, paths in found.items() if paths}


def _refuse_uncommitted(c) -> None:
    found = _uncommitted(c)
    if not found:
        return
    shown = {
        "baru": "berkas baru, belum pernah di-commit",
        "diubah": "berkas diubah, belum di-commit",
        "dihapus": "berkas dihapus, belum di-commit",
    }
    lines = [
        "GAGAL: ada perubahan yang belum di-commit, jadi belum ada yang diterbitkan. "
        "'invoke publish' hanya menerbitkan isi cabang main: yang belum di-commit akan hilang "
        "lagi pada penerbitan otomatis berikutnya."
    ]
    for how, paths in found.items():
        lines.append(f"  {shown[how]}:")
        lines += [f"    {path}" for path in paths]
    paths = [path for paths in found.values() for path in paths]
    lines += [
        "Simpan perubahan itu ke git, kirim, lalu terbitkan:",
        "  git add " + " ".join(shlex.quote(path) for path in paths),
        '  git commit -m "Tambah tulisan Diskusi Buku Laskar Pelangi"',
        "  git push",
        "  invoke publish",
        "Bila perubahan itu belum mau diterbitkan, pindahkan berkas barunya keluar dari folder "
        "proyek, atau kembalikan berkas yang diubah atau dihapus dengan: git restore NAMA-BERKAS",
    ]
    print("\n".join(lines), file=sys.stderr)
    raise Exit(code=1)


def _refuse_unpushed(c) -> None:
    """Refuse unless HEAD is exactly origin's main, freshly fetched."""
    no_push = "Untuk membuat commit gh-pages di komputer ini saja, tanpa mengirim: invoke publish --no-push"
    if not c.run("git remote get-url origin", warn=True, hide=True).ok:
        _refuse(
            "proyek ini belum punya remote 'origin' (repositori di GitHub), jadi tidak bisa "
            "dipastikan bahwa yang diterbitkan sudah ada di cabang main di sana. Sambungkan dulu, "
            "misalnya: git remote add origin https://github.com/NAMA-AKUN/serambi.git lalu "
            "git push -u origin main, lalu jalankan 'invoke publish' lagi. " + no_push + "."
        )
    failed = _fetch_branch(c, "main")
    if failed is MISSING_BRANCH:
        _refuse(
            "remote origin belum punya cabang main, jadi belum ada yang bisa diterbitkan. Kirim "
            "dulu: git push -u origin main, lalu jalankan 'invoke publish' lagi."
        )
    if failed:
        _refuse(
            f"cabang main dari remote origin tidak bisa diambil ({failed}), jadi tidak bisa "
            "dipastikan bahwa commit ini sudah ada di sana. Periksa sambungan internet dan akses ke "
            "repositori (coba 'git fetch origin main'), lalu jalankan 'invoke publish' lagi."
        )
    if not c.run("git merge-base --is-ancestor HEAD refs/remotes/origin/main", warn=True, hide=True).ok:
        _refuse(
            "commit terakhir di komputer ini belum ada di cabang main di origin, jadi "
            "penerbitan otomatis berikutnya akan menurunkannya lagi. Kirim dulu: git push "
            "(bila ditolak: git pull, lalu git push), lalu jalankan 'invoke publish' lagi."
        )
    head, main = (
        c.run(f"git rev-parse {ref}", hide=True).stdout.strip()
        for ref in ("HEAD", "refs/remotes/origin/main")
    )
    if head != main:
        _refuse(
            "cabang main di origin sudah punya commit yang belum ada di komputer ini (dari rekan "
            "lain atau dari GitHub); menerbitkan sekarang akan menurunkan isinya. Ambil dulu: "
            "git pull, lalu jalankan 'invoke publish' lagi."
        )


def _refuse(message: str) -> None:
    print(f"GAGAL: {message}", file=sys.stderr)
    raise Exit(code=1)


PUBLISH_WORKSPACE = "terbit"  # under CACHE_PATH: publish's worktree and output
BUILT = ".selesai"  # beside the output: the last build into it completed


def _build_commit(c, commit: str, source: Path, site: Path, cache: Path) -> None:
    """Build COMMIT strictly with publish settings into SITE, from a clean worktree
    at SOURCE (its own plugins, theme and settings), with the main folder's caches.
    SITE keeps the last completed build: the ledger removes what this one no longer
    makes. One that did not complete (failed or killed), or whose ledger is lost, is not
    built over."""
    built = site.parent / BUILT
    if not built.exists() or not ledger.knows(cache, site):
        shutil.rmtree(site, ignore_errors=True)
    built.unlink(missing_ok=True)
    _check_out(c, commit, source)
    command = [
        sys.executable,
        "-m",
        "plugins._shared.build",
        "publishconf.py",
        "--output",
        str(site),
        "--strict",
        "--keep-output",
        "--cache",
        str(cache),
    ]
    with c.cd(str(source)):  # `python -m` puts the worktree first on sys.path
        result = c.run(shlex.join(command), warn=True, pty=False)
    if not result.ok:
        raise Exit(code=1)
    built.touch()


def _check_out(c, commit: str, source: Path) -> None:
    """SOURCE holds exactly COMMIT and nothing else: the last publish's worktree moved
    to it (git writes only the files that differ, so the rest keep their stat), or a
    new worktree where there is none."""
    source = source.resolve()  # as git lists its worktrees
    quoted = shlex.quote(str(source))
    listed = c.run("git worktree list --porcelain", hide=True).stdout.splitlines()
    # Should .git vanish meanwhile, git must fail, not find the project's own repository
    # above (CACHE_PATH is inside it) and check the commit out there.
    alone = {"GIT_CEILING_DIRECTORIES": str(source.parent)}
    if f"worktree {source}" in listed and (source / ".git").is_file():
        moved = c.run(
            f"git -C {quoted} checkout --quiet --force --detach {commit}", warn=True, hide=True, env=alone
        )
        # Everything git does not hold goes, ignored files too; compiled code stays (it is
        # checked against its source), so the build does not compile every module again.
        if (
            moved.ok
            and c.run(f"git -C {quoted} clean -ffdxq -e __pycache__", warn=True, hide=True, env=alone).ok
        ):
            return
    shutil.rmtree(source, ignore_errors=True)  # not a worktree of this project (a copied cache)
    c.run("git worktree prune", hide=True)
    c.run(f"git worktree add --quiet --force --detach {quoted} {commit}", hide=True)


@contextlib.contextmanager
def _publish_lock(source: Path):
    """One publish at a time per project: two would check out one worktree at once."""
    from plugins._shared.errors import BuildStopped
    from plugins.output_guard import lock

    try:
        lock.acquire(source, lock.wait_seconds())
    except BuildStopped:
        print(
            "GAGAL: penerbitan lain dari proyek ini masih berjalan, jadi belum ada yang "
            "diterbitkan. Tunggu sampai penerbitan itu selesai (atau hentikan prosesnya), "
            "lalu jalankan 'invoke publish' lagi.",
            file=sys.stderr,
        )
        raise Exit(code=1) from None
    try:
        yield
    finally:
        lock.release(source)


def _linked_or_copied(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


# Where gh-pages may be: this machine's branch, and origin's as last fetched.
PUBLISHED_REFS = ("refs/heads/gh-pages", "refs/remotes/origin/gh-pages")
NO_SUCH_REF = 2  # `git ls-remote --exit-code`: the remote answered, without that branch


def _fetch_published_site(c) -> None:
    """Fetch origin's gh-pages into origin/gh-pages: another machine may have
    published cards since this one last did, and publish pushes with force."""
    if not c.run("git remote get-url origin", warn=True, hide=True).ok:
        return  # no remote: only this machine's gh-pages counts
    failed = _fetch_branch(c, "gh-pages")
    if failed is MISSING_BRANCH or failed is None:
        return  # fetched, or the first publish to this remote
    _refuse(
        f"cabang gh-pages dari remote origin tidak bisa diambil ({failed}). "
        "Tanpa cabang itu kartu yang sudah terbit bisa hilang, jadi penerbitan dihentikan. "
        "Periksa sambungan internet dan akses ke repositori (coba 'git fetch origin gh-pages'), "
        "lalu jalankan 'invoke publish' lagi."
    )


MISSING_BRANCH = "cabang tidak ada"  # _fetch_branch: origin has no such branch


def _fetch_branch(c, branch: str) -> str | None:
    """Fetch origin's BRANCH into origin/BRANCH: None when fetched, MISSING_BRANCH when
    origin has none, else git's reason for failing."""
    # ls-remote first: its exit code tells "no such branch" from "cannot reach",
    # in any language git speaks.
    result = c.run(f"git ls-remote --exit-code origin refs/heads/{branch}", warn=True, hide=True)
    if result.exited == NO_SUCH_REF:
        return MISSING_BRANCH
    if result.ok:
        refspec = f"+refs/heads/{branch}:refs/remotes/origin/{branch}"
        result = c.run(f"git fetch --no-tags origin {refspec}", warn=True, hide=True)
    if result.ok:
        return None
    return (result.stderr.strip().splitlines() or ["tanpa keterangan"])[-1]


def _card_folder(settings: dict) -> str:
    """The cards' folder of the site (SOCIAL_CARDS.folder), parsed as the build parses it."""
    from plugins._shared.settings import setting
    from plugins.social_cards.settings import CardOptions

    return setting(settings, CardOptions).folder


def _keep_published_cards(c, scratch: str, folder: str) -> None:
    """Carry over every card gh-pages already serves: platforms cache a preview by
    image URL for days, so an old post's old card URL must keep working."""
    # Newest commit first: tar keeps the first copy of a file, so for a name held
    # by both, the newest copy wins (and the new build's own cards beat them all).
    listed = c.run(
        "git for-each-ref --sort=-committerdate '--format=%(refname) %(refname:short)' "
        + " ".join(PUBLISHED_REFS),
        warn=True,
        hide=True,
    )
    for line in listed.stdout.splitlines() if listed.ok else []:
        ref, name = line.split()
        kept = c.run(
            f"git archive {ref} {shlex.quote(folder)} | tar -x --skip-old-files -C {shlex.quote(scratch)}",
            warn=True,
            hide=True,
        )
        if kept.ok:
            print(f"Kartu lama dari {name} tetap diterbitkan.")


# Ruff, then the whole pytest suite (unit, build, browser, accessibility, HTML).
@task(
    help={
        "setup": "pasang dulu Chromium, Java dan paket npm yang dibutuhkan uji",
        "k": "jalankan hanya uji yang namanya cocok",
    }
)
def test(c, setup=False, k=""):
    """Jalankan semua uji (untuk pengembang): unit, pembangunan, peramban, aksesibilitas."""
    if setup:
        c.run("bash .ci/install-test-tools", pty=False)
    selection = f"-k '{k}'" if k else ""
    # Lint and format first: a finding fails in seconds, before the long suite (pyproject.toml).
    c.run(f"{sys.executable} -m ruff check {shlex.quote(str(ROOT))}", pty=False)
    c.run(f"{sys.executable} -m ruff format --check {shlex.quote(str(ROOT))}", pty=False)
    # On every core (pytest-xdist), each test file on one worker (loadscope) so a file's
    # shared builds are made once; the workers share one card cache (tests/conftest.py).
    # Plain `pytest` stays in one process, for a test or two.
    c.run(f"{sys.executable} -m pytest -n auto --dist loadscope {selection}", pty=False)


# Remove output/ and CACHE_PATH (Pelican's cache, cards, image sizes).
@task
def clean(c):
    """Hapus hasil bangun (output/) dan semua tembolok (kartu, ukuran gambar)."""
    from pelican.settings import read_settings

    cache = Path(read_settings(str(DEV_SETTINGS))["CACHE_PATH"])
    for path in (OUTPUT, cache):
        shutil.rmtree(path, ignore_errors=True)
    # publish's worktree was in CACHE_PATH/terbit/: git forgets it once it is gone.
    with c.cd(str(ROOT)):
        c.run("git worktree prune", warn=True, hide=True)
    print(f"output/ dan {_shown(cache)} dihapus.")


def _shown(path: Path) -> str:
    """A folder as staff see it: relative to the project when inside it."""
    return f"{path.relative_to(ROOT)}/" if path.is_relative_to(ROOT) else str(path)


# Benchmark: a synthetic corpus of N posts, bare Pelican against this site (tools/bench/).
@task(
    help={
        "posts": "jumlah tulisan (bawaan 1000; 100 dan 5000 juga bisa); sebut dua kali untuk eksponen "
        "pertumbuhan, misalnya --posts 1000 --posts 5000",
        "runs": "berapa kali setiap varian diukur (bawaan 3; yang dilaporkan median)",
        "only": "varian yang diukur, misalnya ac (bawaan abcde; a selalu ikut sebagai pembanding)",
        "profile": "profilkan satu pembangunan hangat (cProfile) sesudah pengukuran",
        "json": "berkas hasil JSON (bawaan bench-results.json di folder ini)",
    },
    iterable=["posts"],
)
def bench(c, posts=None, runs=3, only="abcde", profile=False, json="bench-results.json"):
    """Ukur lama pembangunan: korpus sintetis N tulisan, Pelican polos dibanding situs ini (pengembang)."""
    sizes = " ".join(f"--posts {int(n)}" for n in (posts or [1000]))
    flags = " --profile" if profile else ""
    c.run(
        f"{sys.executable} tools/bench.py {sizes} --runs {int(runs)} --only {shlex.quote(only)} "
        f"--json {shlex.quote(json)}{flags}",
        pty=False,
    )


# A contact sheet of every card of a build (tools/contact_sheet.py), to look at.
@task(help={"output": "folder hasil bangun (bawaan: output/)"})
def kartu(c, output=str(OUTPUT)):
    """Bangun situs, lalu buat lembar kontak semua kartu media sosial (kartu-lembar.png)."""
    if Path(output) == OUTPUT:
        build(c)
    c.run(
        f"{sys.executable} tools/contact_sheet.py {shlex.quote(str(Path(output) / 'kartu'))} "
        f"--out {shlex.quote(str(Path(output) / 'kartu-lembar.png'))}",
        pty=False,
    )
    print(f"Lembar kontak kartu: {_shown(Path(output).resolve() / 'kartu-lembar.png')}")


# invoke's own words in Indonesian: the task list, a task's help, and the parser's
# errors (a missing title, an unknown task). The `invoke` console script runs the
# Program instance in invoke.main and imports this file from inside Program.run();
# the steps after loading (parse_tasks, parse_cleanup, the listing) are looked up on
# the instance's class when called, so giving that instance this subclass changes
# what the rest of the run prints. Only a plain Program is changed (not a bundled
# or a test's own). Still English: `invoke --help` (core options), --version,
# --complete and the errors raised before tasks.py is loaded (e.g. no tasks.py found).
_SHOWN_ARGS = {"kind": "JENIS", "title": '"JUDUL"'}  # in a task's usage line


class _IndonesianProgram(Program):
    def task_list_opener(self, extra: str = "") -> str:
        return "Perintah yang tersedia (jalankan: invoke NAMA)"

    def list_tasks(self) -> None:
        super().list_tasks()
        if self.list_format != "json":
            print("Penjelasan satu perintah: invoke --help NAMA, misalnya: invoke --help new")

    def no_tasks_given(self) -> None:
        self.list_tasks()  # instead of invoke's core options: staff want the commands
        raise Exit

    def print_task_help(self, name: str) -> None:
        import inspect

        context = self.parser.contexts[name]
        positional = "".join(
            f" {_SHOWN_ARGS.get(arg.name, arg.name.upper())}" for arg in context.positional_args
        )
        print(f"Cara pakai: invoke {name}{positional}" + (" [pilihan]" if context.flags else ""))
        print("")
        print("Penjelasan:")
        for line in (inspect.getdoc(self.collection[name]) or "-").splitlines():
            print(self.leading_indent + line if line.strip() else "")
        print("")
        tuples = context.help_tuples()
        print("Pilihan:")
        if tuples:
            self.print_columns(tuples)
        else:
            print(self.leading_indent + "tidak ada")
            print("")

    def parse_tasks(self) -> None:
        try:
            super().parse_tasks()
        except ParseError as error:
            raise ParseError(_in_indonesian(error), error.context) from None

    def parse_cleanup(self) -> None:
        try:
            super().parse_cleanup()
        except ParseError as error:
            raise ParseError(_in_indonesian(error), error.context) from None


# invoke 3.0.3's parser messages (invoke/parser/parser.py, invoke/program.py).
_MISSING = re.compile(r"'(?P<task>[^']+)' did not receive required positional arguments: (?P<names>.+)")
_UNKNOWN = re.compile(r"No idea what '(?P<what>.*)' is!", re.DOTALL)
_NO_VALUE = re.compile(r"Flag .* needed value and was not given one!")


def _in_indonesian(error: ParseError) -> str:
    """invoke's parse error as staff can act on it, with a command that works; an
    unknown message keeps invoke's words after an Indonesian lead."""
    message = str(error)
    task_name = error.context.name if error.context is not None else None
    missing, unknown = _MISSING.fullmatch(message), _UNKNOWN.fullmatch(message)
    if missing and missing["task"] == "new":
        return _new_needs(error.context)
    if missing:
        return (
            f"GAGAL: 'invoke {missing['task']}' masih perlu {missing['names']}. "
            f"Lihat caranya: invoke --help {missing['task']}"
        )
    if unknown and task_name == "new":
        return (
            f"GAGAL: '{unknown['what']}' tidak dikenal. Judul yang terdiri atas beberapa kata harus "
            f"ditulis di antara tanda kutip, misalnya: {EXAMPLE_NEW}"
        )
    if unknown and unknown["what"].startswith("-"):
        where = f"invoke --help {task_name}" if task_name else "invoke --help NAMA"
        return f"GAGAL: pilihan '{unknown['what']}' tidak dikenal. Lihat pilihan yang ada: {where}"
    if unknown:
        return (
            f"GAGAL: perintah '{unknown['what']}' tidak ada. Lihat daftar perintah: invoke --list "
            "(misalnya: invoke check)"
        )
    if _NO_VALUE.fullmatch(message):
        where = f"invoke --help {task_name}" if task_name else "invoke --list"
        return (
            f"GAGAL: pilihan itu perlu nilai sesudahnya, misalnya: invoke bench --posts 100. Lihat: {where}"
        )
    return f"GAGAL: perintah tidak dipahami ({message}). Lihat daftar perintah: invoke --list"


def _new_needs(context) -> str:
    """What `invoke new` still needs: the kind and the title, or only the title."""
    from plugins.content_model.kinds import DEFAULT
    from plugins.content_model.scaffold import find_kind

    try:
        registry = _kinds()
    except Exception:  # noqa: BLE001 - broken settings: `invoke new` itself will name them
        registry = DEFAULT
    kinds = _kind_names()
    given = context.args["kind"].value if context is not None else None
    if given:
        kind = find_kind(registry, given)
        kind = kind or next(iter(registry.posts.values()))  # the site's first kind
        return (
            f"GAGAL: judulnya belum ditulis. Tulis judul sesudah jenisnya, di antara tanda kutip, "
            f'misalnya: invoke new {kind.slug} "{kind.example_title}"'
        )
    return (
        "GAGAL: 'invoke new' perlu jenis dan judul: jenis dulu, lalu judul di antara tanda kutip, "
        f"misalnya: {EXAMPLE_NEW}\n"
        f"Jenis yang bisa dipakai: {', '.join(kinds)}. Untuk halaman tetap (tanpa tanggal), "
        f'misalnya: invoke new {registry.page.slug} "{registry.page.example_title}"'
    )


def _speak_indonesian() -> None:
    from invoke import main

    if type(main.program) is Program:
        main.program.__class__ = _IndonesianProgram


_speak_indonesian()


# Rewrite tests/fixtures/golden/sample.json (tests/site/test_snapshot.py) after an
# intended change: the sample site built at the tests' fixed moment, read by tools/snapshot.py.
SNAPSHOT_NOW = "2026-11-28T10:00:00+08:00"  # the tests' BUILD_NOW (tests/site/sitekit.py)


@task
def snapshot(c):
    """Tulis ulang cuplikan situs contoh untuk uji (sesudah perubahan yang disengaja)."""
    from pelican.settings import read_settings

    golden = ROOT / "tests" / "fixtures" / "golden" / "sample.json"
    shared = Path(read_settings(str(DEV_SETTINGS))["CACHE_PATH"])
    with tempfile.TemporaryDirectory(prefix="serambi-cuplikan-") as scratch:
        cache = Path(scratch) / "cache"
        for name in (
            "kartu",
            "gambar",
        ):  # drawn cards and image sizes are reused; the manifest is this build's
            (shared / name).mkdir(parents=True, exist_ok=True)
            cache.mkdir(exist_ok=True)
            (cache / name).symlink_to((shared / name).resolve(), target_is_directory=True)
        output = Path(scratch) / "output"
        command = [
            sys.executable,
            "-m",
            "plugins._shared.build",
            str(DEV_SETTINGS),
            "--output",
            str(output),
            "--now",
            SNAPSHOT_NOW,
            "--cache",
            str(cache),
        ]
        c.run(shlex.join(command), pty=False)
        golden.parent.mkdir(parents=True, exist_ok=True)
        # Straight to the file: invoke's out_stream decodes in chunks, which splits a
        # multi-byte character at a chunk's edge into U+FFFD.
        with golden.open("wb") as out:
            subprocess.run(
                [sys.executable, "tools/snapshot.py", str(output), str(cache / "kartu-manifest.json")],
                stdout=out,
                check=True,
                cwd=ROOT,
            )
    print(f"Cuplikan ditulis: {golden.relative_to(ROOT)}. Baca diff-nya sebelum commit.")
