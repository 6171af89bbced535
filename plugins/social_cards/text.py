"""Text that always fits a box: measured wrapping, shrinking, then an ellipsis.

Widths are measured with the fonts that will draw each piece (raqm layout), so
wrapping follows pixels, not characters. A word wider than the box is broken
after / . - _ ? & = (URLs), or between any two characters as a last resort.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from .fonts import EMOJI, EMOJI_SIZE, STACKS, Piece, assign, coverage, emoji_face, face

ELLIPSIS = "…"
# A long word or URL is best broken after one of these.
BREAK_AFTER = set("/.-_?&=#:,;–—")
# Punctuation not left dangling before an ellipsis.
TRIM_BEFORE_ELLIPSIS = " ,.;:–—-/"


@dataclass(frozen=True)
class Style:
    """How one text element is set: its stack and the sizes it may take."""

    stack: str = "regular"
    size_min: int = 24
    size_max: int = 24
    line_height: float = 1.2
    max_lines: int = 3
    align: str = "left"
    balance: bool = False


@dataclass(frozen=True)
class Run:
    """Consecutive pieces drawn by one face."""

    text: str
    face: int


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    width: float

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Block:
    """Lines set at one size; height runs from the first line's top to the last one's bottom."""

    lines: tuple[Line, ...]
    stack: str
    size: int
    pitch: int
    ascent: int
    descent: int
    truncated: bool

    @property
    def width(self) -> float:
        return max((line.width for line in self.lines), default=0.0)

    @property
    def height(self) -> int:
        if not self.lines:
            return 0
        return self.ascent + self.descent + (len(self.lines) - 1) * self.pitch


# --- measuring ----------------------------------------------------------------


@functools.lru_cache(maxsize=100_000)
def run_width(text: str, face_index: int, stack: str, size: int) -> float:
    if face_index == EMOJI:
        # An emoji run is one cluster; measured, not assumed one glyph wide, since a
        # ZWJ sequence the font does not join is drawn as several glyphs.
        return emoji_face().getlength(text) * size / EMOJI_SIZE
    return face(STACKS[stack][face_index], size).getlength(text, direction="ltr")


@functools.cache
def metrics(stack: str, size: int) -> tuple[int, int]:
    """(ascent, descent) of a line: the tallest accented capital and the deepest descender.

    Emoji (drawn at the font's own proportion) are counted in, so no glyph the
    stack draws leaves its line box.
    """
    primary = face(STACKS[stack][0], size)
    top = -primary.getbbox("ÁÉÎÖÜÅÇ", anchor="ls")[1]
    bottom = primary.getbbox("gjpqyÇ", anchor="ls")[3]
    emoji_ascent, emoji_descent = emoji_face().getmetrics()
    scale = size / EMOJI_SIZE
    return (
        max(top, math.ceil(emoji_ascent * scale)),
        max(bottom, math.ceil(emoji_descent * scale)),
    )


def _runs(pieces: list[Piece], stack: str) -> tuple[Run, ...]:
    """Merge pieces into runs; a space between two pieces of one face joins their run."""
    names = STACKS[stack]
    runs: list[list] = []
    for piece in pieces:
        face_index = piece.face
        if (
            piece.text.isspace()
            and runs
            and runs[-1][1] != EMOJI
            and all(ord(c) in coverage(names[runs[-1][1]]) for c in piece.text)
        ):
            face_index = runs[-1][1]
        if runs and runs[-1][1] == face_index and face_index != EMOJI:
            runs[-1][0] += piece.text
        else:
            runs.append([piece.text, face_index])
    return tuple(Run(text, index) for text, index in runs)


def width_of(pieces: list[Piece], stack: str, size: int) -> float:
    return sum(run_width(r.text, r.face, stack, size) for r in _runs(pieces, stack))


def make_line(pieces: list[Piece], stack: str, size: int) -> Line:
    runs = _runs(pieces, stack)
    return Line(runs, sum(run_width(r.text, r.face, stack, size) for r in runs))


# --- wrapping -----------------------------------------------------------------


def _words(pieces: list[Piece]) -> list[list[Piece]]:
    words: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.text.isspace():
            if words[-1]:
                words.append([])
        else:
            words[-1].append(piece)
    return [w for w in words if w]


def _longest_prefix(word: list[Piece], stack: str, size: int, max_width: float) -> int:
    """How many pieces of word fit max_width (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if width_of(word[:middle], stack, size) <= max_width:
            low = middle
        else:
            high = middle - 1
    return low


def split_word(word: list[Piece], stack: str, size: int, max_width: float) -> list[list[Piece]]:
    """Break a word wider than max_width: after URL punctuation if it can, else anywhere."""
    chunks = []
    rest = word
    while width_of(rest, stack, size) > max_width and len(rest) > 1:
        fit = _longest_prefix(rest, stack, size, max_width)
        breaks = [i + 1 for i in range(fit) if rest[i].text in BREAK_AFTER and i + 1 < len(rest)]
        cut = breaks[-1] if breaks and breaks[-1] >= fit * 0.4 else fit
        chunks.append(rest[:cut])
        rest = rest[cut:]
    chunks.append(rest)
    return chunks


def wrap(pieces: list[Piece], stack: str, size: int, max_width: float) -> list[list[Piece]]:
    """Greedy lines of whole words, each at most max_width wide."""
    space = Piece(" ", 0)
    lines: list[list[Piece]] = []
    current: list[Piece] = []
    for word in _words(pieces):
        if current:
            candidate = current + [space] + word
            if width_of(candidate, stack, size) <= max_width:
                current = candidate
                continue
            lines.append(current)
            current = []
        if width_of(word, stack, size) <= max_width:
            current = list(word)
        else:
            chunks = split_word(word, stack, size, max_width)
            lines.extend(chunks[:-1])
            current = chunks[-1]
    if current:
        lines.append(current)
    return lines


def _ellipsize(line: list[Piece], stack: str, size: int, max_width: float) -> list[Piece]:
    mark = assign(ELLIPSIS, stack)[0]
    kept = list(line)
    while kept:
        while kept and kept[-1].text in TRIM_BEFORE_ELLIPSIS:
            kept.pop()
        if width_of(kept + mark, stack, size) <= max_width:
            return kept + mark
        kept.pop()
    return mark


# --- fitting ------------------------------------------------------------------


def _block(lines: list[list[Piece]], style: Style, size: int, truncated: bool) -> Block:
    ascent, descent = metrics(style.stack, size)
    return Block(
        tuple(make_line(line, style.stack, size) for line in lines),
        style.stack,
        size,
        round(size * style.line_height),
        ascent,
        descent,
        truncated,
    )


def lines_that_fit(style: Style, size: int, height: int) -> int:
    ascent, descent = metrics(style.stack, size)
    pitch = round(size * style.line_height)
    if ascent + descent > height:
        return 0
    return min(style.max_lines, 1 + (height - ascent - descent) // pitch)


def sizes(style: Style) -> list[int]:
    """Largest first, in steps of 2 px, always ending at the minimum."""
    steps = list(range(style.size_max, style.size_min, -2))
    return steps + [style.size_min]


def _widest_word(pieces: list[Piece], stack: str, size: int) -> float:
    return max((width_of(word, stack, size) for word in _words(pieces)), default=0.0)


# Cards repeat texts (the site's name, a kind's label, the address): each is set once.
@functools.lru_cache(maxsize=4096)
def fit(text: str, style: Style, width: int, height: int) -> Block:
    """Set text in width x height: largest size that fits whole, else cut with an ellipsis.

    Shrinking comes before breaking a word: a size at which every word fits its
    line wins over a larger one that would break a word. A line break in the
    text ("\n", kept only by elements with `breaks = true`) always starts a line.
    """
    paragraphs = [p for p in (assign(part, style.stack)[0] for part in text.split("\n")) if p]
    if not paragraphs:
        return _block([], style, style.size_max, False)
    pieces = paragraphs[0] if len(paragraphs) == 1 else None
    for may_break in (False, True):
        for size in sizes(style):
            widest = max(_widest_word(p, style.stack, size) for p in paragraphs)
            if widest > width and not may_break:
                continue
            lines = _wrap_all(paragraphs, style.stack, size, width)
            if 0 < len(lines) <= lines_that_fit(style, size, height):
                if style.balance and pieces and len(lines) > 1 and widest <= width:
                    lines = _balanced(pieces, style.stack, size, width, len(lines), widest)
                return _block(lines, style, size, False)
    size = style.size_min
    room = lines_that_fit(style, size, height)
    lines = _wrap_all(paragraphs, style.stack, size, width)[:room]
    if lines:
        lines[-1] = _ellipsize(lines[-1], style.stack, size, width)
    return _block(lines, style, size, True)


def _wrap_all(paragraphs: list[list[Piece]], stack: str, size: int, width: float) -> list[list[Piece]]:
    """Each paragraph (a line of the text: a hard break) wrapped on its own, one after another."""
    return [line for pieces in paragraphs for line in wrap(pieces, stack, size, width)]


def _balanced(pieces, stack, size, width, count, widest) -> list[list[Piece]]:
    """The narrowest wrap with the same number of lines and no broken word: no lonely last word."""
    low, high = max(width * 0.4, widest), float(width)
    if len(wrap(pieces, stack, size, low)) <= count:
        return wrap(pieces, stack, size, low)
    while high - low > 2:
        middle = (low + high) / 2
        if len(wrap(pieces, stack, size, middle)) <= count:
            high = middle
        else:
            low = middle
    return wrap(pieces, stack, size, high)


# --- drawing ------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def emoji_bitmap(cluster: str) -> Image.Image:
    """One emoji at the font's only size, with its ascent as the top margin."""
    font = emoji_face()
    ascent, descent = font.getmetrics()
    width = max(1, math.ceil(font.getlength(cluster)))
    image = Image.new("RGBA", (width, ascent + descent), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((0, ascent), cluster, font=font, anchor="ls", embedded_color=True)
    return image


@functools.lru_cache(maxsize=4096)
def _ink(text: str, face_index: int, stack: str, size: int) -> tuple[int, int, int, int]:
    """Where a run's glyphs leave ink, from its start on the baseline."""
    return face(STACKS[stack][face_index], size).getbbox(text, anchor="ls", direction="ltr")


def line_left(block: Block, line: Line, x: float, width: float, align: str) -> float:
    if align == "center":
        return x + (width - line.width) / 2
    if align == "right":
        return x + width - line.width
    return x


def draw_block(
    canvas: Image.Image,
    block: Block,
    x: float,
    y: float,
    width: float,
    align: str,
    color: tuple[int, int, int],
) -> tuple[int, int, int, int] | None:
    """Draw the lines with the top of the block at y; return the ink's bounding box."""
    draw = ImageDraw.Draw(canvas)
    ink: list[tuple[float, float, float, float]] = []
    for number, line in enumerate(block.lines):
        baseline = y + block.ascent + number * block.pitch
        left = line_left(block, line, x, width, align)
        for run in line.runs:
            advance = run_width(run.text, run.face, block.stack, block.size)
            if run.face == EMOJI:
                ink.append(_paste_emoji(canvas, run.text, left, baseline, block.size))
            elif not run.text.isspace():
                font = face(STACKS[block.stack][run.face], block.size)
                draw.text((left, baseline), run.text, font=font, fill=color, anchor="ls", direction="ltr")
                box = _ink(run.text, run.face, block.stack, block.size)
                ink.append((left + box[0], baseline + box[1], left + box[2], baseline + box[3]))
            left += advance
    if not ink:
        return None
    return (
        math.floor(min(b[0] for b in ink)),
        math.floor(min(b[1] for b in ink)),
        math.ceil(max(b[2] for b in ink)),
        math.ceil(max(b[3] for b in ink)),
    )


def _paste_emoji(canvas: Image.Image, cluster: str, left: float, baseline: float, size: int):
    bitmap = emoji_bitmap(cluster)
    scale = size / EMOJI_SIZE
    ascent = emoji_face().getmetrics()[0]
    target = (max(1, round(bitmap.width * scale)), max(1, round(bitmap.height * scale)))
    scaled = bitmap.convert("RGBa").resize(target, Image.Resampling.LANCZOS).convert("RGBA")
    top = round(baseline - ascent * scale)
    canvas.paste(scaled, (round(left), top), scaled)
    return (round(left), top, round(left) + target[0], top + target[1])
