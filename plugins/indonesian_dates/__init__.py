"""Jinja filters that write dates and times as Indonesian readers expect."""

from .plugin import register

__all__ = ["register"]
