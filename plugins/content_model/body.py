"""Checks on the Markdown body: images need alt text and a file inside content/,
links to files stay inside content/, headings keep the page's outline (the title
is the only h1), and no invisible control character slips through."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

import lxml.etree
import lxml.html

from plugins._shared.boundary import OutsideBoundary, image_source_path

from .fields import ParseContext, check_file_name, image_info, is_content_file, located
from .paths import why, written_form
from .problems import FieldError

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+\S")
# ![alt](src "title"), the src also as <src with spaces>.
_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\((?:<(?P<bracketed>[^>\n]+)>|(?P<src>[^)\s]+))(?:\s+\"[^\"]*\")?\)"
)
_RAW_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# [text](href): a plain relative href to a file is a link from the page's own URL (a 404).
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<href>[^)\s<>]+)(?:\s+\"[^\"]*\")?\)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FILE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{2,5}$")
_INTERNAL_LINK = re.compile(r"\]\(\{filename\}(?P<target>[^)\s#]+)")
# Pelican copies the target of {static}/{attach} (or |static|, |attach|) wherever it is
# written, so every occurrence is checked, whatever the syntax around it.
_FILE_LINK = re.compile(r"[{|](?P<what>static|attach)[|}](?P<path>[^)\"'<>\]#?\n]*[^)\"'<>\]#?\s])")
_INLINE_CODE = re.compile(r"`+[^`]*`+")
# Characters no text needs and XML refuses (feeds stop on them): C0 controls but
# tab and line breaks, DEL, C1 controls, non-characters and lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def describe(character: str) -> str:
    return f"U+{ord(character):04X}"


def control_characters(metadata: dict[str, Any]) -> list[tuple[str, None, str]]:
    """(field, None, 'U+0000') for every front-matter field whose text holds a control character."""
    found = []
    for name, value in metadata.items():
        for text in _strings(value):
            match = CONTROL.search(text)
            if match:
                found.append((name, None, describe(match.group())))
                break
    return found


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


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


def check_body(
    body: str, first_line: int, ctx: ParseContext, post_folder: PurePosixPath | None = None
) -> list[FieldError]:
    """Return every problem found in a post's body; post_folder is its folder under content/."""
    errors: list[FieldError] = []
    folder = PurePosixPath(str(post_folder or "."))
    for offset, line in enumerate(body.splitlines()):
        match = CONTROL.search(line)
        if match:
            errors.append(
                FieldError(
                    f"baris {first_line + offset} memuat karakter kendali tak terlihat "
                    f"({describe(match.group())}), yang merusak halaman dan umpan.",
                    "ketik ulang baris itu, atau salin teksnya sebagai teks biasa tanpa format.",
                )
            )
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
        prose = _INLINE_CODE.sub("", line)
        images = list(_IMAGE.finditer(prose))
        spans = []  # where each image's src is written
        for image in images:
            group = "bracketed" if image.group("bracketed") else "src"
            spans.append(image.span(group))
            errors.extend(_image_errors(image.group(group), image.group("alt"), line_no, ctx, folder))
        for tag in _RAW_IMG.finditer(prose):
            attributes = _attributes(tag.group())
            spans.append(tag.span())
            errors.extend(
                _image_errors(
                    attributes.get("src", ""), attributes.get("alt", ""), line_no, ctx, folder, raw=True
                )
            )
        for link in _LINK.finditer(prose):
            errors.extend(_relative_link_errors(link.group("href"), line_no, ctx))
        for link in _FILE_LINK.finditer(prose):
            in_image = any(start <= link.start() < end for start, end in spans)
            if not in_image and not prose[: link.start()].endswith("!["):  # images are checked above
                errors.extend(_file_link_errors(link, line_no, ctx, folder))
    return errors


