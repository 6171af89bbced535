"""Read a YAML header as lines: where each top-level field is, and what a '#' cut off.

The YAML parser stops at the first mistake, and says nothing when an unquoted
'#' turns the rest of a value into a comment. Reading the header line by line
lets the checker name each field's line, read the fields around a mistake one
by one, and compare what YAML kept with what was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A top-level line 'name: value' (or 'name:'); the key ends at the first ': '.
_KEY = re.compile(r"^(?P<key>[^\s#\-\[\]{}'\"][^:]*?)\s*:(?:\s|$)")
_ITEM = re.compile(r"^\s*-(?:\s+|$)")


@dataclass(frozen=True)
class Chunk:
    """One top-level line of the header with the indented lines (and '- ' items) under it."""

    key: str | None  # lowercased field name; None when the line is not 'name: value'
    first_line: int  # its line in the file
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def value(self) -> str:
        """What is written after 'name:' on the first line, as written."""
        first = self.lines[0].lstrip(" \t")
        match = _KEY.match(first)
        return first[match.end() :].strip() if match else first.strip()

    def plain_value(self) -> str:
        """The value without a trailing comment, continuation lines joined as YAML folds them."""
        parts = [strip_comment(self.value)]
        parts += [
            line.strip() for line in self.lines[1:] if line.strip() and not line.lstrip().startswith("#")
        ]
        return " ".join(part for part in parts if part)


def chunks(header: str, first_line: int) -> list[Chunk]:
    """The header split at each line that starts at the left edge (a field of its own).

    A '- ' item at the left edge belongs to the field above it (YAML allows
    that), and so do comments and blank lines.
    """
    found: list[tuple[str | None, int, list[str]]] = []
    for number, line in enumerate(header.splitlines(), start=first_line):
        starts_field = (line[:1] not in ("", " ", "\t", "#") and not _ITEM.match(line)) or (
            found and _misplaced_field(found[-1][2][0], line)
        )
        if starts_field or not found:
            if not line.strip() or line.lstrip().startswith("#"):
                continue  # comments before the first field
            match = _KEY.match(line.lstrip(" \t"))
            found.append((match.group("key").strip().lower() if match else None, number, [line]))
        else:
            found[-1][2].append(line)
    return [Chunk(key, number, tuple(lines)) for key, number, lines in found]


def _misplaced_field(above: str, line: str) -> bool:
    """An indented 'name: value' under a field that already has its value on its line:
    a field pushed right by a space or tab, not part of the one above.

    Field names are lowercase; a block of text ('|', '>') keeps whatever it holds,
    and a field with nothing after its ':' may hold a nested part.
    """
    match = _KEY.match(above)
    value = above[match.end() :].strip() if match else ""
    return (
        bool(value)
        and value[:1] not in ("|", ">")
        and strip_comment(value) != ""
        and bool(INDENTED_FIELD.match(line))
    )


INDENTED_FIELD = re.compile(r"^[ \t]+[a-z][a-z_]*:(?:\s|$)")


def comment_start(text: str) -> int | None:
    """Where a YAML comment starts in a written value: a '#' at the start or after a space,
    outside quotes; None when there is none."""
    quote = None
    for index, character in enumerate(text):
        if quote:
            if character == quote:
                quote = None
        elif character in "\"'" and (index == 0 or text[index - 1] in " [,{:"):
            quote = character
        elif character == "#" and (index == 0 or text[index - 1] in " \t"):
            return index
    return None


def strip_comment(text: str) -> str:
    start = comment_start(text)
    return (text if start is None else text[:start]).strip()


@dataclass(frozen=True)
class Cut:
    """A value YAML cut at an unquoted '#': what it kept, and the whole text written."""

    line: int
    kept: str
    written: str


def cut_values(chunk: Chunk) -> list[Cut]:
    """Values of this field cut at '#' followed by a letter ('#Ronggeng').

    A comment is written '# text' (as `invoke new` writes them), so a '#' glued
    to a word is a hashtag or a number that was meant to be part of the value.
    """
    cuts = []
    texts = [(chunk.first_line, chunk.value)]
    if chunk.value[:1] in ("|", ">"):  # a block of text: '#' is text there
        texts = []
    texts += [
        (chunk.first_line + offset, _ITEM.sub("", line, count=1).strip())
        for offset, line in enumerate(chunk.lines[1:], start=1)
        if _ITEM.match(line) and chunk.value[:1] not in ("|", ">")
    ]
    for line, text in texts:
        start = comment_start(text)
        if start is not None and start + 1 < len(text) and not text[start + 1].isspace():
            cuts.append(Cut(line, text[:start].strip(), text.strip()))
    return cuts
