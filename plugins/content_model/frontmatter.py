"""Split a Markdown file into its YAML front matter and body, as the reader does.

The header pattern is the one pelican-yaml-metadata uses, so the checker sees
exactly what the build reads. Unlike the reader, a YAML mistake here becomes a
problem with its line number instead of a silently skipped file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE

from .problems import FieldError


@dataclass(frozen=True)
class Document:
    metadata: dict[str, Any]
    body: str
    body_first_line: int


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a key written twice (PyYAML keeps the last)
    and leaves dates as text, so a bad date is reported on its own field by the
    field parser instead of failing the whole header."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            line = key_node.start_mark.line + 1
            raise yaml.constructor.ConstructorError(
                None, None, f"kolom '{key}' ditulis dua kali (baris {line})", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


# PyYAML explains itself in English; staff get the usual causes in Indonesian.
_YAML_PROBLEMS = {
    "mapping values are not allowed here": "ada tanda ':' di dalam nilai; beri tanda kutip pada nilainya",
    "could not find expected ':'": "baris ini tidak berbentuk 'nama: nilai'",
    "cannot start any token": "ada karakter tab atau tanda yang tidak boleh mengawali nilai",
    "expected ',' or ']'": "daftar dalam [ ] tidak ditutup dengan benar",
    "unexpected end of stream": "tanda kutip atau kurung belum ditutup",
    "ditulis dua kali": None,  # our own message, already Indonesian
}


def _explain(problem: str) -> str:
    for english, indonesian in _YAML_PROBLEMS.items():
        if english in problem:
            return indonesian or problem
    return problem


def parse_document(text: str) -> Document:
    """Return the front matter and body of a post; raise FieldError if unreadable."""
    match = HEADER_RE.fullmatch(text)
    if not match:
        raise FieldError(
            "berkas tidak diawali bagian keterangan (front matter) YAML.",
            "mulai berkas dengan baris '---', tulis kolom-kolomnya, lalu tutup dengan "
            "baris '---' sebelum isi tulisan. Buat berkas baru dengan 'invoke new' "
            "untuk melihat contohnya.",
        )
    header_offset = text[: match.start("metadata")].count("\n")
    try:
        metadata = yaml.load(match.group("metadata"), Loader=_StrictLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" di baris {mark.line + 1 + header_offset}" if mark else ""
        problem = _explain(getattr(error, "problem", None) or str(error))
        raise FieldError(
            f"bagian keterangan YAML tidak bisa dibaca{line} ({problem}).",
            "periksa baris itu: setiap kolom ditulis 'nama: nilai'; beri tanda kutip "
            "pada nilai yang memuat ':' atau '#', dan pakai spasi (bukan tab) untuk "
            "menjorok.",
        ) from None
    if not isinstance(metadata, dict):
        raise FieldError(
            "bagian keterangan YAML tidak berisi kolom 'nama: nilai'.",
            "tulis setiap kolom pada barisnya sendiri, misalnya 'title: Judul Tulisan'.",
        )
    body_first_line = text[: match.start("content")].count("\n") + 1
    return Document(
        {str(k).lower(): v for k, v in metadata.items()},
        match.group("content"),
        body_first_line,
    )
