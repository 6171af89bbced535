"""Digital-literacy tips: a series on safe and responsible use of the internet."""

from __future__ import annotations

from markupsafe import Markup

from ..fields import Integer, Text
from ..presentation import Presentation, PresentContext
from .base import COMMON_RULES, Field, Kind, common_fields


def present(fields: dict, ctx: PresentContext) -> Presentation:
    series, part = fields["series"], fields.get("series_part")
    label = f"{series} · Bagian {part}" if part else series
    lead = Markup("Seri <strong>{}</strong>{}").format(series, f", bagian {part}" if part else "")
    return Presentation(
        lead=lead,
        card_texts={"series": label},
        card_alt_details=(f"seri {label}",),
    )


KIND = Kind(
    slug="literasi-digital",
    label="Literasi Digital",
    description="Tips aman dan bijak memakai internet dan media sosial.",
    fields=common_fields()
    + (
        Field(
            "series",
            Text(max_length=80),
            True,
            "nama seri tips, misalnya Aman di Internet",
            aliases=("seri",),
        ),
        Field("series_part", Integer(), False, "nomor urut dalam seri (opsional)", aliases=("bagian",)),
    ),
    rules=COMMON_RULES,
    present=present,
)
