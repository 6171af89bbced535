"""What a kind is: its fields, its rules and its presentation; and what every kind shares.

Field names are English (they are identifiers); comments and labels are
Indonesian (staff and readers read them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from plugins._shared.text import ALT_LIMIT

from ..fields import (
    CardFocus,
    CardImage,
    CardLayout,
    Choice,
    DateTime,
    FieldType,
    Hashtags,
    ImagePath,
    Text,
)
from ..presentation import Present, Presentation, PresentContext
from ..problems import FieldError


@dataclass(frozen=True)
class Field:
    """One front-matter field: its type, whether it is required, and its help."""

    name: str
    type: FieldType
    required: bool
    comment: str
    # Names staff reach for instead (Indonesian, or the plural they expect): the
    # checker tells them the field's real name.
    aliases: tuple[str, ...] = ()


# A rule checks fields against each other. It gets the parsed values and the
# names of the fields written (a field written wrongly is already reported, so
# "no video" must not be claimed when a broken video_url is there) and returns
# (field, FieldError) pairs.
Rule = Callable[[dict[str, Any], set[str]], list[tuple[str, FieldError]]]


def problem_on(field_name: str, message: str, fix: str) -> list[tuple[str, FieldError]]:
    """A rule's one finding: what is wrong with this field and how to fix it."""
    return [(field_name, FieldError(message, fix))]


def _nothing_to_add(fields: dict, ctx: PresentContext) -> Presentation:
    return Presentation()


@dataclass(frozen=True)
class Kind:
    """A kind of post: its folder (also its URL), labels, fields, rules and presentation.

    `present` turns checked fields into what every output shows (presentation.py);
    `jsonld` adds the kind's schema.org nodes to its page (plugins/_shared/schema_org.py).
    """

    slug: str
    label: str
    description: str
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()
    present: Present = _nothing_to_add
    jsonld: Callable | None = None
    posting_type: str = "BlogPosting"  # the schema.org type of the post itself
    image_role: str = "hero"  # hero: above the body; figure/cover: the kind's template shows it
    lists_upcoming: bool = False  # listed by its schedule (upcoming, then past), not by date
    announce_before: str | None = None  # a field `date` must come before (an event's start)
    scaffold_values: dict[str, Any] = field(default_factory=dict)  # filled in by `invoke new`
    example_title: str = "Diskusi Buku Laskar Pelangi"  # the title `invoke new` help shows for it
    # A directory of pages (partners): read as pages, so undated and in no feed, listing
    # of posts or "latest" list; each at /<slug>/<page slug>/, all listed at /<slug>/.
    directory: bool = False
    # Its pages are partners that posts name by slug: (slug, url, fields) -> PartnerRef.
    as_partner: Callable | None = None

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def common_fields(image_required: bool = False, image_comment: str | None = None) -> tuple[Field, ...]:
    """The fields every kind of post has, in the order a scaffold lists them."""
    return (
        Field("title", Text(max_length=110), True, "judul tulisan", aliases=("judul",)),
        Field(
            "date",
            DateTime(),
            True,
            "tanggal terbit, TTTT-BB-HH JJ:MM (WITA); tulisan tampil mulai saat ini",
            aliases=("tanggal", "tanggal_terbit", "terbit"),
        ),
        Field(
            "summary",
            Text(max_length=200),
            True,
            "ringkasan 1-2 kalimat (maks. 200 karakter), dipakai di daftar, kartu dan umpan",
            aliases=("ringkasan",),
        ),
        Field(
            "image",
            ImagePath(),
            image_required,
            image_comment or "gambar utama (opsional), disimpan di content/gambar/",
            aliases=("gambar", "foto"),
        ),
        Field(
            "image_alt",
            Text(max_length=ALT_LIMIT),
            False,
            "teks alternatif: jelaskan isi gambar untuk pembaca tunanetra (wajib bila ada gambar)",
            aliases=("teks_alternatif", "alt", "keterangan_gambar"),
        ),
        Field(
            "hashtags",
            Hashtags(),
            False,
            "tagar tanpa tanda #, satu kata tanpa spasi, misalnya LiterasiDigital",
            aliases=("tagar", "hashtag", "tags", "tag"),
        ),
        Field("author", Text(max_length=80), False, "nama penulis (opsional)", aliases=("penulis",)),
        Field(
            "modified",
            DateTime(),
            False,
            "tanggal diperbarui (opsional), TTTT-BB-HH JJ:MM",
            aliases=("diperbarui",),
        ),
        Field("slug", Text(max_length=80), False, "alamat halaman (opsional); bawaan: dari nama berkas"),
        Field(
            "status",
            Choice({"published": "terbit", "draft": "draf"}),
            False,
            "draft = belum terbit; hapus baris ini untuk menerbitkan",
        ),
        Field(
            "card_title",
            Text(max_length=110),
            False,
            "teks pada kartu media sosial bila berbeda dari judul (opsional)",
        ),
        Field(
            "card_layout",
            CardLayout(),
            False,
            "tata letak kartu dari theme/cards/ (opsional; bawaan menurut jenis)",
        ),
        Field(
            "card_background",
            ImagePath(),
            False,
            "foto latar kartu bila berbeda dari gambar utama (opsional)",
        ),
        Field(
            "card_focus",
            CardFocus(),
            False,
            'bagian foto yang harus tetap tampil di kartu: "0.5, 0.3" atau atas/tengah/bawah/kiri/kanan '
            "(opsional; bawaan: bagian foto yang paling rinci)",
        ),
        Field(
            "card_image",
            CardImage(),
            False,
            "kartu buatan sendiri, dipakai apa adanya: JPEG 1200x630 < 300 KB (opsional)",
        ),
        Field(
            "card_image_alt",
            Text(max_length=ALT_LIMIT),
            False,
            "teks alternatif kartu buatan sendiri (wajib bila ada card_image)",
        ),
    )


def alt_needed_with_image(values, written):
    if "image" in written and "image_alt" not in values and "image_alt" not in written:
        return problem_on(
            "image_alt",
            "gambar tidak punya teks alternatif.",
            "tambahkan kolom image_alt yang menjelaskan isi gambar, misalnya "
            "'Anak-anak membaca buku bergambar di ruang baca anak'.",
        )
    return []


def _card_image_needs_alt(values, written):
    if "card_image" in written and "card_image_alt" not in written:
        return problem_on(
            "card_image_alt",
            "kartu buatan sendiri tidak punya teks alternatif.",
            "tambahkan kolom card_image_alt yang menjelaskan isi kartu.",
        )
    return []


def _modified_after_date(values, written):
    if "modified" in values and "date" in values and values["modified"] < values["date"]:
        return problem_on(
            "modified",
            "tanggal diperbarui lebih awal dari tanggal terbit.",
            "isi tanggal diperbarui dengan tanggal yang sama atau sesudah 'date'.",
        )
    return []


COMMON_RULES: tuple[Rule, ...] = (alt_needed_with_image, _card_image_needs_alt, _modified_after_date)
