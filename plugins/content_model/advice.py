"""Which field a staff member meant by a name the kind does not have.

Field names are English; staff write them in Indonesian ('tempat') or misspell
them ('tittle'). One best guess is worth more than the list of every field.
"""

from __future__ import annotations

import difflib

from .problems import FieldError

# Indonesian names staff reach for, and the field each means (used only when the kind has it).
FIELD_ALIASES = {
    "judul": "title",
    "tanggal": "date",
    "tanggal_terbit": "date",
    "terbit": "date",
    "ringkasan": "summary",
    "gambar": "image",
    "foto": "image",
    "teks_alternatif": "image_alt",
    "alt": "image_alt",
    "keterangan_gambar": "image_alt",
    "tagar": "hashtags",
    "hashtag": "hashtags",
    "tags": "hashtags",
    "tag": "hashtags",
    "penulis": "author",
    "diperbarui": "modified",
    "tempat": "place",
    "lokasi": "place",
    "alamat": "place_address",
    "mulai": "start",
    "waktu_mulai": "start",
    "jam_mulai": "start",
    "selesai": "end",
    "waktu_selesai": "end",
    "jam_selesai": "end",
    "pendaftaran": "registration_url",
    "daftar": "registration_url",
    "tautan_daftar": "registration_url",
    "tautan_daring": "online_url",
    "daring": "online_url",
    "status_acara": "event_status",
    "harga": "price",
    "biaya": "price",
    "tiket": "price",
    "pembicara": "performers",
    "narasumber": "performers",
    "pengisi_acara": "performers",
    "langkah": "steps",
    "video": "video_url",
    "transkrip": "transcript",
    "seri": "series",
    "bagian": "series_part",
    "judul_buku": "book_title",
    "pengarang": "book_author",
    "penerbit": "publisher",
    "tahun": "year",
    "nomor_panggil": "call_number",
    "katalog": "catalogue_url",
    "templat": "template",
}


def _normal(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def guess_field(field_names: list[str], name: str) -> tuple[str, bool] | None:
    """(the field meant by `name`, whether it was an Indonesian name), or None.

    An Indonesian name, or the nearest spelling of a field or of an Indonesian name.
    """
    written = _normal(name)
    if written in field_names:
        return written, False
    known = set(field_names)
    aliases = {alias: field for alias, field in FIELD_ALIASES.items() if field in known}
    if written in aliases:
        return aliases[written], True
    close = difflib.get_close_matches(written, list(field_names) + list(aliases), n=1, cutoff=0.75)
    if not close:
        return None
    return aliases.get(close[0], close[0]), close[0] in aliases


def unknown_field_error(kind, name: str, written: set[str]) -> tuple[str | None, FieldError]:
    """(the field it should be, the error): one problem on the unknown name, never a list."""
    found = guess_field(kind.field_names, name)
    if found is None:
        return None, FieldError(
            f"kolom '{name}' tidak dikenal untuk {kind.label.lower()}.",
            "hapus baris ini, atau lihat nama kolom yang benar di berkas baru dari "
            f"'invoke new {kind.slug} \"Judul\"' (nama kolom ditulis dalam bahasa Inggris).",
        )
    guess, indonesian = found
    meant = (f"nama kolom ditulis dalam bahasa Inggris: untuk ini pakai '{guess}'" if indonesian
             else f"mungkin salah ketik untuk '{guess}'")
    meaning = kind.field(guess).comment
    if guess in written:
        return guess, FieldError(
            f"kolom '{name}' tidak dikenal; {meant} ({meaning}), yang sudah ada di berkas ini.",
            f"hapus baris '{name}', atau pindahkan isinya ke kolom '{guess}'.",
        )
    return guess, FieldError(
        f"kolom '{name}' tidak dikenal; {meant} ({meaning}).",
        f"ganti nama kolom '{name}' menjadi '{guess}'.",
    )
