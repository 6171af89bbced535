"""invoke new, as staff type it: a title it cannot write is refused, nothing is written."""

from __future__ import annotations

from .conftest import invoke


def test_new_refuses_a_title_with_a_line_break(project):
    """A pasted line break would write a header that does not parse: refused, with an example."""
    before = sorted((project / "content").rglob("*.md"))
    result = invoke(project, "new", "acara", "Diskusi Buku\nBumi Manusia")
    assert result.returncode == 1
    assert result.stderr.startswith("GAGAL: judul memuat pindah baris"), result.stderr
    assert 'invoke new acara "Diskusi Buku Laskar Pelangi"' in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted((project / "content").rglob("*.md")) == before
