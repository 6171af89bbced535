"""The cards' font stacks: which font draws each character, and the fonts' identity.

A text is split into clusters (a character with its combining marks, or a whole
emoji sequence); each cluster goes to the first font of the stack whose
character map has it, emoji to Noto Color Emoji. A cluster no font has is
reported as missing, never drawn as a box.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex
from fontTools.ttLib import TTFont
from PIL import ImageFont

from plugins._shared.text import GRAPHEME

FONTS_DIR = Path(__file__).resolve().parent / "fonts"

# Tried in order for every character; a layout names a stack by its key.
STACKS: dict[str, tuple[str, ...]] = {
    "bold": ("NotoSans-Bold.ttf", "NotoSansSymbols2-Regular.ttf", "DejaVuSans-Bold.ttf"),
    "regular": ("NotoSans-Regular.ttf", "NotoSansSymbols2-Regular.ttf", "DejaVuSans.ttf"),
}
EMOJI_FONT = "NotoColorEmoji.ttf"
# Noto Color Emoji is a bitmap font with one strike: FreeType draws it at this size only.
EMOJI_SIZE = 109
EMOJI = -1  # the face index of an emoji cluster

ZWJ = "\u200d"
VS15, VS16 = "\ufe0e", "\ufe0f"
KEYCAP = "\u20e3"

# Characters drawn as emoji without a variation selector (Unicode's Emoji_Presentation).
_EMOJI_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")


def _emoji_presentation(char: str) -> bool:
    return _EMOJI_PRESENTATION.match(char) is not None


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def clusters(text: str) -> list[str]:
    """Split text into user-perceived characters (the one grapheme rule, _shared/text.py)."""
    return GRAPHEME.findall(text)


def read_cmap(path: Path) -> frozenset[int]:
    """Every code point the font maps to a glyph (fontTools' best Unicode cmap)."""
    font = TTFont(str(path), lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


@functools.cache
def coverage(name: str) -> frozenset[int]:
    return read_cmap(FONTS_DIR / name)


@functools.cache
def face(name: str, size: int) -> ImageFont.FreeTypeFont:
    """One font file at one pixel size, laid out by raqm (shaping, ligatures)."""
    return ImageFont.truetype(str(FONTS_DIR / name), size, layout_engine=ImageFont.Layout.RAQM)


def emoji_face() -> ImageFont.FreeTypeFont:
    return face(EMOJI_FONT, EMOJI_SIZE)


@functools.cache
def identity() -> str:
    """A digest of every font file: a changed font draws every card again."""
    digest = hashlib.sha256()
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Piece:
    """One cluster and the face that draws it: an index into the stack, or EMOJI."""

    text: str
    face: int


def _significant(cluster: str) -> str:
    """The cluster without the invisible parts a font need not have."""
    return "".join(c for c in cluster if c not in (ZWJ, VS15, VS16) and not 0xE0100 <= ord(c) <= 0xE01EF)


def _wants_emoji(cluster: str) -> bool:
    if VS15 in cluster:
        return False
    return (
        VS16 in cluster
        or KEYCAP in cluster
        or ZWJ in cluster
        or _regional(cluster[0])
        or _emoji_presentation(cluster[0])
    )


def assign(text: str, stack: str) -> tuple[list[Piece], list[str]]:
    """Give each cluster of text a face of the stack; return (pieces, missing clusters)."""
    names = STACKS[stack]
    emoji = coverage(EMOJI_FONT)
    pieces: list[Piece] = []
    missing: list[str] = []
    for cluster in clusters(text):
        if ord(cluster[0]) in emoji and _wants_emoji(cluster):
            pieces.append(Piece(cluster, EMOJI))
            continue
        needed = {ord(c) for c in _significant(cluster)} or {ord(cluster[0])}
        chosen = next((i for i, n in enumerate(names) if needed <= coverage(n)), None)
        if chosen is None:  # marks no font combines with this base: keep the base
            chosen = next((i for i, n in enumerate(names) if ord(cluster[0]) in coverage(n)), None)
            cluster = cluster[0] if chosen is not None else cluster
        if chosen is None and ord(cluster[0]) in emoji:
            pieces.append(Piece(cluster, EMOJI))
        elif chosen is None:
            if unicodedata.category(cluster[0]) not in ("Cc", "Cf", "Zl", "Zp"):
                missing.append(cluster)
        else:
            pieces.append(Piece(cluster, chosen))
    return pieces, missing


@functools.cache
def _first_font_characters(stack: str) -> frozenset[str]:
    """Every character the stack's first font has: a text of only these misses nothing."""
    return frozenset(map(chr, coverage(STACKS[stack][0])))


def missing_characters(text: str, stack: str = "bold") -> list[str]:
    """The clusters of text that no font of the stack (nor the emoji font) can draw."""
    # Every cluster of such a text is drawn by the first font (or as emoji): nothing to split.
    if _first_font_characters(stack).issuperset(text):
        return []
    return assign(text, stack)[1]
