"""Opening hours on a given day: "Buka hari ini (Sabtu) 09.00–14.00 WITA".

Pure functions, no Pelican: rows are PROFILE.opening_hours (objects or dicts
with `days`, Indonesian day names, and `opens`/`closes` as "HH:MM").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# Monday first, as datetime.weekday() counts.
DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]
WITA = ZoneInfo("Asia/Makassar")


def _get(row, name):
    return row[name] if isinstance(row, dict) else getattr(row, name)


def _clock(hhmm: str) -> str:
    """ "08:00" -> "08.00", as Indonesian writes times."""
    return str(hhmm).replace(":", ".")


def day_intervals(rows) -> dict[str, list[tuple[str, str]]]:
    """{day: [(opens, closes), ...]} for every day of the week, earliest first."""
    week: dict[str, list[tuple[str, str]]] = {day: [] for day in DAYS}
    for row in rows:
        for day in _get(row, "days"):
            week[str(day).lower()].append((str(_get(row, "opens")), str(_get(row, "closes"))))
    return {day: sorted(spans) for day, spans in week.items()}


def _spans_text(spans) -> str:
    return " dan ".join(f"{_clock(a)}–{_clock(b)}" for a, b in spans)


@dataclass(frozen=True)
class Today:
    """What the home page says about one day."""

    day: str  # "Sabtu"
    is_open: bool
    headline: str  # "Buka hari ini (Sabtu)" / "Tutup hari ini (Minggu)"
    detail: str  # "09.00–14.00 WITA" / "Buka lagi Senin pukul 08.00 WITA"
    spans: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """One line: "Buka hari ini (Sabtu) 09.00–14.00 WITA", "Tutup …; buka lagi …"."""
        if not self.detail:
            return self.headline
        if self.is_open:
            return f"{self.headline} {self.detail}"
        return f"{self.headline}; {self.detail[:1].lower()}{self.detail[1:]}"


def on_weekday(rows, weekday: int) -> Today:
    """Today for a weekday number (0 = Monday, as datetime.weekday())."""
    week = day_intervals(rows)
    name = DAYS[weekday % 7]
    spans = week[name]
    if spans:
        return Today(
            name.capitalize(),
            True,
            f"Buka hari ini ({name.capitalize()})",
            f"{_spans_text(spans)} WITA",
            tuple(spans),
        )
    for step in range(1, 8):
        later = DAYS[(weekday + step) % 7]
        if week[later]:
            next_day = f"besok ({later.capitalize()})" if step == 1 else later.capitalize()
            return Today(
                name.capitalize(),
                False,
                f"Tutup hari ini ({name.capitalize()})",
                f"Buka lagi {next_day} pukul {_clock(week[later][0][0])} WITA",
            )
    return Today(name.capitalize(), False, f"Tutup hari ini ({name.capitalize()})", "")


def today(rows, moment: dt.datetime, zone: ZoneInfo = WITA) -> Today:
    """Today at `moment`, the weekday taken in `zone` (WITA for the library)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return on_weekday(rows, moment.astimezone(zone).weekday())


def week(rows) -> list[list[str]]:
    """[[headline, detail] for Monday..Sunday]: what a script shows on the reader's own day."""
    return [[t.headline, t.detail] for t in (on_weekday(rows, n) for n in range(7))]
