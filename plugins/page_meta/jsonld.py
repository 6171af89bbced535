"""schema.org JSON-LD nodes: the library on every page, and what each page is about.

Every node takes its text from the same HeadMeta values as Open Graph, so
Mastodon (which prefers JSON-LD) and Facebook (which reads og:*) agree.
"""

from __future__ import annotations

from typing import Any

from plugins._shared.schema_org import SCHEMA, NodePage, library_id, postal_address
from plugins.site_profile.profile import LibraryProfile


def library(profile: LibraryProfile, public_url: str) -> dict[str, Any]:
    """The library as a schema.org Library: on every page."""
    logo = f"{public_url}/{profile.logo}"
    return {
        "@type": "Library",
        "@id": library_id(public_url),
        "name": profile.name,
        "url": f"{public_url}/",
        "logo": logo,
        "image": f"{public_url}/{profile.photo}" if profile.photo else logo,
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


def posting(article, head, public_url: str, about_url: str | None = None) -> dict[str, Any]:
    """The post itself (its kind's posting_type) that agrees with og:*.

    The author always has a url: crawlers link an author to a page about them,
    and the library's about page is the page about everyone who writes here.
    """
    author_url = about_url or f"{public_url}/"
    node = {
        "@type": article.kind.posting_type,
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
        "author": {"@type": "Person", "name": article.fields["author"], "url": author_url}
        if article.fields.get("author")
        else {"@id": library_id(public_url), "url": author_url},
        "publisher": {"@id": library_id(public_url)},
    }
    if head.image:
        node["image"] = head.image_url
    return node


def node_page(article, head, profile: LibraryProfile, public_url: str) -> NodePage:
    """The page a kind's own nodes describe, with the head's values."""
    picture = getattr(article, "picture", None)
    # Google's event results want 16:9, 4:3 and 1:1 (responsive_images makes them
    # for scheduled posts); the 1200x630 link card is none of them.
    shapes = getattr(article, "shaped_images", None) or ()
    return NodePage(
        url=head.url,
        title=article.title,
        description=head.description,
        image_url=head.image_url if head.image else None,
        picture_url=f"{public_url}/{picture.original}" if picture else None,
        shaped_image_urls=tuple(f"{public_url}/{shape.url}" for shape in shapes),
        public_url=public_url,
        profile=profile,
    )


def graph(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": SCHEMA, "@graph": nodes}
