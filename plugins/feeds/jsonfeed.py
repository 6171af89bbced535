"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as plain dicts, for the library's app.

feedgen has no JSON Feed writer. Items carry the permanent URL as id and url
(no campaign tags: the app is not a social platform), the card as image and
as an attachment with its size, and the kind, the item's role ("post", or
"notice" for a changed status) and the card's alt text in the "_serambi"
extension object.
"""

from __future__ import annotations

import json

from .build import Channel
from .model import FeedSet, Item

VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(channel: Channel, feed: FeedSet, items: list[Item]) -> dict:
    """The feed as a JSON-ready dict."""
    return {
        "version": VERSION,
        "title": f"{channel.site_name} — {feed.title}",
        "home_page_url": channel.url(feed.page),
        "feed_url": channel.url(feed.path("json")),
        "description": feed.description,
        "icon": channel.logo_url,
        "favicon": channel.logo_url,
        "language": channel.language,
        "authors": [{"name": channel.site_name, "url": channel.url("")}],
        "items": [_item(item, feed) for item in items],
    }


def _item(item: Item, feed: FeedSet) -> dict:
    result = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "content_html": item.content_html(feed.square),
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
        "authors": [{"name": item.author}],
        "tags": list(item.categories),
        "language": "id",
    }
    picture = item.picture(feed.square)
    if picture is not None:
        result["image"] = picture.url
        result["attachments"] = [
            {
                "url": picture.url,
                "mime_type": picture.mime,
                "size_in_bytes": picture.length,
                "title": picture.alt,
            }
        ]
    extension: dict = {"kind": item.kind, "role": item.role}
    if picture is not None:
        extension["image_alt"] = picture.alt
        extension["image_width"] = picture.width
        extension["image_height"] = picture.height
    result["_serambi"] = extension
    return result


def json_bytes(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
