"""End to end: a real build (a subprocess) names the scheduled posts and a placeholder left in."""

from __future__ import annotations

from plugins.content_model.scaffold import BODY_PLACEHOLDER
from sitekit import FIXTURE_CONTENT, copy_content, make_images, run_build

SCHEDULED = (
    "content/pengumuman/2099-01-01-pengumuman-masa-depan.md: belum tampil; tampil "
    "Kamis, 1 Januari 2099 pukul 08.00 WITA"
)


def test_build_names_scheduled_posts_after_the_placeholder_problem(tmp_path):
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    make_images(content)
    (content / "pengumuman" / "2026-11-20-baru.md").write_text(
        f"---\ntitle: Tulisan Baru\ndate: 2026-11-20 08:00\nsummary: Ringkas.\n---\n\n{BODY_PLACEHOLDER}\n",
        encoding="utf-8",
    )
    build = run_build(tmp_path / "output", content=content)
    output = build.stdout + build.stderr
    placeholder = (
        "content/pengumuman/2026-11-20-baru.md: kolom 'isi': baris 7 masih berisi teks "
        "contoh dari 'invoke new'"
    )
    assert placeholder in output, build.log
    assert output.count(SCHEDULED) == 1, build.log  # once per build
    # After the report: the problem, its count, then the posts still waiting.
    assert (
        build.stdout.index(placeholder)
        < build.stdout.index("1 masalah konten ditemukan")
        < build.stdout.index("1 tulisan terjadwal")
        < build.stdout.index(SCHEDULED)
    ), build.log
    assert build.returncode == 0, build.log  # a placeholder only leaves its post out of a dev build
