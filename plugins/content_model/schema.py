"""The one schema of every content kind.

`invoke new` writes its scaffolds from it, the checker validates against it and
the theme reads kind labels and typed fields through it. Field names are
English (they are identifiers); comments and labels are Indonesian (staff and
readers read them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .fields import (
    CardImage,
    CardLayout,
    Choice,
    DateTime,
    FieldType,
    Hashtags,
    ImagePath,
    Integer,
    Isbn,
    PageTemplate,
    Text,
    TextList,
    Url,
)
from plugins._shared.text import ALT_LIMIT

from .problems import FieldError


@dataclass(frozen=True)
class Field:
    """One front-matter field: its type, whether it is required, and its help."""

    name: str
    type: FieldType
    required: bool
    comment: str
    example: Any


# A rule checks fields against each other. It gets the parsed values and the
# names of the fields written (a field written wrongly is already reported, so
# "no video" must not be claimed when a broken video_url is there) and returns
# (field, FieldError) pairs.
Rule = Callable[[dict[str, Any], set[str]], list[tuple[str, FieldError]]]


@dataclass(frozen=True)
class Kind:
    """A kind of post: its folder (also its URL), labels and fields."""

    slug: str
    label: str
    description: str
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _common_fields(image_required: bool = False, image_comment: str | None = None):
    return (
        Field("title", Text(max_length=110), True, "judul tulisan", "JUDUL"),
        Field(
            "date",
            DateTime(),
            True,
            "tanggal terbit, TTTT-BB-HH JJ:MM (WITA); tulisan tampil mulai saat ini",
            "TANGGAL",
        ),
        Field(
            "summary",
            Text(max_length=200),
            True,
            "ringkasan 1-2 kalimat (maks. 200 karakter), dipakai di daftar, kartu dan umpan",
            "Tulis ringkasan singkat di sini.",
        ),
        Field(
            "image",
            ImagePath(),
            image_required,
            image_comment or "gambar utama (opsional), disimpan di content/gambar/",
            "gambar/nama-berkas.jpg",
        ),
        Field(
            "image_alt",
            Text(max_length=ALT_LIMIT),
            False,
            "teks alternatif: jelaskan isi gambar untuk pembaca tunanetra (wajib bila ada gambar)",
            "Jelaskan apa yang tampak pada gambar.",
        ),
        Field(
            "hashtags",
            Hashtags(),
            False,
            "tagar tanpa tanda #, satu kata tanpa spasi, misalnya LiterasiDigital",
            ["PerpustakaanKotamobagu"],
        ),
        Field("author", Text(max_length=80), False, "nama penulis (opsional)", "Tim Perpustakaan"),
        Field(
            "modified",
            DateTime(),
            False,
            "tanggal diperbarui (opsional), TTTT-BB-HH JJ:MM",
            None,
        ),
        Field(
            "slug",
            Text(max_length=80),
            False,
            "alamat halaman (opsional); bawaan: dari nama berkas",
            None,
        ),
        Field(
            "status",
            Choice({"published": "terbit", "draft": "draf"}),
            False,
            "draft = belum terbit; hapus baris ini untuk menerbitkan",
            None,
        ),
        Field(
            "card_title",
            Text(max_length=110),
            False,
            "teks pada kartu media sosial bila berbeda dari judul (opsional)",
            None,
        ),
        Field(
            "card_layout",
            CardLayout(),
            False,
            "tata letak kartu dari theme/cards/ (opsional; bawaan menurut jenis)",
            None,
        ),
        Field(
            "card_background",
            ImagePath(),
            False,
            "foto latar kartu bila berbeda dari gambar utama (opsional)",
            None,
        ),
        Field(
            "card_image",
            CardImage(),
            False,
            "kartu buatan sendiri, dipakai apa adanya: JPEG 1200x630 < 300 KB (opsional)",
            None,
        ),
        Field(
            "card_image_alt",
            Text(max_length=ALT_LIMIT),
            False,
            "teks alternatif kartu buatan sendiri (wajib bila ada card_image)",
            None,
        ),
    )


def _alt_needed_with_image(values, written):
    if "image" in written and "image_alt" not in values and "image_alt" not in written:
        return [
            (
                "image_alt",
                FieldError(
                    "gambar tidak punya teks alternatif.",
                    "tambahkan kolom image_alt yang menjelaskan isi gambar, misalnya "
                    "'Anak-anak membaca buku bergambar di ruang baca anak'.",
                ),
            )
        ]
    return []


def _card_image_needs_alt(values, written):
    if "card_image" in written and "card_image_alt" not in written:
        return [
            (
                "card_image_alt",
                FieldError(
                    "kartu buatan sendiri tidak punya teks alternatif.",
                    "tambahkan kolom card_image_alt yang menjelaskan isi kartu.",
                ),
            )
        ]
    return []


def _modified_after_date(values, written):
    if "modified" in values and "date" in values and values["modified"] < values["date"]:
        return [
            (
                "modified",
                FieldError(
                    "tanggal diperbarui lebih awal dari tanggal terbit.",
                    "isi tanggal diperbarui dengan tanggal yang sama atau sesudah 'date'.",
                ),
            )
        ]
    return []


def _event_has_place(values, written):
    if not written & {"place", "online_url"}:
        return [
            (
                "place",
                FieldError(
                    "acara tidak punya tempat maupun tautan daring.",
                    "isi 'place' dengan tempat acara, atau 'online_url' dengan tautan "
                    "siaran/rapat daring, atau keduanya.",
                ),
            )
        ]
    return []


def _moved_online_needs_link(values, written):
    if values.get("event_status") == "pindah-daring" and "online_url" not in written:
        return [
            (
                "online_url",
                FieldError(
                    "acara dipindah ke daring, tetapi tautan daringnya belum ada.",
                    "isi 'online_url' dengan tautan siaran atau rapat daring, agar peserta "
                    "tahu cara mengikutinya.",
                ),
            )
        ]
    return []


def _event_ends_after_start(values, written):
    if "start" in values and "end" in values and values["end"] <= values["start"]:
        return [
            (
                "end",
                FieldError(
                    "waktu selesai tidak sesudah waktu mulai.",
                    "isi 'end' dengan waktu sesudah 'start', misalnya dua jam kemudian.",
                ),
            )
        ]
    return []


def _tutorial_has_steps_or_video(values, written):
    if not written & {"steps", "video_url"}:
        return [
            (
                "steps",
                FieldError(
                    "tutorial tidak punya langkah maupun video.",
                    "isi 'steps' dengan langkah-langkahnya, atau 'video_url' dengan "
                    "tautan video, atau keduanya.",
                ),
            )
        ]
    return []


COMMON_RULES: tuple[Rule, ...] = (
    _alt_needed_with_image,
    _card_image_needs_alt,
    _modified_after_date,
)

EVENT_STATUSES = {
    "terjadwal": "Terjadwal",
    "ditunda": "Ditunda",
    "dibatalkan": "Dibatalkan",
    "pindah-daring": "Dipindah ke daring",
}

KINDS: dict[str, Kind] = {
    kind.slug: kind
    for kind in (
        Kind(
            "acara",
            "Acara",
            "Diskusi buku, pelatihan, pameran dan kegiatan lain di perpustakaan.",
            _common_fields()
            + (
                Field("start", DateTime(), True, "mulai acara, TTTT-BB-HH JJ:MM (WITA)", "MULAI"),
                Field("end", DateTime(), True, "selesai acara, TTTT-BB-HH JJ:MM (WITA)", "SELESAI"),
                Field(
                    "place",
                    Text(max_length=160),
                    False,
                    "tempat acara; kosongkan bila hanya daring",
                    "Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu",
                ),
                Field(
                    "place_address",
                    Text(max_length=160),
                    False,
                    "alamat jalan tempat acara bila di luar perpustakaan (opsional)",
                    None,
                ),
                Field(
                    "online_url",
                    Url(),
                    False,
                    "tautan siaran langsung atau rapat daring (opsional)",
                    None,
                ),
                Field(
                    "registration_url",
                    Url(),
                    False,
                    "tautan formulir pendaftaran (opsional)",
                    None,
                ),
                Field(
                    "event_status",
                    Choice(EVENT_STATUSES),
                    False,
                    "status acara: terjadwal, ditunda, dibatalkan atau pindah-daring",
                    "terjadwal",
                ),
            ),
            COMMON_RULES + (_event_has_place, _moved_online_needs_link, _event_ends_after_start),
        ),
        Kind(
            "tutorial",
            "Tutorial",
            "Panduan langkah demi langkah memakai layanan dan sumber daya perpustakaan.",
            _common_fields()
            + (
                Field(
                    "steps",
                    TextList(),
                    False,
                    "langkah-langkah, satu butir per langkah (atau isi video_url)",
                    ["Langkah pertama.", "Langkah kedua."],
                ),
                Field(
                    "video_url",
                    Url(),
                    False,
                    "tautan video tutorial (opsional bila ada langkah)",
                    None,
                ),
            ),
            COMMON_RULES + (_tutorial_has_steps_or_video,),
        ),
        Kind(
            "infografis",
            "Infografis",
            "Informasi penting dalam satu gambar, lengkap dengan teks bacaannya.",
            _common_fields(
                image_required=True,
                image_comment="gambar infografis (wajib), disimpan di content/gambar/",
            )
            + (
                Field(
                    "transcript",
                    Text(multiline=True),
                    True,
                    "seluruh teks dalam infografis, untuk pembaca layar dan mesin pencari",
                    "Tulis ulang seluruh teks infografis di sini.",
                ),
            ),
            COMMON_RULES,
        ),
        Kind(
            "literasi-digital",
            "Literasi Digital",
            "Tips aman dan bijak memakai internet dan media sosial.",
            _common_fields()
            + (
                Field(
                    "series",
                    Text(max_length=80),
                    True,
                    "nama seri tips, misalnya Aman di Internet",
                    "Aman di Internet",
                ),
                Field("series_part", Integer(), False, "nomor urut dalam seri (opsional)", 1),
            ),
            COMMON_RULES,
        ),
        Kind(
            "pengumuman",
            "Pengumuman",
            "Kabar resmi perpustakaan: jam layanan, libur dan layanan baru.",
            _common_fields(),
            COMMON_RULES,
        ),
        Kind(
            "koleksi-baru",
            "Koleksi Baru",
            "Buku yang baru tiba di perpustakaan dan siap dipinjam.",
            _common_fields(image_comment="foto sampul buku (opsional), di content/gambar/")
            + (
                Field("book_title", Text(max_length=200), True, "judul buku", "JUDUL BUKU"),
                Field("book_author", Text(max_length=200), True, "pengarang buku", "Nama Pengarang"),
                Field("isbn", Isbn(), True, "ISBN dari halaman hak cipta buku", "978-602-291-000-8"),
                Field(
                    "call_number",
                    Text(max_length=40),
                    True,
                    "nomor panggil di rak, misalnya 899.221 HIR l",
                    "000 ABC x",
                ),
                Field(
                    "catalogue_url",
                    Url(),
                    True,
                    "tautan buku ini di katalog daring (OPAC)",
                    "https://katalog.example/buku/123",
                ),
                Field("publisher", Text(max_length=120), False, "penerbit (opsional)", None),
                Field("year", Integer(minimum=1000), False, "tahun terbit (opsional)", None),
            ),
            COMMON_RULES,
        ),
    )
}

# Stand-alone pages (about the library, ...) live in content/halaman/.
PAGE_FOLDER = "halaman"
PAGE_KIND = Kind(
    PAGE_FOLDER,
    "Halaman",
    "Halaman tetap situs.",
    (
        Field("title", Text(max_length=110), True, "judul halaman", "JUDUL"),
        Field("summary", Text(max_length=200), False, "ringkasan singkat (opsional)", None),
        Field("slug", Text(max_length=80), False, "alamat halaman (opsional)", None),
        Field("template", PageTemplate(), False, "templat khusus (opsional), misalnya tentang", None),
        Field("image", ImagePath(), False, "gambar (opsional)", None),
        Field("image_alt", Text(max_length=ALT_LIMIT), False, "teks alternatif gambar", None),
    ),
    (_alt_needed_with_image,),
)

# Folders under content/ that hold files but are not kinds.
ASSET_FOLDERS = ("gambar", "unduhan")

# Top-level folders the public site writes: listings, hashtags, archive, drafts,
# feeds, cards, theme files and assets. Pages and the share kit must not take one.
SITE_FOLDERS = frozenset(KINDS) | {
    "tagar", "arsip", "draf", "umpan", "kartu", "theme", *ASSET_FOLDERS,
}
