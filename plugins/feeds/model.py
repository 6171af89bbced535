"""What the feeds hold: the catalogue of feeds, and one item per post.

Everything here is plain data computed once per build; build.py and
jsonfeed.py only turn it into RSS, Atom and JSON.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from plugins._shared.hashtags import hashtag_form, post_hashtags
from plugins._shared.order import newest_first

from .content import absolute, absolutize, facts_html, image_html, img_tag, summary_html

FORMATS = {
    # format: (label on the page, MIME type for autodiscovery, file suffix)
    "rss": ("RSS", "application/rss+xml", ".xml"),
    "atom": ("Atom", "application/atom+xml", ".atom.xml"),
    "json": ("JSON Feed", "application/feed+json", ".json"),
}
CAPTION_LIMIT = 500  # Mastodon's toot length, the tightest caption an auto-poster writes


def with_utm(url: str, utm: tuple[tuple[str, str], ...]) -> str:
    """A URL with campaign tags added, or as it is when there are none."""
    return f"{url}?{urlencode(utm)}" if utm else url


# --- the catalogue ------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedLink:
    format: str
    label: str
    mime: str
    path: str  # relative to the site root: umpan/semua.xml


@dataclass(frozen=True)
class _FeedSet:
    """One selection of posts, offered in one or more formats."""

    key: str  # "sosial", "semua", "acara", "tagar/bacabuku", "instagram"
    title: str  # "Semua tulisan", "Acara", "#BacaBuku"
    description: str
    page: str  # the matching page, relative to the site root: "", "acara/", "tagar/bacabuku/"
    articles: tuple = field(repr=False)  # newest first, at most the window
    formats: tuple[str, ...] = ("rss", "atom", "json")
    square: bool = False  # items carry the 1080x1080 card instead of the 1200x630 one
    folder: str = ""  # FEEDS.folder: every feed, and the page that lists them, live there

    @property
    def links(self) -> list[FeedLink]:
        return [FeedLink(f, FORMATS[f][0], FORMATS[f][1], self.path(f)) for f in self.formats]

    def path(self, fmt: str) -> str:
        return f"{self.folder}/{self.key}{FORMATS[fmt][2]}"


@dataclass(frozen=True)
class Catalogue:
    """Every feed of the site: templates get it as `feeds`."""

    social: _FeedSet  # the one for auto-posters: only what is current
    everything: _FeedSet
    kinds: dict[str, _FeedSet]  # kind slug -> feed, schema order
    tags: dict[str, _FeedSet]  # tag slug -> feed, by name
    instagram: _FeedSet
    page: str  # the public page listing them: FEEDS.folder + "/"

    def all(self) -> list[_FeedSet]:
        return [self.social, self.everything, *self.kinds.values(), *self.tags.values(), self.instagram]


def is_current(article, now: dt.datetime, days: int) -> bool:
    """Published in the last `days` days, and not an event (any schedule) that is over."""
    return now - dt.timedelta(days=days) <= article.date <= now and not article.facts.is_over(now)


def make_catalogue(
    articles: list,
    site_name: str,
    tagline: str,
    window: int,
    kinds,
    *,
    now: dt.datetime,
    auto_post_days: int,
    folder: str,
    tags_folder: str,
) -> Catalogue:
    """The feeds of a set of published articles: current, all, per kind, per hashtag, square.

    `folder` holds every feed (FEEDS.folder); hashtag feeds are in its `tags_folder`
    subfolder, named like the site's hashtag pages.
    """
    FeedSet = functools.partial(_FeedSet, folder=folder)  # noqa: N806 - every feed of this site
    ordered = newest_first(articles)
    # A client connected for the first time posts the whole feed at once: give it only
    # what is worth posting today.
    social = FeedSet(
        "sosial",
        "Untuk pengirim otomatis",
        f"Tulisan {auto_post_days} hari terakhir, tanpa acara yang sudah selesai, untuk "
        "layanan yang mengirim setiap tulisan baru ke media sosial.",
        "",
        tuple(a for a in ordered if is_current(a, now, auto_post_days))[:window],
        formats=("rss", "atom"),
    )
    everything = FeedSet("semua", "Semua tulisan", tagline, "", tuple(ordered[:window]))
    by_kind = {}
    for slug, kind in kinds.items():
        posts = [a for a in ordered if a.kind.slug == slug]
        if posts:
            by_kind[slug] = FeedSet(
                slug, kind.label, kind.description, posts[0].category.url, tuple(posts[:window])
            )
    tags: dict[str, tuple] = {}  # slug -> (Pelican's Tag, posts)
    for article in ordered:
        for tag in article.tags:
            tags.setdefault(tag.slug, (tag, []))[1].append(article)
    tag_feeds = {
        slug: FeedSet(
            f"{tags_folder}/{slug}",
            f"#{tag.name}",
            f"Tulisan {site_name} dengan tagar #{tag.name}.",
            tag.url,
            tuple(posts[:window]),
        )
        for slug, (tag, posts) in sorted(tags.items(), key=lambda kv: kv[1][0].name.casefold())
    }
    instagram = FeedSet(
        "instagram",
        "Instagram (gambar persegi)",
        "Semua tulisan dengan kartu persegi 1080x1080 piksel, untuk layanan yang mengirim ke Instagram.",
        "",
        everything.articles,
        formats=("rss",),
        square=True,
    )
    return Catalogue(social, everything, by_kind, tag_feeds, instagram, page=f"{folder}/")


FeedSet = _FeedSet  # the public name: one selection of posts in one or more formats


# --- items -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    """A card image with everything an enclosure and media:content need; url is absolute."""

    url: str
    width: int
    height: int
    length: int
    mime: str
    alt: str


@dataclass(frozen=True)
class Item:
    """One post as every feed format sees it; dates are aware (WITA)."""

    source: str  # the post's file, for messages
    kind: str  # the kind's slug
    id: str  # the permanent absolute URL: RSS guid, Atom id, JSON Feed id
    title: str
    summary: str  # plain text (JSON Feed); RSS and Atom get summary_html()
    body_html: str  # facts and body, links absolute, no card
    published: dt.datetime
    updated: dt.datetime
    categories: tuple[str, ...]  # hashtags in working form, without "#"
    author: str
    card: Picture | None  # 1200x630
    square: Picture | None  # 1080x1080, only for posts in the window

    def link(self, utm: tuple[tuple[str, str], ...] = ()) -> str:
        """The post's URL, with campaign tags when given (never used as the id)."""
        return with_utm(self.id, utm)

    def picture(self, square: bool = False) -> Picture | None:
        return self.square if square else self.card

    def content_html(self, square: bool = False) -> str:
        """The full content: the card image first, then the facts and body."""
        picture = self.picture(square)
        top = image_html(picture.url, picture.alt, picture.width, picture.height) if picture else ""
        return top + self.body_html

    def summary_html(self, square: bool = False) -> str:
        """The summary as HTML, the card first: feediverse takes its image only from here."""
        picture = self.picture(square)
        image = img_tag(picture.url, picture.alt, picture.width, picture.height) if picture else ""
        return summary_html(self.summary, image)


