"""Nothing stale: a build after a change, on a warm cache into the same output, equals a
clean build of the same content, byte for byte (pages, feeds, calendars, cards, images).

Each case builds the fixture site into A with a cache, makes one change, builds A
again, builds B from nothing (no cache at all), and compares every file.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import json
import os
import pickle
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from plugins.render_memo.memo import record_path
from plugins.render_memo.plugin import forget_old_fingerprints, made_under
from sitekit import (
    BUILD_NOW,
    FIXTURE_CONTENT,
    ROOT,
    SHARED_CACHES,
    make_images,
    run_build,
    session_cache,
    share_caches,
)

EVENT = "acara/2026-11-05-lomba-mewarnai-anak.md"  # ends 2026-11-21 12:00 WITA
BEFORE_END = "2026-11-21T11:00:00+08:00"
EARLIER_BEFORE_END = "2026-11-21T10:20:00+08:00"  # no session, action or reminder between
AFTER_END = "2026-11-21T13:00:00+08:00"
POST = "koleksi-baru/2026-11-18-laskar-pelangi.md"


def copy_content(target: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, target)
    make_images(target)
    return target


def fresh_site(folder: Path) -> tuple[Path, Path, Path]:
    """(content, cache, output) in folder: the fixture content copied, a cache sharing the
    session's cards and image sizes, and where to build."""
    return copy_content(folder / "content"), share_caches(folder / "cache"), folder / "output"


def files_of(root: Path) -> dict[str, Path]:
    return {str(p.relative_to(root)): p for p in sorted(root.rglob("*")) if p.is_file()}


def differences(incremental: Path, clean: Path) -> tuple[list[str], list[str], list[str]]:
    """(differing, missing from incremental, only in incremental) relative paths."""
    a, b = files_of(incremental), files_of(clean)
    differing = [name for name in b if name in a and not filecmp.cmp(a[name], b[name], shallow=False)]
    return differing, sorted(set(b) - set(a)), sorted(set(a) - set(b))


def build(output: Path, content: Path, cache: Path, now: str = BUILD_NOW, settings: Path | None = None):
    # --full: these cases are about what a build that runs makes on a warm cache (the one
    # that finds nothing changed and does not run: test_unchanged_build.py).
    run = run_build(
        output,
        content=content,
        now=now,
        cache=cache,
        full=True,
        **({"settings": settings} if settings else {}),
    )
    assert run.returncode == 0, run.log
    return run


def memo_stats(cache: Path, output: Path) -> dict:
    return json.loads(record_path(cache, output).read_text(encoding="utf-8"))["last_build"]


def global_of(cache: Path, output: Path) -> str:
    """The global fingerprint the last build into output was made under."""
    return json.loads(record_path(cache, output).read_text(encoding="utf-8"))["global"]


def shared_entries() -> set[Path]:
    """Every file in the session's shared caches (cards, image copies, posters) now."""
    return {path for name in SHARED_CACHES for path in (session_cache() / name).rglob("*") if path.is_file()}


def caches_holding(cache_path: Path, entries: set[Path]) -> Path:
    """cache_path with shared caches of its own that link only these of the session's entries."""
    for name in SHARED_CACHES:
        (cache_path / name).mkdir(parents=True)
    for entry in entries:
        linked = cache_path / entry.relative_to(session_cache())
        linked.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):  # another worker's, replaced meanwhile
            try:
                os.link(entry, linked)
            except OSError as error:  # a kept SERAMBI_TEST_CACHE on another file system
                if error.errno != errno.EXDEV:
                    raise
                shutil.copy2(entry, linked)
    return cache_path


