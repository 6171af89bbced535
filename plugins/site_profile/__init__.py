"""Validate all settings and the library's profile before any content is read."""

from .plugin import register

__all__ = ["register"]