def caption_length(title: str, summary: str, link: str, hashtags: Iterable[str]) -> int:
    """Characters of the usual auto-post: title, summary, link (blank lines between), #hashtags."""
    text = f"{title}\n\n{summary}\n\n{link}"
    return len(text) + sum(len(tag) + 2 for tag in hashtags)


def article_caption_length(
    article, public_url: str, utm: tuple[tuple[str, str], ...], library_hashtags: Iterable[str]
) -> int:
    """caption_length of an article as its feed item will carry it."""
    link = with_utm(absolute(public_url, article.url), utm)
    return caption_length(
        article.title,
        article.fields.get("summary") or article.summary,
        link,
        categories(article, library_hashtags),
    )


def make_item(
    article, *, public_url: str, author: str, library_hashtags: Iterable[str], now: dt.datetime
) -> Item:
    """The feed item of a published article."""
    page_url = absolute(public_url, article.url)
    before, after = facts_html(article, public_url, now)
    body = absolutize(article.content, page_url)
    # The checked fields are already in WITA; Pelican's article.date keeps any
    # offset the author wrote, and feeds must say +08:00 like the pages do.
    published = article.fields["date"]
    modified = article.fields.get("modified") or published
    cards = getattr(article, "cards", None)
    return Item(
        source=article.source_path,
        kind=article.kind.slug,
        id=page_url,
        title=article.title,
        summary=article.fields.get("summary") or article.summary,
        body_html="\n".join(part for part in (before, body, after) if part),
        published=published,
        updated=max(modified, published),
        categories=categories(article, library_hashtags),
        author=article.fields.get("author") or author,
        card=_picture(getattr(cards, "link", None), public_url),
        square=_picture(getattr(cards, "square", None), public_url),
    )


def categories(article, library_hashtags: Iterable[str]) -> tuple[str, ...]:
    """The post's hashtags in the one order (post_hashtags) the share kit's captions use too."""
    return post_hashtags(
        article.fields.get("hashtags", []), library_hashtags, hashtag_form(article.kind.label)
    )


def _picture(card, public_url: str) -> Picture | None:
    if card is None:
        return None
    return Picture(
        absolute(public_url, card.url),
        int(card.width),
        int(card.height),
        int(card.length),
        card.mime,
        card.alt,
    )
