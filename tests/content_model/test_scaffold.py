"""`invoke new`: a scaffold with every field of its kind, which the checker understands."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from plugins.content_model.check import check_tree
from plugins.content_model.scaffold import ScaffoldError, create
from plugins.content_model.schema import KINDS

from .conftest import WITA

NOW = dt.datetime(2026, 11, 28, 10, 30, tzinfo=WITA)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_scaffold_lists_every_field_with_a_comment(tmp_path, kind):
    """Each field of the kind is on its own line with an Indonesian comment."""
    path = create(tmp_path, kind, "Diskusi Buku Laskar Pelangi", NOW)
    assert path == tmp_path / kind / "2026-11-28-diskusi-buku-laskar-pelangi.md"
    header = path.read_text(encoding="utf-8").split("---")[1]
    lines = [line for line in header.splitlines() if line.strip()]
    assert [line.split(":")[0] for line in lines] == KINDS[kind].field_names
    assert all("  # " in line for line in lines)
    metadata = yaml.safe_load(header)
    assert metadata["title"] == "Diskusi Buku Laskar Pelangi"


def test_scaffold_problems_point_at_the_fields_left_to_fill(tmp_path):
    """A fresh event scaffold fails the check only on what a person must still write."""
    create(tmp_path, "acara", 'Diskusi: "Bumi Manusia"', NOW)
    report = check_tree(tmp_path, WITA)
    assert sorted(p.field for p in report.problems) == ["end", "place", "start", "summary"]
    entry = next(iter(report.entries.values()))
    assert entry.values["title"] == 'Diskusi: "Bumi Manusia"'
    assert entry.values["date"] == dt.datetime(2026, 11, 28, 10, 30, tzinfo=WITA)


def test_scaffold_never_overwrites(tmp_path):
    """Creating the same post twice is refused instead of losing the first."""
    create(tmp_path, "pengumuman", "Libur", NOW)
    with pytest.raises(ScaffoldError, match="sudah ada"):
        create(tmp_path, "pengumuman", "Libur", NOW)


def test_scaffold_refuses_unknown_kind(tmp_path):
    """An unknown kind is refused with the list of kinds."""
    with pytest.raises(ScaffoldError, match="koleksi-baru"):
        create(tmp_path, "berita", "Judul", NOW)
