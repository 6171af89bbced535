"""The poster as a printable A4 PDF: the layout's shapes drawn with fpdf2, the fonts embedded.

Every run of text is set in the font the cards' font stacks chose for it
(plugins/social_cards/fonts.py), so no character is drawn as a missing
glyph; an emoji is placed as the picture the colour font draws.
"""

from __future__ import annotations

import datetime as dt
import logging

from fpdf import FPDF

from plugins._shared.colors import rgb
from plugins.social_cards.fonts import EMOJI, EMOJI_SIZE, FONTS_DIR, STACKS, emoji_face
from plugins.social_cards.text import emoji_bitmap, line_left, run_width

from .layout import WIDTH, Fill, Layout, Logo, Strike, Text
from .png import open_logo

# fpdf2 logs each font subset it makes; a build shows only what matters.
logging.getLogger("fpdf").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def _family(name: str) -> str:
    return name.removesuffix(".ttf").lower()


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
    for name in dict.fromkeys(name for stack in STACKS.values() for name in stack):  # in a fixed order
        pdf.add_font(_family(name), "", str(FONTS_DIR / name))
    pdf.add_page()
    return pdf


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
                pdf.set_font(_family(STACKS[block.stack][run.face]), size=block.size * scale)
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
            pdf.image(open_logo(shape.path), left, top, right - left, bottom - top, keep_aspect_ratio=True)
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
