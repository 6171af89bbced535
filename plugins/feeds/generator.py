"""A Pelican generator that writes every feed and the public /umpan/ page.

It runs after the articles and pages generators. generate_context puts the
catalogue of feeds in the shared context (templates render autodiscovery links
from it) and checks the captions before any page is written; generate_output
builds each item once (cards are attached by then) and writes every feed whose
key changed: a feed file is kept from the last build while its items (plain data,
as decided at this build's moment), its channel, its own settings and the code
that writes it are the same (plugins/_shared/kept_outputs.py).
"""

from __future__ import annotations

import dataclasses
import functools
import logging

from pelican.generators import Generator

from plugins._shared import digest_cache
from plugins._shared.clock import build_moment
from plugins._shared.fingerprint import FileDigests, Fingerprinter, Unfingerprintable
from plugins._shared.kept_outputs import KeptOutputs
from plugins._shared.settings import setting
from plugins.content_model.folders import site_folders
from plugins.content_model.kinds import kinds_of

from .build import Channel, atom_bytes, rss_bytes
from .content import absolute
from .jsonfeed import json_bytes, json_feed
from .model import (
    Catalogue,
    FeedSet,
    Item,
    feed_items,
    make_catalogue,
    make_item,
    notice_item,
    picture_of,
    reminder_item,
)
from .settings import FeedSettings

logger = logging.getLogger(__name__)

PAGE_TEMPLATE = "umpan"
# What a feed's bytes depend on besides its items: the feed itself, minus the posts it selects
# (its items say them, as they are written).
_SELECTIONS = ("articles", "noticed", "reminded")


@functools.cache
def _code_version() -> str:
    """This package (it turns items into bytes) and the libraries it writes with."""
    return digest_cache.code_version(["plugins.feeds"], ["feedgen", "lxml"])


class FeedsGenerator(Generator):
    """Writes RSS, Atom and JSON Feed for current posts, all posts, each kind and each hashtag."""

    def generate_context(self) -> None:
        self.config: FeedSettings = setting(self.settings, FeedSettings)
        self.public_url = self.settings["PUBLIC_URL"].rstrip("/")
        profile = self.settings["PROFILE"]
        self.library_hashtags = profile.hashtags if self.config.library_hashtags else ()
        self.catalogue: Catalogue = make_catalogue(
            self.context.get("articles", []),
            self.settings["SITENAME"],
            profile.tagline,
            self.settings["FEED_MAX_ITEMS"],
            kinds_of(self.settings).posts,
            now=build_moment(self.settings),
            auto_post_days=self.config.auto_post_days,
            folder=self.config.folder,
            tags_folder=site_folders(self.settings).tags,
            reminders=self.config.reminders,
        )
        self.context["feeds"] = self.catalogue

    def generate_output(self, writer) -> None:
        items = self._items()
        notices, reminders = self._announcements(items)
        missing = [i for i in items.values() if i.card is None]
        if missing:
            logger.warning(
                "umpan: %d tulisan tanpa kartu (article.cards), jadi umpannya tanpa gambar; "
                "periksa bahwa plugin social_cards aktif.",
                len(missing),
            )
        channel = self._channel()
        # An empty feed (a quiet fortnight in sosial.xml) says the site's newest change,
        # not the clock: an unchanged site still builds byte-identical feeds.
        every = [*items.values(), *notices.values(), *reminders.values()]
        self.newest = max((i.updated for i in every), default=build_moment(self.settings))
        kept = KeptOutputs(self.output_path, self.settings["CACHE_PATH"])
        fingerprints = Fingerprinter(FileDigests())  # items are plain data: no file is read
        for feed in self.catalogue.all():
            held = feed_items(feed, items, notices, reminders)
            if feed.square:  # Instagram refuses a post without an image
                held = [i for i in held if i.square is not None]
            for fmt in feed.formats:
                render = functools.partial(self._render, fmt, channel, feed, held)
                kept.write(feed.path(fmt), self._key(fingerprints, fmt, channel, feed, held), render)
        kept.save()
        writer.write_file(
            f"{self.catalogue.page}index.html",
            self.get_template(PAGE_TEMPLATE),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.catalogue.page,
            page_name="umpan",
            feeds=self.catalogue,
            meta_title="Umpan RSS",
            meta_description=f"Semua umpan RSS, Atom dan JSON {self.settings['SITENAME']}: "
            "ikuti tulisan baru lewat aplikasi pembaca umpan.",
        )

    def _items(self) -> dict[int, Item]:
        """One item per article that any feed holds, keyed by id(article)."""
        now = build_moment(self.settings)
        wanted = {
            id(a): a
            for feed in self.catalogue.all()
            for a in (*feed.articles, *feed.noticed, *(post for post, _ in feed.reminded))
        }
        return {
            key: make_item(
                article,
                public_url=self.public_url,
                author=self._author(),
                library_hashtags=self.library_hashtags,
                now=now,
            )
            for key, article in wanted.items()
        }

    def _announcements(self, items: dict[int, Item]) -> tuple[dict[int, Item], dict]:
        """The notice items (by id(article)) and the reminder items (by (id(article), reminder id))."""
        notices, reminders = {}, {}
        for feed in self.catalogue.all():
            for article in feed.noticed:
                notices[id(article)] = notice_item(article, items[id(article)])
            for article, reminder in feed.reminded:
                cards = getattr(article, "reminder_cards", {}).get(reminder.id)
                card = picture_of(cards.link, self.public_url) if cards else None
                reminders[(id(article), reminder.id)] = reminder_item(items[id(article)], reminder, card)
        return notices, reminders

    def _key(
        self, fingerprints: Fingerprinter, fmt: str, channel: Channel, feed: FeedSet, items: list[Item]
    ) -> str | None:
        """A digest of everything one feed file's bytes depend on; None when it cannot be said."""
        shape = [
            (f.name, getattr(feed, f.name)) for f in dataclasses.fields(feed) if f.name not in _SELECTIONS
        ]
        try:
            held = [fingerprints.of(item) for item in items]
            described = fingerprints.of((fmt, channel, shape, self.config.utm))
        except Unfingerprintable:
            return None
        # The site's newest change dates a feed only while it holds no item (build.py).
        return digest_cache.digest(_code_version(), described, held, None if items else self.newest)

    def _render(self, fmt: str, channel: Channel, feed: FeedSet, items: list[Item]) -> bytes:
        if fmt == "json":
            return json_bytes(json_feed(channel, feed, items))
        write = rss_bytes if fmt == "rss" else atom_bytes
        return write(channel, feed, items, self.config.utm, self.newest)

    def _channel(self) -> Channel:
        profile = self.settings["PROFILE"]
        return Channel(
            self.settings["SITENAME"],
            self.public_url,
            absolute(self.public_url, profile.logo),
            profile.email,
            self._author(),
        )

    def _author(self) -> str:
        return self.settings.get("AUTHOR") or self.settings["SITENAME"]
