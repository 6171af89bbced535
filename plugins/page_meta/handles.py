"""Account handles derived from the profile's social URLs (no second place to edit)."""

from __future__ import annotations

from urllib.parse import urlparse


def x_handle(url: str | None) -> str | None:
    """https://x.com/perpuskotamobagu -> @perpuskotamobagu"""
    if not url:
        return None
    name = urlparse(url).path.strip("/").split("/")[0]
    return f"@{name.lstrip('@')}" if name else None


def fediverse_handle(url: str | None) -> str | None:
    """https://mastodon.social/@perpus -> @perpus@mastodon.social"""
    if not url:
        return None
    parts = urlparse(url)
    name = parts.path.strip("/").split("/")[0].lstrip("@")
    return f"@{name}@{parts.netloc}" if name and parts.netloc else None
