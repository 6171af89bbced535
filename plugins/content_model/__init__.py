"""Content model: the schema of every kind, validation, and typed fields on posts."""

from .plugin import register

__all__ = ["register"]
