"""Announcements: the library's official news (opening hours, holidays, new services)."""

from __future__ import annotations

from .base import COMMON_RULES, Kind, common_fields

KIND = Kind(
    slug="pengumuman",
    label="Pengumuman",
    description="Kabar resmi perpustakaan: jam layanan, libur dan layanan baru.",
    fields=common_fields(),
    rules=COMMON_RULES,
    posting_type="NewsArticle",
)