def _attributes(tag: str) -> dict[str, str]:
    """The attributes of one raw HTML tag, however they are quoted (lxml reads them)."""
    try:
        return dict(lxml.html.fragment_fromstring(tag).attrib)
    except (ValueError, lxml.etree.ParserError):
        return {}


def _relative_link_errors(href: str, line_no: int, ctx: ParseContext) -> list[FieldError]:
    """[x](unduhan/f.pdf) resolves against the page's own URL in the browser: a 404."""
    if _SCHEME.match(href) or href.startswith(("#", "/", "{", "|", "?", ".")):
        return []
    path = href.split("#")[0].split("?")[0]
    if not _FILE_SUFFIX.search(path) or path.endswith((".html", ".htm")):
        return []
    there = is_content_file(ctx.content_dir / path)
    fix = (
        f"tulis {{static}}/{path}, agar berkasnya ikut diterbitkan dan tautannya benar."
        if there
        else f"simpan berkasnya di content/unduhan/ lalu tulis {{static}}/unduhan/{PurePosixPath(path).name}."
    )
    return [
        FieldError(
            f"tautan '{href}' di baris {line_no} dicari dari alamat halaman ini, jadi "
            "pembaca tidak akan menemukan berkasnya.",
            fix,
        )
    ]


def _image_errors(
    src: str, alt: str, line_no: int, ctx: ParseContext, folder: PurePosixPath, raw: bool = False
) -> list[FieldError]:
    errors = []
    if not alt.strip():
        errors.append(
            FieldError(
                f"gambar '{src}' di baris {line_no} tidak punya teks alternatif.",
                'tulis penjelasan isi gambar di atribut alt: <img alt="penjelasan gambar" ...>.'
                if raw
                else "tulis penjelasan isi gambar di antara tanda kurung siku: "
                "![penjelasan gambar](lokasi-gambar.jpg).",
            )
        )
    relative = image_source_path(src, "" if str(folder) == "." else folder.as_posix())
    if relative is None:
        return errors
    form = written_form(relative)
    if form is not None:
        prefix = next((p + "/" for p in ("{static}", "|static|") if src.startswith(p)), "")
        errors.append(
            FieldError(
                f"gambar '{src}' di baris {line_no}: lokasinya {why(relative)}, jadi gambarnya tidak "
                "ditemukan.",
                f"tulis lokasinya sebagai ![{alt.strip() or 'penjelasan gambar'}]({prefix}{form}).",
            )
        )
        return errors
    try:
        check_file_name(relative)
        path = located(ctx.content_dir, relative)
    except FieldError as error:
        errors.append(FieldError(f"gambar di baris {line_no}: {error.message}", error.fix))
        return errors
    except OutsideBoundary as error:
        if "tidak ditemukan" in error.message:
            errors.append(
                FieldError(
                    f"gambar '{src}' di baris {line_no} tidak ditemukan di folder content/.",
                    "simpan gambarnya di content/gambar/ dan tulis lokasinya sebagai "
                    "{static}/gambar/nama-berkas.jpg.",
                )
            )
        else:
            errors.append(FieldError(f"gambar di baris {line_no}: {error.message}", error.fix))
        return errors
    try:
        image_info(path, src)
    except FieldError as error:
        errors.append(FieldError(f"gambar di baris {line_no}: {error.message}", error.fix))
    return errors


def _file_link_errors(
    link: re.Match, line_no: int, ctx: ParseContext, folder: PurePosixPath
) -> list[FieldError]:
    """A {static}/{attach} link: Pelican publishes its target, so it must stay inside content/."""
    written = link.group("path")
    # As Pelican reads it: from the content root with a leading "/", else from the post's folder.
    relative = written.lstrip("/") if written.startswith("/") else (folder / written).as_posix()
    try:
        check_file_name(written)
        located(ctx.content_dir, relative)
    except (FieldError, OutsideBoundary) as error:
        return [FieldError(f"tautan berkas '{link.group()}' di baris {line_no}: {error.message}", error.fix)]
    return []
