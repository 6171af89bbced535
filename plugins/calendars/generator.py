"""A Pelican generator that writes every calendar and the public /kalender/ page.

It runs after the articles generator. generate_context finds the events, gives each its
links (article.calendar) and decides the calendars (context['calendars']) before any page
is written; generate_output writes one .ics per event, the whole calendar, one per value
of each group (model.GROUPS: each audience, each partner) and the page that explains how to subscribe.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from plugins._shared.clock import build_moment
from plugins._shared.files import write_atomically
from plugins._shared.settings import setting

from .build import calendar_bytes, digest_of, event_components, site_timezone, stamp
from .links import links_of
from .model import EVERYTHING, GROUPS, CalendarEntry, grouped, in_order, make_entry
from .settings import CalendarSettings
from .versions import Ledger

logger = logging.getLogger(__name__)

PAGE_TEMPLATE = "kalender"


@dataclass(frozen=True)
class Subscription:
    """One calendar to subscribe to, as the /kalender/ page offers it."""

    label: str  # "Semua acara", "Anak-anak": its link on /kalender/
    name: str  # the calendar's own name in apps
    path: str  # "kalender/semua.ics"
    url: str  # https://.../kalender/semua.ics
    webcal: str  # webcal://.../kalender/semua.ics
    google: str  # Google Calendar's "add by URL" for it
    entries: tuple[CalendarEntry, ...]
    fact: str = ""  # the group's fact ("audiences", "partners"); "" for the whole calendar
    key: str = ""  # the value's key in it: "anak", a partner's slug

    @property
    def events(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class SubscriptionGroup:
    heading: str  # "Kalender menurut peserta"
    calendars: tuple[Subscription, ...]


@dataclass(frozen=True)
class Calendars:
    """context['calendars']: the /kalender/ page, the whole calendar and each group's."""

    page: str  # "kalender/"
    everything: Subscription
    groups: tuple[SubscriptionGroup, ...]

    @property
    def all(self) -> tuple[Subscription, ...]:
        return (self.everything, *(c for group in self.groups for c in group.calendars))

    def find(self, fact: str, key: str) -> Subscription | None:
        """The calendar of one value of a fact: find("partners", "sma-negeri-1-kotamobagu")."""
        return next((c for c in self.all if (c.fact, c.key) == (fact, key)), None)


class CalendarsGenerator(Generator):
    """Writes an .ics for each event, kalender/semua.ics, one per audience, and /kalender/."""

    def generate_context(self) -> None:
        self.config: CalendarSettings = setting(self.settings, CalendarSettings)
        self.public_url = self.settings["PUBLIC_URL"].rstrip("/")
        self.entries: list[CalendarEntry] = []
        for article in self.context.get("articles", []):
            entry = make_entry(article, self.public_url, self.config.folder)
            if entry is not None:
                article.calendar = links_of(entry, build_moment(self.settings))
                self.entries.append(entry)
        self.entries = in_order(self.entries)
        site = self.settings["SITENAME"]
        groups = tuple(
            SubscriptionGroup(
                group.heading,
                tuple(
                    self._subscription(
                        value.label,
                        group.name.format(site=site, label=value.label),
                        f"{group.prefix}-{value.key}.ics",
                        members,
                        fact=group.fact,
                        key=value.key,
                    )
                    for value, members in grouped(group, self.entries)
                ),
            )
            for group in GROUPS
        )
        everything = self._subscription("Semua acara", f"Acara {site}", EVERYTHING, self.entries)
        self.calendars = Calendars(f"{self.config.folder}/", everything, groups)
        self.context["calendars"] = self.calendars

    def _subscription(self, label: str, name: str, file: str, entries, **group) -> Subscription:
        path = f"{self.config.folder}/{file}"
        url = f"{self.public_url}/{path}"
        webcal = "webcal://" + url.split("://", 1)[1]
        return Subscription(
            label=label,
            name=name,
            path=path,
            url=url,
            webcal=webcal,
            google=f"https://calendar.google.com/calendar/r?cid={quote(webcal, safe='')}",
            entries=tuple(entries),
            **group,
        )

    def generate_output(self, writer) -> None:
        site = self.settings["SITENAME"]
        timezone = site_timezone(ZoneInfo(self.settings["TIMEZONE"]))  # once: it is slow to make
        ledger = Ledger(self.settings["CACHE_PATH"])
        now = build_moment(self.settings)
        events = {}
        for entry in self.entries:
            components = event_components(entry)
            # A status change counts as a modification even when `modified` was not moved:
            # without the ledger (a lost cache) a cancellation must still raise SEQUENCE.
            notice = entry.facts.notice
            changed = max(entry.facts.modified, notice.since) if notice else entry.facts.modified
            stamp(components, ledger.version(entry.uid, digest_of(components), changed, now))
            events[entry.uid] = components
            self._write(
                entry.path, calendar_bytes(components, entry.facts.title, f"Acara di {site}", timezone)
            )
        for calendar in self.calendars.all:
            chosen = chain.from_iterable(events[entry.uid] for entry in calendar.entries)
            self._write(calendar.path, calendar_bytes(chosen, calendar.name, f"{calendar.name}.", timezone))
        ledger.save()
        writer.write_file(
            f"{self.calendars.page}index.html",
            self.get_template(PAGE_TEMPLATE),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.calendars.page,
            page_name="kalender",
            calendars=self.calendars,
            meta_title="Kalender acara",
            meta_description=f"Langganan kalender acara {site}: semua acara, atau hanya yang untuk Anda, "
            "langsung tampil di Google Calendar, kalender iPhone atau Outlook.",
        )

    def _write(self, path: str, data: bytes) -> None:
        target = Path(self.output_path) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)  # a full disk never leaves half a calendar
        logger.info("Writing %s", target)