def rebuilt_and_clean(
    tmp_path: Path,
    change,
    now_before=BUILD_NOW,
    now_after=BUILD_NOW,
    settings=None,
    draw_anew=False,
    draw_anew_named: str | None = None,
):
    """Build A, change, build A again; build B clean. Returns (A, B, stats of A's second build).

    B has a Pelican cache and memo of its own. Its cards and image sizes are the session's,
    named by a digest of everything they are drawn from, unless draw_anew: then B draws
    every one itself, for the changes to what they are drawn from (a title, an image).
    With draw_anew_named, B reuses only what the session held before the change and whose
    name does not start with it (a post's cards, an image's copies): B draws those anew,
    whatever A's second build drew and whatever an earlier run kept.
    """
    content = copy_content(tmp_path / "content")
    cache_a = share_caches(tmp_path / "cache-a")  # the session's cards: only A's speed
    a, b = tmp_path / "a", tmp_path / "b"
    build(a, content, cache_a, now_before, settings)
    held_before = shared_entries()
    change(content)
    build(a, content, cache_a, now_after, settings)
    clean_cache = tmp_path / "clean-cache"
    if draw_anew:
        cache_b = clean_cache
    elif draw_anew_named:
        # The name must still match what the session holds, or nothing would be drawn anew.
        assert any(entry.name.startswith(draw_anew_named) for entry in held_before), draw_anew_named
        kept = {entry for entry in held_before if not entry.name.startswith(draw_anew_named)}
        cache_b = caches_holding(clean_cache, kept)
    else:
        cache_b = share_caches(clean_cache)
    build(b, content, cache_b, now_after, settings)
    if draw_anew_named:
        drawn = [path for path in cache_b.rglob(f"{draw_anew_named}*") if path.is_file()]
        assert drawn, f"B drew nothing named {draw_anew_named}*: what does the change derive?"
    return a, b, memo_stats(cache_a, a)


def assert_same(a: Path, b: Path) -> None:
    differing, missing, extra = differences(a, b)
    assert not differing and not missing and not extra, (
        f"incremental build differs from a clean one: {len(differing)} file(s) differ {differing}, "
        f"{len(missing)} missing {missing}, {len(extra)} only in the incremental build {extra}"
    )


def retitle(content: Path) -> None:
    path = content / POST
    text = path.read_text(encoding="utf-8")
    # The post's own title: "title: Laskar Pelangi" alone would match its book_title.
    retitled = text.replace('title: "Baru Tiba: Laskar Pelangi"', 'title: "Laskar Pelangi (Edisi Baru)"', 1)
    assert retitled != text, f"{POST} has another title now: change retitle() to match"
    path.write_text(retitled, "utf-8")


@dataclass
class Retitled:
    a: Path  # built, the post retitled, built again
    b: Path  # the retitled content built clean, every card and image drawn anew
    stats: dict  # of A's second build
    before: dict[str, tuple[bytes, os.stat_result]]  # A's files after its first build


@pytest.fixture(scope="module")
def retitled(tmp_path_factory) -> Retitled:
    tmp = tmp_path_factory.mktemp("retitled")
    before = {}

    def change(content: Path) -> None:
        before.update(
            {name: (path.read_bytes(), os.stat(path)) for name, path in files_of(tmp / "a").items()}
        )
        retitle(content)

    a, b, stats = rebuilt_and_clean(tmp, change, draw_anew=True)
    return Retitled(a, b, stats, before)


def test_title_change_equals_clean_build(retitled):
    """No file differs, none is missing, and none a clean build lacks is left behind."""
    assert_same(retitled.a, retitled.b)
    # Its page, the listings and tag pages showing it were rendered; not every page.
    assert retitled.stats["rendered"] > 0 and retitled.stats["skipped"] > 0, retitled.stats


# The feeds page reads feeds.everything whole (a method call, Feed.path): any post counts.
READS_EVERY_POST = {"umpan/index.html"}


