"""The report check: every removal named by file, line and reason, with a fix."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from plugins.content_model.check import check_tree
from plugins.html_policy.check import check_body, check_report
from sitekit import FIXTURE_CONTENT, SAMPLE_CONTENT, WITA

HERE = Path(__file__).parent
HOSTILE = HERE / "content" / "pengumuman" / "2026-11-21-tulisan-dengan-html-berbahaya.md"
HOSTILE_PATH = "content/pengumuman/2026-11-21-tulisan-dengan-html-berbahaya.md"
# Line of the hostile post -> what must be named there.
EXPECTED = {
    10: ["tag <script>"],
    12: ["sematan <iframe> dari evil.example"],
    14: ["atribut onerror pada <img>"],
    16: ["alamat 'javascript:alert(document.cookie)' pada <a>"],
    18: ["alamat 'JaVaScript:alert('entitas-jahat')' pada <a>"],
    20: ["alamat 'data:image/png;base64"],
    22: ["atribut style pada <p>", "atribut onclick pada <p>"],
    26: ["tag <form>, <input>, <button>"],
}
ALLOWED_EMBED_LINE = 24


def lines_of(problems) -> dict[int | None, list[str]]:
    found: dict[int | None, list[str]] = {}
    for problem in problems:
        match = re.match(r"baris (\d+): ", problem.message)
        found.setdefault(int(match.group(1)) if match else None, []).append(problem.message)
    return found


def test_sample_and_fixture_content_have_nothing_removed(settings):
    for content in (SAMPLE_CONTENT, FIXTURE_CONTENT):
        assert check_report(check_tree(content, WITA), settings) == []


def test_every_attack_is_named_on_its_line(hostile_content, settings):
    report = check_tree(hostile_content, WITA)
    assert report.problems == []  # the content checker itself finds the post sound
    problems = check_report(report, settings)
    assert {p.path for p in problems} == {HOSTILE_PATH}
    assert {p.field for p in problems} == {"isi"}
    found = lines_of(problems)
    assert sorted(found) == sorted(EXPECTED)
    assert ALLOWED_EMBED_LINE not in found
    for line, subjects in EXPECTED.items():
        for subject in subjects:
            assert any(subject in message for message in found[line]), (line, subject, found[line])
    script = next(p for p in problems if p.message.startswith("baris 10:"))
    assert script.message == "baris 10: tag <script> dihapus karena situs tidak menerbitkan skrip."
    assert "youtube" in script.fix.lower()
    embed = next(p for p in problems if p.message.startswith("baris 12:"))
    assert "Bagikan > Sematkan" in embed.fix and "youtube-nocookie.com" in embed.fix


def test_repeated_constructs_get_their_own_lines(renderer):
    body = (
        "Teks.\n\n```html\n<script>contoh di blok kode</script>\n```\n\n"
        "<script>a()</script>\n\nTengah.\n\n<script>b()</script>\n"
    )
    problems = check_body("content/acara/x.md", body, 7, renderer)
    assert [p.message.split(":")[0] for p in problems] == ["baris 13", "baris 17"]


def test_allowed_html_is_not_reported(renderer):
    body = (
        '<iframe src="https://player.vimeo.com/video/76979871" title="Video"></iframe>\n\n'
        '<figure><img src="{static}/gambar/a.jpg" alt="a"><figcaption>Foto</figcaption>'
        '</figure>\n\n[Acara]({filename}/acara/x.md) dan <abbr title="Taman Baca">TBM</abbr>\n'
    )
    assert check_body("content/acara/x.md", body, 1, renderer) == []


def test_a_removal_not_found_in_the_source_has_no_line(renderer):
    # Markdown passes the reference on; the decoded URL is not in the source text.
    problems = check_body("content/acara/x.md", "[x](jav&#x61;script:alert(1))\n", 5, renderer)
    assert len(problems) == 1
    assert problems[0].message.startswith("alamat 'javascript:alert(1)' pada <a> dihapus")


def test_entries_with_problems_or_no_kind_are_skipped(hostile_content, tmp_path, settings):
    content = shutil.copytree(hostile_content, tmp_path / "content")
    broken = content / "pengumuman" / HOSTILE.name
    broken.write_text(HOSTILE.read_text(encoding="utf-8").replace("title:", "judul:"), encoding="utf-8")
    (content / "catatan.md").write_text("---\ntitle: x\n---\n<script>x</script>\n", encoding="utf-8")
    report = check_tree(content, WITA)
    assert report.problems  # the content checker reports both files
    assert check_report(report, settings) == []
