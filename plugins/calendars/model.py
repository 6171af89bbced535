"""Which posts are events, what a calendar says of each, and which calendars gather them.

A post is an event when its facts have a `schedule`; nothing here asks which kind it is.
Besides one calendar per event and one of every event, each CalendarGroup makes one
calendar per value its facts give: one per audience, one per partner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from plugins.content_model.presentation import PostFacts

EVERYTHING = "semua.ics"


@dataclass(frozen=True)
class CalendarEntry:
    """One event as every calendar output says it."""

    uid: str  # "acara/bedah-buku@perpustakaan.example": the page's permanent address
    url: str  # the event page, absolute
    path: str  # its own .ics in the output: "kalender/acara/bedah-buku.ics"
    facts: PostFacts

    @property
    def description(self) -> str:
        """Plain text for calendars: the summary, the event's links (registration, online), the page."""
        paragraphs = [self.facts.summary] if self.facts.summary else []
        paragraphs += [f"{action.label}: {action.url}" for action in self.facts.presentation.actions]
        return "\n\n".join([*paragraphs, f"Informasi lengkap: {self.url}"])


def make_entry(article, public_url: str, folder: str) -> CalendarEntry | None:
    """The calendar entry of an article, or None when it has no schedule (not an event)."""
    facts = getattr(article, "facts", None)
    if facts is None or facts.schedule is None:
        return None
    # The slug comes from the file name and the kind from its folder: a new title,
    # time or place keeps the UID, so calendars update the event instead of adding one.
    permanent = f"{facts.kind.slug}/{article.slug}"
    host = urlsplit(public_url).hostname or "localhost"
    return CalendarEntry(
        uid=f"{permanent}@{host}",
        url=f"{public_url.rstrip('/')}/{article.url}",
        path=f"{folder}/{permanent}.ics",
        facts=facts,
    )


def in_order(entries: list[CalendarEntry]) -> list[CalendarEntry]:
    """By start, then by UID: the same events always make the same bytes."""
    return sorted(entries, key=lambda e: (e.facts.schedule.start, e.uid))


@dataclass(frozen=True)
class GroupValue:
    """One value of a group: an audience ("anak", "Anak-anak"); its calendar is <prefix>-<key>.ics."""

    key: str
    label: str
    rank: int = 0  # calendars of a group are listed by rank, then label


@dataclass(frozen=True)
class CalendarGroup:
    """Calendars of one fact of the events, one per value an event has (each audience, ...)."""

    fact: str  # the facts it reads, as templates find its calendars: "audiences"
    prefix: str  # file names: kalender/untuk-anak.ics
    heading: str  # its list on /kalender/
    name: str  # each calendar's name, of {site} and {label}
    values: Callable[[PostFacts], Iterable[GroupValue]]


# One calendar for each audience and each partner that an event names (past events
# count: a calendar, once subscribed to, stays).
GROUPS = (
    CalendarGroup(
        "audiences",
        "untuk",
        "Kalender menurut peserta",
        "Acara {site} untuk {label}",
        lambda facts: (GroupValue(a.key, a.label, a.rank) for a in facts.audiences),
    ),
    CalendarGroup(
        "partners",
        "mitra",
        "Kalender acara bersama mitra",
        "Acara {site} bersama {label}",
        lambda facts: (GroupValue(p.slug, p.name) for p in facts.partners),
    ),
)


def grouped(
    group: CalendarGroup, entries: list[CalendarEntry]
) -> list[tuple[GroupValue, list[CalendarEntry]]]:
    """Each value of the group that an event has, in its order, with those events (in their order)."""
    found: dict[GroupValue, list[CalendarEntry]] = {}
    for entry in entries:
        for value in group.values(entry.facts):
            found.setdefault(value, []).append(entry)
    return sorted(found.items(), key=lambda item: (item[0].rank, item[0].label))
