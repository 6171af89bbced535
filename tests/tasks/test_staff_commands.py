"""The commands staff type, and what invoke answers, in Indonesian."""

from __future__ import annotations

from PIL import Image

from plugins.content_model.kinds import DEFAULT
from plugins.content_model.scaffold import kind_names

from .conftest import invoke

EXAMPLE = 'invoke new acara "Diskusi Buku Laskar Pelangi"'
# The English docstrings these tasks had, and invoke's own English.
ENGLISH = (
    "Available tasks",
    "Build the site",
    "Build with publish",
    "Check all content",
    "Start a post",
    "Build strictly",
    "Run the whole",
    "Remove built",
    "Benchmark",
    "Usage:",
    "Docstring:",
    "Options:",
    "did not receive",
    "No idea what",
)


def task_lines(listing: str) -> dict[str, str]:
    """task name -> its description in `invoke --list` (wrapped lines joined)."""
    tasks: dict[str, str] = {}
    name = None
    for line in listing.splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            name, _, text = line.strip().partition(" ")
            tasks[name] = text.strip()
        elif line.startswith("   ") and name:
            tasks[name] += " " + line.strip()
    return tasks


def test_list_is_indonesian(project):
    """`invoke --list` (and bare `invoke`) list every task with an Indonesian description."""
    for args in (["--list"], []):
        result = invoke(project, *args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Perintah yang tersedia"), result.stdout
        tasks = task_lines(result.stdout)
        assert {"build", "check", "new", "preview", "publish", "serve", "kartu", "clean"} <= set(tasks)
        shown = "\n".join(tasks.values())
        assert not [word for word in ENGLISH if word in shown + result.stdout.split("\n", 1)[0]], shown
        assert "invoke --help new" in result.stdout


def test_help_of_new_lists_the_registry_kinds_in_indonesian(project):
    result = invoke(project, "--help", "new")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('Cara pakai: invoke new JENIS "JUDUL"'), result.stdout
    assert "Penjelasan:" in result.stdout and "Pilihan:" in result.stdout
    flat = " ".join(result.stdout.split()).replace("- ", "-")
    assert ", ".join(kind_names(DEFAULT)) in flat
    assert not [word for word in ENGLISH if word in result.stdout]


def test_new_without_arguments_explains_with_an_example(project):
    """Missing kind and title, a missing title, an unquoted title: each said in Indonesian
    with a command that works; nothing is written."""
    before = sorted((project / "content").rglob("*.md"))
    missing = invoke(project, "new")
    assert missing.returncode == 1
    assert missing.stderr.startswith("GAGAL: 'invoke new' perlu jenis dan judul"), missing.stderr
    assert EXAMPLE in missing.stderr and "halaman" in missing.stderr
    no_title = invoke(project, "new", "Acara")
    assert no_title.returncode == 1
    assert no_title.stderr.startswith("GAGAL: judulnya belum ditulis"), no_title.stderr
    assert EXAMPLE in no_title.stderr
    unquoted = invoke(project, "new", "acara", "Diskusi", "Buku")
    assert unquoted.returncode == 1
    assert "tanda kutip" in unquoted.stderr and EXAMPLE in unquoted.stderr
    unknown = invoke(project, "terbit")
    assert unknown.returncode == 1 and "invoke --list" in unknown.stderr
    for result in (missing, no_title, unquoted, unknown):
        assert not [word for word in ENGLISH if word in result.stderr], result.stderr
    assert sorted((project / "content").rglob("*.md")) == before


def test_new_takes_the_kind_in_any_letter_case(project):
    for kind, title, slug in (
        ("Acara", "Diskusi Buku Bumi Manusia", "diskusi-buku-bumi-manusia"),
        ("ACARA", "Kelas Menulis Puisi", "kelas-menulis-puisi"),
    ):
        result = invoke(project, "new", kind, title)
        assert result.returncode == 0, result.stderr
        assert len(list((project / "content" / "acara").glob(f"????-??-??-{slug}.md"))) == 1


def test_new_halaman_writes_a_page_without_a_date(project):
    result = invoke(project, "new", "halaman", "Tentang Kami")
    assert result.returncode == 0, result.stderr
    page = project / "content" / "halaman" / "tentang-kami.md"
    assert "Berkas baru: content/halaman/tentang-kami.md" in result.stdout
    header = page.read_text(encoding="utf-8").split("---")[1]
    names = [line.split(":")[0] for line in header.splitlines() if line.strip()]
    assert names == DEFAULT.page.field_names and "date" not in names
    assert "title: Tentang Kami  # wajib;" in header


def test_kartu_writes_the_contact_sheet(small_project):
    """One build, then a PNG sheet of every card beside output/kartu/."""
    project = small_project
    result = invoke(project, "kartu")
    assert result.returncode == 0, result.stdout + result.stderr
    sheet = project / "output" / "kartu-lembar.png"
    with Image.open(sheet) as image:
        assert image.format == "PNG" and image.width >= 300 and image.height >= 300
    assert "Lembar kontak kartu: output/kartu-lembar.png" in result.stdout
