"""Helpers of the calendar tests: the extra events, a build, and the calendars read with icalendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from icalendar import Calendar

from sitekit import WITA, Site, read_posts, run_build

FOLDER = "kalender"
EVERYTHING = f"{FOLDER}/semua.ics"
HOST = "127.0.0.1"  # PUBLIC_URL of pelicanconf.py: http://127.0.0.1:8000
PUBLIC_URL = "http://127.0.0.1:8000"

# The fixture site's upcoming event, as its file says it.
EVENT = {
    "file": "2026-10-01-bedah-buku-cerita-rakyat.md",
    "slug": "bedah-buku-cerita-rakyat",
    "title": "Bedah Buku Cerita Rakyat Bolaang Mongondow",
    "summary": "Bersama penulis lokal, kita membedah kumpulan cerita rakyat Bolaang Mongondow.",
    "date": dt.datetime(2026, 10, 1, 8, 0, tzinfo=WITA),
    "start": dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA),
    "end": dt.datetime(2026, 12, 5, 11, 0, tzinfo=WITA),
    "place": "Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu",
    "hashtags": ["BedahBuku", "KotamobaguMembaca"],
}
PAST_EVENT_SLUG = "lomba-mewarnai-anak"  # ended 2026-11-21, before BUILD_NOW
CANCELLED_SLUG = "pameran-foto-kota-lama"
POSTPONED_SLUG = "kelas-menulis-cerpen"
EDITED_TITLE = "Bedah Buku Cerita Rakyat Bolaang Mongondow, Edisi Baru"
EDITED_MODIFIED = "2026-11-25 10:30"

EXTRA_EVENTS = {
    f"2026-11-20-{CANCELLED_SLUG}.md": f"""---
title: Pameran Foto Kota Lama
date: 2026-11-20 08:00
summary: Pameran foto Kotamobagu tempo dulu dari koleksi warga.
hashtags: [Pameran]
start: 2026-12-12 10:00
end: 2026-12-12 15:00
place: Aula Lantai 1, Perpustakaan Kota Kotamobagu
event_status: dibatalkan
slug: {CANCELLED_SLUG}
---

Pameran ini dibatalkan.
""",
    f"2026-11-22-{POSTPONED_SLUG}.md": f"""---
title: Kelas Menulis Cerpen
date: 2026-11-22 08:00
summary: Kelas menulis cerita pendek untuk remaja bersama penulis Kotamobagu.
start: 2026-12-19 13:00
end: 2026-12-19 15:30
place: Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu
event_status: ditunda
slug: {POSTPONED_SLUG}
---

Jadwal baru akan diumumkan.
""",
}


@dataclass
class CalendarSite(Site):
    def ics_bytes(self, path: str) -> bytes:
        return (self.output / path).read_bytes()

    def calendar(self, path: str) -> Calendar:
        """An .ics of the output, parsed by icalendar."""
        return Calendar.from_ical(self.ics_bytes(path))

    def event_calendar(self, slug: str) -> Calendar:
        return self.calendar(f"{FOLDER}/acara/{slug}.ics")

    def vevent(self, slug: str):
        (event,) = self.event_calendar(slug).walk("VEVENT")
        return event

    def ics_files(self) -> list[Path]:
        return sorted((self.output / FOLDER).rglob("*.ics"))

    def event_posts(self):
        """The published events, as the content checker reads them (never from the output)."""
        posts, _, _ = read_posts(self.content)
        return [p for p in posts if p.is_published and "start" in p.values]


def build(output: Path, content: Path) -> CalendarSite:
    run = run_build(output, content, strict=True)  # a content problem fails here, not later
    if run.returncode != 0:
        pytest.fail(f"building the calendars' site failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    return CalendarSite(output, run, content)


def uid(slug: str, kind: str = "acara") -> str:
    return f"{kind}/{slug}@{HOST}"
