"""Infographics: one image with its full text, for screen readers and search engines."""

from __future__ import annotations

from ..fields import Text
from ..presentation import Presentation, PresentContext, Section
from .base import COMMON_RULES, Field, Kind, common_fields


def transcript_paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """Paragraphs (split at blank lines), each as its lines."""
    paragraphs = str(text).replace("\r\n", "\n").split("\n\n")
    return tuple(tuple(p.strip().split("\n")) for p in paragraphs if p.strip())


CARD_EXCERPT_LINES = 3


def card_excerpt(paragraphs: tuple[tuple[str, ...], ...]) -> str:
    """The first lines of the transcript after its heading (the first steps), one a line.

    The first paragraph is the infographic's own title; each one after it
    starts with its step or point ("1. Bawa kartu anggota").
    """
    lines = [p[0].strip() for p in paragraphs[1:] if p and p[0].strip()]
    return "\n".join(lines[:CARD_EXCERPT_LINES])


def present(fields: dict, ctx: PresentContext) -> Presentation:
    paragraphs = transcript_paragraphs(fields.get("transcript", ""))
    excerpt = card_excerpt(paragraphs)
    return Presentation(
        sections=(Section("Teks infografis", paragraphs=paragraphs),) if paragraphs else (),
        card_texts={"excerpt": excerpt} if excerpt else {},
    )


KIND = Kind(
    slug="infografis",
    label="Infografis",
    description="Informasi penting dalam satu gambar, lengkap dengan teks bacaannya.",
    fields=common_fields(
        image_required=True, image_comment="gambar infografis (wajib), disimpan di content/gambar/"
    )
    + (
        Field(
            "transcript",
            Text(multiline=True),
            True,
            "seluruh teks dalam infografis, untuk pembaca layar dan mesin pencari",
            aliases=("transkrip",),
        ),
    ),
    rules=COMMON_RULES,
    present=present,
    image_role="figure",
)
