"""Posts that appear later: named in every build, and an event announced too late refused.

A post whose `date` is still to come waits, legitimately, until that moment;
staff must see that it waits and until when, in Indonesian (Pelican only says
"1 draft"). An event's `date` is when its announcement appears, so a `date` at
or after the event's start hides the announcement until the event has begun.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from plugins.indonesian_dates.formats import long_datetime

from .problems import Problem


def _is_scheduled(entry, now: dt.datetime) -> bool:
    date = entry.values.get("date")
    return (
        entry.kind is not None
        and not entry.problems
        and date is not None
        and date > now
        and entry.values.get("status") != "draft"
    )


def scheduled(entries, now: dt.datetime) -> list:
    """The sound posts that will appear after `now`, soonest first."""
    waiting = [entry for entry in entries if _is_scheduled(entry, now)]
    return sorted(waiting, key=lambda entry: (entry.values["date"], entry.path))


def schedule_lines(entries, now: dt.datetime, zone: ZoneInfo) -> list[str]:
    """'content/acara/x.md: belum tampil; tampil Sabtu, 19 Desember 2026 pukul 13.00 WITA'."""
    return [
        f"{entry.path}: belum tampil; tampil {long_datetime(entry.values['date'], zone)}"
        for entry in scheduled(entries, now)
    ]


def format_schedule(entries, now: dt.datetime, zone: ZoneInfo) -> str:
    """The information block a build prints after its report; empty when nothing waits."""
    lines = schedule_lines(entries, now, zone)
    if not lines:
        return ""
    heading = (
        f"{len(lines)} tulisan terjadwal (bukan masalah: setiap tulisan tampil pada "
        "pembangunan situs pertama sesudah waktunya):"
    )
    return "\n".join([heading, *(f"  - {line}" for line in lines)])


def late_announcements(entries, now: dt.datetime, zone: ZoneInfo) -> None:
    """An event whose `date` is at or after its `start` (and still to come) gets a problem on `date`.

    A past `date` is already shown, so a write-up added after the event is left alone.
    """
    for entry in entries:
        if entry.kind is None or entry.kind.announce_before is None:
            continue
        date, start = entry.values.get("date"), entry.values.get(entry.kind.announce_before)
        if date is None or start is None or date < start or date <= now:
            continue
        entry.problems.append(
            Problem(
                entry.path,
                "date",
                f"'date' ({long_datetime(date, zone)}) tidak sebelum '{entry.kind.announce_before}' "
                f"({long_datetime(start, zone)}), mulai {entry.kind.label.lower()} ini. "
                "'date' adalah saat pengumuman ini tampil di situs, jadi pengumumannya baru muncul "
                "ketika acara sudah dimulai.",
                f"isi 'date' dengan waktu sekarang, misalnya {now.astimezone(zone):%Y-%m-%d %H:%M}, "
                f"agar pengumuman langsung tampil; waktunya cukup ditulis di '{entry.kind.announce_before}'.",
            )
        )
