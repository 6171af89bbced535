"""Partners (mitra): schools, communities, companies and offices that host events with the library.

Partners are not news: they are a directory of pages (`directory=True`), read as
pages, so no feed, auto-poster feed or "latest" list ever shows them. Each has a
page at /mitra/<slug>/ listing the events that name it, and /mitra/ lists them all.
Events name partners by the slug of their file (content/mitra/<slug>.md).
"""

from __future__ import annotations

from plugins._shared.text import ALT_LIMIT

from ..fields import Choice, ImagePath, Text, Url
from ..presentation import Action, Detail, PartnerRef, Presentation, PresentContext
from .base import Field, Kind, problem_on

PARTNER_TYPES = {
    "sekolah": "Sekolah",
    "perguruan-tinggi": "Perguruan tinggi",
    "komunitas": "Komunitas",
    "perusahaan": "Perusahaan",
    "instansi-pemerintah": "Instansi pemerintah",
    "organisasi": "Organisasi",
    "media": "Media",
}

FIELDS = (
    Field("title", Text(max_length=110), True, "nama mitra", aliases=("nama", "nama_mitra", "judul")),
    Field(
        "partner_type",
        Choice(PARTNER_TYPES),
        True,
        "jenis mitra: " + ", ".join(PARTNER_TYPES),
        aliases=("jenis", "jenis_mitra", "tipe"),
    ),
    Field(
        "summary",
        Text(max_length=200),
        True,
        "deskripsi singkat 1-2 kalimat: siapa mitra ini dan apa kerja samanya dengan perpustakaan",
        aliases=("deskripsi", "ringkasan", "keterangan"),
    ),
    Field(
        "logo",
        ImagePath(),
        False,
        "logo mitra (opsional), disimpan di content/gambar/, misalnya gambar/logo-nama-mitra.png",
        aliases=("gambar_logo", "gambar", "image"),
    ),
    Field(
        "logo_alt",
        Text(max_length=ALT_LIMIT),
        False,
        "teks alternatif logo, misalnya 'Logo SMA Negeri 1 Kotamobagu' (wajib bila ada logo)",
        aliases=("alt_logo", "teks_alternatif", "alt"),
    ),
    Field(
        "website",
        Url(),
        False,
        "alamat situs web atau akun media sosial resmi mitra, diawali https:// (opsional)",
        aliases=("situs", "situs_web", "tautan", "link", "url"),
    ),
    Field("slug", Text(max_length=80), False, "alamat halaman (opsional); bawaan: dari nama berkas"),
)


def _logo_needs_alt(values, written):
    if "logo" in written and "logo_alt" not in written:
        return problem_on(
            "logo_alt",
            "logo mitra tidak punya teks alternatif.",
            "tambahkan kolom logo_alt yang menyebut logo siapa, misalnya 'Logo SMA Negeri 1 Kotamobagu'.",
        )
    return []


def present(fields: dict, ctx: PresentContext) -> Presentation:
    website = fields.get("website")
    return Presentation(
        details=(Detail("Jenis mitra", PARTNER_TYPES[fields["partner_type"]]),),
        actions=(Action("Kunjungi situs mitra", website),) if website else (),
    )


def as_partner(slug: str, url: str, fields: dict) -> PartnerRef:
    """What an event that names this partner shows of it."""
    return PartnerRef(
        slug=slug,
        name=fields["title"],
        url=url,
        label=PARTNER_TYPES[fields["partner_type"]],
        logo=fields.get("logo"),
        logo_alt=fields.get("logo_alt"),
        website=fields.get("website"),
    )


KIND = Kind(
    slug="mitra",
    label="Mitra",
    description="Sekolah, komunitas, perusahaan dan instansi yang bekerja sama dengan perpustakaan.",
    example_title="Komunitas Literasi Totabuan",
    fields=FIELDS,
    rules=(_logo_needs_alt,),
    present=present,
    directory=True,
    as_partner=as_partner,
)
