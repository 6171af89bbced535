"""A Pelican generator that writes every calendar and the public /kalender/ page.

It runs after the articles generator. generate_context finds the events, gives each its
links (article.calendar) and decides the calendars (context['calendars']) before any page
is written; generate_output writes one .ics per event, the whole calendar, one per value
of each group (model.GROUPS: each audience, each partner) and the page that explains how to subscribe.

Serialising with icalendar is most of a build's work here, so a calendar file is kept from
the last build while what it shows is the same (plugins/_shared/kept_outputs.py): its events'
facts, their versions (versions.py) and the code that writes them. icalendar is imported
only when some calendar is written.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from plugins._shared import digest_cache
from plugins._shared.clock import build_moment
from plugins._shared.fingerprint import FileDigests, Fingerprinter, Unfingerprintable
from plugins._shared.kept_outputs import KeptOutputs
from plugins._shared.settings import setting
from plugins.content_model.kinds.base import Kind

from .links import links_of
from .model import EVERYTHING, GROUPS, CalendarEntry, grouped, in_order, make_entry
from .settings import CalendarSettings
from .versions import Ledger

logger = logging.getLogger(__name__)

PAGE_TEMPLATE = "kalender"
TEXTS = "kalender-teks"  # DigestCache: an event's key -> build.digest_of its VEVENTs


@functools.cache
def _code_version() -> str:
    """This package (it turns facts into iCalendar text) and the library it writes with."""
    return digest_cache.code_version(["plugins.calendars"], ["icalendar"])


@functools.cache
def _zone_rules(zone: str) -> str:
    """A digest of the zone's rules as zoneinfo reads them (TZPATH, then tzdata): the VTIMEZONE's source."""
    for root in zoneinfo.TZPATH:
        path = Path(root) / zone
        if path.is_file():
            return digest_cache.digest(zone, path.read_bytes())
    try:
        return digest_cache.digest(
            zone, importlib.resources.files("tzdata.zoneinfo").joinpath(zone).read_bytes()
        )
    except (ModuleNotFoundError, OSError):
        return digest_cache.digest(zone, "unknown")


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


def give_calendar_links(article, settings: dict, config: CalendarSettings) -> CalendarEntry | None:
    """An event's `calendar` (its .ics and "add to calendar" links); its entry, or None for no event."""
    entry = make_entry(article, settings["PUBLIC_URL"].rstrip("/"), config.folder)
    if entry is not None:
        article.calendar = links_of(entry, build_moment(settings))
    return entry


def calendar_of_one(post, previous, context: dict, settings: dict) -> None:
    """one_post's step (plugins/_shared/one_post.py)."""
    give_calendar_links(post, settings, setting(settings, CalendarSettings))


class CalendarsGenerator(Generator):
    """Writes an .ics for each event, kalender/semua.ics, one per audience, and /kalender/."""

    def generate_context(self) -> None:
        self.config: CalendarSettings = setting(self.settings, CalendarSettings)
        self.public_url = self.settings["PUBLIC_URL"].rstrip("/")
        self.entries: list[CalendarEntry] = []
        for article in self.context.get("articles", []):
            entry = give_calendar_links(article, self.settings, self.config)
            if entry is not None:
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
        ledger = Ledger(self.settings["CACHE_PATH"])
        now = build_moment(self.settings)
        kept = KeptOutputs(self.output_path, self.settings["CACHE_PATH"])
        texts = digest_cache.cache_at(self.settings["CACHE_PATH"], TEXTS)
        fingerprints = Fingerprinter(FileDigests(), Kind)  # facts are plain data: no file is read
        writing = _Writing(self.settings["TIMEZONE"])
        keys = {}  # uid -> the key of its VEVENTs with their version, or None
        for entry in self.entries:
            key = self._event_key(fingerprints, entry)
            text = texts.get(key) if key is not None else None
            if text is None:
                text = writing.text_of(entry)
                if key is not None:
                    texts.put(key, text)
            # A status change counts as a modification even when `modified` was not moved:
            # without the ledger (a lost cache) a cancellation must still raise SEQUENCE.
            notice = entry.facts.notice
            changed = max(entry.facts.modified, notice.since) if notice else entry.facts.modified
            version = ledger.version(entry.uid, text, changed, now)
            writing.versions[entry.uid] = version
            keys[entry.uid] = None if key is None else digest_cache.digest(key, version.as_json())
            own = (entry.facts.title, f"Acara di {site}")
            kept.write(entry.path, self._file_key([keys[entry.uid]], own), writing.calendar([entry], *own))
        for calendar in self.calendars.all:
            own = (calendar.name, f"{calendar.name}.")
            key = self._file_key([keys[entry.uid] for entry in calendar.entries], own)
            kept.write(calendar.path, key, writing.calendar(calendar.entries, *own))
        kept.save()
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

    def _event_key(self, fingerprints: Fingerprinter, entry: CalendarEntry) -> str | None:
        """A digest of everything the VEVENTs of one event say (their version aside); None: unknown."""
        try:
            return digest_cache.digest(_code_version(), fingerprints.of(entry))
        except Unfingerprintable:
            return None

    def _file_key(self, events: list[str | None], own: tuple[str, str]) -> str | None:
        """A calendar file's key: its events (each with its version), its name and text, the zone."""
        if None in events:
            return None
        return digest_cache.digest(_code_version(), _zone_rules(self.settings["TIMEZONE"]), own, events)


class _Writing:
    """What writing calendars needs, made once and only when some calendar is written."""

    def __init__(self, zone: str):
        self.zone = zone
        self.versions: dict = {}  # uid -> this build's Version, set before any calendar is made
        self._events: dict = {}  # uid -> its stamped VEVENTs

    @functools.cached_property
    def build(self):
        from . import build  # icalendar: imported only when something is written

        return build

    @functools.cached_property
    def timezone(self):
        return self.build.site_timezone(ZoneInfo(self.zone))  # once: it is slow to make

    def text_of(self, entry: CalendarEntry) -> str:
        """What the calendar says of the event (build.digest_of), for its version."""
        return self.build.digest_of(self.build.event_components(entry))

    def _components(self, entry: CalendarEntry) -> list:
        if entry.uid not in self._events:
            components = self.build.event_components(entry)
            self.build.stamp(components, self.versions[entry.uid])
            self._events[entry.uid] = components
        return self._events[entry.uid]

    def calendar(self, entries, name: str, description: str):
        """A maker of the bytes of one VCALENDAR of these events (for KeptOutputs.write)."""

        def make() -> bytes:
            events = [component for entry in entries for component in self._components(entry)]
            return self.build.calendar_bytes(events, name, description, self.timezone)

        return make
