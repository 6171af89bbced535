"""A Pelican generator that writes every calendar and the public /kalender/ page.

It runs after the articles generator. generate_context finds the events and gives each
its links (article.calendar) before any page is written; generate_output writes one
.ics per event, the whole calendar and the page that explains how to subscribe.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from plugins._shared.clock import build_moment
from plugins._shared.files import write_atomically
from plugins._shared.settings import setting

from .build import calendar_bytes
from .links import links_of
from .model import EVERYTHING, CalendarEntry, in_order, make_entry
from .settings import CalendarSettings

logger = logging.getLogger(__name__)

PAGE_TEMPLATE = "kalender"


@dataclass(frozen=True)
class Subscription:
    """The whole calendar, as the /kalender/ page offers it (context['calendars'])."""

    page: str  # "kalender/"
    path: str  # "kalender/semua.ics"
    url: str  # https://.../kalender/semua.ics
    webcal: str  # webcal://.../kalender/semua.ics
    google: str  # Google Calendar's "add by URL" for it
    events: int


class CalendarsGenerator(Generator):
    """Writes an .ics for each event, kalender/semua.ics with all of them, and /kalender/."""

    def generate_context(self) -> None:
        self.config: CalendarSettings = setting(self.settings, CalendarSettings)
        self.public_url = self.settings["PUBLIC_URL"].rstrip("/")
        self.zone = ZoneInfo(self.settings["TIMEZONE"])
        self.entries: list[CalendarEntry] = []
        for article in self.context.get("articles", []):
            entry = make_entry(article, self.public_url, self.config.folder)
            if entry is not None:
                article.calendar = links_of(entry, build_moment(self.settings))
                self.entries.append(entry)
        self.entries = in_order(self.entries)
        path = f"{self.config.folder}/{EVERYTHING}"
        url = f"{self.public_url}/{path}"
        webcal = "webcal://" + url.split("://", 1)[1]
        self.subscription = Subscription(
            page=f"{self.config.folder}/",
            path=path,
            url=url,
            webcal=webcal,
            google=f"https://calendar.google.com/calendar/r?cid={quote(webcal, safe='')}",
            events=len(self.entries),
        )
        self.context["calendars"] = self.subscription

    def generate_output(self, writer) -> None:
        site = self.settings["SITENAME"]
        for entry in self.entries:
            data = calendar_bytes([entry], entry.facts.title, f"Acara di {site}", self.zone)
            self._write(entry.path, data)
        everything = calendar_bytes(self.entries, f"Acara {site}", f"Semua acara {site}", self.zone)
        self._write(self.subscription.path, everything)
        writer.write_file(
            f"{self.subscription.page}index.html",
            self.get_template(PAGE_TEMPLATE),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.subscription.page,
            page_name="kalender",
            calendars=self.subscription,
            meta_title="Kalender acara",
            meta_description=f"Langganan kalender acara {site}: semua acara langsung tampil "
            "di Google Calendar, kalender iPhone atau Outlook.",
        )

    def _write(self, path: str, data: bytes) -> None:
        target = Path(self.output_path) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)  # a full disk never leaves half a calendar
        logger.info("Writing %s", target)
