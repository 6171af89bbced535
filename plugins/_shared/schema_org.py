"""schema.org pieces every JSON-LD node shares: the vocabulary, the library's id, addresses.

page_meta builds each page's graph; a kind's module (content_model/kinds/)
adds its own nodes (an Event, a Book) with these helpers and a `NodePage`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCHEMA = "https://schema.org"


def library_id(public_url: str) -> str:
    return f"{public_url}/#perpustakaan"


def postal_address(profile, street: str | None = None) -> dict[str, Any]:
    """The library's address as a PostalAddress; `street` replaces its street (a venue elsewhere)."""
    address = profile.address
    return {
        "@type": "PostalAddress",
        "streetAddress": street or address.street,
        "addressLocality": address.locality,
        "addressRegion": address.region,
        "postalCode": address.postal_code,
        "addressCountry": address.country,
    }


@dataclass(frozen=True)
class NodePage:
    """The page a kind's nodes describe, with the same values as its og:* tags."""

    url: str  # canonical, absolute
    title: str  # the post's full title (no status prefix)
    description: str
    image_url: str | None  # the link card, absolute
    picture_url: str | None  # the post's own image (original), absolute
    public_url: str
    profile: Any  # LibraryProfile
    shaped_image_urls: tuple[str, ...] = ()  # 16:9, 4:3, 1:1 crops (scheduled posts), absolute


@dataclass(frozen=True)
class KindNodes:
    """What a kind adds to its page's graph: nodes before the posting, and what the posting is about."""

    nodes: tuple[dict[str, Any], ...] = ()
    about: str | None = None  # an @id the posting is `about`
