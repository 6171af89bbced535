"""RSS 2.0 and Atom documents with feedgen, one FeedGenerator per feed.

The card image goes everywhere an auto-poster looks for one: the enclosure
(Atom: link rel=enclosure), media:content with media:description, and an <img>
at the top of the content and of the summary (RSS description, Atom summary,
both HTML). The guid is the post's permanent URL (an announcement's adds a
fragment: "#status-...", "#pengingat-..."), marked as a permalink; campaign
tags go on the item link only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# feedgen 1.0.0's util module uses lxml.etree after a bare `import lxml`:
# import lxml.etree first, or importing feedgen fails in a fresh process.
from lxml import etree  # isort: skip

from feedgen.entry import FeedEntry  # noqa: E402
from feedgen.ext.media import MEDIA_NS, MediaEntryExtension, MediaExtension  # noqa: E402
from feedgen.feed import FeedGenerator  # noqa: E402

from .model import FeedSet, Item


@dataclass(frozen=True)
class Channel:
    """What every feed of the site shares: names, the logo, the public URL, the language."""

    site_name: str
    public_url: str  # no trailing slash
    logo_url: str  # absolute
    email: str
    author: str
    language: str = "id"

    def url(self, path: str) -> str:
        return f"{self.public_url}/{path}"


class Entry(FeedEntry):
    """feedgen's entry, with its Atom links written whole.

    feedgen 1.0.0 writes an entry's Atom <link> with its href only (it reads rel,
    type and length back from the new element instead of the link's data), so the
    enclosure would become a second alternate link. Put the attributes back.
    """

    def atom_entry(self, extensions=True):
        entry = super().atom_entry(extensions)
        for element, data in zip(entry.findall("link"), self.link() or [], strict=False):
            for name in ("rel", "type", "hreflang", "title", "length"):
                if data.get(name):
                    element.set(name, str(data[name]))
        return entry


class CardMediaEntryExtension(MediaEntryExtension):
    """feedgen's media:content, plus a media:description (the alt text) inside it."""

    def __init__(self):
        super().__init__()
        self._descriptions: dict[str, str] = {}

    def card(self, url: str, width: int, height: int, length: int, mime: str, alt: str) -> None:
        # group=None puts media:content straight in the item (feedgen's default
        # wraps it in a media:group, which some services do not read).
        self.content(
            url=url,
            width=str(width),
            height=str(height),
            fileSize=str(length),
            type=mime,
            medium="image",
            isDefault="true",
            expression="full",
            group=None,
        )
        self._descriptions[url] = alt

    def extend_atom(self, entry):
        entry = super().extend_atom(entry)
        for element in entry.findall(f"{{{MEDIA_NS}}}content"):
            alt = self._descriptions.get(element.get("url"))
            if alt:
                description = etree.SubElement(element, f"{{{MEDIA_NS}}}description")
                description.set("type", "plain")
                description.text = alt
        return entry

    def extend_rss(self, item):
        return self.extend_atom(item)


SELF_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def feed_generator(
    channel: Channel,
    feed: FeedSet,
    fmt: str,
    items: list[Item],
    utm: tuple[tuple[str, str], ...],
    fallback_updated: dt.datetime,
) -> FeedGenerator:
    """A FeedGenerator holding one feed's channel data and items, newest first."""
    fg = FeedGenerator()
    fg.register_extension("media", MediaExtension, CardMediaEntryExtension)
    title = f"{channel.site_name} — {feed.title}"
    home = channel.url(feed.page)
    fg.id(channel.url(feed.path(fmt)))
    fg.title(title)
    fg.subtitle(feed.description)  # RSS <description>, Atom <subtitle>
    # feedgen takes the RSS <link> from the last link added: self first, then the page.
    fg.link(href=channel.url(feed.path(fmt)), rel="self", type=SELF_TYPES[fmt])
    fg.link(href=home, rel="alternate", type="text/html")
    fg.language(channel.language)
    fg.author(name=channel.author, email=channel.email)
    fg.icon(channel.logo_url)
    fg.logo(channel.logo_url)  # resets the RSS image: set that after it
    fg.image(url=channel.logo_url, title=title, link=home)
    fg.generator("python-feedgen")
    # The newest change, not the build time: an unchanged site builds byte-identical feeds.
    newest = max((item.updated for item in items), default=fallback_updated)
    fg.updated(newest.replace(microsecond=0))
    fg.lastBuildDate(newest.replace(microsecond=0))
    for item in items:
        entry = fg.add_entry(Entry(), order="append")
        entry.guid(item.id, permalink=True)  # also the Atom <id>
        entry.title(item.title)
        entry.link(href=item.link(utm), rel="alternate", type="text/html")
        # The card's <img> first: feediverse takes an image only from the summary.
        entry.summary(item.summary_html(feed.square), type="html")  # Atom
        entry.description(item.summary_html(feed.square))  # RSS: HTML by convention
        entry.content(item.content_html(feed.square), type="html")
        entry.published(item.published)
        entry.updated(item.updated)
        entry.author(name=item.author, email=channel.email)
        for tag in item.categories:
            entry.category(term=tag)
        picture = item.picture(feed.square)
        if picture is not None:
            entry.enclosure(picture.url, str(picture.length), picture.mime)
            entry.media.card(
                picture.url, picture.width, picture.height, picture.length, picture.mime, picture.alt
            )
    return fg


def rss_bytes(
    channel: Channel,
    feed: FeedSet,
    items: list[Item],
    utm: tuple[tuple[str, str], ...],
    fallback_updated: dt.datetime,
) -> bytes:
    return feed_generator(channel, feed, "rss", items, utm, fallback_updated).rss_str(pretty=True)


def atom_bytes(
    channel: Channel,
    feed: FeedSet,
    items: list[Item],
    utm: tuple[tuple[str, str], ...],
    fallback_updated: dt.datetime,
) -> bytes:
    return feed_generator(channel, feed, "atom", items, utm, fallback_updated).atom_str(pretty=True)