def test_a_title_change_renders_only_the_pages_that_show_the_post(retitled):
    """A page that filters every post (the series list, the tag index) but shows this one
    nowhere is not rendered again; a page rendered again whose bytes did not change is
    not written again."""
    rendered = set(retitled.stats["rendered_pages"])
    link = "/" + POST.split("/")[0] + "/laskar-pelangi/"
    pages = {name: path for name, path in files_of(retitled.a).items() if name.endswith(".html")}
    showing = {name for name, path in pages.items() if link in path.read_text(encoding="utf-8")}
    assert "koleksi-baru/laskar-pelangi/index.html" in rendered
    assert rendered <= showing | READS_EVERY_POST, sorted(rendered - showing)
    assert len(rendered) < len(pages) / 2, sorted(rendered)
    for name in pages:
        data, stat = retitled.before[name]
        now = os.stat(pages[name])
        if (now.st_ino, now.st_mtime_ns) != (stat.st_ino, stat.st_mtime_ns):
            assert pages[name].read_bytes() != data, f"{name} written again with the same bytes"


@dataclass
class BuiltTwice:
    """The fixture site built twice into one output, nothing changed between."""

    output: Path
    content: Path
    cache: Path
    first: dict  # the builds' memo stats
    second: dict
    rewritten: list[str]  # pages the second build wrote again


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory) -> BuiltTwice:
    content, cache, output = fresh_site(tmp_path_factory.mktemp("twice"))
    build(output, content, cache)
    first = memo_stats(cache, output)
    stamps = {name: os.stat(path).st_mtime_ns for name, path in files_of(output).items()}
    build(output, content, cache)
    rewritten = [
        name
        for name, path in files_of(output).items()
        if name.endswith(".html") and os.stat(path).st_mtime_ns != stamps.get(name)
    ]
    return BuiltTwice(output, content, cache, first, memo_stats(cache, output), rewritten)


def test_warm_build_with_nothing_changed_renders_no_page(built_twice):
    first, second = built_twice.first, built_twice.second
    assert first["rendered"] > 0 and first["skipped"] == 0, first
    assert second == {
        "rendered": 0,
        "skipped": first["rendered"],
        "why_rendered": {},
        "rendered_pages": [],
    }, second
    assert not built_twice.rewritten, f"pages written again: {built_twice.rewritten}"


def test_a_page_edited_or_removed_in_the_output_is_made_again(built_twice):
    """The memo trusts a page on disk by its stat (ctime included): any write or removal shows.
    The pages' stamps are recorded once they are old enough: after the second build."""
    output = built_twice.output
    edited, removed = output / "index.html", output / "arsip" / "index.html"
    original = edited.read_bytes(), removed.read_bytes()
    edited.write_bytes(original[0].replace(b"</body>", b"<p>diubah</p></body>"))
    removed.unlink()
    build(output, built_twice.content, built_twice.cache)
    assert (edited.read_bytes(), removed.read_bytes()) == original


# The infographic's picture; the names of its copies and of its post's cards start alike.
REPAINTED = "gambar/infografis-jam-layanan.jpg"


def test_image_change_equals_clean_build(tmp_path):
    def repaint(content: Path) -> None:
        image = content / REPAINTED
        with Image.open(image) as original:
            size = original.size
        Image.new("RGB", size, (200, 30, 30)).save(image, "JPEG")

    # B draws the picture's copies and its post's cards itself (the listing cards too, on
    # a fresh session cache); the rest of the site's it reuses.
    a, b, _stats = rebuilt_and_clean(tmp_path, repaint, draw_anew_named=Path(REPAINTED).stem)
    assert_same(a, b)


def test_template_change_equals_clean_build(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from pelicanconf import *  # noqa\nTHEME = {str(theme)!r}\n",
        encoding="utf-8",
    )

    def edit_template(_content: Path) -> None:
        base = theme / "templates" / "base.html"
        base.write_text(
            base.read_text(encoding="utf-8").replace("</footer>", "<p>diubah</p></footer>", 1), "utf-8"
        )

    a, b, stats = rebuilt_and_clean(tmp_path, edit_template, settings=settings)
    assert_same(a, b)
    assert stats["skipped"] == 0, stats  # a template change renders everything again
    assert "<p>diubah</p>" in (a / "index.html").read_text(encoding="utf-8")


