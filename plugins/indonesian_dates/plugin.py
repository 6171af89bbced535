"""Pelican hook: register the Indonesian date filters for the theme."""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from pelican import signals

from . import formats

FILTERS = {
    "tanggal": formats.long_date,
    "tanggal_singkat": formats.short_date,
    "bulan_tahun": formats.month_year,
    "tanggal_jam": formats.long_datetime,
    "jam": formats.clock,
    "rentang_waktu": formats.time_range,
    "iso": formats.iso,
}


def add_filters(pelican) -> None:
    zone = ZoneInfo(pelican.settings["TIMEZONE"])
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    for name, function in FILTERS.items():
        filters[name] = partial(function, zone=zone)


def register() -> None:
    signals.initialized.connect(add_filters)
