"""What a card says: the texts, images and alt text of a post, a page or a listing.

Plain functions from a post's facts (article.facts: what its kind says, decided
once in content_model) and the library's profile to plain data; no Pelican
objects leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plugins._shared.text import ALT_LIMIT as ALT_MAX
from plugins._shared.text import clip as shared_clip

from .focus import format_focus, parse_focus


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


def article_content(facts, fields: dict, profile) -> CardContent:
    """The card content of a post from its facts (content_model) and image fields."""
    kind = facts.kind
    title = facts.card_title
    texts = {
        **profile_texts(profile),
        "label": kind.label,
        "title": title,
        "summary": fields.get("summary", ""),
        **facts.card_texts,
    }
    shown = {"card_title" if fields.get("card_title") else "title": title, **facts.shown_fields}
    subject = title
    if facts.status is not None and facts.status.on_card:
        subject += f" ({facts.status.label.lower()})"
    alt = f"Kartu {kind.label.lower()} {profile.name}: {subject}"
    alt += "".join(f", {d}" for d in facts.card_alt_details if d) + "."
    images = {}
    if fields.get("image"):
        images["image"] = fields["image"]
    if fields.get("card_background") or fields.get("image"):
        images["background"] = fields.get("card_background") or fields["image"]
    if fields.get("card_focus") and images:
        texts["card_focus"] = format_focus(parse_focus(fields["card_focus"]))  # not drawn: the crop
    return CardContent(texts, images, clip(alt), fields.get("image_alt", ""), shown)


def reminder_content(post: CardContent, reminder, profile) -> CardContent:
    """A reminder's card: the post's, saying "Besok" or "Hari ini" and the session's own date."""
    texts = {**post.texts, **reminder.card_texts}
    details = ", ".join(d for d in (reminder.session.alt_text, texts.get("place", "")) if d)
    alt = f"Kartu pengingat {profile.name}: {reminder.label}, {texts['title']}, {details}."
    return CardContent(texts, post.images, clip(alt), post.image_alt, post.shown_fields)


# --- pages and listings --------------------------------------------------------------------


def page_content(fields: dict, profile) -> CardContent:
    title = fields["title"]
    texts = {**profile_texts(profile), "label": "", "title": title, "summary": fields.get("summary", "")}
    images = {"image": fields["image"], "background": fields["image"]} if fields.get("image") else {}
    if fields.get("card_focus") and images:
        texts["card_focus"] = format_focus(parse_focus(fields["card_focus"]))
    alt = clip(f"Kartu {profile.name}: {title}.")
    return CardContent(texts, images, alt, fields.get("image_alt", ""), {"title": title})


@dataclass(frozen=True)
class Listing:
    key: str  # the key in context["listing_cards"]
    file_base: str  # the start of the card's file name
    label: str
    title: str
    summary: str


def listings(profile, kinds: list, tags: list) -> list[Listing]:
    """Every listing page that gets a card: home, archives, tags, 404, each kind, each hashtag."""
    found = [
        Listing("index", "beranda", "", profile.name, profile.tagline),
        Listing(
            "archives", "arsip", "", "Arsip tulisan", f"Semua tulisan {profile.name}, terbaru lebih dulu."
        ),
        Listing("tags", "tagar", "", "Tagar", "Tagar yang kami pakai di situs dan media sosial."),
        Listing(
            "404",
            "404",
            "",
            "Halaman tidak ditemukan",
            "Mungkin alamatnya salah ketik, atau tulisannya sudah dipindahkan.",
        ),
    ]
    for kind in kinds:
        found.append(Listing(f"category:{kind.slug}", f"jenis-{kind.slug}", "", kind.label, kind.description))
    for tag in tags:
        found.append(
            Listing(
                f"tag:{tag.slug}",
                f"tagar-{tag.slug}",
                "Tagar",
                f"#{tag.name}",
                f"Tulisan {profile.name} dengan tagar #{tag.name}.",
            )
        )
    return found


def listing_content(listing: Listing, profile) -> CardContent:
    texts = {
        **profile_texts(profile),
        "label": listing.label,
        "title": listing.title,
        "summary": listing.summary,
    }
    if listing.key == "index":
        alt = f"Kartu {profile.name}: {profile.tagline}."
    else:
        alt = f"Kartu {profile.name}: {listing.title}. {listing.summary}"
    return CardContent(texts, {}, clip(alt), "", {"title": listing.title})
