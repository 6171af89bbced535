"""What a card says: the texts, images and alt text of a post, a page or a listing.

Plain functions from typed fields (article.fields) and the library's profile
to plain data; no Pelican objects leave this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from plugins._shared.text import ALT_LIMIT as ALT_MAX
from plugins._shared.text import clip as shared_clip
from plugins.content_model.schema import EVENT_STATUSES, KINDS
from plugins.indonesian_dates.formats import (
    clock,
    long_date,
    long_datetime,
    zone_abbreviation,
)

# Statuses an event card shows prominently; "terjadwal" is the normal case.
SHOWN_STATUSES = ("ditunda", "dibatalkan", "pindah-daring")


@dataclass(frozen=True)
class CardContent:
    """The facts a layout draws from, and the alt text that describes them."""

    texts: dict[str, str]
    images: dict[str, str]  # "image", "background": paths relative to the content folder
    alt: str
    image_alt: str = ""  # what the post's image shows, added to the alt when the card shows it
    # Fields whose text is drawn on the card, for the missing-characters warning.
    shown_fields: dict[str, str] = field(default_factory=dict)


def profile_texts(profile) -> dict[str, str]:
    return {
        "site_name": profile.name,
        "tagline": profile.tagline,
        "address": f"{profile.address.street}, {profile.address.locality}",
        "hashtags": " ".join(f"#{tag}" for tag in profile.hashtags),
    }


def clip(text: str, limit: int = ALT_MAX) -> str:
    """Cut alt text at a word (and grapheme) boundary so it fits, with an ellipsis."""
    return shared_clip(text, limit)


def with_image_alt(alt: str, image_alt: str) -> str:
    """The alt text, plus what the picture shows when both fit the platforms' 420 characters."""
    if image_alt:
        longer = f"{alt} Gambar: {image_alt.rstrip('.')}."
        if len(longer) <= ALT_MAX:
            return longer
    return alt


# --- posts ----------------------------------------------------------------------------


def article_content(fields: dict, kind_slug: str, profile, zone: ZoneInfo) -> CardContent:
    """The card content of a post from its typed fields."""
    kind = KINDS[kind_slug]
    title = fields.get("card_title") or fields["title"]
    texts = {**profile_texts(profile), "label": kind.label, "title": title,
             "summary": fields.get("summary", "")}
    shown = {"card_title" if fields.get("card_title") else "title": title}
    subject = f"{title}"
    details: list[str] = []
    if kind_slug == "acara":
        event = event_texts(fields, profile, zone)
        texts.update(event)
        shown["place"] = event["place"]
        if event["status"]:
            subject += f" ({event['status'].lower()})"
        details = [_alt_when(fields["start"], fields["end"], zone), event["place"]]
    elif kind_slug == "koleksi-baru":
        texts.update(book_texts(fields))
        shown.update(book_title=fields["book_title"], book_author=fields["book_author"])
        details = [f"Buku {fields['book_title']} karya {fields['book_author']}"]
    elif kind_slug == "literasi-digital":
        texts["series"] = series_text(fields)
        details = [f"seri {texts['series']}"]
    alt = f"Kartu {kind.label.lower()} {profile.name}: {subject}"
    alt += "".join(f", {d}" for d in details if d) + "."
    images = {}
    if fields.get("image"):
        images["image"] = fields["image"]
    if fields.get("card_background") or fields.get("image"):
        images["background"] = fields.get("card_background") or fields["image"]
    return CardContent(texts, images, clip(alt), fields.get("image_alt", ""), shown)


def event_texts(fields: dict, profile, zone: ZoneInfo) -> dict[str, str]:
    start: dt.datetime = fields["start"].astimezone(zone)
    end: dt.datetime = fields["end"].astimezone(zone)
    status = fields.get("event_status", "terjadwal")
    return {
        "datetime": when(start, end, zone),
        "place": place(fields, profile),
        "status": EVENT_STATUSES[status] if status in SHOWN_STATUSES else "",
        "day": str(start.day),
        "month": _format(start, "LLL").rstrip(".").upper(),
        "weekday": _format(start, "EEEE"),
        "month_year": _format(start, "LLLL y"),
    }


