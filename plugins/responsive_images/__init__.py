"""Responsive sizes (srcset) for every post image, made at build time with Pillow."""

from .plugin import register

__all__ = ["register"]
