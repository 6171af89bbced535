"""The lengths platforms show: title ~70, description ~200, alt at most 420."""

from __future__ import annotations

from plugins._shared.text import ALT_LIMIT, ELLIPSIS, clip, squash

TITLE_LIMIT = 70
DESCRIPTION_LIMIT = 200

__all__ = ["ALT_LIMIT", "DESCRIPTION_LIMIT", "ELLIPSIS", "TITLE_LIMIT", "clip", "squash"]
