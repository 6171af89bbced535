"""The poster as a printable A4 PDF: the layout's shapes drawn with fpdf2, the fonts it uses embedded.

Every run of text is set in the font the cards' font stacks chose for it
(plugins/social_cards/fonts.py), so no character is drawn as a missing
glyph; an emoji is placed as the picture the colour font draws.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import logging
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.image_datastructures import ImageCache
from fpdf.image_parsing import preload_image

from plugins._shared.colors import rgb
from plugins.social_cards import cache as card_cache
from plugins.social_cards.fonts import EMOJI, EMOJI_SIZE, FONTS_DIR, STACKS, emoji_face
from plugins.social_cards.text import emoji_bitmap, line_left, run_width

from .layout import WIDTH, Fill, Layout, Logo, Strike, Text
from .png import open_logo

# fpdf2 logs each font subset it makes; a build shows only what matters.
logging.getLogger("fpdf").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def _family(name: str) -> str:
    return name.removesuffix(".ttf").lower()


@functools.cache
def _parsed_font(path: Path) -> tuple[TTFFont, bytes]:
    """fpdf2's reading of a font file (every character's width and glyph, the descriptor), once a process.

    add_font reads the whole character map and every width, 90 ms for the five fonts of
    every poster. The file's bytes come too: each document opens its own copy (_add_font).
    """
    data = path.read_bytes()
    # fpdf2 draws a .notdef into a font without one: a copy opened from the file would lack it.
    if ".notdef" not in TTFont(io.BytesIO(data), lazy=True).getGlyphOrder():
        raise ValueError(f"{path.name} has no .notdef glyph: the poster PDF cannot reuse its reading")
    reader = FPDF()
    reader.add_font("parsed", "", str(path))
    parsed = reader.fonts["parsed"]
    parsed.close()  # its fontTools font is not used again
    return parsed, data


def _without_layout(font: TTFont) -> TTFont:
    """font without the OpenType layout tables the embedded subset leaves out anyway.

    fpdf2 subsets with GDEF, GPOS and GSUB in its drop_tables, but fontTools reads and
    converts them before it drops them (30 ms a poster). Its subsetter drops kern too
    while the font has GPOS, so kern goes first.
    """
    if "GPOS" in font and "kern" in font:
        del font["kern"]
    for tag in ("GDEF", "GPOS", "GSUB"):
        if tag in font:
            del font[tag]
    return font


def _add_font(pdf: FPDF, family: str, path: Path) -> None:
    """pdf.add_font(family, "", path), the same font in the same PDF bytes, without reading the file again.

    fpdf2's TTFFont keeps fontTools' TTFont and, when the document is output, subsets it
    in place, fills in the font descriptor (its name and object number) and closes it;
    the character map and the glyph ids are only read. So every document gets its own
    TTFont (opened lazily from the bytes in memory: no table is read until the subset
    needs it), descriptor, widths and subset map; like fpdf2's own TTFFont.__deepcopy__,
    it shares the character map, the glyph ids and the font's facts.
    """
    parsed, data = _parsed_font(path)
    font = copy.copy(parsed)
    font.i = len(pdf.fonts) + 1  # what add_font numbers it
    font.fontkey = family
    font.ttfont = _without_layout(TTFont(io.BytesIO(data), recalcTimestamp=False, lazy=True))
    font.desc = copy.copy(parsed.desc)
    font.cw = copy.copy(parsed.cw)  # a defaultdict: a lookup of a missing character adds it
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    pdf.fonts[family] = font


@functools.lru_cache(maxsize=4)
def _read_logo(path: str, digest: str) -> ImageCache:
    """An image cache holding the logo as fpdf2 stores it (pixels compressed, alpha as a soft mask).

    Made once for each version of the logo (digest: its bytes), not for every poster (10 ms each).
    """
    cache = ImageCache()
    preload_image(cache, open_logo(path))
    return cache


def _logo(pdf: FPDF, path: str) -> str:
    """The logo for pdf.image: its path, under which pdf's image cache now holds it.

    The entry is the one pdf.image(open_logo(path)) would make (the next number, the
    colour profile registered), copied from a reading made once.
    """
    if path in pdf.image_cache.images:  # placed before: pdf.image counts another use
        return path
    logo = _read_logo(path, card_cache.file_digest(path))
    (info,) = logo.images.values()
    entry = copy.copy(info)  # its own: output writes the object number into it
    entry["i"] = len(pdf.image_cache.images) + 1
    entry["usages"] = 0  # pdf.image counts this use
    profiles = pdf.image_cache.icc_profiles
    for profile in logo.icc_profiles:  # the logo's colour profile, if it has one
        entry["iccp_i"] = profiles.setdefault(profile, len(profiles))
    pdf.image_cache.images[path] = entry
    return path


def _new_document(title: str, author: str, moment: dt.datetime) -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_lang("id")
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator(author)
    # A fixed date (the post's own): the same poster gives the same bytes in every build.
    pdf.set_creation_date(moment)
    pdf.add_page()
    return pdf


def _set_font(pdf: FPDF, name: str, size: float) -> None:
    """Set the font file name, added to pdf when a run first needs it.

    fpdf2 embeds every font added to the document, used or not (each costs a subset
    and ~3 kB); most posters use two or three of the stacks' five fonts.
    """
    family = _family(name)
    if family not in pdf.fonts:
        _add_font(pdf, family, FONTS_DIR / name)
    pdf.set_font(family, size=size)


def _text(pdf: FPDF, shape: Text, scale: float) -> None:
    block = shape.block
    pdf.set_text_color(*rgb(shape.colour))
    for number, line in enumerate(block.lines):
        baseline = shape.y + block.ascent + number * block.pitch
        left = line_left(block, line, shape.x, shape.width, shape.align)
        for run in line.runs:
            if run.face == EMOJI:
                bitmap = emoji_bitmap(run.text)
                ratio = block.size / EMOJI_SIZE
                top = baseline - emoji_face().getmetrics()[0] * ratio
                pdf.image(
                    bitmap,
                    left * scale,
                    top * scale,
                    bitmap.width * ratio * scale,
                    bitmap.height * ratio * scale,
                )
            elif not run.text.isspace():
                _set_font(pdf, STACKS[block.stack][run.face], block.size * scale)
                pdf.text(left * scale, baseline * scale, run.text)
            left += run_width(run.text, run.face, block.stack, block.size)


def pdf_bytes(layout: Layout, title: str, author: str, moment: dt.datetime) -> bytes:
    pdf = _new_document(title, author, moment)
    scale = pdf.w / WIDTH
    for shape in layout.shapes:
        if isinstance(shape, Fill):
            left, top, right, bottom = (value * scale for value in shape.box)
            pdf.set_fill_color(*rgb(shape.colour))
            if shape.round:
                pdf.ellipse(left, top, right - left, bottom - top, style="F")
            else:
                pdf.rect(left, top, right - left, bottom - top, style="F")
        elif isinstance(shape, Logo):
            left, top, right, bottom = (value * scale for value in shape.box)
            pdf.image(_logo(pdf, shape.path), left, top, right - left, bottom - top, keep_aspect_ratio=True)
        elif isinstance(shape, Text):
            _text(pdf, shape, scale)
        elif isinstance(shape, Strike):
            pdf.set_fill_color(*rgb(shape.colour))
            half = shape.thickness / 2
            pdf.rect(
                shape.left * scale,
                (shape.y - half) * scale,
                (shape.right - shape.left) * scale,
                shape.thickness * scale,
                style="F",
            )
    left, top, right, bottom = (value * scale for value in layout.qr_box)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(left, top, right - left, bottom - top, style="F")
    pdf.set_fill_color(0, 0, 0)
    for module in layout.qr_modules:
        left, top, right, bottom = (value * scale for value in module)
        pdf.rect(left, top, right - left, bottom - top, style="F")
    return bytes(pdf.output())
