"""What the cards plugin gives the rest of the site: the card images of a page.

`article.cards`, `page.cards` and `context["listing_cards"][key]` are Cards;
the page head, the feeds and the share kit read them. `article.reminder_cards`
maps the id of each reminder due at BUILD_NOW (PostFacts.reminders_on) to its
Cards (a link card saying "Besok" or "Hari ini"); the auto-poster feed reads it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CardImage:
    url: str  # relative to SITEURL, no leading slash, e.g. "kartu/acara-diskusi-buku-3f9a1c2b7e.jpg"
    width: int
    height: int
    length: int  # bytes of the file
    alt: str  # what the card shows, Indonesian, <= 420 characters
    mime: str = "image/jpeg"


@dataclass(frozen=True)
class Cards:
    link: CardImage  # 1200x630, always
    square: CardImage | None = None  # 1080x1080 (Instagram feed)
    portrait: CardImage | None = None  # 1080x1350 (Instagram feed)
    story: CardImage | None = None  # 1080x1920 (stories)
