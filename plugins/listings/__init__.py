"""Home-page and listing context: upcoming events and the latest of each kind."""

from .plugin import register

__all__ = ["register"]
