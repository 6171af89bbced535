"""The kinds of this site: one module each, listed in the CONTENT_KINDS setting.

A kind module defines `KIND` (kinds/base.py): its folder (also its URL), its
fields and rules, and its presentation. Adding a kind is writing such a
module, naming it in CONTENT_KINDS, and (optionally) a page template
theme/templates/kinds/<slug>.html; every output follows from the module.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field

from plugins._shared.errors import BuildStopped

from .base import COMMON_RULES, Field, Kind, Rule, common_fields

BUILT_IN = (
    "plugins.content_model.kinds.acara",
    "plugins.content_model.kinds.tutorial",
    "plugins.content_model.kinds.infografis",
    "plugins.content_model.kinds.literasi_digital",
    "plugins.content_model.kinds.pengumuman",
    "plugins.content_model.kinds.koleksi_baru",
    "plugins.content_model.kinds.mitra",
)
PAGES = "plugins.content_model.kinds.halaman"


@dataclass(frozen=True)
class KindRegistry:
    """The kinds of posts, in the order the site lists them, the kind of pages, and directories.

    A directory (Kind.directory: partners) is a kind of pages with a folder of its own.
    """

    posts: dict[str, Kind]
    page: Kind
    directories: dict[str, Kind] = field(default_factory=dict)

    def get(self, slug: str) -> Kind | None:
        if slug == self.page.slug:
            return self.page
        return self.posts.get(slug) or self.directories.get(slug)

    @property
    def folders(self) -> list[str]:
        """The content folders of posts (ARTICLE_PATHS), one per kind."""
        return list(self.posts)

    @property
    def page_folders(self) -> list[str]:
        """The content folders of pages (PAGE_PATHS): the pages' own, then each directory's."""
        return [self.page.slug, *self.directories]

    @property
    def partner_kinds(self) -> list[Kind]:
        """The kinds whose pages posts name as partners (Kind.as_partner)."""
        return [kind for kind in self.directories.values() if kind.as_partner is not None]


@functools.cache
def load_kinds(modules: tuple[str, ...] = BUILT_IN, page_module: str = PAGES) -> KindRegistry:
    """The registry of the named kind modules, or BuildStopped naming what is wrong."""
    posts: dict[str, Kind] = {}
    directories: dict[str, Kind] = {}
    problems = []
    for name in modules:
        try:
            kind = importlib.import_module(name).KIND
        except (ImportError, AttributeError) as error:
            problems.append(
                f"CONTENT_KINDS: modul '{name}' tidak bisa dimuat atau tidak berisi KIND "
                f"({type(error).__name__}: {error})."
            )
            continue
        if kind.slug in posts or kind.slug in directories:
            problems.append(f"CONTENT_KINDS: jenis '{kind.slug}' disebut dua kali ({name}).")
        (directories if kind.directory else posts)[kind.slug] = kind
    if problems:
        raise BuildStopped("Pengaturan jenis tulisan bermasalah:\n  - " + "\n  - ".join(problems))
    return KindRegistry(posts, importlib.import_module(page_module).KIND, directories)


def kinds_of(settings) -> KindRegistry:
    """The kinds a build with these settings knows (CONTENT_KINDS, else the built-in ones)."""
    return load_kinds(tuple(settings.get("CONTENT_KINDS") or BUILT_IN))


DEFAULT = load_kinds()

__all__ = [
    "BUILT_IN",
    "COMMON_RULES",
    "DEFAULT",
    "Field",
    "Kind",
    "KindRegistry",
    "Rule",
    "common_fields",
    "kinds_of",
    "load_kinds",
]
