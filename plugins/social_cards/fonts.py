"""The cards' font stacks: which font draws each character, and the fonts' identity.

A text is split into clusters (a character with its combining marks, or a whole
emoji sequence); each cluster goes to the first font of the stack whose
character map has it, emoji to Noto Color Emoji. A cluster no font has is
reported as missing, never drawn as a box.
"""

from __future__ import annotations

import functools
import hashlib
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

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

# Emoji_Presentation=Yes below U+1F000 (Unicode emoji-data.txt); above it every
# character the emoji font has is drawn as emoji.
_PRESENTATION_RANGES = (
    (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
    (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE),
    (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD),
    (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
)


def _emoji_presentation(code: int) -> bool:
    return code >= 0x1F000 or any(low <= code <= high for low, high in _PRESENTATION_RANGES)


def _is_joiner_part(char: str) -> bool:
    """Characters that never start a cluster: marks, selectors, modifiers, tags."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or char in (ZWJ, KEYCAP)
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def clusters(text: str) -> list[str]:
    """Split text into user-perceived characters, enough for fonts and emoji."""
    found: list[str] = []
    joined = False  # the previous character was a ZWJ: the next one belongs to it
    for char in text:
        if found and (joined or _is_joiner_part(char)):
            found[-1] += char
        elif found and _regional(char) and len(found[-1]) == 1 and _regional(found[-1]):
            found[-1] += char  # a flag is a pair of regional indicators
        else:
            found.append(char)
        joined = char == ZWJ
    return found


def read_cmap(path: Path) -> frozenset[int]:
    """Every code point the font maps to a glyph (cmap formats 4 and 12)."""
    data = path.read_bytes()
    tables = struct.unpack_from(">H", data, 4)[0]
    cmap = None
    for index in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        raise ValueError(f"{path.name} has no cmap table")
    codes: set[int] = set()
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4), (0, 6)):
            continue
        table = cmap + offset
        form = struct.unpack_from(">H", data, table)[0]
        if form == 4:
            codes |= _format4(data, table)
        elif form == 12:
            codes |= _format12(data, table)
    return frozenset(codes)


def _format4(data: bytes, table: int) -> set[int]:
    segments = struct.unpack_from(">H", data, table + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, table + 14)
    starts = struct.unpack_from(f">{segments}H", data, table + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, table + 16 + 4 * segments)
    range_base = table + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_base)
    codes = set()
    for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets)):
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = range_base + 2 * i + offset + 2 * (code - start)
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return codes


def _format12(data: bytes, table: int) -> set[int]:
    groups = struct.unpack_from(">I", data, table + 12)[0]
    codes = set()
    for index in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, table + 16 + 12 * index)
        codes.update(range(start if glyph else start + 1, end + 1))
    return codes


@functools.lru_cache(maxsize=None)
def coverage(name: str) -> frozenset[int]:
    return read_cmap(FONTS_DIR / name)


@functools.lru_cache(maxsize=None)
def face(name: str, size: int) -> ImageFont.FreeTypeFont:
    """One font file at one pixel size, laid out by raqm (shaping, ligatures)."""
    return ImageFont.truetype(str(FONTS_DIR / name), size, layout_engine=ImageFont.Layout.RAQM)


def emoji_face() -> ImageFont.FreeTypeFont:
    return face(EMOJI_FONT, EMOJI_SIZE)


@functools.lru_cache(maxsize=None)
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
        or _emoji_presentation(ord(cluster[0]))
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


def missing_characters(text: str, stack: str = "bold") -> list[str]:
    """The clusters of text that no font of the stack (nor the emoji font) can draw."""
    return assign(text, stack)[1]
