"""Build a post's facts once: what every kind has, joined with what its kind presents."""

from __future__ import annotations

from .kinds import Kind
from .presentation import PostFacts, PresentContext


def build_facts(kind: Kind, fields: dict, ctx: PresentContext) -> PostFacts:
    """The facts of one post (or page) from its checked fields."""
    presentation = kind.present(fields, ctx)
    title = fields["title"]
    status = presentation.status
    published = fields.get("date")
    modified = fields.get("modified") or published
    return PostFacts(
        kind=kind,
        title=title,
        headline=f"{status.label}: {title}" if status is not None and status.headline else title,
        summary=fields.get("summary", ""),
        card_title=fields.get("card_title") or title,
        published=published,
        modified=max(modified, published) if published else None,
        author=fields.get("author"),
        hashtags=tuple(fields.get("hashtags", ())),
        presentation=presentation,
    )
