"""Checks on the Markdown body: images need alt text and an existing file,
and headings must keep the page's outline (the title is the only h1)."""

from __future__ import annotations

import re
from pathlib import Path

from .fields import readable_image, unreadable_image_error
from .problems import FieldError

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+\S")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_INTERNAL_LINK = re.compile(r"\]\(\{filename\}(?P<target>[^)\s#]+)")


def _prose_lines(body: str):
    """Yield (line number in body, line) outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(body.splitlines(), start=0):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def internal_links(body: str, first_line: int) -> list[tuple[int, str]]:
    """Every {filename} link target, with its line in the file."""
    return [
        (first_line + offset, link.group("target"))
        for offset, line in _prose_lines(body)
        for link in _INTERNAL_LINK.finditer(line)
    ]


def check_body(body: str, first_line: int, content_dir: Path) -> list[FieldError]:
    """Return every problem found in a post's body."""
    errors: list[FieldError] = []
    level = 1
    for offset, line in _prose_lines(body):
        line_no = first_line + offset
        heading = _HEADING.match(line)
        if heading:
            depth = len(heading.group(1))
            if depth == 1:
                errors.append(
                    FieldError(
                        f"baris {line_no} memakai judul tingkat 1 ('# ').",
                        "judul tulisan sudah menjadi judul tingkat 1; pakai '## ' untuk "
                        "subjudul di dalam isi.",
                    )
                )
            elif depth > level + 1:
                errors.append(
                    FieldError(
                        f"baris {line_no} melompat dari judul tingkat {level} ke tingkat {depth}.",
                        f"pakai '{'#' * (level + 1)} ' agar urutan judul tidak melompat "
                        "(penting bagi pembaca layar).",
                    )
                )
            level = depth
        for image in _IMAGE.finditer(line):
            errors.extend(_image_errors(image, line_no, content_dir))
    return errors


def _image_errors(image: re.Match, line_no: int, content_dir: Path) -> list[FieldError]:
    errors = []
    src = image.group("src")
    if not image.group("alt").strip():
        errors.append(
            FieldError(
                f"gambar '{src}' di baris {line_no} tidak punya teks alternatif.",
                "tulis penjelasan isi gambar di antara tanda kurung siku: "
                "![penjelasan gambar](lokasi-gambar.jpg).",
            )
        )
    if not src.startswith(("http://", "https://", "data:")):
        relative = src.removeprefix("{static}").lstrip("/")
        if not (content_dir / relative).is_file():
            errors.append(
                FieldError(
                    f"gambar '{src}' di baris {line_no} tidak ditemukan di folder content/.",
                    "simpan gambarnya di content/gambar/ dan tulis lokasinya sebagai "
                    "{static}/gambar/nama-berkas.jpg.",
                )
            )
        elif not readable_image(content_dir / relative):
            errors.append(unreadable_image_error(src))
    return errors
