"""Which posts are events, and what a calendar says of each: its UID, page, file and text.

A post is an event when its facts have a `schedule`; nothing here asks which kind it is.
"""

from __future__ import annotations

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
        """Plain text for calendars: the summary, then the page."""
        lines = [self.facts.summary] if self.facts.summary else []
        return "\n\n".join([*lines, f"Informasi lengkap: {self.url}"])


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
