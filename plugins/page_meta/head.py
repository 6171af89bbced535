"""What a crawler reads in a page's head, decided once per page in Python.

The theme's partials/head_meta.html only prints a HeadMeta: canonical link,
description, Open Graph, Twitter and fediverse tags, and JSON-LD all come from
the same values, clipped to the lengths platforms show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import pass_context

from . import jsonld
from .handles import fediverse_handle, x_handle
from .text import ALT_LIMIT, DESCRIPTION_LIMIT, TITLE_LIMIT, clip

HOME = "Beranda"


@dataclass(frozen=True)
class HeadMeta:
    title: str
    description: str
    url: str  # absolute; canonical and og:url
    og_type: str  # "article" or "website"
    site_name: str
    theme_color: str
    image: Any = None  # a social_cards CardImage, or None
    image_url: str | None = None
    image_alt: str = ""
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    twitter_site: str | None = None
    fediverse_creator: str | None = None
    noindex: bool = False
    locale: str = "id_ID"
    jsonld: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Subject:
    """What the page is about, before clipping and absolutising."""

    title: str
    description: str
    cards: Any = None
    trail: tuple[tuple[str, str], ...] = ()  # breadcrumb (name, path) after home
    article: Any = None
    noindex: bool = False


def canonical_url(public_url: str, output_file: str) -> str:
    """https://site/acara/x/ for acara/x/index.html; 404.html stays as it is."""
    path = output_file.removesuffix("index.html")
    return f"{public_url}/{path}"


def _page_suffix(context) -> str:
    page = context.get("articles_page") or context.get("dates_page")
    return f", halaman {page.number}" if page is not None and page.number > 1 else ""


def _subject(context, settings) -> _Subject:
    """Decide what this page is about from what Pelican put in its context."""
    site = settings["SITENAME"]
    listing = context.get("listing_cards") or {}
    suffix = _page_suffix(context)
    output_file = context.get("output_file", "")
    if context.get("article") is not None:
        article = context["article"]
        return _Subject(
            article.facts.headline,
            article.summary,
            getattr(article, "cards", None),
            ((article.kind.label, f"{article.kind.slug}/"), (article.title, article.url)),
            article=article,
        )
    if context.get("page") is not None:
        page = context["page"]
        summary = page.fields.get("summary") or settings["PROFILE"].tagline
        return _Subject(page.title, summary, getattr(page, "cards", None), ((page.title, page.url),))
    if context.get("tag") is not None:
        tag = context["tag"]
        return _Subject(
            f"#{tag.name}{suffix}",
            f"Tulisan {site} dengan tagar #{tag.name}.",
            listing.get(f"tag:{tag.slug}"),
            (("Tagar", settings["TAGS_URL"]), (f"#{tag.name}", tag.url)),
        )
    if context.get("category") is not None:
        category = context["category"]
        kind = context["KINDS"].get(category.slug)
        label = kind.label if kind else category.name
        return _Subject(
            f"{label}{suffix}",
            kind.description if kind else settings["PROFILE"].tagline,
            listing.get(f"category:{category.slug}"),
            ((label, category.url),),
        )
    if context.get("dates_page") is not None:
        return _Subject(
            f"Arsip{suffix}",
            f"Semua tulisan {site}, per bulan.",
            listing.get("archives"),
            (("Arsip", settings["ARCHIVES_URL"]),),
        )
    if output_file == settings["TAGS_SAVE_AS"]:
        return _Subject(
            "Tagar",
            f"Semua tagar yang dipakai {site}, dengan jumlah tulisannya.",
            listing.get("tags"),
            (("Tagar", settings["TAGS_URL"]),),
        )
    if output_file == "404.html":
        return _Subject(
            "Halaman tidak ditemukan",
            "Halaman yang Anda cari tidak ada atau sudah dipindahkan.",
            listing.get("404"),
            noindex=True,
        )
    if output_file == settings["INDEX_SAVE_AS"]:
        return _Subject(site, settings["PROFILE"].tagline, listing.get("index"))
    # A page written by another plugin (feeds list, share kit) names itself.
    title = context.get("meta_title") or site
    noindex = bool(context.get("meta_noindex"))
    listed = context.get("meta_title") and not noindex  # staff pages stay out of breadcrumbs
    return _Subject(
        title,
        context.get("meta_description") or settings["PROFILE"].tagline,
        context.get("meta_cards") or listing.get("index"),
        ((title, output_file.removesuffix("index.html")),) if listed else (),
        noindex=noindex,
    )


ABOUT_TEMPLATE = "tentang"  # the theme's page about the library (theme/templates/tentang.html)


def about_page_url(context, public_url: str) -> str | None:
    """The absolute URL of the library's about page, when the site has one."""
    about = next(
        (p for p in context.get("pages") or () if getattr(p, "fields", {}).get("template") == ABOUT_TEMPLATE),
        None,
    )
    return f"{public_url}/{about.url}" if about is not None else None


def build_head(context) -> HeadMeta:
    """The head of one page, from its template context."""
    settings = context
    public_url = settings["PUBLIC_URL"]
    profile = settings["PROFILE"]
    subject = _subject(context, settings)
    url = canonical_url(public_url, context.get("output_file", ""))
    card = subject.cards.link if subject.cards is not None else None
    social = {account.network: account.url for account in profile.social}
    head = dict(
        title=clip(subject.title, TITLE_LIMIT),
        description=clip(subject.description, DESCRIPTION_LIMIT),
        url=url,
        og_type="article" if subject.article is not None else "website",
        site_name=profile.name,
        theme_color=profile.colors["primary"],
        image=card,
        image_url=f"{public_url}/{card.url}" if card else None,
        image_alt=clip(card.alt, ALT_LIMIT) if card else "",
        twitter_site=x_handle(social.get("x")),
        fediverse_creator=fediverse_handle(social.get("mastodon")),
        noindex=subject.noindex,
    )
    article = subject.article
    if article is not None:
        modified = article.fields.get("modified") or article.fields["date"]
        head.update(
            published=article.fields["date"].isoformat(),
            modified=modified.isoformat(),
            section=article.kind.label,
            tags=tuple(article.fields.get("hashtags", ())),
        )
    meta = HeadMeta(**head)
    return HeadMeta(**{**head, "jsonld": _graph(meta, subject, settings, public_url)})


def _graph(head: HeadMeta, subject: _Subject, settings, public_url: str) -> dict:
    profile = settings["PROFILE"]
    nodes = [jsonld.library(profile, public_url)]
    article = subject.article
    if article is not None:
        posting = jsonld.posting(article, head, public_url, about_page_url(settings, public_url))
        if article.kind.jsonld is not None:
            added = article.kind.jsonld(
                article.fields, article.facts, jsonld.node_page(article, head, profile, public_url)
            )
            nodes.extend(added.nodes)
            if added.about:
                posting["about"] = {"@id": added.about}
        nodes.append(posting)
    if subject.trail:
        trail = [(HOME, f"{public_url}/")]
        trail += [(name, f"{public_url}/{path}") for name, path in subject.trail]
        nodes.append(jsonld.breadcrumbs(trail))
    return jsonld.graph(nodes)


@pass_context
def head_meta(context) -> HeadMeta:
    """Jinja global: `{% set head = head_meta() %}` in the theme's head partial."""
    return build_head(context)