def test_build_now_past_an_events_end_equals_clean_build(tmp_path):
    a, b, stats = rebuilt_and_clean(tmp_path, lambda content: None, BEFORE_END, AFTER_END)
    assert_same(a, b)
    # The pages that mark the event as past; not every page, though every one shows the year.
    assert "acara/lomba-mewarnai-anak/index.html" in stats["rendered_pages"], stats
    assert 0 < stats["rendered"] < stats["skipped"], stats


def test_the_clock_moving_on_renders_no_page_until_something_it_decides_changes(tmp_path):
    """Builds on the clock run at a new moment each time: pages depend on what the moment
    decides (a session is past, the year), not on the moment itself."""
    content, cache, output = fresh_site(tmp_path)
    build(output, content, cache, EARLIER_BEFORE_END)
    build(output, content, cache, BEFORE_END)
    stats = memo_stats(cache, output)
    assert stats["rendered"] == 0 and stats["skipped"] > 0, stats


def test_removed_html_is_reported_on_every_build(tmp_path):
    """Pelican's reader cache keeps bodies between builds; the policy's finding must not vanish."""
    content, cache, output = fresh_site(tmp_path)
    post = content / POST
    post.write_text(post.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    runs = [build(output, content, cache), build(output, content, cache)]
    shown = f"content/{POST}"
    for run in runs:
        assert shown in run.stderr + run.stdout, run.log
    page = (output / "koleksi-baru" / "laskar-pelangi" / "index.html").read_text(encoding="utf-8")
    assert "alert(1)" not in page


def test_deleting_a_post_equals_clean_build(tmp_path):
    """Its page, share kit, hashtag pages and feeds and its image sizes leave the output."""
    a, b, _stats = rebuilt_and_clean(tmp_path, lambda content: (content / POST).unlink())
    assert_same(a, b)
    slug = Path(POST).stem.split("-", 3)[3]
    assert not any(slug in name for name in files_of(a) if name.endswith(".html")), slug


def test_a_deleted_post_leaves_an_output_folder_reached_through_a_symlink(tmp_path):
    """The ledger compares the paths it noted with the output as Pelican names it."""
    content = copy_content(tmp_path / "content")
    (tmp_path / "real").mkdir()
    output = tmp_path / "link"
    output.symlink_to(tmp_path / "real", target_is_directory=True)
    cache = share_caches(tmp_path / "cache")
    build(output, content, cache)
    page = output / "koleksi-baru" / Path(POST).stem.split("-", 3)[3] / "index.html"
    assert page.is_file()
    (content / POST).unlink()
    build(output, content, cache)
    assert not page.exists()


def test_compiled_templates_are_kept_and_a_jinja_setting_change_compiles_them_again(tmp_path):
    """Jinja's bytecode cache under CACHE_PATH: a fresh process does not compile templates
    again, and a change to how they compile (JINJA_ENVIRONMENT) is not served stale."""
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa\n"
        f"THEME = {str(ROOT / 'theme')!r}  # the same template files: the same names in the cache\n"
        'JINJA_ENVIRONMENT = {"trim_blocks": False, "lstrip_blocks": False, "autoescape": True}\n',
        encoding="utf-8",
    )
    content, cache, output = fresh_site(tmp_path)
    build(output, content, cache)
    compiled = made_under(cache, global_of(cache, output)) / "templates"
    assert len(list(compiled.iterdir())) > 10  # base, article, the kinds' partials, ...
    before = (output / "index.html").read_bytes()
    build(output, content, cache, settings=settings)
    clean = tmp_path / "clean"
    build(clean, content, share_caches(tmp_path / "clean-cache"), settings=settings)
    assert (output / "index.html").read_bytes() != before  # blocks keep their newlines now
    assert_same(output, clean)