def when(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> str:
    """'Sabtu, 5 Desember 2026 · 09.00 WITA'; an event over several days shows both dates."""
    time = f"{clock(start, zone)} {zone_abbreviation(start, zone)}"
    if start.date() == end.date():
        return f"{long_date(start, zone)} · {time}"
    last = _format(end, "d LLLL y")
    if (start.year, start.month) == (end.year, end.month):
        days = f"{start.day}–{last}"
    elif start.year == end.year:
        days = f"{_format(start, 'd LLLL')} – {last}"
    else:
        days = f"{_format(start, 'd LLLL y')} – {last}"
    return f"{days} · {time}"


def _format(moment: dt.datetime, pattern: str) -> str:
    return format_datetime(moment, pattern, locale="id")


def _alt_when(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> str:
    if start.astimezone(zone).date() == end.astimezone(zone).date():
        return long_datetime(start, zone)
    return when(start, end, zone).replace(" · ", ", mulai pukul ")


def place(fields: dict, profile) -> str:
    """Where: the place without the library's own name, 'Daring', or both."""
    where = (fields.get("place") or "").strip()
    suffix = f", {profile.name}"
    if where.endswith(suffix):
        where = where[: -len(suffix)]
    if fields.get("event_status") == "pindah-daring" or not where:
        return "Daring"
    return f"{where} dan daring" if fields.get("online_url") else where


def book_texts(fields: dict) -> dict[str, str]:
    details = ", ".join(str(v) for v in (fields.get("publisher"), fields.get("year")) if v)
    return {
        "book_title": fields["book_title"],
        "book_author": fields["book_author"],
        "book_details": details,
    }


def series_text(fields: dict) -> str:
    part = fields.get("series_part")
    return f"{fields['series']} · Bagian {part}" if part else fields["series"]


# --- pages and listings --------------------------------------------------------------------


def page_content(fields: dict, profile) -> CardContent:
    title = fields["title"]
    texts = {**profile_texts(profile), "label": "", "title": title, "summary": fields.get("summary", "")}
    images = {"image": fields["image"], "background": fields["image"]} if fields.get("image") else {}
    alt = clip(f"Kartu {profile.name}: {title}.")
    return CardContent(texts, images, alt, fields.get("image_alt", ""), {"title": title})


@dataclass(frozen=True)
class Listing:
    key: str  # the key in context["listing_cards"]
    file_base: str  # the start of the card's file name
    label: str
    title: str
    summary: str


def listings(profile, kind_slugs: list[str], tags: list) -> list[Listing]:
    """Every listing page that gets a card: home, archives, tags, 404, each kind, each hashtag."""
    found = [
        Listing("index", "beranda", "", profile.name, profile.tagline),
        Listing("archives", "arsip", "", "Arsip tulisan",
                f"Semua tulisan {profile.name}, terbaru lebih dulu."),
        Listing("tags", "tagar", "", "Tagar", "Tagar yang kami pakai di situs dan media sosial."),
        Listing("404", "404", "", "Halaman tidak ditemukan",
                "Mungkin alamatnya salah ketik, atau tulisannya sudah dipindahkan."),
    ]
    for slug in kind_slugs:
        kind = KINDS[slug]
        found.append(Listing(f"category:{slug}", f"jenis-{slug}", "", kind.label, kind.description))
    for tag in tags:
        found.append(Listing(f"tag:{tag.slug}", f"tagar-{tag.slug}", "Tagar", f"#{tag.name}",
                             f"Tulisan {profile.name} dengan tagar #{tag.name}."))
    return found


def listing_content(listing: Listing, profile) -> CardContent:
    texts = {**profile_texts(profile), "label": listing.label, "title": listing.title,
             "summary": listing.summary}
    if listing.key == "index":
        alt = f"Kartu {profile.name}: {profile.tagline}."
    else:
        alt = f"Kartu {profile.name}: {listing.title}. {listing.summary}"
    return CardContent(texts, {}, clip(alt), "", {"title": listing.title})
