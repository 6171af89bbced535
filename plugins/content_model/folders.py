"""The site's top-level folders, in one place, from the settings.

Posts live in one folder per kind, pages at /<slug>/, and the build writes
listings, hashtags, the archive, drafts, feeds, calendars, posters, cards, the share kit, theme
files and static folders at the top of the site. Page slugs, the share kit's
folder and URLs are checked against this registry; no plugin writes these
names as literals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins._shared.settings import declared, parse_one

from .kinds import kinds_of


def _first_segment(pattern: Any) -> str | None:
    parts = [part for part in str(pattern or "").split("/") if part and "{" not in part]
    return parts[0] if parts else None


def _folder_of(settings, name: str) -> str:
    """The `folder` of a plugin's setting: parsed (an object), raw (a dict), or its declared default.

    A plugin that is not loaded has declared nothing and writes no folder ("").
    """
    value = settings.get(name)
    if getattr(value, "folder", None):
        return value.folder
    if isinstance(value, dict) and value.get("folder"):
        return str(value["folder"])
    if name in declared():
        return str(getattr(parse_one(name, {name: None}), "folder", "") or "")
    return ""


@dataclass(frozen=True)
class SiteFolders:
    kinds: tuple[str, ...]  # one folder per kind of post, and per directory (mitra/ and its index)
    pages: str  # content folder of pages; pages are served at /<slug>/
    tags: str
    archive: str
    drafts: str
    feeds: str
    calendars: str
    posters: str
    cards: str
    share_kit: str
    theme: str
    static: tuple[str, ...]

    @property
    def public(self) -> frozenset[str]:
        """The folders the public site writes (and the pages' content folder): not the share kit's."""
        named = (
            *self.kinds,
            self.pages,
            self.tags,
            self.archive,
            self.drafts,
            self.feeds,
            self.calendars,
            self.posters,
            self.cards,
            self.theme,
            *self.static,
        )
        return frozenset(name for name in named if name)

    @property
    def taken(self) -> frozenset[str]:
        """Every top-level folder the build writes: a page slug must take none of them."""
        return (self.public - {self.pages}) | {self.share_kit}


def site_folders(settings) -> SiteFolders:
    """The folders of a build with these settings (defaults are each plugin's own)."""
    kinds = kinds_of(settings)
    return SiteFolders(
        kinds=(*kinds.folders, *kinds.directories),
        pages=kinds.page.slug,
        tags=_first_segment(settings.get("TAG_URL")) or "",
        archive=_first_segment(settings.get("ARCHIVES_URL")) or "",
        drafts=_first_segment(settings.get("DRAFT_URL")) or "",
        feeds=_folder_of(settings, "FEEDS"),
        calendars=_folder_of(settings, "CALENDARS"),
        posters=_folder_of(settings, "POSTERS"),
        cards=_folder_of(settings, "SOCIAL_CARDS"),
        share_kit=_folder_of(settings, "SHARE_KIT"),
        theme=str(settings.get("THEME_STATIC_DIR") or ""),
        static=tuple(settings.get("STATIC_PATHS") or ()),
    )
