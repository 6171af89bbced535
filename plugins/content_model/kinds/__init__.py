"""The kinds of this site: one module each, listed in the CONTENT_KINDS setting.

A kind module defines `KIND` (kinds/base.py): its folder (also its URL), its
fields and rules, and its presentation. Adding a kind is writing such a
module, naming it in CONTENT_KINDS, and (optionally) a page template
theme/templates/kinds/<slug>.html; every output follows from the module.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass

from plugins._shared.errors import BuildStopped

from .base import COMMON_RULES, Field, Kind, Rule, common_fields

BUILT_IN = (
    "plugins.content_model.kinds.acara",
    "plugins.content_model.kinds.tutorial",
    "plugins.content_model.kinds.infografis",
    "plugins.content_model.kinds.literasi_digital",
    "plugins.content_model.kinds.pengumuman",
    "plugins.content_model.kinds.koleksi_baru",
)
PAGES = "plugins.content_model.kinds.halaman"


@dataclass(frozen=True)
class KindRegistry:
    """The kinds of posts, in the order the site lists them, and the kind of pages."""

    posts: dict[str, Kind]
    page: Kind

    def get(self, slug: str) -> Kind | None:
        return self.page if slug == self.page.slug else self.posts.get(slug)

    @property
    def folders(self) -> list[str]:
        """The content folders of posts (ARTICLE_PATHS), one per kind."""
        return list(self.posts)


@functools.cache
def load_kinds(modules: tuple[str, ...] = BUILT_IN, page_module: str = PAGES) -> KindRegistry:
    """The registry of the named kind modules, or BuildStopped naming what is wrong."""
    posts: dict[str, Kind] = {}
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
        if kind.slug in posts:
            problems.append(f"CONTENT_KINDS: jenis '{kind.slug}' disebut dua kali ({name}).")
        posts[kind.slug] = kind
    if problems:
        raise BuildStopped("Pengaturan jenis tulisan bermasalah:\n  - " + "\n  - ".join(problems))
    return KindRegistry(posts, importlib.import_module(page_module).KIND)


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
