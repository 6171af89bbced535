"""Where everything on a poster goes: plain shapes on an A4 canvas, drawn alike as PDF and PNG.

The canvas is measured in the PNG's pixels (1131 x 1600, A4's shape; the
largest image WhatsApp sends without scaling it down); the PDF draws the same
shapes scaled to 595 x 842 pt. Text is fitted with the cards' measured
wrapping (plugins/social_cards/text.py): the body shrinks step by step until
it fits between the header and the QR code, and a text that still does not
fit ends with an ellipsis, so nothing ever runs off the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import segno

from plugins.social_cards.text import Block, Style, fit, line_left, lines_that_fit, metrics

from .content import PosterSpec, typed_address

WIDTH, HEIGHT = 1131, 1600
MARGIN = 80
HEADER = 200
STATUS_BAND = 130
FOOTER = 110
QR_TARGET = 340  # at most, quiet zone included; whole pixels per module: over 5 cm of code printed
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules
GAP = 36
# The body's sizes are tried at these scales, largest first.
SCALES = tuple(round(1 - step * 0.04, 2) for step in range(11))  # 1.0 down to 0.6
MAX_SPREAD = 28
WHITE = "#ffffff"


@dataclass(frozen=True)
class Fill:
    box: tuple[float, float, float, float]  # left, top, right, bottom
    colour: str
    round: bool = False  # an ellipse inside the box


@dataclass(frozen=True)
class Text:
    block: Block
    x: float
    y: float  # top of the block
    width: float
    align: str
    colour: str


@dataclass(frozen=True)
class Strike:
    """A line through struck text."""

    left: float
    right: float
    y: float
    thickness: float
    colour: str


@dataclass(frozen=True)
class Logo:
    path: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Layout:
    shapes: tuple
    qr_modules: tuple[tuple[float, float, float, float], ...]  # dark rectangles of the QR code
    qr_box: tuple[float, float, float, float]  # the code with its quiet zone


def _style(stack: str, size: int, smallest: int, lines: int, scale: float = 1.0, align: str = "left"):
    return Style(
        stack=stack,
        size_max=max(12, round(size * scale)),
        size_min=max(12, round(smallest * scale)),
        line_height=1.2,
        max_lines=lines,
        align=align,
    )


def qr_code(url: str, box_side: int) -> tuple[int, int, tuple[tuple[int, int, int, int], ...]]:
    """(side, module, dark rectangles) of the QR code of url, in whole pixels per module, quiet zone included.

    Each row's dark modules are merged into runs: fewer shapes in the PDF, the same picture.
    """
    matrix = segno.make(url, error="m", micro=False).matrix
    count = len(matrix) + 2 * QR_BORDER
    module = max(1, box_side // count)
    runs = []
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            end = column
            while end < len(cells) and cells[end]:
                end += 1
            top = (row + QR_BORDER) * module
            runs.append(((column + QR_BORDER) * module, top, (end + QR_BORDER) * module, top + module))
            column = end
    return count * module, module, tuple(runs)


class _Column:
    """Blocks set one under another from a top edge, never past `bottom`."""

    def __init__(self, x: float, top: float, width: float, bottom: float = HEIGHT):
        self.x, self.y, self.width, self.bottom = x, top, width, bottom
        self.shapes: list = []
        self.left_out = 0  # blocks that found no room at all

    def room_for(self, style: Style) -> bool:
        """Whether one line of style, at its smallest, still fits above the bottom."""
        return lines_that_fit(style, style.size_min, math.floor(self.bottom - self.y)) > 0

    def add(self, text: str, style: Style, colour: str, height: float, struck: str | None = None, after=0):
        if not text:
            return
        if not self.room_for(style):
            self.left_out += 1
            return
        block = fit(text, style, round(self.width), math.floor(min(height, self.bottom - self.y)))
        self.shapes.append(Text(block, self.x, self.y, self.width, style.align, colour))
        if struck:
            for number, line in enumerate(block.lines):
                baseline = self.y + block.ascent + number * block.pitch
                left = line_left(block, line, self.x, self.width, style.align)
                thickness = max(3.0, block.size * 0.09)
                self.shapes.append(
                    Strike(left, left + line.width, baseline - block.size * 0.32, thickness, struck)
                )
        self.y += block.height + after

    @property
    def complete(self) -> bool:
        """Every block set whole: nothing cut with an ellipsis, nothing left out."""
        return not self.left_out and not any(isinstance(s, Text) and s.block.truncated for s in self.shapes)


def _body(spec: PosterSpec, top: float, bottom: float, scale: float, spread: float = 0) -> _Column:
    """The kind, title, summary and rows; spread adds room after the summary and each row.

    A row whose label and first line no longer fit is left out with the rest: the page
    the QR code opens says everything.
    """
    ink, accent = spec.palette.ink, spec.palette.accent
    column = _Column(MARGIN, top, WIDTH - 2 * MARGIN, bottom)
    room = bottom - top
    column.add(spec.kind_label.upper(), _style("bold", 28, 24, 1, scale), accent, room, after=18 * scale)
    column.add(spec.title, _style("bold", 92, 48, 4, scale), ink, room, after=GAP * scale * 0.8)
    column.add(spec.summary, _style("regular", 32, 24, 3, scale), ink, room, after=GAP * scale + spread)
    for number, row in enumerate(spec.rows):
        label = _style("bold", 24, 20, 1, scale)
        count = 2 * len(row.lines) if len(row.lines) == 1 else len(row.lines)
        value = _style("bold", 38 if len(row.lines) == 1 else 32, 24, count, scale)
        ascent, descent = metrics(label.stack, label.size_min)
        if column.y + ascent + descent + 6 * scale + sum(metrics(value.stack, value.size_min)) > bottom:
            column.left_out += len(spec.rows) - number
            break
        column.add(row.label.upper(), label, accent, room, after=6 * scale)
        lines = "\n".join(row.lines)
        column.add(
            lines, value, ink, room, struck=accent if row.struck else None, after=GAP * scale * 0.7 + spread
        )
    return column


def layout(spec: PosterSpec) -> Layout:
    """The poster of spec, as shapes on the canvas."""
    palette = spec.palette
    shapes: list = [Fill((0, 0, WIDTH, HEIGHT), WHITE), Fill((0, 0, WIDTH, HEADER), palette.primary)]

    # Header: the logo on a white disc, the library's name and tagline.
    disc = 148
    disc_top = (HEADER - disc) / 2
    shapes.append(Fill((MARGIN, disc_top, MARGIN + disc, disc_top + disc), WHITE, round=True))
    shapes.append(Logo(spec.library.logo, (MARGIN + 6, disc_top + 6, MARGIN + disc - 6, disc_top + disc - 6)))
    name_left = MARGIN + disc + 32
    header = _Column(name_left, 0, WIDTH - MARGIN - name_left)
    name = fit(spec.library.name, _style("bold", 44, 30, 2), round(header.width), 110)
    tagline = fit(spec.library.tagline, _style("regular", 26, 20, 2), round(header.width), 70)
    header.y = (HEADER - name.height - 14 - tagline.height) / 2
    header.add(spec.library.name, _style("bold", 44, 30, 2), WHITE, 110, after=14)
    header.add(spec.library.tagline, _style("regular", 26, 20, 2), palette.light, 70)
    shapes += header.shapes

    top = HEADER
    if spec.status:
        shapes.append(Fill((0, HEADER, WIDTH, HEADER + STATUS_BAND), palette.badge))
        band = _Column(MARGIN, HEADER, WIDTH - 2 * MARGIN)
        status = fit(spec.status.upper(), _style("bold", 80, 40, 1, align="center"), round(band.width), 110)
        band.y = HEADER + (STATUS_BAND - status.height) / 2
        band.add(spec.status.upper(), _style("bold", 80, 40, 1, align="center"), palette.ink, 110)
        shapes += band.shapes
        top += STATUS_BAND

    # The QR code above the footer, on the right; what to type instead of scanning, on its left.
    footer_top = HEIGHT - FOOTER
    side, module, modules = qr_code(spec.url, QR_TARGET)
    caption_height = 60
    qr_top = footer_top - 16 - caption_height - side
    qr_left = WIDTH - MARGIN - side + QR_BORDER * module  # the dark modules end at the margin
    qr_box = (qr_left, qr_top, qr_left + side, qr_top + side)
    qr_modules = tuple((qr_left + a, qr_top + b, qr_left + c, qr_top + d) for a, b, c, d in modules)
    caption = _Column(qr_left, qr_top + side, side)
    caption.add("Pindai untuk info terbaru", _style("regular", 24, 18, 2, align="center"), palette.ink, 60)

    links_width = qr_left + QR_BORDER * module - MARGIN - 40
    links_height = _links(spec, 0, links_width).y
    links = _links(spec, min(qr_top + QR_BORDER * module, footer_top - 36 - links_height), links_width)

    # The body between the header (or status band) and the QR code, shrunk until it fits.
    bottom = links.shapes[0].y - GAP  # the links start level with the code's top, or higher
    body = None
    for scale in SCALES:
        body = _body(spec, top + 56 * scale, bottom, scale)
        if body.complete:
            break
    # Room left over goes between the blocks, up to a limit: the page looks laid out, not cut short.
    spread = min(MAX_SPREAD, max(0.0, bottom - body.y) / (len(spec.rows) + 1))
    if spread:
        body = _body(spec, top + 56 * scale, bottom, scale, spread)
    shapes += body.shapes + links.shapes + caption.shapes

    shapes.append(Fill((0, footer_top, WIDTH, HEIGHT), palette.primary))
    footer = _Column(MARGIN, footer_top, WIDTH - 2 * MARGIN)
    address = fit(spec.library.address, _style("regular", 24, 18, 1, align="center"), round(footer.width), 40)
    footer.y = footer_top + (FOOTER - 2 * address.height - 10) / 2
    footer.add(spec.library.address, _style("regular", 24, 18, 1, align="center"), WHITE, 40, after=10)
    footer.add(spec.library.contact, _style("regular", 24, 18, 1, align="center"), WHITE, 40)
    shapes += footer.shapes
    return Layout(tuple(shapes), qr_modules, qr_box)


def _links(spec: PosterSpec, top: float, width: float) -> _Column:
    """The actions (registration, the online link) and the page's address, to type instead of scanning."""
    links = _Column(MARGIN, top, width)
    for action in spec.actions:
        links.add(action.label.upper(), _style("bold", 24, 20, 1), spec.palette.accent, 40, after=4)
        links.add(action.address, _style("bold", 30, 22, 2), spec.palette.ink, 80, after=22)
    links.add("INFO LENGKAP", _style("bold", 24, 20, 1), spec.palette.accent, 40, after=4)
    links.add(typed_address(spec.url), _style("bold", 30, 22, 3), spec.palette.ink, 120)
    return links
