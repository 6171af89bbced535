"""What the feeds hold: the catalogue of feeds, and one item per post.

Besides its posts, a feed holds two kinds of announcement, each an item of its
own with a guid made from the post's and never changing across builds, so
an auto-poster posts it once and the post's own item is never posted again:

- a notice of a changed status ("DIBATALKAN: ..."), dated when the status was
  set, in every feed that carries the post: whoever follows the post through
  any feed needs to know it no longer holds;
- a reminder of a session ("Besok: ...", "Hari ini: ..."), from the moment it
  is due until the session starts, in the auto-poster feed only: it is for
  timelines, and worth nothing in a reader opened a day later.

Everything here is plain data computed once per build; build.py and
jsonfeed.py only turn it into RSS, Atom and JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from html import escape
from urllib.parse import urlencode

from plugins._shared.hashtags import hashtag_form, post_hashtags
from plugins._shared.order import newest_first

from .content import absolute, absolutize, facts_html, image_html, img_tag, summary_html
from .summary import item_summary

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
    noticed: tuple = field(default=(), repr=False)  # posts whose status notice this feed carries
    reminded: tuple = field(default=(), repr=False)  # (post, Reminder) pairs due now
    window: int = 0  # how many items it holds, announcements included (0: as many as its posts)
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


def notice_is_out(article, now: dt.datetime) -> bool:
    """The post's status notice is dated by now (a status set for later waits, like a post)."""
    notice = article.facts.notice
    return notice is not None and notice.since <= now


def notice_is_current(article, now: dt.datetime, days: int) -> bool:
    """The auto-poster feed's rule for a notice: set in the last `days` days, the event not over."""
    return (
        notice_is_out(article, now)
        and now - dt.timedelta(days=days) <= article.facts.notice.since
        and not article.facts.is_over(now)
    )


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
    reminders: bool = True,
) -> Catalogue:
    """The feeds of a set of published articles: current, all, per kind, per hashtag, square.

    `folder` holds every feed (FEEDS.folder); hashtag feeds are in its `tags_folder`
    subfolder, named like the site's hashtag pages. `reminders` (FEEDS.reminders)
    adds the due reminders to the auto-poster feed.
    """
    ordered = newest_first(articles)
    out = {id(a) for a in ordered if notice_is_out(a, now)}

    def FeedSet(key, title, description, page, posts, **options):  # noqa: N802 - every feed of this site
        """A feed of `posts` (newest first, all of its selection) holding their notices too."""
        noticed = options.pop("noticed", tuple(a for a in posts if id(a) in out))
        return _FeedSet(
            key,
            title,
            description,
            page,
            tuple(posts[:window]),
            noticed,
            folder=folder,
            window=window,
            **options,
        )

    # A client connected for the first time posts the whole feed at once: give it only
    # what is worth posting today.
    social = FeedSet(
        "sosial",
        "Untuk pengirim otomatis",
        f"Tulisan {auto_post_days} hari terakhir, tanpa acara yang sudah selesai, dengan "
        "pemberitahuan bila acara batal, ditunda, dipindah ke daring atau dijadwalkan ulang"
        + (" dan pengingat sehari sebelum acara" if reminders else "")
        + ", untuk layanan yang mengirim setiap tulisan baru ke media sosial.",
        "",
        tuple(a for a in ordered if is_current(a, now, auto_post_days)),
        formats=("rss", "atom"),
        noticed=tuple(a for a in ordered if notice_is_current(a, now, auto_post_days)),
        reminded=tuple((a, r) for a in ordered for r in a.facts.reminders_on(now)) if reminders else (),
    )
    everything = FeedSet("semua", "Semua tulisan", tagline, "", ordered)
    by_kind = {}
    for slug, kind in kinds.items():
        posts = [a for a in ordered if a.kind.slug == slug]
        if posts:
            by_kind[slug] = FeedSet(slug, kind.label, kind.description, posts[0].category.url, posts)
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
            posts,
        )
        for slug, (tag, posts) in sorted(tags.items(), key=lambda kv: kv[1][0].name.casefold())
    }
    instagram = FeedSet(
        "instagram",
        "Instagram (gambar persegi)",
        "Semua tulisan dengan kartu persegi 1080x1080 piksel, untuk layanan yang mengirim ke Instagram.",
        "",
        ordered,
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
    """One post, or one announcement of it, as every feed format sees it; dates are aware (WITA)."""

    source: str  # the post's file, for messages
    kind: str  # the kind's slug
    id: str  # permanent: RSS guid, Atom id, JSON Feed id; the post's URL, plus a fragment for an announcement
    url: str  # the post's absolute URL, where the item links
    title: str
    summary: str  # plain text, lines apart (JSON Feed); RSS and Atom get summary_html()
    body_html: str  # facts and body, links absolute, no card
    published: dt.datetime
    updated: dt.datetime
    categories: tuple[str, ...]  # hashtags in working form, without "#"
    author: str
    card: Picture | None  # 1200x630
    square: Picture | None  # 1080x1080, only for posts in the window
    role: str = "post"  # "post", "notice" (a changed status) or "reminder"

    def link(self, utm: tuple[tuple[str, str], ...] = ()) -> str:
        """The post's URL, with campaign tags when given (never used as the id)."""
        return with_utm(self.url, utm)

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


def announced(label: str, title: str) -> str:
    """An announcement's title: 'DIBATALKAN: <title>', 'Besok: <title>'."""
    return f"{label}: {title}"


def article_caption_lengths(
    article,
    public_url: str,
    utm: tuple[tuple[str, str], ...],
    library_hashtags: Iterable[str],
    now: dt.datetime,
    reminders: bool = True,
) -> list[tuple[str, str, int]]:
    """(field to shorten, title, caption_length) of every item auto-posters may post for an article.

    The post's item as it is at `now`, its status notice, and every reminder of its
    sessions whether due yet or not (`reminders`: FEEDS.reminders), so a check warns
    before the day. All share the post's link and hashtags.
    """
    link = with_utm(absolute(public_url, article.url), utm)
    tags = categories(article, library_hashtags)
    facts = article.facts
    posts = [("summary", article.title, item_summary(article, now))]
    if facts.notice is not None:
        posts.append(("title", announced(facts.notice.label, article.title), facts.notice.summary))
    if reminders:
        posts += [("title", announced(r.label, article.title), r.summary) for r in facts.reminders]
    return [(name, title, caption_length(title, summary, link, tags)) for name, title, summary in posts]


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
        url=page_url,
        title=article.title,
        summary=item_summary(article, now),
        body_html="\n".join(part for part in (before, body, after) if part),
        published=published,
        updated=max(modified, published),
        categories=categories(article, library_hashtags),
        author=article.fields.get("author") or author,
        card=picture_of(getattr(cards, "link", None), public_url),
        square=picture_of(getattr(cards, "square", None), public_url),
    )