def test_builds_with_other_settings_keep_each_their_read_bodies(tmp_path):
    """`invoke serve`, `build` and `publish` differ in settings and share CACHE_PATH. Each keeps
    the bodies Pelican read under its settings: none reads every post again after another
    ran, and none is served bodies read under the other's Markdown settings."""
    plain_typography = tmp_path / "settings.py"
    plain_typography.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa\n"
        "MARKDOWN = {**MARKDOWN, 'extension_configs': {name: config for name, config in "
        "MARKDOWN['extension_configs'].items() if not name.endswith('smarty')}}\n",
        encoding="utf-8",
    )
    content = copy_content(tmp_path / "content")
    post = content / POST
    post.write_text(post.read_text(encoding="utf-8") + '\nKata "kutipan" -- dan tanda pisah.\n', "utf-8")
    cache = share_caches(tmp_path / "cache")
    smart, plain = tmp_path / "smart", tmp_path / "plain"
    page = Path("koleksi-baru") / "laskar-pelangi" / "index.html"
    build(smart, content, cache)
    build(plain, content, cache, settings=plain_typography)
    assert "&ldquo;kutipan&rdquo;" in (smart / page).read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    build(clean, content, share_caches(tmp_path / "clean-cache"), settings=plain_typography)
    assert_same(plain, clean)

    # The smart build's bodies are still kept: one changed in its reader cache is what it shows.
    readers = made_under(cache, global_of(cache, smart)) / "ArticlesGenerator-Readers"
    with open(readers, "rb") as handle:
        kept = pickle.load(handle)
    (path,) = [path for path in kept if path.endswith(POST)]
    stamp, (body, metadata) = kept[path]
    assert "&ldquo;kutipan&rdquo;" in body
    kept[path] = (stamp, (body.replace("kutipan", "dari-cache"), metadata))
    with open(readers, "wb") as handle:
        pickle.dump(kept, handle)
    build(smart, content, cache)
    assert "&ldquo;dari-cache&rdquo;" in (smart / page).read_text(encoding="utf-8")


def test_only_the_caches_of_the_last_fingerprints_used_are_kept(tmp_path):
    """KEPT_FINGERPRINTS (6) used last stay, and so does any used within the hour (a build
    may still be reading it); the rest go."""
    made = [made_under(tmp_path, f"sidik-{number}") for number in range(10)]
    half_an_hour_ago = time.time_ns() - 1800 * 10**9
    for number, folder in enumerate(made):
        folder.mkdir(parents=True)
        used = half_an_hour_ago + number * 10**9 if 1 <= number <= 7 else number * 10**9  # 8, 9: long ago
        os.utime(folder, ns=(used, used))
    forget_old_fingerprints(tmp_path, "sidik-0")  # used again now
    kept = sorted(path.name for path in made[0].parent.iterdir())
    assert kept == [f"sidik-{number}" for number in range(8)]


def test_the_themes_static_files_are_replaced_whole_and_a_removed_one_leaves_the_output(tmp_path):
    """Pelican copies the theme's static files itself, in place on every build; here one is
    written only when it changed, and whole (the dev server may be sending it meanwhile).
    The ledger knows them too, so a build over the last output drops one the theme no
    longer has."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    extra = theme / "static" / "lama.css"
    extra.write_text("p { color: red; }\n", encoding="utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa\n"
        f"THEME = {str(theme)!r}\n",
        encoding="utf-8",
    )
    content, cache, output = fresh_site(tmp_path)
    build(output, content, cache, settings=settings)
    copied, style = output / "theme" / "lama.css", output / "theme" / "css" / "serambi.css"
    assert copied.is_file()
    kept = os.stat(style)
    build(output, content, cache, settings=settings)
    assert (os.stat(style).st_ino, os.stat(style).st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)

    extra.unlink()
    source = theme / "static" / "css" / "serambi.css"
    old_bytes = style.read_bytes()
    source.write_bytes(source.read_bytes() + b"\n.baru { color: inherit; }\n")
    with style.open("rb") as being_sent:  # as a server reading it while the rebuild runs
        build(output, content, cache, settings=settings)
        assert being_sent.read() == old_bytes, "the stylesheet being read was rewritten in place"
    assert style.read_bytes() == source.read_bytes()
    assert not copied.exists()
    assert (output / "theme").is_dir() and any((output / "theme").rglob("*.css"))
