"""Scheduled posts are named with the moment they appear; an event announced too late is refused."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

import pytest

from plugins._shared.errors import BuildStopped
from plugins.content_model import plugin
from plugins.content_model.check import check_tree, project_settings
from plugins.content_model.schedule import format_schedule, schedule_lines

from .conftest import WITA, write_post

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=WITA)
EVENT = """
    title: Bedah Buku
    date: {date}
    summary: Ringkas.
    start: 2026-12-19 13:00
    end: 2026-12-19 15:00
    place: Aula
"""


def test_future_post_is_named_with_the_moment_it_appears(content):
    write_post(content, "acara/2026-12-10-bedah-buku.md", EVENT.format(date="2026-12-10 08:00"))
    report = check_tree(content, WITA, now=NOW)
    assert report.problems == []
    assert schedule_lines(report.entries.values(), NOW, WITA) == [
        "content/acara/2026-12-10-bedah-buku.md: belum tampil; tampil Kamis, 10 Desember 2026 "
        "pukul 08.00 WITA",
    ]


def test_drafts_and_posts_with_problems_are_not_scheduled(content):
    write_post(
        content, "pengumuman/2026-12-01-draf.md", "title: Draf\ndate: 2026-12-01\nsummary: S.\nstatus: draft"
    )
    write_post(content, "pengumuman/2026-12-02-rusak.md", "title: Rusak\ndate: 2026-12-02")
    report = check_tree(content, WITA, now=NOW)
    assert schedule_lines(report.entries.values(), NOW, WITA) == []


def test_event_dated_at_its_start_is_a_problem_on_date(content):
    """The librarian wrote the event's start in `date`: the announcement would wait until then."""
    write_post(content, "acara/2026-12-19-bedah-buku.md", EVENT.format(date="2026-12-19 13:00"))
    report = check_tree(content, WITA, now=NOW)
    assert [(p.path, p.field, p.message, p.fix) for p in report.problems] == [
        (
            "content/acara/2026-12-19-bedah-buku.md",
            "date",
            "'date' (Sabtu, 19 Desember 2026 pukul 13.00 WITA) tidak sebelum 'start' (Sabtu, "
            "19 Desember 2026 pukul 13.00 WITA), mulai acara ini. 'date' adalah saat pengumuman ini "
            "tampil di situs, jadi pengumumannya baru muncul ketika acara sudah dimulai.",
            "isi 'date' dengan waktu sekarang, misalnya 2026-11-28 10:00, agar pengumuman langsung "
            "tampil; waktunya cukup ditulis di 'start'.",
        )
    ]


def test_write_up_dated_after_a_past_event_is_left_alone(content):
    """A past `date` is already shown: a report added after the event is legitimate."""
    write_post(
        content,
        "acara/2026-08-20-laporan.md",
        EVENT.format(date="2026-08-20 09:00").replace("2026-12-19", "2026-08-19"),
    )
    assert check_tree(content, WITA, now=NOW).problems == []


def _generator(content, strict=False):
    settings = {
        **project_settings(),
        "PATH": str(content),
        "BUILD_NOW": NOW.isoformat(),
        "STRICT_CONTENT": strict,
    }
    return SimpleNamespace(settings=settings, context={})


def test_every_build_prints_the_scheduled_posts_after_the_report(content, capsys, caplog):
    write_post(content, "acara/2026-12-10-bedah-buku.md", EVENT.format(date="2026-12-10 08:00"))
    write_post(content, "pengumuman/2026-08-01-x.md", "title: X\ndate: 2026-08-01")
    with caplog.at_level(logging.WARNING):
        plugin.check_content(_generator(content))
    assert "summary" in caplog.text
    assert capsys.readouterr().out == (
        "1 tulisan terjadwal (bukan masalah: setiap tulisan tampil pada pembangunan situs "
        "pertama sesudah waktunya):\n"
        "  - content/acara/2026-12-10-bedah-buku.md: belum tampil; tampil Kamis, 10 Desember "
        "2026 pukul 08.00 WITA\n"
    )


def test_a_stopped_strict_build_still_names_the_scheduled_posts(content):
    write_post(content, "acara/2026-12-10-bedah-buku.md", EVENT.format(date="2026-12-10 08:00"))
    write_post(content, "pengumuman/2026-08-01-x.md", "title: X\ndate: 2026-08-01")
    with pytest.raises(BuildStopped) as stopped:
        plugin.check_content(_generator(content, strict=True))
    text = str(stopped.value)
    assert (
        text.index("kolom 'summary'")
        < text.index(
            "content/acara/2026-12-10-bedah-buku.md: belum tampil; tampil Kamis, 10 Desember 2026 "
            "pukul 08.00 WITA"
        )
        < text.index("Pembangunan dihentikan")
    )


def test_nothing_waiting_prints_nothing(content, capsys):
    plugin.check_content(_generator(content))
    assert capsys.readouterr().out == ""
    assert format_schedule([], NOW, WITA) == ""
