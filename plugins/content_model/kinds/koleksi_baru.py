"""New collection items: books that arrived and can be borrowed, with their catalogue data."""

from __future__ import annotations

from plugins._shared.schema_org import KindNodes, NodePage

from ..fields import Integer, Isbn, Text, Url
from ..presentation import Action, Detail, Presentation, PresentContext
from .base import COMMON_RULES, Field, Kind, common_fields


def present(fields: dict, ctx: PresentContext) -> Presentation:
    details = [Detail("Judul", fields["book_title"]), Detail("Pengarang", fields["book_author"])]
    if fields.get("publisher"):
        details.append(Detail("Penerbit", fields["publisher"]))
    if fields.get("year"):
        details.append(Detail("Tahun", str(fields["year"])))
    details += [Detail("ISBN", str(fields["isbn"])), Detail("Nomor panggil", fields["call_number"])]
    published = ", ".join(str(v) for v in (fields.get("publisher"), fields.get("year")) if v)
    return Presentation(
        details=tuple(details),
        actions=(Action("Lihat di katalog", fields["catalogue_url"]),),
        card_texts={
            "book_title": fields["book_title"],
            "book_author": fields["book_author"],
            "book_details": published,
        },
        card_alt_details=(f"Buku {fields['book_title']} karya {fields['book_author']}",),
        shown_fields={"book_title": fields["book_title"], "book_author": fields["book_author"]},
    )


def jsonld(fields: dict, facts, page: NodePage) -> KindNodes:
    """The new collection item as a schema.org Book; the posting is about it."""
    node = {
        "@type": "Book",
        "@id": f"{page.url}#buku",
        "name": fields["book_title"],
        "author": {"@type": "Person", "name": fields["book_author"]},
        "isbn": fields["isbn"],
        "url": page.url,
        "sameAs": fields["catalogue_url"],
        "inLanguage": "id",
    }
    if fields.get("publisher"):
        node["publisher"] = {"@type": "Organization", "name": fields["publisher"]}
    if fields.get("year"):
        node["datePublished"] = str(fields["year"])
    if page.picture_url:
        node["image"] = page.picture_url
    return KindNodes((node,), about=node["@id"])


KIND = Kind(
    slug="koleksi-baru",
    label="Koleksi Baru",
    description="Buku yang baru tiba di perpustakaan dan siap dipinjam.",
    fields=common_fields(image_comment="foto sampul buku (opsional), di content/gambar/")
    + (
        Field("book_title", Text(max_length=200), True, "judul buku", aliases=("judul_buku",)),
        Field("book_author", Text(max_length=200), True, "pengarang buku", aliases=("pengarang",)),
        Field("isbn", Isbn(), True, "ISBN dari halaman hak cipta buku"),
        Field(
            "call_number",
            Text(max_length=40),
            True,
            "nomor panggil di rak, misalnya 899.221 HIR l",
            aliases=("nomor_panggil",),
        ),
        Field("catalogue_url", Url(), True, "tautan buku ini di katalog daring (OPAC)", aliases=("katalog",)),
        Field("publisher", Text(max_length=120), False, "penerbit (opsional)", aliases=("penerbit",)),
        Field("year", Integer(minimum=1000), False, "tahun terbit (opsional)", aliases=("tahun",)),
    ),
    rules=COMMON_RULES,
    present=present,
    jsonld=jsonld,
    image_role="cover",
)
