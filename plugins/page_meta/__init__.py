"""Page head for crawlers: canonical, Open Graph, Twitter, fediverse tags and JSON-LD."""

from .plugin import register

__all__ = ["register"]
