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
class Recurrence:
    """A series as its rule, in RFC 5545's terms: calendars write RRULE, EXDATE and RECURRENCE-ID.

    `first` is the rule's first session as written, even when it is skipped or moved. The
    starts in `skipped` and the keys of `moved` are starts the rule gives, in the site's zone.
    """

    first: Schedule
    freq: str  # "DAILY", "WEEKLY" or "MONTHLY"
    interval: int = 1
    count: int | None = None  # the sessions the rule gives, skipped and moved ones included
    until: dt.datetime | None = None  # or the last start it gives
    skipped: tuple[dt.datetime, ...] = ()  # starts on which no session is held
    moved: Mapping[dt.datetime, Schedule] = field(default_factory=dict)  # a start -> the session held instead


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
    in_summary: bool = False  # also named in short announcements (a feed item's summary): 'Daftar'


@dataclass(frozen=True)
class Audience:
    """Who a post is for: its key (in URLs and filters), its label, its place among the others."""

    key: str  # "anak"
    label: str  # "Anak-anak"
    rank: int = 0  # listings order audiences by it (youngest first)


@dataclass(frozen=True)
class Notice:
    """A changed status announced once: its own feed item beside the post's, never a repost."""

    key: str  # the stable end of its guid: "dibatalkan-2026-12-01T0800" (status, when it was set)
    label: str  # the title's prefix: "DIBATALKAN"
    summary: str  # one line with the time and place it concerns
    since: dt.datetime  # when the status was set: the item's date


@dataclass(frozen=True)
class Reminder:
    """A reminder of one session, announced from `due` until the session starts."""

    key: str  # "besok", "hari-ini": with the session's start, the stable end of its guid
    label: str  # "Besok", "Hari ini": the title's prefix and what its card says
    due: dt.datetime
    session: Schedule
    summary: str  # the session's time and place
    card_texts: Mapping[str, str] = field(default_factory=dict)  # over the post's card texts

    @property
    def id(self) -> str:
        """Unique within its post and stable across builds: '2026-12-05T0900-besok'."""
        return f"{self.session.start:%Y-%m-%dT%H%M}-{self.key}"

    def is_on(self, now: dt.datetime) -> bool:
        return self.due <= now < self.session.start


@dataclass(frozen=True)
class PartnerRef:
    """A partner a post names (a school co-hosting an event), as every output shows it."""

    slug: str  # its file's slug: what posts write in `partners`
    name: str
    url: str  # its page, relative to the site: "mitra/sma-negeri-1-kotamobagu/"
    label: str  # the kind of partner: "Sekolah"
    logo: str | None = None  # "gambar/logo-....png"
    logo_alt: str | None = None
    website: str | None = None  # its own site


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
    partners: tuple[PartnerRef, ...] = ()  # the partners it names, in the order written
    notice: Notice | None = None  # the feeds' one announcement of a changed status
    reminders: tuple[Reminder, ...] = ()  # every reminder of every session, whether due or not
    audiences: tuple[Audience, ...] = ()  # who it is for (an event for children and teenagers)
    recurrence: Recurrence | None = None  # a series' rule and its exceptions (calendars write it)
    short_where: str | None = None  # the place in few words (no street, no library name) for short texts
    summary_notes: tuple[str, ...] = ()  # facts short announcements add while it is on: 'Pendaftaran penuh'


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

    def reminders_on(self, now: dt.datetime) -> tuple[Reminder, ...]:
        """The reminders to announce at `now`: due, and their session not yet started."""
        return tuple(reminder for reminder in self.presentation.reminders if reminder.is_on(now))


@dataclass(frozen=True)
class PresentContext:
    """What a kind needs besides the fields: the library's name, the site's zone, its partners."""

    library_name: str
    zone: Any  # ZoneInfo
    partners: Mapping[str, PartnerRef] = field(default_factory=dict)  # the site's partners by slug


Present = Callable[[dict, PresentContext], Presentation]
