"""Pelican hook: the `jam_hari_ini` and `jam_sepekan` Jinja filters.

{% set buka = PROFILE.opening_hours|jam_hari_ini(BUILD_MOMENT) %}
{{ buka.headline }} {{ buka.detail }}
data-jam="{{ PROFILE.opening_hours|jam_sepekan|tojson }}"
"""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from pelican import signals

from . import hours


def add_filters(pelican) -> None:
    zone = ZoneInfo(pelican.settings.get("TIMEZONE") or "Asia/Makassar")
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters["jam_hari_ini"] = partial(hours.today, zone=zone)
    filters["jam_sepekan"] = hours.week


def register() -> None:
    signals.initialized.connect(add_filters)
