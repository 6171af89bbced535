"""What a post says, decided once: the facts every output reads.

A kind's module (kinds/<kind>.py) turns a post's checked fields into a
`Presentation`: its status, its time and place, the labelled details, the
actions, the sections after the body, and what its card and captions add.
`PostFacts` joins that with what every post has. Pages, cards, heads, feeds,
the share kit and listings read `article.facts`; none of them asks which kind
a post is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from .kinds.base import Kind


@dataclass(frozen=True)
class Status:
    """A state that changes how a post is announced (an event postponed, cancelled...)."""

    key: str  # "ditunda"
    label: str  # "Ditunda"
    headline: bool = False  # the title is announced as "Ditunda: ..." (heads, captions, <title>)
    on_card: bool = False  # the card shows it
    strikes_time: bool = False  # the announced time no longer holds: shown struck out
    normal: bool = False  # the ordinary state: no badge, no notice
    ical_status: str = "CONFIRMED"  # its STATUS in calendars (RFC 5545): CONFIRMED, TENTATIVE, CANCELLED


@dataclass(frozen=True)
class Schedule:
    """When something happens: aware datetimes in the site's zone, and the words for it."""

    start: dt.datetime
    end: dt.datetime
    text: str  # "Sabtu, 5 Desember 2026, pukul 09.00–11.00 WITA"
    card_text: str  # "Sabtu, 5 Desember 2026 · 09.00 WITA"
    alt_text: str  # for the card's alt: "Sabtu, 5 Desember 2026 pukul 09.00 WITA"
    all_day: bool = False  # whole days: `end` is the midnight after the last day, times are not shown

    def is_over(self, now: dt.datetime) -> bool:
        return self.end < now


@dataclass(frozen=True)
class Detail:
    """One labelled fact: 'Waktu: ...', 'ISBN: ...'."""

    label: str
    text: str
    struck: bool = False  # no longer valid (the old time of a cancelled event)


@dataclass(frozen=True)
class Action:
    """A link a reader acts on: 'Daftar', 'Lihat di katalog'."""

    label: str
    url: str
    after_body: bool = False  # placed after the body (a tutorial's video), else before it
    while_on: bool = False  # offered only while the post's schedule has not ended
    until: dt.datetime | None = None  # offered only before this moment (a registration deadline)


@dataclass(frozen=True)
class Section:
    """A block after the body: numbered steps, or paragraphs of text."""

    heading: str
    items: tuple[str, ...] = ()  # an ordered list
    paragraphs: tuple[tuple[str, ...], ...] = ()  # paragraphs, each as its lines


@dataclass(frozen=True)
class Presentation:
    """What a kind adds to a post, from its fields (kinds/<kind>.py returns one)."""

    status: Status | None = None
    schedule: Schedule | None = None
    where: str | None = None  # "Aula Lantai 2 dan daring": the one wording of the place
    details: tuple[Detail, ...] = ()  # labelled facts, in the order readers need them
    lead: Markup | None = None  # one line of HTML before the details ("Seri <strong>..</strong>")
    actions: tuple[Action, ...] = ()
    sections: tuple[Section, ...] = ()
    card_texts: Mapping[str, str] = field(default_factory=dict)  # text sources of card layouts
    card_alt_details: tuple[str, ...] = ()  # ", ..." parts of the card's alt text
    shown_fields: Mapping[str, str] = field(default_factory=dict)  # field -> text drawn on the card
    caption_lines: tuple[str, ...] = ()  # lines after the title in share-kit captions
    sessions: tuple[Schedule, ...] = ()  # every session of a scheduled post, soonest first
    previous_time: str | None = None  # the old time of a rescheduled event, in words


@dataclass(frozen=True)
class PostFacts:
    """Everything a post says, as every output says it."""

    kind: Kind
    title: str
    headline: str  # the title as announced: "Ditunda: ..." for a postponed event
    summary: str
    card_title: str
    published: dt.datetime
    modified: dt.datetime
    author: str | None
    hashtags: tuple[str, ...]
    presentation: Presentation

    def __getattr__(self, name: str) -> Any:
        # status, schedule, where, details, ... read straight from the presentation.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.presentation, name)

    def actions_at(self, now: dt.datetime, *, after_body: bool | None = None) -> tuple[Action, ...]:
        """The actions still offered at `now` (before or after the body, or all)."""
        over = self.schedule is not None and self.schedule.is_over(now)
        return tuple(
            action
            for action in self.presentation.actions
            if not (action.while_on and over)
            and not (action.until is not None and action.until <= now)
            and (after_body is None or action.after_body == after_body)
        )

    def next_session(self, now: dt.datetime) -> Schedule | None:
        """The session going on or next to come at `now`; None when every one has ended."""
        return next((session for session in self.presentation.sessions if not session.is_over(now)), None)

    def is_over(self, now: dt.datetime) -> bool:
        return self.schedule is not None and self.schedule.is_over(now)


@dataclass(frozen=True)
class PresentContext:
    """What a kind needs besides the fields: the library's name and the site's zone."""

    library_name: str
    zone: Any  # ZoneInfo


Present = Callable[[dict, PresentContext], Presentation]
