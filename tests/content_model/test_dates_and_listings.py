"""Indonesian date formats and the home page's choice of events."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from plugins.content_model.facts import build_facts
from plugins.content_model.kinds import DEFAULT as KINDS
from plugins.content_model.presentation import PresentContext
from plugins.indonesian_dates import formats
from plugins.listings.plugin import latest_by_kind, upcoming

WITA = ZoneInfo("Asia/Makassar")


def test_long_form_reads_as_indonesians_write_it():
    """The long form is 'Sabtu, 5 Desember 2026 pukul 09.00 WITA'."""
    moment = dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA)
    assert formats.long_datetime(moment, WITA) == "Sabtu, 5 Desember 2026 pukul 09.00 WITA"


def test_month_heading():
    """An archive heading reads 'Desember 2026'."""
    assert formats.month_year(dt.datetime(2026, 12, 5, tzinfo=WITA), WITA) == "Desember 2026"


def test_times_from_other_zones_are_shown_in_wita():
    """01:00 UTC is 09.00 WITA."""
    moment = dt.datetime(2026, 12, 5, 1, 0, tzinfo=dt.UTC)
    assert formats.clock(moment, WITA) == "09.00"
    assert formats.iso(moment, WITA) == "2026-12-05T09:00:00+08:00"


def test_same_day_range_names_the_date_once():
    """A two-hour event is one date with a time range."""
    start = dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA)
    text = formats.time_range(start, start + dt.timedelta(hours=2), WITA)
    assert text == "Sabtu, 5 Desember 2026, pukul 09.00–11.00 WITA"


def test_multi_day_range_names_both_dates():
    """An exhibition over two days names both."""
    start = dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA)
    text = formats.time_range(start, start + dt.timedelta(days=1), WITA)
    assert text.startswith("Sabtu, 5 Desember 2026") and "sampai Minggu, 6 Desember 2026" in text


EVENT = {"place": "Aula", "summary": "Ringkasan.", "title": "Judul"}
TIP = {"series": "Aman di Internet", "summary": "Ringkasan.", "title": "Judul"}


def _post(kind, date, **fields):
    fields = {**(EVENT if kind == "acara" else TIP), "date": date, **fields}
    facts = build_facts(KINDS.posts[kind], fields, PresentContext("Perpustakaan", WITA))
    return SimpleNamespace(
        kind=KINDS.posts[kind], date=date, url=f"/{kind}/{id(fields)}/", fields=fields, facts=facts
    )


def test_upcoming_events_keep_running_ones_and_sort_by_start():
    """An event still running counts as upcoming; ended ones and other kinds do not."""
    now = dt.datetime(2026, 12, 5, 10, 0, tzinfo=WITA)
    running = _post("acara", now, start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=1))
    later = _post("acara", now, start=now + dt.timedelta(days=3), end=now + dt.timedelta(days=3, hours=2))
    ended = _post("acara", now, start=now - dt.timedelta(days=2), end=now - dt.timedelta(days=2, hours=-2))
    tip = _post("literasi-digital", now)
    assert upcoming([later, ended, tip, running], now) == [running, later]


def test_latest_by_kind_keeps_schema_order_and_newest_first():
    """Kinds appear in schema order with their newest posts; empty kinds are left out."""
    day = dt.datetime(2026, 11, 1, tzinfo=WITA)
    old, new = _post("pengumuman", day), _post("pengumuman", day + dt.timedelta(days=1))
    tip = _post("literasi-digital", day)
    grouped = latest_by_kind([old, tip, new], KINDS.posts)
    assert list(grouped) == ["literasi-digital", "pengumuman"]
    assert grouped["pengumuman"] == [new, old]
