"""Share kit: a staff-only page per post with every card size, preview mock-ups and captions."""

from .plugin import register

__all__ = ["register"]
