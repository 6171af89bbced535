"""Directories of pages (Kind.directory: partners): where each page is served, what it lists.

Pelican reads a directory's files as pages (PAGE_PATHS), so they are undated and in
no feed or list of posts. Each page is served at /<kind>/<slug>/ with the theme's
template named after the kind (theme/templates/mitra.html); a page that posts name
as a partner lists those posts, upcoming and past; and /<kind>/ lists every page
of the directory (theme/templates/<kind>_index.html).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import Generator

from plugins._shared.clock import build_moment

from .kinds import Kind, kinds_of
from .partners import directory_url

INDEX_TEMPLATE = "{kind}_index"  # a directory's index page: theme/templates/mitra_index.html


@dataclass(frozen=True)
class NamedBy:
    """The posts that name a page as their partner: upcoming (soonest first), then past (latest first)."""

    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)


@dataclass(frozen=True)
class Directory:
    """One directory as its index shows it (context['directories'][kind slug])."""

    kind: Kind
    url: str  # "mitra/"
    pages: list  # by name


def place(page, kind: Kind) -> None:
    """Serve a directory's page at /<kind>/<slug>/ with the kind's own template."""
    url = directory_url(kind.slug, page.slug)
    page.override_url = url
    page.override_save_as = f"{url}index.html"
    page.template = kind.slug


def named_by(slug: str, articles, now) -> NamedBy:
    """The published posts that name the partner `slug`, as the listings order them."""
    from plugins.listings.selection import past, upcoming  # the one order of upcoming and past

    naming = [a for a in articles if any(partner.slug == slug for partner in a.facts.partners)]
    return NamedBy(upcoming(naming, now), past(naming, now))


class DirectoriesGenerator(Generator):
    """Gives each partner page the posts that name it, then writes each directory's index."""

    def generate_context(self) -> None:
        now = build_moment(self.settings)
        articles = self.context.get("articles", [])
        self.directories = {}
        for kind in kinds_of(self.settings).directories.values():
            pages = [p for p in self.context.get("directory_pages", []) if p.facts.kind is kind]
            for page in pages:
                page.named_by = named_by(page.slug, articles, now) if kind.as_partner else NamedBy()
            pages.sort(key=lambda p: p.title.casefold())
            self.directories[kind.slug] = Directory(kind, f"{kind.slug}/", pages)
        self.context["directories"] = self.directories
        # What every page's footer shows, as plain values: editing one partner then
        # re-renders the pages that show that partner, not every page (render memo).
        self.context["directory_links"] = tuple(
            (d.kind.label, d.url) for d in self.directories.values() if d.pages
        )

    def generate_output(self, writer) -> None:
        for directory in self.directories.values():
            writer.write_file(
                f"{directory.url}index.html",
                self.get_template(INDEX_TEMPLATE.format(kind=directory.kind.slug)),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=directory.url,
                directory=directory,
                meta_title=directory.kind.label,
                meta_description=directory.kind.description,
            )


def generators(pelican):
    return DirectoriesGenerator
