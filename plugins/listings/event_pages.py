"""The month view and the audience pages of every kind listed by its schedule (events).

A month page lists each session that takes place in that month under its day, so
every meeting of a series stands on its own date; an audience page lists the posts
for one audience, upcoming then past. Both read `article.facts` only, never a kind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from plugins.content_model.presentation import Audience, Schedule
from plugins.indonesian_dates.formats import clock, long_date, long_datetime, month_year, zone_abbreviation

from .selection import past, upcoming

MONTH_FOLDER = "bulan"  # /acara/bulan/2026-12/
AUDIENCE_FOLDER = "untuk"  # /acara/untuk/anak/
# A session's end is the first moment after it (an all-day event ends at the next midnight).
JUST_BEFORE = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class MonthEntry:
    """One session on a month page: the post, the session, its number in the series."""

    article: Any
    session: Schedule
    number: int  # 1 for the first session
    total: int  # sessions in the series; 1 for a single event
    time_text: str  # the time under the day's heading: "09.00–11.30 WITA"


@dataclass(frozen=True)
class MonthDay:
    day: dt.date
    label: str  # "Sabtu, 5 Desember 2026"
    entries: tuple[MonthEntry, ...]


@dataclass(frozen=True)
class MonthPage:
    key: str  # "2026-12"
    label: str  # "Desember 2026"
    url: str  # "acara/bulan/2026-12/"
    days: tuple[MonthDay, ...]

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def session_count(self) -> int:
        return sum(len(day.entries) for day in self.days)


@dataclass(frozen=True)
class AudiencePage:
    audience: Audience
    url: str  # "acara/untuk/anak/"
    upcoming: tuple
    past: tuple

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"


@dataclass(frozen=True)
class EventPages:
    """A kind's month pages (oldest first) and audience pages (by the audiences' rank)."""

    kind: Any
    months: tuple[MonthPage, ...]
    audiences: tuple[AudiencePage, ...]

    def neighbours(self, month: MonthPage) -> tuple[MonthPage | None, MonthPage | None]:
        """The month pages before and after this one (months without sessions have none)."""
        index = self.months.index(month)
        before = self.months[index - 1] if index > 0 else None
        after = self.months[index + 1] if index + 1 < len(self.months) else None
        return before, after


def _months_spanned(session: Schedule, zone) -> list[tuple[int, int]]:
    start, last = session.start.astimezone(zone), (session.end - JUST_BEFORE).astimezone(zone)
    found, year, month = [], start.year, start.month
    while (year, month) <= (last.year, last.month):
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def time_text(session: Schedule, day: dt.date, zone) -> str:
    """When a session happens, said under the heading of `day` (its first day in the month)."""
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    last = (session.end - JUST_BEFORE).astimezone(zone)
    if session.all_day:
        if last.date() == start.date():
            return "Sepanjang hari"
        if day == start.date():
            return f"Sepanjang hari, sampai {long_date(last, zone)}"
        return f"Sejak {long_date(start, zone)} sampai {long_date(last, zone)}"
    if start.date() == end.date():
        return f"{clock(start, zone)}–{clock(end, zone)} {zone_abbreviation(start, zone)}"
    if day == start.date():
        begins = f"{clock(start, zone)} {zone_abbreviation(start, zone)}"
        return f"Mulai pukul {begins} sampai {long_datetime(end, zone)}"
    return f"Sejak {long_datetime(start, zone)} sampai {long_datetime(end, zone)}"


def month_pages(kind, articles, zone) -> tuple[MonthPage, ...]:
    """A page for each month in which at least one session of the kind's posts takes place."""
    by_month: dict[tuple[int, int], list[tuple[dt.date, MonthEntry]]] = {}
    for article in articles:
        sessions = article.facts.sessions or (article.facts.schedule,)
        for number, session in enumerate(sessions, start=1):
            for year, month in _months_spanned(session, zone):
                day = max(session.start.astimezone(zone).date(), dt.date(year, month, 1))
                entry = MonthEntry(article, session, number, len(sessions), time_text(session, day, zone))
                by_month.setdefault((year, month), []).append((day, entry))
    pages = []
    for (year, month), dated in sorted(by_month.items()):
        dated.sort(key=lambda pair: (pair[0], pair[1].session.start, pair[1].article.url))
        days: dict[dt.date, list[MonthEntry]] = {}
        for day, entry in dated:
            days.setdefault(day, []).append(entry)
        key = f"{year:04d}-{month:02d}"
        first = dt.datetime(year, month, 1, tzinfo=zone)
        pages.append(
            MonthPage(
                key=key,
                label=month_year(first, zone),
                url=f"{kind.slug}/{MONTH_FOLDER}/{key}/",
                days=tuple(
                    MonthDay(day, long_date(dt.datetime.combine(day, dt.time(), zone), zone), tuple(entries))
                    for day, entries in days.items()
                ),
            )
        )
    return tuple(pages)


def audience_pages(kind, articles, now: dt.datetime) -> tuple[AudiencePage, ...]:
    """A page for each audience that at least one of the kind's posts is for."""
    audiences = sorted(
        {audience for article in articles for audience in article.facts.audiences},
        key=lambda audience: (audience.rank, audience.key),
    )
    pages = []
    for audience in audiences:
        chosen = [a for a in articles if audience in a.facts.audiences]
        pages.append(
            AudiencePage(
                audience=audience,
                url=f"{kind.slug}/{AUDIENCE_FOLDER}/{audience.key}/",
                upcoming=tuple(upcoming(chosen, now)),
                past=tuple(past(chosen, now)),
            )
        )
    return tuple(pages)


def event_pages(kinds, articles, now: dt.datetime, zone) -> dict[str, EventPages]:
    """The month and audience pages of every kind listed by its schedule, by kind slug."""
    found = {}
    for kind in kinds:
        if not kind.lists_upcoming:
            continue
        own = [a for a in articles if a.kind.slug == kind.slug and a.facts.schedule is not None]
        found[kind.slug] = EventPages(kind, month_pages(kind, own, zone), audience_pages(kind, own, now))
    return found
