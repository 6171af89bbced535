"""What one share page shows: the card sizes, the link preview, the captions.

Plain data made from a published article and the head its public page has;
the theme's share_kit.html only prints it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from plugins._shared.clock import build_moment
from plugins.page_meta.head import HeadMeta, build_head

from .captions import Caption, Post, post_from_article, remembered_captions

# (attribute of article.cards, label, what it is for), in the order staff see them.
CARD_SIZES = (
    (
        "link",
        "Pratinjau tautan",
        "Dipakai otomatis oleh Facebook, X, WhatsApp, Telegram, LinkedIn dan Mastodon saat tautan dibagikan.",
    ),
    ("square", "Instagram persegi", "Unggahan Instagram atau Facebook berbentuk persegi (1:1)."),
    ("portrait", "Instagram potret", "Unggahan Instagram tegak (4:5), paling luas di linimasa."),
    ("story", "Story", "Story Instagram dan Facebook, atau status WhatsApp (9:16)."),
)


@dataclass(frozen=True)
class CardView:
    """One card size as the page shows it, with the file name a download gets."""

    key: str
    label: str
    use: str
    image: Any  # a social_cards CardImage: url, width, height, length, alt, mime
    filename: str

    @property
    def kilobytes(self) -> int:
        """Size in kB (1 kB = 1000 bytes), never shown as 0."""
        return max(1, round(int(self.image.length) / 1000))


@dataclass(frozen=True)
class Preview:
    """The link preview a crawler builds: the same values as the post page's og:* tags."""

    url: str  # og:url
    domain: str  # what platforms print under or over the preview
    title: str  # og:title
    description: str  # og:description
    image: Any = None  # the CardImage of og:image, or None
    image_url: str | None = None  # og:image (absolute)
    image_alt: str = ""


@dataclass(frozen=True)
class ShareKit:
    """Everything on one share page."""

    path: str  # output file, relative to the output folder
    post_url: str  # the public page, relative to the site root
    post: Post
    cards: tuple[CardView, ...]
    missing: tuple[str, ...]  # labels of sizes not drawn for this post
    preview: Preview
    captions: tuple[Caption, ...]
    local_link: bool = False  # PUBLIC_URL is this machine: captions must not be posted
    poster: Any = None  # an event's posters (plugins/posters, article.poster): PDF and PNG


def is_local(url: str) -> bool:
    """True when a URL points at this machine (a development build's PUBLIC_URL)."""
    host = urlsplit(url).hostname or ""
    return host == "localhost" or host.startswith("127.") or host in ("0.0.0.0", "::1")


def share_path(folder: str, article) -> str:
    """bagikan/<kind>/<slug>/index.html"""
    return f"{folder}/{article.kind.slug}/{article.slug}/index.html"


def card_views(article) -> tuple[tuple[CardView, ...], tuple[str, ...]]:
    """(the card sizes drawn for the article, labels of those not drawn)."""
    cards = getattr(article, "cards", None)
    views, missing = [], []
    for key, label, use in CARD_SIZES:
        image = getattr(cards, key, None) if cards is not None else None
        if image is None:
            missing.append(label)
            continue
        suffix = PurePosixPath(urlsplit(image.url).path).suffix or ".jpg"
        filename = f"{article.slug}-{key}-{image.width}x{image.height}{suffix}"
        views.append(CardView(key, label, use, image, filename))
    return tuple(views), tuple(missing)


def post_page_head(article, context: dict) -> HeadMeta:
    """The head of the article's public page, built as the article page builds it."""
    page_context = {
        **context,
        "article": article,
        "category": article.category,
        "output_file": article.save_as,
    }
    return build_head(page_context)


def preview_of(head: HeadMeta) -> Preview:
    return Preview(
        url=head.url,
        domain=urlsplit(head.url).hostname or "",
        title=head.title,
        description=head.description,
        image=head.image,
        image_url=head.image_url,
        image_alt=head.image_alt,
    )


def make_kit(article, context: dict, folder: str, library_hashtags: Iterable[str]) -> ShareKit:
    """The share page of one published article."""
    public_url = context["PUBLIC_URL"].rstrip("/")
    post = post_from_article(article, public_url, build_moment(context))
    cards, missing = card_views(article)
    return ShareKit(
        path=share_path(folder, article),
        post_url=article.url,
        post=post,
        cards=cards,
        missing=missing,
        preview=preview_of(post_page_head(article, context)),
        captions=remembered_captions(post, library_hashtags, context["CACHE_PATH"]),
        local_link=is_local(public_url),
        poster=getattr(article, "poster", None),
    )
