"""schema.org JSON-LD nodes: the library on every page, and what each page is about.

Every node takes its text from the same HeadMeta values as Open Graph, so
Mastodon (which prefers JSON-LD) and Facebook (which reads og:*) agree.
"""

from __future__ import annotations

from typing import Any

from plugins.site_profile.profile import LibraryProfile

SCHEMA = "https://schema.org"
EVENT_STATUS = {
    "terjadwal": "EventScheduled",
    "ditunda": "EventPostponed",
    "dibatalkan": "EventCancelled",
    "pindah-daring": "EventMovedOnline",
}


def library_id(public_url: str) -> str:
    return f"{public_url}/#perpustakaan"


def postal_address(profile: LibraryProfile, street: str | None = None) -> dict[str, Any]:
    address = profile.address
    return {
        "@type": "PostalAddress",
        "streetAddress": street or address.street,
        "addressLocality": address.locality,
        "addressRegion": address.region,
        "postalCode": address.postal_code,
        "addressCountry": address.country,
    }


def library(profile: LibraryProfile, public_url: str) -> dict[str, Any]:
    """The library as a schema.org Library: on every page."""
    logo = f"{public_url}/{profile.logo}"
    return {
        "@type": "Library",
        "@id": library_id(public_url),
        "name": profile.name,
        "url": f"{public_url}/",
        "logo": logo,
        "image": logo,
        "description": profile.tagline,
        "address": postal_address(profile),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": profile.latitude,
            "longitude": profile.longitude,
        },
        "hasMap": profile.map_url,
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"{SCHEMA}/{day}" for day in row.schema_days],
                "opens": row.opens,
                "closes": row.closes,
            }
            for row in profile.opening_hours
        ],
        "telephone": profile.phone,
        "email": profile.email,
        "sameAs": [account.url for account in profile.social],
    }


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": url}
            for index, (name, url) in enumerate(trail, start=1)
        ],
    }


def posting(article, head, public_url: str) -> dict[str, Any]:
    """A BlogPosting (NewsArticle for announcements) that agrees with og:*."""
    node = {
        "@type": "NewsArticle" if article.kind.slug == "pengumuman" else "BlogPosting",
        "@id": f"{head.url}#tulisan",
        "headline": head.title,
        "description": head.description,
        "url": head.url,
        "mainEntityOfPage": head.url,
        "datePublished": head.published,
        "dateModified": head.modified,
        "inLanguage": "id",
        "articleSection": article.kind.label,
        "keywords": list(head.tags),
        "author": {"@type": "Person", "name": article.fields["author"]}
        if article.fields.get("author")
        else {"@id": library_id(public_url)},
        "publisher": {"@id": library_id(public_url)},
    }
    if head.image:
        node["image"] = head.image_url
    return node


def event(article, head, profile: LibraryProfile, public_url: str) -> dict[str, Any]:
    """A schema.org Event with its status, attendance mode and location."""
    fields = article.fields
    status = fields.get("event_status", "terjadwal")
    online = fields.get("online_url")
    in_person = bool(fields.get("place")) and status != "pindah-daring"
    locations = []
    if in_person:
        locations.append({
            "@type": "Place",
            "name": fields["place"],
            "address": postal_address(profile, fields.get("place_address")),
        })
    if online:
        locations.append({"@type": "VirtualLocation", "url": online})
    if in_person and online:
        mode = "MixedEventAttendanceMode"
    elif in_person:
        mode = "OfflineEventAttendanceMode"
    else:
        mode = "OnlineEventAttendanceMode"
    node = {
        "@type": "Event",
        "@id": f"{head.url}#acara",
        "name": article.title,  # in full, without a status prefix: that is eventStatus
        "description": head.description,
        "url": head.url,
        "startDate": fields["start"].isoformat(),
        "endDate": fields["end"].isoformat(),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[status]}",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@id": library_id(public_url), "name": profile.name, "url": f"{public_url}/"},
        "inLanguage": "id",
    }
    if head.image:
        node["image"] = head.image_url
    if fields.get("registration_url"):
        node["offers"] = {
            "@type": "Offer",
            "url": fields["registration_url"],
            "availability": f"{SCHEMA}/InStock",
        }
    return node


def book(article, head, public_url: str) -> dict[str, Any]:
    """The new collection item as a schema.org Book."""
    fields = article.fields
    node = {
        "@type": "Book",
        "@id": f"{head.url}#buku",
        "name": fields["book_title"],
        "author": {"@type": "Person", "name": fields["book_author"]},
        "isbn": fields["isbn"],
        "url": head.url,
        "sameAs": fields["catalogue_url"],
        "inLanguage": "id",
    }
    if fields.get("publisher"):
        node["publisher"] = {"@type": "Organization", "name": fields["publisher"]}
    if fields.get("year"):
        node["datePublished"] = str(fields["year"])
    if getattr(article, "picture", None):
        node["image"] = f"{public_url}/{article.picture.original}"
    return node


def graph(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": SCHEMA, "@graph": nodes}
