"""Stand-alone pages of the site (about the library, ...), in content/halaman/."""

from __future__ import annotations

from plugins._shared.text import ALT_LIMIT

from ..fields import ImagePath, PageTemplate, Text
from .base import Field, Kind, alt_needed_with_image

KIND = Kind(
    slug="halaman",
    label="Halaman",
    description="Halaman tetap situs.",
    example_title="Tentang Kami",
    fields=(
        Field("title", Text(max_length=110), True, "judul halaman", aliases=("judul",)),
        Field("summary", Text(max_length=200), False, "ringkasan singkat (opsional)", aliases=("ringkasan",)),
        Field("slug", Text(max_length=80), False, "alamat halaman (opsional)"),
        Field(
            "template",
            PageTemplate(),
            False,
            "templat khusus (opsional), misalnya tentang",
            aliases=("templat",),
        ),
        Field("image", ImagePath(), False, "gambar (opsional)", aliases=("gambar", "foto")),
        Field(
            "image_alt",
            Text(max_length=ALT_LIMIT),
            False,
            "teks alternatif gambar",
            aliases=("teks_alternatif", "alt", "keterangan_gambar"),
        ),
    ),
    rules=(alt_needed_with_image,),
)