def notice_item(article, post: Item) -> Item:
    """The one item announcing the post's changed status: 'DIBATALKAN: <title>', dated when it was set."""
    notice = article.facts.notice
    return replace(
        post,
        id=f"{post.url}#status-{notice.key}",
        title=announced(notice.label, post.title),
        summary=notice.summary,
        body_html=f"<p><strong>{escape(notice.label)}:</strong> {escape(notice.summary)}</p>\n"
        + post.body_html,
        published=notice.since,
        updated=notice.since,
        role="notice",
    )


def reminder_item(post: Item, reminder, card: Picture | None) -> Item:
    """A session's reminder, 'Besok: <title>', with its own card; dated when it became due."""
    return replace(
        post,
        id=f"{post.url}#pengingat-{reminder.id}",
        title=announced(reminder.label, post.title),
        summary=reminder.summary,
        body_html=f"<p>{escape(reminder.summary)}</p>\n{post.body_html}",
        published=reminder.due,
        updated=reminder.due,
        card=card or post.card,
        square=None,  # the auto-poster feed carries link cards only
        role="reminder",
    )


def feed_items(
    feed: FeedSet, posts: dict[int, Item], notices: dict[int, Item], reminders: dict
) -> list[Item]:
    """A feed's posts, notices and reminders, newest first, at most its window."""
    items = [posts[id(a)] for a in feed.articles]
    items += [notices[id(a)] for a in feed.noticed]
    items += [reminders[(id(a), r.id)] for a, r in feed.reminded]
    items.sort(key=lambda item: item.published, reverse=True)  # stable: posts keep their order
    return items[: feed.window] if feed.window else items


def categories(article, library_hashtags: Iterable[str]) -> tuple[str, ...]:
    """The post's hashtags in the one order (post_hashtags) the share kit's captions use too."""
    return post_hashtags(
        article.fields.get("hashtags", []), library_hashtags, hashtag_form(article.kind.label)
    )


def picture_of(card, public_url: str) -> Picture | None:
    """A card (social_cards' CardImage) as a feed's picture, its URL absolute."""
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
