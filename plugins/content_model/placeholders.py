"""Placeholders `invoke new` leaves for a person to replace, found before they are published.

The texts are defined once, in scaffold.py; a field's comment counts too (a
comment whose '#' was deleted becomes the field's value).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .problems import FieldError


def _texts():
    # Imported here: scaffold.py imports the checker, which imports this module.
    from . import scaffold

    return scaffold


def _normal(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _placeholders_of(spec) -> set[str]:
    scaffold = _texts()
    comment = spec.comment
    return {
        _normal(text)
        for text in (
            *scaffold.VALUE_PLACEHOLDERS,
            comment,
            scaffold.REQUIRED_MARK + comment,
            "# " + comment,
            "# " + scaffold.REQUIRED_MARK + comment,
        )
    }


def _values(raw: Any) -> Iterator[str]:
    if isinstance(raw, list):
        for item in raw:
            yield from _values(item)
    elif isinstance(raw, str):
        yield raw


def field_placeholders(
    kind, metadata: Mapping[str, Any], lines: Mapping[str, int]
) -> list[tuple[str, FieldError]]:
    """(field, error) for each field whose value (or one of whose items) is still a placeholder."""
    found = []
    for name, raw in metadata.items():
        spec = kind.field(name)
        if spec is None:
            continue
        placeholders = _placeholders_of(spec)
        left = next((text for text in _values(raw) if _normal(text) in placeholders), None)
        if left is None:
            continue
        line = lines.get(name)
        where = f"baris {line}: " if line else ""
        found.append(
            (
                name,
                FieldError(
                    f"{where}kolom ini masih berisi teks pengganti '{left.strip()}', bukan isi yang "
                    "sebenarnya.",
                    f"ganti teks itu dengan {spec.comment}.",
                ),
            )
        )
    return found


def body_placeholder(body: str, first_line: int) -> FieldError | None:
    """The body line that still holds the scaffold's placeholder, or None."""
    placeholder = _texts().BODY_PLACEHOLDER
    opening = placeholder.split(". ")[0]  # staff sometimes delete half of it
    for offset, line in enumerate(body.splitlines()):
        if opening in line:
            return FieldError(
                f"baris {first_line + offset} masih berisi teks contoh dari 'invoke new' "
                f'("{placeholder}"), jadi tulisan ini belum punya isi.',
                f"ganti baris {first_line + offset} dengan isi tulisan.",
            )
    return None
