"""Which field a staff member meant by a name the kind does not have.

Field names are English; staff write them in Indonesian ('tempat') or misspell
them ('tittle'). One best guess is worth more than the list of every field.
"""

from __future__ import annotations

import difflib

from .problems import FieldError


def _normal(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def guess_field(kind, name: str) -> tuple[str, bool] | None:
    """(the field of the kind meant by `name`, whether it was one of its aliases), or None.

    One of the kind's field aliases (each kind declares them on its fields), or the
    nearest spelling of a field or of an alias.
    """
    written = _normal(name)
    field_names = kind.field_names
    if written in field_names:
        return written, False
    aliases = {alias: field.name for field in kind.fields for alias in field.aliases}
    if written in aliases:
        return aliases[written], True
    close = difflib.get_close_matches(written, list(field_names) + list(aliases), n=1, cutoff=0.75)
    if not close:
        return None
    return aliases.get(close[0], close[0]), close[0] in aliases


def unknown_field_error(kind, name: str, written: set[str]) -> tuple[str | None, FieldError]:
    """(the field it should be, the error): one problem on the unknown name, never a list."""
    found = guess_field(kind, name)
    if found is None:
        return None, FieldError(
            f"kolom '{name}' tidak dikenal untuk {kind.label.lower()}.",
            "hapus baris ini, atau lihat nama kolom yang benar di berkas baru dari "
            f"'invoke new {kind.slug} \"Judul\"' (nama kolom ditulis dalam bahasa Inggris).",
        )
    guess, indonesian = found
    meant = (
        f"nama kolom ditulis dalam bahasa Inggris: untuk ini pakai '{guess}'"
        if indonesian
        else f"mungkin salah ketik untuk '{guess}'"
    )
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
