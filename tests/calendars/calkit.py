"""Helpers of the calendar tests: the extra events, a build, and the calendars read with icalendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from sitekit import BUILD_NOW, WITA, Site, read_posts, run_build

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
    "registration": "https://forms.example.org/bedah-buku",
}
PAST_EVENT_SLUG = "lomba-mewarnai-anak"  # ended 2026-11-21, before BUILD_NOW
CANCELLED_SLUG = "pameran-foto-kota-lama"
POSTPONED_SLUG = "kelas-menulis-cerpen"
EDITED_TITLE = "Bedah Buku Cerita Rakyat Bolaang Mongondow, Edisi Baru"
EDITED_MODIFIED = "2026-11-25 10:30"

# A weekly series with a skipped and a moved session, for children; and a whole-day series
# every other week until a day, for everyone. Their sessions, as staff expect them:
SERIES_SLUG = "klub-baca-anak"
SERIES_SESSIONS = [
    (dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA), dt.datetime(2026, 12, 5, 10, 30, tzinfo=WITA)),
    (dt.datetime(2026, 12, 12, 9, 0, tzinfo=WITA), dt.datetime(2026, 12, 12, 10, 30, tzinfo=WITA)),
    # 19 December moved to Sunday 20 December, 10.00; 26 December skipped
    (dt.datetime(2026, 12, 20, 10, 0, tzinfo=WITA), dt.datetime(2026, 12, 20, 11, 30, tzinfo=WITA)),
    (dt.datetime(2027, 1, 2, 9, 0, tzinfo=WITA), dt.datetime(2027, 1, 2, 10, 30, tzinfo=WITA)),
]
SERIES_SKIPPED = dt.datetime(2026, 12, 26, 9, 0, tzinfo=WITA)
SERIES_MOVED_FROM = dt.datetime(2026, 12, 19, 9, 0, tzinfo=WITA)
WHOLE_DAY_SLUG = "pameran-buku-keliling"
WHOLE_DAY_SESSIONS = [  # two days each, every other Saturday until 16 January; 2 January skipped
    (dt.date(2026, 12, 19), dt.date(2026, 12, 21)),
    (dt.date(2027, 1, 16), dt.date(2027, 1, 18)),
]
WHOLE_DAY_SKIPPED = dt.date(2027, 1, 2)
WHOLE_DAY_UNTIL = dt.date(2027, 1, 16)
# Who each event is for (the fixture site's own two events name no one).
AUDIENCES = {SERIES_SLUG: ["anak"], WHOLE_DAY_SLUG: ["umum"], POSTPONED_SLUG: ["remaja", "dewasa"]}

SERIES_FILE = f"2026-11-25-{SERIES_SLUG}.md"
# Later builds in the same cache: an edit of a body only, then of a session's time.
DAY_AFTER = "2026-11-29T10:00:00+08:00"
TWO_DAYS_AFTER = "2026-11-30T10:00:00+08:00"
BODY_EDIT = ("Penulis membacakan dua cerita", "Penulis membacakan tiga cerita")
SERIES_TIME_EDIT = ("moved: {2026-12-19: 2026-12-20 10:00}", "moved: {2026-12-19: 2026-12-20 14:00}")
SERIES_EDITED_MOVED_START = dt.datetime(2026, 12, 20, 14, 0, tzinfo=WITA)

EXTRA_EVENTS = {
    SERIES_FILE: f"""---
title: Klub Baca Anak
date: 2026-11-25 08:00
summary: Membaca buku cerita bersama setiap Sabtu pagi untuk anak usia 6 sampai 10 tahun.
hashtags: [KlubBaca]
start: 2026-12-05 09:00
end: 2026-12-05 10:30
repeat: {{every: week, count: 5}}
skip: [2026-12-26]
moved: {{2026-12-19: 2026-12-20 10:00}}
audience: [anak]
place: Ruang Baca Anak, Perpustakaan Kota Kotamobagu
slug: {SERIES_SLUG}
---

Klub baca untuk anak-anak.
""",
    f"2026-11-26-{WHOLE_DAY_SLUG}.md": f"""---
title: Pameran Buku Keliling
date: 2026-11-26 08:00
summary: Mobil perpustakaan keliling membuka pameran buku dua hari di halaman perpustakaan.
start: 2026-12-19
end: 2026-12-20
all_day: true
repeat: {{every: week, interval: 2, until: 2027-01-16}}
skip: [2027-01-02]
audience: [umum]
place: Halaman Perpustakaan Kota Kotamobagu
slug: {WHOLE_DAY_SLUG}
---

Pameran buku dua hari.
""",
    f"2026-11-20-{CANCELLED_SLUG}.md": f"""---
title: Pameran Foto Kota Lama
date: 2026-11-20 08:00
summary: Pameran foto Kotamobagu tempo dulu dari koleksi warga.
hashtags: [Pameran]
start: 2026-12-12 10:00
end: 2026-12-12 15:00
place: Aula Lantai 1, Perpustakaan Kota Kotamobagu
event_status: dibatalkan
status_changed: 2026-11-24 08:00
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
status_changed: 2026-11-24 08:00
audience: [dewasa, remaja]
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
        """The one VEVENT of a single event."""
        (event,) = self.event_calendar(slug).walk("VEVENT")
        return event

    def series(self, slug: str):
        """A series' VEVENTs: the one with its rule, and those of its moved sessions."""
        events = self.event_calendar(slug).walk("VEVENT")
        (master,) = [e for e in events if "RECURRENCE-ID" not in e]
        return master, [e for e in events if "RECURRENCE-ID" in e]

    def expanded(self, path: str) -> dict[str, list[tuple]]:
        """Every session of each UID in an .ics, as the second parser (ical) expands it, in WITA."""
        calendar = IcsCalendarStream.calendar_from_ics(self.ics_bytes(path).decode("utf-8"))
        found: dict[str, list[tuple]] = {}
        for event in calendar.timeline_tz(WITA):
            found.setdefault(event.uid, []).append((event.dtstart, event.dtend))
        return found

    def ics_files(self) -> list[Path]:
        return sorted((self.output / FOLDER).rglob("*.ics"))

    def event_posts(self):
        """The published events, as the content checker reads them (never from the output)."""
        posts, _, _ = read_posts(self.content)
        return [p for p in posts if p.is_published and "start" in p.values]


def build(output: Path, content: Path, cache: Path | None = None, now: str = BUILD_NOW) -> CalendarSite:
    """Build strictly (a content problem fails here, not later); cache: a CACHE_PATH to reuse."""
    run = run_build(output, content, strict=True, now=now, cache=cache)
    if run.returncode != 0:
        pytest.fail(f"building the calendars' site failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    return CalendarSite(output, run, content)


def uid(slug: str, kind: str = "acara") -> str:
    return f"{kind}/{slug}@{HOST}"


def events_naming(site, field: str) -> dict[str, set[str]]:
    """Each value of a list field (audience, partners) the events' files write, with those events' UIDs."""
    found: dict[str, set[str]] = {}
    for post in site.event_posts():
        for value in post.values.get(field, ()):
            found.setdefault(value, set()).add(uid(post.slug, post.kind))
    return found
