"""Home-page and listing context: upcoming events and the latest of each kind; month and audience pages."""

from .plugin import register

__all__ = ["register"]
