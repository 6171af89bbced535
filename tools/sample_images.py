"""Draw the sample images of the library's site with Pillow.

Run from the repository root:

    .venv/bin/python tools/sample_images.py              # write every image
    .venv/bin/python tools/sample_images.py --transcripts  # print infographic texts

Every picture is a flat-design illustration drawn from shapes, in the library's
colours (green #0b5d4b, rust #9c3d12) and warm neutrals. The output is
deterministic: the same script always writes byte-identical files, because no
clock or unseeded randomness is used and Pillow's encoders are deterministic.

Fonts (DejaVu, Liberation) are only needed here, at generation time; the built
site only ships the resulting JPEG/PNG files.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "gambar"

SUPERSAMPLE = 2  # draw at 2x and scale down, for smooth edges
MAX_BYTES = 250_000  # every JPEG must stay below this size

# --- Palette -----------------------------------------------------------------
GREEN = "#0b5d4b"
GREEN_DARK = "#07402f"
GREEN_MID = "#2f8a70"
GREEN_LIGHT = "#8fc7b3"
GREEN_PALE = "#dcefe6"
RUST = "#9c3d12"
RUST_DARK = "#74290a"
RUST_MID = "#c8602c"
RUST_LIGHT = "#eea67e"
RUST_PALE = "#f8dccb"
CREAM = "#fbf5ea"
PAPER = "#fffdf8"
SAND = "#efe1c8"
SAND_DARK = "#dcc7a4"
WOOD = "#8a5a36"
WOOD_DARK = "#663f23"
GOLD = "#e3a535"
GOLD_PALE = "#f7e3b3"
INK = "#2a2522"
GREY = "#74685e"
GREY_LIGHT = "#c9bfb3"
WHITE = "#ffffff"
SKY = "#d9ecef"
BLUE = "#3b7896"
BLUE_LIGHT = "#a9cfe0"
PLUM = "#7a4b76"
RED = "#c0392b"
SKINS = ("#c98d62", "#a86f47", "#e2b08a", "#8b5a3c")
HAIR = "#2b211c"

SPINES = (
    GREEN,
    RUST,
    GOLD,
    GREEN_MID,
    RUST_LIGHT,
    BLUE,
    PLUM,
    "#d8c39a",
    "#3a6d8c",
    RUST_MID,
    "#4f4a45",
    GREEN_LIGHT,
)

# --- Fonts -------------------------------------------------------------------
FONT_FILES = {
    "sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "sans-bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "condensed-bold": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    "serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "serif-bold": "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "serif-italic": "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
    "display": "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "narrow-bold": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
}
_font_cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(name: str, size: float) -> ImageFont.FreeTypeFont:
    key = (name, round(size))
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(FONT_FILES[name], key[1])
    return _font_cache[key]


# --- Drawing surface -----------------------------------------------------------
class Painter:
    """A canvas addressed in final pixels; it draws supersampled for smooth edges."""

    def __init__(self, width: int, height: int, background=CREAM, mode: str = "RGB"):
        self.w, self.h, self.s = width, height, SUPERSAMPLE
        self.image = Image.new(mode, (width * self.s, height * self.s), background)
        self.draw = ImageDraw.Draw(self.image)

    # coordinates
    def _p(self, points):
        return [(x * self.s, y * self.s) for x, y in points]

    def _box(self, x0, y0, x1, y1):
        return [x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s]

    # shapes
    def rect(self, x0, y0, x1, y1, fill=None, radius=0, outline=None, width=0):
        self.draw.rounded_rectangle(
            self._box(x0, y0, x1, y1),
            radius=radius * self.s,
            fill=fill,
            outline=outline,
            width=round(width * self.s),
        )

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=0):
        self.draw.ellipse(
            self._box(cx - rx, cy - ry, cx + rx, cy + ry),
            fill=fill,
            outline=outline,
            width=round(width * self.s),
        )

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.ellipse(cx, cy, r, r, fill, outline, width)

    def polygon(self, points, fill=None):
        self.draw.polygon(self._p(points), fill=fill)

    def line(self, points, fill, width, round_caps=True):
        self.draw.line(self._p(points), fill=fill, width=round(width * self.s), joint="curve")
        if round_caps:
            for x, y in (points[0], points[-1]):
                self.circle(x, y, width / 2, fill)

    def arc(self, cx, cy, rx, ry, start, end, fill, width):
        self.draw.arc(
            self._box(cx - rx, cy - ry, cx + rx, cy + ry), start, end, fill=fill, width=round(width * self.s)
        )

    def pieslice(self, cx, cy, rx, ry, start, end, fill):
        self.draw.pieslice(self._box(cx - rx, cy - ry, cx + rx, cy + ry), start, end, fill=fill)

    # text
    def text(self, x, y, s, size, fill=INK, face="sans-bold", anchor="la"):
        self.draw.text((x * self.s, y * self.s), s, font=font(face, size * self.s), fill=fill, anchor=anchor)

    def text_width(self, s, size, face="sans-bold"):
        return self.draw.textlength(s, font=font(face, size * self.s)) / self.s

    def wrap(self, s, size, face, max_width):
        lines, current = [], ""
        for word in s.split():
            trial = f"{current} {word}".strip()
            if self.text_width(trial, size, face) <= max_width or not current:
                current = trial
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
        return lines

    def balanced_wrap(self, s, size, face, max_width):
        """Wrap into as few lines as wrap() would, but with lines of similar length."""
        lines = self.wrap(s, size, face, max_width)
        low, high = max_width * 0.4, max_width
        while high - low > 2:
            middle = (low + high) / 2
            if len(self.wrap(s, size, face, middle)) <= len(lines):
                high = middle
            else:
                low = middle
        return self.wrap(s, size, face, high)

    def paragraph(self, x, y, s, size, fill, face, max_width, leading=1.3, anchor="la"):
        """Draw wrapped text; return the y below the last line."""
        for line in self.wrap(s, size, face, max_width):
            self.text(x, y, line, size, fill, face, anchor)
            y += size * leading
        return y

    def fit_size(self, s, face, max_width, start, minimum=10):
        size = start
        while size > minimum and self.text_width(s, size, face) > max_width:
            size -= 1
        return size

    # output
    def result(self) -> Image.Image:
        return self.image.resize((self.w, self.h), Image.Resampling.LANCZOS)


def save_jpeg(image: Image.Image, name: str) -> Path:
    """Save as JPEG under content/gambar/, lowering quality until it is small enough."""
    path = OUT / name
    for quality in (88, 84, 80, 76, 72, 68):
        buffer = io.BytesIO()
        image.convert("RGB").save(
            buffer, "JPEG", quality=quality, optimize=True, progressive=True, subsampling="4:2:0"
        )
        if buffer.tell() < MAX_BYTES:
            break
    path.write_bytes(buffer.getvalue())
    return path


def save_png(image: Image.Image, name: str) -> Path:
    path = OUT / name
    # 64 colours keep the flat logo crisp at a fifth of the bytes: it loads on every page.
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(path, "PNG", optimize=True)
    return path


# --- Reusable pieces -------------------------------------------------------------
def room(p: Painter, wall=CREAM, floor=SAND, floor_y=700, blobs=True):
    """A wall and a floor, with a few soft shapes for depth."""
    p.rect(0, 0, p.w, p.h, fill=wall)
    if blobs:
        p.circle(p.w * 0.12, p.h * 0.18, 150, fill=GREEN_PALE)
        p.circle(p.w * 0.9, p.h * 0.28, 210, fill=RUST_PALE)
    p.rect(0, floor_y, p.w, p.h, fill=floor)
    p.rect(0, floor_y, p.w, floor_y + 8, fill=SAND_DARK)


def ground_shadow(p: Painter, cx, cy, rx, ry=14, color=SAND_DARK):
    p.ellipse(cx, cy, rx, ry, fill=color)


def bookshelf(p: Painter, x, y, w, h, rng: random.Random, rows=4, frame=WOOD, back="#f1e4cc"):
    """A wooden bookshelf filled with books of varied colours and heights."""
    p.rect(x, y, x + w, y + h, fill=frame, radius=6)
    p.rect(x + 14, y + 14, x + w - 14, y + h - 14, fill=back)
    inner = (h - 28) / rows
    for r in range(rows):
        top = y + 14 + r * inner
        bottom = top + inner - 12
        p.rect(x + 14, bottom, x + w - 14, bottom + 12, fill=frame)
        bx = x + 22
        while bx < x + w - 40:
            bw = rng.randint(16, 30)
            bh = rng.uniform(0.62, 0.92) * (inner - 22)
            color = rng.choice(SPINES)
            if rng.random() < 0.05 and bx + bh * 0.3 < x + w - 40:
                # a book leaning against its neighbour
                lean = bh * 0.22
                p.polygon(
                    [
                        (bx, bottom),
                        (bx + bw, bottom),
                        (bx + bw + lean, bottom - bh + 6),
                        (bx + lean, bottom - bh + 6),
                    ],
                    fill=color,
                )
                bx += bw + lean + 6
                continue
            if bx + bw > x + w - 22:
                break
            p.rect(bx, bottom - bh, bx + bw, bottom, fill=color, radius=2)
            band = _lighter(color, 0.35)
            p.rect(bx + 3, bottom - bh + 10, bx + bw - 3, bottom - bh + 16, fill=band)
            p.rect(bx + 3, bottom - 22, bx + bw - 3, bottom - 17, fill=band)
            bx += bw + rng.choice((1, 2, 2, 3))
            if rng.random() < 0.07:
                bx += rng.randint(14, 30)  # a gap on the shelf


def _lighter(color: str, amount: float) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def _darker(color: str, amount: float) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c * (1 - amount)) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def plant(p: Painter, cx, base, scale=1.0, pot=RUST_MID):
    """A potted plant with broad leaves."""
    s = scale
    leaves = [(-60, -150, -25), (55, -160, 25), (-20, -200, -8), (25, -120, 40), (-55, -95, -45)]
    for dx, dy, _tilt in leaves:
        _leaf(p, cx, base - 70 * s, cx + dx * s, base + dy * s, 30 * s, GREEN_MID if dx > 0 else GREEN)
    p.polygon(
        [
            (cx - 55 * s, base - 80 * s),
            (cx + 55 * s, base - 80 * s),
            (cx + 42 * s, base),
            (cx - 42 * s, base),
        ],
        fill=pot,
    )
    p.rect(cx - 60 * s, base - 92 * s, cx + 60 * s, base - 74 * s, fill=_darker(pot, 0.15), radius=4 * s)


def _leaf(p: Painter, x0, y0, x1, y1, width, color):
    """A pointed leaf from (x0, y0) to (x1, y1)."""
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1
    nx, ny = -dy / length * width, dx / length * width
    p.polygon([(x0, y0), (mx + nx, my + ny), (x1, y1), (mx - nx, my - ny)], fill=color)
    p.line([(x0, y0), (x1 * 0.9 + x0 * 0.1, y1 * 0.9 + y0 * 0.1)], _darker(color, 0.25), 2)


def person(
    p: Painter, cx, foot_y, height, skin, shirt, trousers=INK, hair=HAIR, hijab=None, arms="down", facing=0
):
    """A faceless flat-style standing figure; hijab gives a headscarf colour."""
    H = height
    head_r = H * 0.085
    head_y = foot_y - H + head_r
    shoulder_y = head_y + head_r * 1.55
    hip_y = foot_y - H * 0.44
    body_w = H * 0.30
    # legs
    leg_w = body_w * 0.36
    p.rect(
        cx - body_w * 0.42,
        hip_y - 10,
        cx - body_w * 0.42 + leg_w,
        foot_y - 8,
        fill=trousers,
        radius=leg_w / 2,
    )
    p.rect(
        cx + body_w * 0.42 - leg_w,
        hip_y - 10,
        cx + body_w * 0.42,
        foot_y - 8,
        fill=trousers,
        radius=leg_w / 2,
    )
    p.ellipse(cx - body_w * 0.42 + leg_w / 2 - 4 + facing * 6, foot_y - 6, leg_w * 0.7, 8, fill=INK)
    p.ellipse(cx + body_w * 0.42 - leg_w / 2 - 4 + facing * 6, foot_y - 6, leg_w * 0.7, 8, fill=INK)
    # arms (behind the body)
    arm_w = H * 0.07
    if arms == "down":
        for side in (-1, 1):
            ax = cx + side * body_w * 0.5
            p.line([(ax, shoulder_y + arm_w / 2), (ax + side * 8, hip_y + 10)], shirt, arm_w)
            p.circle(ax + side * 8, hip_y + 14, arm_w * 0.45, fill=skin)
    # body
    p.rect(cx - body_w / 2, shoulder_y, cx + body_w / 2, hip_y + 12, fill=shirt, radius=body_w * 0.3)
    # neck and head
    p.rect(
        cx - head_r * 0.35,
        head_y + head_r * 0.6,
        cx + head_r * 0.35,
        shoulder_y + 6,
        fill=_darker(skin, 0.12),
    )
    if hijab:
        p.ellipse(cx, head_y + head_r * 0.25, head_r * 1.3, head_r * 1.45, fill=hijab)
        p.polygon(
            [
                (cx - head_r * 1.25, head_y + head_r * 0.4),
                (cx + head_r * 1.25, head_y + head_r * 0.4),
                (cx + body_w * 0.55, shoulder_y + H * 0.1),
                (cx - body_w * 0.55, shoulder_y + H * 0.1),
            ],
            fill=hijab,
        )
        p.ellipse(cx + facing * head_r * 0.2, head_y + head_r * 0.1, head_r * 0.78, head_r * 0.9, fill=skin)
    else:
        p.circle(cx, head_y, head_r, fill=skin)
        p.pieslice(cx, head_y, head_r * 1.05, head_r * 1.05, 180, 360, fill=hair)
        p.rect(
            cx - head_r * 1.05,
            head_y - head_r * 0.2,
            cx - head_r * 0.6,
            head_y + head_r * 0.45,
            fill=hair,
            radius=4,
        )


def seated_torso(p: Painter, cx, table_y, size, skin, shirt, hair=HAIR, hijab=None, glasses=False):
    """Head and shoulders of someone sitting behind a table (table drawn afterwards)."""
    head_r = size * 0.2
    body_w = size * 0.78
    body_top = table_y - size * 0.62
    p.rect(cx - body_w / 2, body_top, cx + body_w / 2, table_y + 30, fill=shirt, radius=body_w * 0.35)
    head_y = body_top - head_r * 0.95
    p.rect(cx - head_r * 0.35, head_y, cx + head_r * 0.35, body_top + 8, fill=_darker(skin, 0.12))
    if hijab:
        p.ellipse(cx, head_y + head_r * 0.2, head_r * 1.3, head_r * 1.4, fill=hijab)
        p.polygon(
            [
                (cx - head_r * 1.25, head_y + head_r * 0.3),
                (cx + head_r * 1.25, head_y + head_r * 0.3),
                (cx + body_w * 0.45, body_top + size * 0.25),
                (cx - body_w * 0.45, body_top + size * 0.25),
            ],
            fill=hijab,
        )
        p.ellipse(cx, head_y + head_r * 0.05, head_r * 0.78, head_r * 0.9, fill=skin)
    else:
        p.circle(cx, head_y, head_r, fill=skin)
        p.pieslice(cx, head_y, head_r * 1.06, head_r * 1.06, 175, 365, fill=hair)
    if glasses:
        for side in (-1, 1):
            p.circle(cx + side * head_r * 0.38, head_y + head_r * 0.1, head_r * 0.26, outline=INK, width=3)
        p.line(
            [(cx - head_r * 0.12, head_y + head_r * 0.1), (cx + head_r * 0.12, head_y + head_r * 0.1)],
            INK,
            3,
            round_caps=False,
        )


def open_book(p: Painter, cx, cy, w, h, cover=RUST, page=PAPER, lines=True):
    """An open book seen from the front, pages slightly curved."""
    p.rect(cx - w / 2 - 8, cy - h / 2 + 6, cx + w / 2 + 8, cy + h / 2 + 10, fill=cover, radius=6)
    for side in (-1, 1):
        outer = cx + side * w / 2
        p.polygon(
            [(cx, cy - h / 2 + 14), (outer, cy - h / 2), (outer, cy + h / 2), (cx, cy + h / 2 + 4)], fill=page
        )
        if lines:
            for i in range(1, 6):
                ly = cy - h / 2 + i * h / 7
                x0 = cx + side * w * 0.08
                x1 = outer - side * w * 0.08
                p.line([(x0, ly + 6), (x1, ly)], GREY_LIGHT, max(2, h / 70), round_caps=False)
    p.line([(cx, cy - h / 2 + 14), (cx, cy + h / 2 + 4)], _darker(page, 0.15), 3, round_caps=False)


def closed_book(p: Painter, x, y, w, h, color, band=None):
    """A closed book lying flat, seen from the side: cover and page edges."""
    p.rect(x, y, x + w, y + h, fill=color, radius=4)
    p.rect(x + 10, y + h * 0.22, x + w - 4, y + h * 0.78, fill=PAPER, radius=2)
    p.rect(x, y, x + 14, y + h, fill=_darker(color, 0.15), radius=4)
    if band:
        p.rect(x + w * 0.35, y, x + w * 0.45, y + h, fill=band)


def calendar_page(p: Painter, x, y, w, h, month, day, weekday, color=RUST):
    """A tear-off calendar sheet with rings, month, big day and weekday."""
    p.rect(x + 10, y + 14, x + w + 10, y + h + 14, fill=_darker(SAND_DARK, 0.1), radius=22)
    p.rect(x, y, x + w, y + h, fill=PAPER, radius=22)
    band = h * 0.24
    p.rect(x, y, x + w, y + band, fill=color, radius=22)
    p.rect(x, y + band - 22, x + w, y + band, fill=color)
    for i in range(2):
        rx = x + w * (0.3 + 0.4 * i)
        p.rect(rx - 9, y - 26, rx + 9, y + 24, fill=GREY, radius=9)
    msize = p.fit_size(month, "sans-bold", w * 0.84, band * 0.42)
    p.text(x + w / 2, y + band / 2, month, msize, WHITE, "sans-bold", "mm")
    p.text(x + w / 2, y + band + (h - band) * 0.44, day, h * 0.42, INK, "display", "mm")
    wsize = p.fit_size(weekday, "sans-bold", w * 0.84, h * 0.085)
    p.text(x + w / 2, y + h - (h - band) * 0.14, weekday, wsize, color, "sans-bold", "mm")


def phone(p: Painter, x, y, w, h, body=INK, screen=PAPER):
    """A smartphone; returns the screen box (x0, y0, x1, y1)."""
    p.rect(x + 14, y + 18, x + w + 14, y + h + 18, fill=_darker(SAND_DARK, 0.12), radius=w * 0.14)
    p.rect(x, y, x + w, y + h, fill=body, radius=w * 0.14)
    m = w * 0.05
    box = (x + m, y + m * 2.2, x + w - m, y + h - m * 2.2)
    p.rect(*box, fill=screen, radius=w * 0.06)
    p.rect(x + w * 0.38, y + m * 0.8, x + w * 0.62, y + m * 1.4, fill=_lighter(body, 0.2), radius=6)
    return box


def padlock(p: Painter, cx, cy, size, body=GOLD, shackle=GREY):
    """A closed padlock centred on (cx, cy)."""
    bw, bh = size, size * 0.8
    p.arc(cx, cy - bh * 0.45, bw * 0.33, bw * 0.4, 180, 360, shackle, size * 0.11)
    p.rect(
        cx - bw * 0.33 - size * 0.055,
        cy - bh * 0.46,
        cx - bw * 0.33 + size * 0.055,
        cy - bh * 0.2,
        fill=shackle,
    )
    p.rect(
        cx + bw * 0.33 - size * 0.055,
        cy - bh * 0.46,
        cx + bw * 0.33 + size * 0.055,
        cy - bh * 0.2,
        fill=shackle,
    )
    p.rect(cx - bw / 2, cy - bh * 0.25, cx + bw / 2, cy + bh * 0.6, fill=body, radius=size * 0.1)
    p.circle(cx, cy + bh * 0.1, size * 0.09, fill=INK)
    p.polygon(
        [
            (cx - size * 0.04, cy + bh * 0.12),
            (cx + size * 0.04, cy + bh * 0.12),
            (cx + size * 0.06, cy + bh * 0.38),
            (cx - size * 0.06, cy + bh * 0.38),
        ],
        fill=INK,
    )


def shield(p: Painter, cx, cy, size, color=GREEN, check=WHITE):
    """A shield with a tick mark."""
    s = size
    p.polygon(
        [
            (cx, cy - s * 0.55),
            (cx + s * 0.45, cy - s * 0.38),
            (cx + s * 0.42, cy + s * 0.05),
            (cx, cy + s * 0.55),
            (cx - s * 0.42, cy + s * 0.05),
            (cx - s * 0.45, cy - s * 0.38),
        ],
        fill=color,
    )
    p.line(
        [(cx - s * 0.18, cy), (cx - s * 0.04, cy + s * 0.15), (cx + s * 0.2, cy - s * 0.15)], check, s * 0.09
    )


def warning_sign(p: Painter, cx, cy, size, color=GOLD):
    """A rounded warning triangle with an exclamation mark."""
    s = size
    pts = [(cx, cy - s * 0.5), (cx + s * 0.55, cy + s * 0.45), (cx - s * 0.55, cy + s * 0.45)]
    p.polygon(pts, fill=color)
    for a, b in zip(pts, pts[1:] + pts[:1], strict=False):
        p.line([a, b], color, s * 0.12)
    p.line([(cx, cy - s * 0.18), (cx, cy + s * 0.14)], INK, s * 0.09)
    p.circle(cx, cy + s * 0.3, s * 0.055, fill=INK)


def magnifier(p: Painter, cx, cy, r, rim=RUST, glass=SKY, handle=WOOD_DARK):
    """A magnifying glass; the handle points down-right."""
    d = r * 0.72
    p.line([(cx + d, cy + d), (cx + d + r * 0.8, cy + d + r * 0.8)], handle, r * 0.3)
    p.circle(cx, cy, r, fill=rim)
    p.circle(cx, cy, r * 0.8, fill=glass)
    p.arc(cx, cy, r * 0.6, r * 0.6, 200, 260, WHITE, r * 0.09)


def speech_bubble(p: Painter, x, y, w, h, color, tail="left", lines=0, line_color=WHITE):
    """A rounded speech bubble, optionally with placeholder text lines."""
    p.rect(x, y, x + w, y + h, fill=color, radius=min(h / 2, 28))
    if tail == "left":
        p.polygon([(x + 24, y + h - 6), (x + 60, y + h - 6), (x + 8, y + h + 28)], fill=color)
    elif tail == "right":
        p.polygon([(x + w - 24, y + h - 6), (x + w - 60, y + h - 6), (x + w - 8, y + h + 28)], fill=color)
    for i in range(lines):
        ly = y + h * (i + 1) / (lines + 1)
        lw = w * (0.72 if i < lines - 1 else 0.45)
        p.line([(x + w * 0.14, ly), (x + w * 0.14 + lw * 0.9, ly)], line_color, 8)


def heart(p: Painter, cx, cy, s, color=RED):
    p.circle(cx - s * 0.25, cy - s * 0.1, s * 0.28, fill=color)
    p.circle(cx + s * 0.25, cy - s * 0.1, s * 0.28, fill=color)
    p.polygon(
        [(cx - s * 0.52, cy - s * 0.02), (cx + s * 0.52, cy - s * 0.02), (cx, cy + s * 0.55)], fill=color
    )


def star(p: Painter, cx, cy, r, color=GOLD, points=5):
    pts = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / points * i - math.pi / 2
        pts.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    p.polygon(pts, fill=color)


def wifi(p: Painter, cx, cy, r, color=GREEN):
    for _i, k in enumerate((1.0, 0.68, 0.36)):
        p.arc(cx, cy, r * k, r * k, 225, 315, color, r * 0.12)
    p.circle(cx, cy - r * 0.02, r * 0.1, fill=color)


def laptop(p: Painter, x, y, w, h, body=GREY, screen=PAPER):
    """A laptop seen from the front; returns the screen box."""
    p.rect(x, y, x + w, y + h, fill=INK, radius=18)
    box = (x + 18, y + 18, x + w - 18, y + h - 18)
    p.rect(*box, fill=screen, radius=6)
    p.polygon(
        [(x - 60, y + h + 40), (x + w + 60, y + h + 40), (x + w + 20, y + h), (x - 20, y + h)],
        fill=_lighter(body, 0.35),
    )
    p.rect(x - 60, y + h + 36, x + w + 60, y + h + 52, fill=body, radius=8)
    return box


def barcode(p: Painter, x, y, w, h, rng: random.Random, color=INK):
    bx = x
    while bx < x + w - 4:
        bw = rng.choice((2, 2, 3, 4, 6))
        p.rect(bx, y, bx + bw, y + h, fill=color)
        bx += bw + rng.choice((2, 3, 4))


def hills(p: Painter, base_y, colors=(GREEN_LIGHT, GREEN_MID)):
    """Rolling hills like those around the Mongondow valley."""
    w = p.w
    far = (
        [(0, base_y)]
        + [(x, base_y - 120 - 60 * math.sin(x / 210) - 30 * math.sin(x / 73)) for x in range(0, w + 20, 20)]
        + [(w, base_y)]
    )
    p.polygon(far, fill=colors[0])
    near = (
        [(0, base_y)]
        + [(x, base_y - 50 - 40 * math.sin(x / 160 + 1.7)) for x in range(0, w + 20, 20)]
        + [(w, base_y)]
    )
    p.polygon(near, fill=colors[1])


def palm(p: Painter, x, base, height, trunk=WOOD, leaf=GREEN):
    """A coconut palm."""
    top = (x + height * 0.12, base - height)
    p.line([(x, base), (x + height * 0.05, base - height * 0.5), top], trunk, height * 0.06)
    for angle in (200, 235, 270, 305, 340, 160):
        rad = math.radians(angle)
        end = (top[0] + math.cos(rad) * height * 0.38, top[1] + math.sin(rad) * height * 0.2 + height * 0.12)
        _leaf(p, top[0], top[1], end[0], end[1], height * 0.05, leaf)
    p.circle(top[0] - 6, top[1] + 12, height * 0.035, fill=WOOD_DARK)
    p.circle(top[0] + 10, top[1] + 14, height * 0.035, fill=WOOD_DARK)


def chip(p: Painter, x, y, label, size=30, fill=GREEN, color=WHITE):
    """A rounded label with text; returns its right edge."""
    tw = p.text_width(label, size, "sans-bold")
    p.rect(x, y, x + tw + size * 1.4, y + size * 1.9, fill=fill, radius=size * 0.95)
    p.text(x + size * 0.7, y + size * 0.95, label, size, color, "sans-bold", "lm")
    return x + tw + size * 1.4


# --- Event illustrations ----------------------------------------------------------
def event_book_discussion() -> Image.Image:
    p = Painter(1600, 900)
    rng = random.Random(11)
    room(p, floor_y=720)
    bookshelf(p, 760, 70, 760, 560, rng, rows=4)
    # a rainbow poster for Laskar Pelangi
    p.rect(90, 90, 520, 400, fill=PAPER, radius=10)
    for i, color in enumerate((RUST, RUST_MID, GOLD, GREEN_MID, BLUE)):
        p.arc(305, 360, 170 - i * 26, 170 - i * 26, 180, 360, color, 24)
    p.text(305, 378, "Laskar Pelangi", 30, INK, "serif-bold", "mm")
    # the table and the three readers
    seated_torso(p, 620, 640, 210, SKINS[0], GREEN, hijab=RUST_LIGHT)
    seated_torso(p, 880, 640, 220, SKINS[3], RUST, glasses=True)
    seated_torso(p, 1140, 640, 210, SKINS[2], BLUE)
    p.rect(450, 620, 1320, 668, fill=WOOD, radius=14)
    p.rect(500, 668, 530, 840, fill=WOOD_DARK)
    p.rect(1240, 668, 1270, 840, fill=WOOD_DARK)
    open_book(p, 620, 596, 150, 58, cover=GOLD)
    open_book(p, 880, 596, 150, 58, cover=GREEN)
    open_book(p, 1140, 596, 150, 58, cover=RUST)
    closed_book(p, 1210, 594, 100, 26, PLUM)
    # calendar with the date
    calendar_page(p, 110, 460, 270, 300, "DESEMBER 2026", "5", "SABTU")
    plant(p, 1450, 830, 1.0)
    return p.result()


def event_writing_class() -> Image.Image:
    """A top-down desk: open notebook, pen, tea and a date card."""
    p = Painter(1600, 900, background=GREEN)
    for i in range(0, 1700, 90):
        p.line([(i, 0), (i - 400, 900)], "#0e6652", 30, round_caps=False)
    # notebook
    p.rect(370, 150, 1170, 770, fill=_darker(SAND_DARK, 0.15), radius=20)
    p.rect(350, 130, 1150, 750, fill=RUST, radius=20)
    for left in (True, False):
        x0 = 372 if left else 752
        p.rect(x0, 150, x0 + 376, 730, fill=PAPER, radius=8)
        for row in range(11):
            y = 215 + row * 45
            p.line([(x0 + 24, y), (x0 + 352, y)], BLUE_LIGHT, 2, round_caps=False)
        if left:
            p.line([(x0 + 64, 165), (x0 + 64, 718)], RUST_LIGHT, 2, round_caps=False)
            p.text(x0 + 80, 170, "Cerpen pertamaku", 30, GREEN, "serif-italic")
    # handwriting, as gentle waves
    for row in range(8):
        y = 240 + row * 45
        x_start, x_end = 452, 1080 if row < 7 else 900
        points = [(x, y - 8 + 6 * math.sin(x / 9 + row)) for x in range(x_start, x_end, 4)]
        gap = (732, 790)
        left = [pt for pt in points if pt[0] < gap[0]]
        right = [pt for pt in points if pt[0] > gap[1]]
        for part in (left, right):
            if len(part) > 2:
                p.line(part, INK, 3)
    p.line([(752, 148), (752, 732)], _darker(PAPER, 0.12), 4, round_caps=False)
    # pen
    p.line([(1010, 690), (1290, 380)], GOLD, 26)
    p.polygon([(1001, 700), (1020, 681), (985, 720)], fill=INK)
    p.line([(1240, 435), (1290, 380)], INK, 26)
    # cup of tea
    p.circle(1370, 690, 110, fill=PAPER)
    p.circle(1370, 690, 88, fill="#b0652f")
    p.arc(1370, 690, 70, 70, 200, 250, "#d1864d", 10)
    p.rect(1470, 670, 1530, 710, fill=PAPER, radius=20)
    # date card
    calendar_page(p, 1240, 110, 240, 240, "DESEMBER", "12", "SABTU", color=RUST)
    # sticky notes
    p.rect(110, 160, 290, 340, fill=GOLD_PALE, radius=6)
    p.text(200, 230, "Tokoh", 30, INK, "serif-bold", "mm")
    p.text(200, 275, "Latar", 30, INK, "serif-bold", "mm")
    p.rect(130, 420, 290, 580, fill=RUST_PALE, radius=6)
    p.text(210, 480, "Konflik", 28, INK, "serif-bold", "mm")
    p.text(210, 522, "Akhir", 28, INK, "serif-bold", "mm")
    return p.result()


def event_instagram_live() -> Image.Image:
    p = Painter(1600, 900, background=RUST_PALE)
    p.circle(800, 450, 380, fill=_lighter(RUST_LIGHT, 0.35))
    # question bubbles on the left
    for x, y, s, color in ((180, 170, 140, GREEN), (330, 430, 110, RUST), (150, 600, 90, GOLD)):
        p.rect(x - s / 2, y - s / 2, x + s / 2, y + s / 2, fill=color, radius=s * 0.3)
        p.polygon(
            [(x - s * 0.3, y + s * 0.45), (x - s * 0.05, y + s * 0.45), (x - s * 0.4, y + s * 0.75)],
            fill=color,
        )
        p.text(x, y + 2, "?", s * 0.62, WHITE, "sans-bold", "mm")
    # the phone with a live broadcast
    x0, y0, x1, y1 = phone(p, 620, 70, 360, 740)
    p.rect(x0, y0, x1, y1, fill=GREEN_PALE, radius=22)
    p.circle(800, 370, 120, fill=GREEN_LIGHT)
    seated_torso(p, 800, 560, 230, SKINS[0], GREEN, hijab=RUST)
    p.rect(x0, 560, x1, y1, fill=GREEN, radius=0)
    p.rect(x0, y1 - 30, x1, y1, fill=GREEN, radius=22)
    p.rect(x0 + 20, y0 + 20, x0 + 120, y0 + 62, fill=RED, radius=8)
    p.text(x0 + 70, y0 + 42, "LIVE", 24, WHITE, "sans-bold", "mm")
    for i in range(3):
        speech_bubble(p, x0 + 20, 590 + i * 58, 220 - i * 40, 42, _lighter(GREEN, 0.25), tail=None)
        p.circle(x0 + 42, 611 + i * 58, 12, fill=GOLD_PALE)
        p.line([(x0 + 64, 611 + i * 58), (x0 + 180 - i * 40, 611 + i * 58)], WHITE, 7)
    # floating hearts
    for x, y, s in ((1050, 560, 70), (1110, 440, 52), (1060, 330, 40), (1140, 240, 30)):
        heart(p, x, y, s, RED if s > 45 else RUST_MID)
    # date and time card
    p.rect(1200, 560, 1500, 760, fill=PAPER, radius=24)
    p.text(1350, 615, "KAMIS, 17 DES", 34, RUST, "sans-bold", "mm")
    p.text(1350, 690, "19.30 WITA", 52, INK, "display", "mm")
    return p.result()


def event_video_class() -> Image.Image:
    p = Painter(1600, 900)
    room(p, floor_y=690)
    # ring light and phone on a tripod
    p.line([(470, 420), (380, 860)], INK, 14)
    p.line([(470, 420), (560, 860)], INK, 14)
    p.line([(470, 420), (470, 860)], INK, 14)
    p.circle(470, 300, 150, fill=GOLD_PALE)
    p.circle(470, 300, 150, outline=GOLD, width=26)
    phone(p, 410, 180, 120, 230, body=INK, screen=SKY)
    p.circle(470, 290, 22, fill=RED)
    # the table with local products being filmed
    p.rect(820, 560, 1480, 610, fill=WOOD, radius=12)
    p.rect(870, 610, 900, 860, fill=WOOD_DARK)
    p.rect(1400, 610, 1430, 860, fill=WOOD_DARK)
    # coffee bags
    for _i, (x, color) in enumerate(((880, RUST), (1010, GREEN))):
        p.polygon([(x, 560), (x + 110, 560), (x + 100, 380), (x + 10, 380)], fill=color)
        p.rect(x + 5, 370, x + 105, 395, fill=_darker(color, 0.2), radius=4)
        p.rect(x + 25, 430, x + 85, 500, fill=PAPER, radius=6)
        p.circle(x + 55, 465, 18, fill=WOOD_DARK)
    # a woven basket with fruit
    p.pieslice(1250, 520, 130, 90, 0, 180, fill=GOLD)
    for i in range(6):
        p.line([(1130 + i * 45, 525), (1150 + i * 40, 600)], _darker(GOLD, 0.2), 4)
    for x, y, color in (
        (1180, 505, RUST_MID),
        (1240, 490, GREEN_MID),
        (1300, 505, RUST_MID),
        (1210, 470, GOLD),
        (1275, 462, RED),
    ):
        p.circle(x, y, 34, fill=color)
    # clapperboard
    p.rect(1160, 150, 1440, 330, fill=INK, radius=8)
    p.polygon([(1160, 110), (1440, 60), (1448, 108), (1168, 158)], fill=INK)
    for i in range(5):
        x = 1180 + i * 56
        p.polygon(
            [
                (x, 150 - (x - 1160) * 0.18 - 2),
                (x + 24, 146 - (x - 1160) * 0.18 - 4),
                (x + 44, 106 - (x - 1160) * 0.18 + 8),
                (x + 20, 110 - (x - 1160) * 0.18 + 10),
            ],
            fill=PAPER,
        )
    for i in range(3):
        p.line([(1190, 200 + i * 40), (1410, 200 + i * 40)], GREY, 5)
    # play button bubble
    p.circle(700, 160, 70, fill=RUST)
    p.polygon([(680, 125), (680, 195), (738, 160)], fill=WHITE)
    return p.result()


def event_art_exhibition() -> Image.Image:
    p = Painter(1600, 900)
    room(p, wall="#f6eee0", floor_y=700, blobs=False)
    p.rect(0, 0, 1600, 40, fill=SAND_DARK)
    # spotlights
    for x in (330, 800, 1270):
        p.rect(x - 8, 40, x + 8, 80, fill=INK)
        p.polygon([(x - 24, 80), (x + 24, 80), (x + 14, 110), (x - 14, 110)], fill=INK)
        p.polygon([(x - 14, 110), (x + 14, 110), (x + 220, 600), (x - 220, 600)], fill="#fbf3e3")

    def frame(x, y, w, h):
        p.rect(x - 22, y - 22, x + w + 22, y + h + 22, fill=WOOD_DARK, radius=4)
        p.rect(x - 10, y - 10, x + w + 10, y + h + 10, fill=GOLD_PALE)

    # painting 1: a lake between hills
    frame(180, 170, 300, 360)
    p.rect(180, 170, 480, 530, fill=SKY)
    p.circle(400, 250, 40, fill=GOLD)
    p.polygon(
        [(180, 420), (260, 300), (340, 400), (410, 320), (480, 410), (480, 530), (180, 530)], fill=GREEN_MID
    )
    p.rect(180, 440, 480, 530, fill=BLUE)
    p.arc(330, 480, 90, 12, 0, 180, BLUE_LIGHT, 4)
    # painting 2: palms at sunset
    frame(620, 150, 360, 400)
    p.rect(620, 150, 980, 550, fill=RUST_LIGHT)
    p.rect(620, 150, 980, 300, fill=RUST_MID)
    p.circle(800, 380, 80, fill=GOLD)
    p.rect(620, 440, 980, 550, fill=RUST_DARK)
    palm(p, 700, 470, 240, trunk=INK, leaf=INK)
    palm(p, 890, 480, 180, trunk=INK, leaf=INK)
    # painting 3: abstract Mongondow-inspired motif
    frame(1120, 180, 300, 340)
    p.rect(1120, 180, 1420, 520, fill=GREEN)
    for i in range(4):
        y = 210 + i * 80
        for j in range(4):
            x = 1150 + j * 70
            p.polygon(
                [(x, y + 30), (x + 30, y), (x + 60, y + 30), (x + 30, y + 60)],
                fill=(GOLD if (i + j) % 2 else RUST_LIGHT),
            )
    # visitors
    person(p, 560, 830, 330, SKINS[1], GREEN, trousers=INK, hijab=GOLD)
    person(p, 1010, 840, 350, SKINS[0], RUST, trousers="#3b3f52")
    person(p, 1140, 840, 250, SKINS[2], BLUE, trousers=INK)
    # bench
    p.rect(180, 740, 420, 770, fill=WOOD, radius=6)
    p.rect(200, 770, 220, 850, fill=WOOD_DARK)
    p.rect(380, 770, 400, 850, fill=WOOD_DARK)
    return p.result()


def event_storytelling() -> Image.Image:
    p = Painter(1600, 900, background="#efe4f0")
    rng = random.Random(23)
    p.rect(0, 0, 1600, 900, fill="#f4ebdd")
    bookshelf(p, 60, 80, 420, 560, rng, rows=4)
    bookshelf(p, 1120, 80, 420, 560, rng, rows=4)
    # bunting
    points = [(480, 90), (800, 150), (1120, 90)]
    p.line(points, GREY, 3)
    for i in range(9):
        t = i / 8
        x = 500 + t * 600
        y = 90 + 60 * math.sin(math.pi * t) + 4
        color = (RUST, GOLD, GREEN_MID)[i % 3]
        p.polygon([(x - 24, y), (x + 24, y), (x, y + 46)], fill=color)
    p.rect(0, 640, 1600, 900, fill=SAND)
    # mat
    p.ellipse(800, 780, 620, 110, fill=GREEN_MID)
    p.ellipse(800, 780, 580, 92, fill=GREEN)
    # storyteller on a stool with a big picture book
    person(p, 800, 720, 420, SKINS[0], RUST, trousers=RUST_DARK, hijab=GREEN_LIGHT)
    p.rect(660, 430, 940, 610, fill=GOLD, radius=10)
    p.rect(672, 442, 796, 598, fill=SKY, radius=4)
    p.rect(804, 442, 928, 598, fill=SKY, radius=4)
    p.circle(734, 490, 26, fill=GOLD)
    p.polygon([(672, 598), (720, 520), (760, 570), (796, 530), (796, 598)], fill=GREEN_MID)
    p.polygon([(820, 560), (866, 500), (912, 560)], fill=RUST_MID)
    p.rect(830, 560, 902, 598, fill=PAPER)
    p.rect(856, 572, 876, 598, fill=WOOD)

    # children sitting on the mat, seen from behind
    def child_back(cx, base, size, shirt, hair=HAIR, hijab=None):
        p.ellipse(cx, base - size * 0.1, size * 0.55, size * 0.16, fill=_darker(shirt, 0.2))
        p.rect(
            cx - size * 0.35,
            base - size * 0.75,
            cx + size * 0.35,
            base - size * 0.05,
            fill=shirt,
            radius=size * 0.25,
        )
        head_y = base - size * 0.95
        if hijab:
            p.ellipse(cx, head_y + size * 0.04, size * 0.28, size * 0.3, fill=hijab)
            p.polygon(
                [
                    (cx - size * 0.27, head_y + size * 0.05),
                    (cx + size * 0.27, head_y + size * 0.05),
                    (cx + size * 0.34, base - size * 0.55),
                    (cx - size * 0.34, base - size * 0.55),
                ],
                fill=hijab,
            )
        else:
            p.circle(cx, head_y, size * 0.25, fill=hair)

    child_back(470, 850, 210, BLUE)
    child_back(690, 880, 230, GOLD, hijab=RUST_LIGHT)
    child_back(930, 880, 220, RUST_MID)
    child_back(1150, 850, 200, PLUM, hair="#3a2a20")
    # stars and a moon above
    for x, y, r in ((560, 260, 26), (1060, 300, 22), (620, 380, 14), (990, 390, 16)):
        star(p, x, y, r, GOLD)
    p.circle(1010, 220, 46, fill=GOLD_PALE)
    p.circle(1032, 206, 40, fill="#f4ebdd")
    return p.result()


# --- Tutorial illustrations ---------------------------------------------------------
def tutorial_membership() -> Image.Image:
    p = Painter(1600, 900, background=GREEN_PALE)
    rng = random.Random(5)
    p.circle(1350, 160, 230, fill=_lighter(GREEN_LIGHT, 0.4))
    p.circle(200, 800, 260, fill=_lighter(GREEN_LIGHT, 0.4))
    # form on a clipboard
    p.rect(160, 150, 600, 790, fill=WOOD, radius=20)
    p.rect(190, 190, 570, 770, fill=PAPER, radius=8)
    p.rect(300, 130, 460, 200, fill=GREY, radius=14)
    p.text(380, 250, "FORMULIR", 34, GREEN, "sans-bold", "mm")
    for i in range(5):
        y = 320 + i * 85
        p.rect(220, y - 22, 264, y + 22, fill=WHITE, outline=GREEN, width=4, radius=6)
        p.line([(229, y), (240, y + 12), (258, y - 12)], RUST, 6)
        p.line([(290, y), (540 - (i % 2) * 70, y)], GREY_LIGHT, 10)
    # member card
    cx0, cy0, cx1, cy1 = 700, 230, 1400, 660
    p.rect(cx0 + 16, cy0 + 22, cx1 + 16, cy1 + 22, fill=_darker(GREEN_LIGHT, 0.2), radius=34)
    p.rect(cx0, cy0, cx1, cy1, fill=GREEN, radius=34)
    p.rect(cx0, cy0 + 300, cx1, cy1, fill=GREEN_DARK, radius=34)
    p.rect(cx0, cy0 + 300, cx1, cy0 + 340, fill=GREEN_DARK)
    p.text(cx0 + 48, cy0 + 62, "KARTU ANGGOTA", 46, WHITE, "sans-bold", "lm")
    p.text(cx0 + 48, cy0 + 116, "PERPUSTAKAAN KOTA KOTAMOBAGU", 25, GOLD_PALE, "sans-bold", "lm")
    p.rect(cx0 + 48, cy0 + 160, cx0 + 198, cy0 + 330, fill=GREEN_PALE, radius=12)
    p.circle(cx0 + 123, cy0 + 222, 36, fill=SKINS[1])
    p.pieslice(cx0 + 123, cy0 + 222, 38, 38, 180, 360, fill=HAIR)
    p.rect(cx0 + 73, cy0 + 266, cx0 + 173, cy0 + 330, fill=RUST, radius=30)
    for i, width in enumerate((300, 240, 270)):
        p.line(
            [(cx0 + 240, cy0 + 190 + i * 42), (cx0 + 240 + width, cy0 + 190 + i * 42)],
            _lighter(GREEN, 0.45),
            12,
        )
    p.rect(cx0 + 240, cy0 + 345, cx0 + 640, cy0 + 415, fill=WHITE, radius=8)
    barcode(p, cx0 + 260, cy0 + 355, 360, 50, rng)
    # pen
    p.line([(1250, 800), (1480, 640)], RUST, 22)
    p.polygon([(1243, 806), (1262, 790), (1226, 818)], fill=INK)
    star(p, 1480, 500, 30, GOLD)
    star(p, 660, 160, 22, GOLD)
    return p.result()


def tutorial_catalogue() -> Image.Image:
    p = Painter(1600, 900)
    room(p, floor_y=760)
    x0, y0, x1, y1 = laptop(p, 380, 120, 840, 540)
    p.rect(x0, y0, x1, y0 + 50, fill=GREEN, radius=6)
    for i, color in enumerate((RUST_LIGHT, GOLD, GREEN_LIGHT)):
        p.circle(x0 + 28 + i * 30, y0 + 25, 9, fill=color)
    p.text(x0 + 140, y0 + 25, "Katalog Daring", 24, WHITE, "sans-bold", "lm")
    # search box with a query
    p.rect(x0 + 40, y0 + 80, x1 - 160, y0 + 140, fill=WHITE, outline=GREEN, width=4, radius=12)
    p.text(x0 + 62, y0 + 110, "Laskar Pelangi", 28, INK, "sans", "lm")
    p.rect(x1 - 145, y0 + 80, x1 - 40, y0 + 140, fill=RUST, radius=12)
    p.text(x1 - 92, y0 + 110, "Cari", 26, WHITE, "sans-bold", "mm")
    # result rows
    for i, color in enumerate((GOLD, GREEN_MID, RUST_LIGHT)):
        y = y0 + 170 + i * 100
        p.rect(x0 + 40, y, x1 - 40, y + 84, fill=CREAM, radius=10)
        p.rect(x0 + 56, y + 10, x0 + 106, y + 74, fill=color, radius=4)
        p.line([(x0 + 130, y + 28), (x0 + 130 + 360 - i * 60, y + 28)], INK, 10)
        p.line([(x0 + 130, y + 56), (x0 + 130 + 220, y + 56)], GREY_LIGHT, 10)
        p.rect(x1 - 190, y + 24, x1 - 60, y + 60, fill=GREEN_PALE, radius=18)
        p.text(
            x1 - 125,
            y + 42,
            "Tersedia" if i != 1 else "Dipinjam",
            20,
            GREEN if i != 1 else RUST,
            "sans-bold",
            "mm",
        )
    magnifier(p, 1290, 300, 110)
    # books on the floor
    closed_book(p, 120, 690, 230, 40, RUST)
    closed_book(p, 140, 650, 200, 40, GREEN)
    closed_book(p, 130, 612, 210, 38, GOLD)
    plant(p, 1460, 790, 0.9)
    return p.result()


def tutorial_ebook() -> Image.Image:
    p = Painter(1600, 900, background=SKY)
    p.circle(800, 470, 360, fill=_lighter(BLUE_LIGHT, 0.35))
    # cloud
    for cx, cy, r in ((330, 230, 80), (410, 190, 100), (500, 230, 80), (420, 260, 70)):
        p.circle(cx, cy, r, fill=WHITE)
    p.rect(250, 230, 580, 310, fill=WHITE, radius=40)
    p.line([(415, 300), (415, 430)], GREEN, 18)
    p.polygon([(375, 410), (455, 410), (415, 460)], fill=GREEN)
    # phone with an e-book page
    x0, y0, x1, y1 = phone(p, 640, 90, 340, 720)
    p.rect(x0, y0, x1, y0 + 70, fill=GREEN, radius=20)
    p.rect(x0, y0 + 40, x1, y0 + 70, fill=GREEN)
    p.text((x0 + x1) / 2, y0 + 38, "Buku Elektronik", 24, WHITE, "sans-bold", "mm")
    p.text(x0 + 30, y0 + 110, "Bab 1", 30, RUST, "serif-bold", "lm")
    for i in range(11):
        y = y0 + 160 + i * 38
        p.line([(x0 + 30, y), (x1 - 30 - (60 if i % 4 == 3 else 0), y)], GREY_LIGHT, 8)
    p.rect(x0 + 30, y1 - 70, x1 - 30, y1 - 56, fill=GREY_LIGHT, radius=7)
    p.rect(x0 + 30, y1 - 70, x0 + 150, y1 - 56, fill=RUST, radius=7)
    # books flying towards the phone
    for x, y, color, angle in ((1130, 250, RUST, -12), (1230, 420, GOLD, 8), (1120, 590, GREEN_MID, -4)):
        rad = math.radians(angle)
        w, h = 130, 170
        corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
        pts = [
            (x + cx * math.cos(rad) - cy * math.sin(rad), y + cx * math.sin(rad) + cy * math.cos(rad))
            for cx, cy in corners
        ]
        p.polygon(pts, fill=color)
        inner = [
            (
                x + cx * 0.7 * math.cos(rad) - (cy * 0.15 - h * 0.15) * math.sin(rad),
                y + cx * 0.7 * math.sin(rad) + (cy * 0.15 - h * 0.15) * math.cos(rad),
            )
            for cx, cy in corners
        ]
        p.polygon(inner, fill=PAPER)
        for k in range(3):
            p.line([(x + 95, y - 30 + k * 30), (x + 150 - k * 15, y - 30 + k * 30)], WHITE, 7)
    star(p, 1400, 150, 26, GOLD)
    star(p, 230, 640, 30, GOLD)
    return p.result()


# --- Digital-literacy illustrations ---------------------------------------------------
def literacy_password() -> Image.Image:
    p = Painter(1600, 900, background=GREEN)
    p.circle(800, 450, 400, fill=GREEN_MID)
    p.circle(800, 450, 300, fill=_lighter(GREEN_MID, 0.15))
    x0, y0, x1, y1 = phone(p, 630, 80, 340, 740, body=INK, screen=PAPER)
    padlock(p, 800, 300, 170, body=GOLD, shackle=GREY)
    p.text(800, 470, "Kata sandi", 30, INK, "sans-bold", "mm")
    p.rect(x0 + 30, 510, x1 - 30, 580, fill=CREAM, outline=GREEN, width=4, radius=14)
    for i in range(8):
        p.circle(800 - 3.5 * 27 + i * 27, 545, 9, fill=INK)
    p.rect(x0 + 30, 610, x1 - 30, 670, fill=RUST, radius=14)
    p.text(800, 640, "Masuk", 28, WHITE, "sans-bold", "mm")
    # strength meter
    for i, color in enumerate((RED, GOLD, GREEN_MID, GREEN)):
        p.rect(x0 + 30 + i * 72, 690, x0 + 92 + i * 72, 704, fill=color, radius=7)
    shield(p, 1230, 330, 240, color=RUST)
    # key
    p.circle(360, 620, 70, fill=GOLD)
    p.circle(360, 620, 30, fill=GREEN)
    p.line([(420, 580), (560, 480)], GOLD, 30, round_caps=False)
    p.line([(520, 508), (548, 548)], GOLD, 22, round_caps=False)
    p.line([(480, 536), (502, 566)], GOLD, 22, round_caps=False)
    for x, y in ((300, 200), (1360, 650), (1450, 170)):
        star(p, x, y, 20, GOLD_PALE)
    return p.result()


def literacy_phishing() -> Image.Image:
    p = Painter(1600, 900, background=GOLD_PALE)
    p.circle(820, 470, 390, fill=_lighter(GOLD, 0.55))
    # envelope hanging on a fishing hook
    p.rect(930, 350, 1190, 520, fill=PAPER, radius=10)
    p.polygon([(930, 360), (1190, 360), (1060, 450)], fill=RUST_PALE)
    p.line([(930, 360), (1060, 450), (1190, 360)], RUST, 6)
    p.text(1060, 490, "HADIAH!", 30, RUST, "sans-bold", "mm")
    p.line([(1090, 0), (1090, 340)], GREY, 5, round_caps=False)
    p.arc(1060, 340, 30, 36, 0, 180, GREY, 10)
    p.line([(1030, 340), (1030, 318)], GREY, 10)
    # phone with a suspicious message
    x0, y0, x1, y1 = phone(p, 430, 80, 380, 760)
    p.rect(x0, y0, x1, y0 + 80, fill=GREEN, radius=22)
    p.rect(x0, y0 + 50, x1, y0 + 80, fill=GREEN)
    p.circle(x0 + 46, y0 + 40, 22, fill=GREY_LIGHT)
    p.text(x0 + 82, y0 + 40, "Nomor tak dikenal", 22, WHITE, "sans-bold", "lm")
    p.rect(x0 + 20, y0 + 110, x1 - 40, y0 + 390, fill=WHITE, radius=18)
    lines = ["Selamat! Anda", "menang hadiah", "Rp10.000.000.", "Klik tautan ini:"]
    for i, text in enumerate(lines):
        p.text(x0 + 44, y0 + 150 + i * 44, text, 26, INK, "sans", "lm")
    p.text(x0 + 44, y0 + 330, "hadiah-b4nk.xyz", 26, BLUE, "sans-bold", "lm")
    p.line([(x0 + 44, y0 + 350), (x0 + 270, y0 + 350)], BLUE, 3, round_caps=False)
    warning_sign(p, 620, 650, 170)
    # a do-not-click hand sign
    p.circle(1240, 700, 90, fill=RED)
    p.circle(1240, 700, 64, fill=WHITE)
    p.line([(1195, 655), (1285, 745)], RED, 22, round_caps=False)
    return p.result()


def literacy_two_step() -> Image.Image:
    p = Painter(1600, 900, background=CREAM)
    p.circle(1200, 400, 360, fill=GREEN_PALE)
    p.circle(300, 760, 240, fill=RUST_PALE)
    x0, y0, x1, y1 = laptop(p, 120, 170, 640, 420)
    p.text((x0 + x1) / 2, y0 + 70, "Masuk ke akun", 34, INK, "sans-bold", "mm")
    for i, label in enumerate(("Nama pengguna", "Kata sandi")):
        y = y0 + 120 + i * 90
        p.rect(x0 + 60, y, x1 - 60, y + 60, fill=WHITE, outline=GREY_LIGHT, width=4, radius=10)
        p.text(x0 + 80, y + 30, label, 22, GREY, "sans", "lm")
    p.rect(x0 + 60, y0 + 310, x1 - 60, y0 + 366, fill=GREEN, radius=10)
    p.text((x0 + x1) / 2, y0 + 338, "Lanjut", 26, WHITE, "sans-bold", "mm")
    # arrow to the phone
    p.line([(840, 400), (960, 400)], RUST, 16)
    p.polygon([(955, 370), (1000, 400), (955, 430)], fill=RUST)
    x0, y0, x1, y1 = phone(p, 1040, 110, 330, 680)
    p.text((x0 + x1) / 2, y0 + 90, "Kode masuk Anda", 26, INK, "sans-bold", "mm")
    first = (x0 + x1) / 2 - (6 * 42 - 6) / 2
    for i, digit in enumerate("482913"):
        bx = first + i * 42
        p.rect(bx, y0 + 150, bx + 36, y0 + 214, fill=GREEN_PALE, radius=8)
        p.text(bx + 18, y0 + 182, digit, 32, GREEN, "display", "mm")
    p.text((x0 + x1) / 2, y0 + 260, "Jangan berikan", 22, RUST, "sans-bold", "mm")
    p.text((x0 + x1) / 2, y0 + 292, "kepada siapa pun", 22, RUST, "sans-bold", "mm")
    shield(p, (x0 + x1) / 2, y0 + 430, 180, color=GREEN)
    return p.result()


def literacy_check_before_sharing() -> Image.Image:
    p = Painter(1600, 900, background=RUST_PALE)
    p.circle(800, 460, 380, fill=_lighter(RUST_LIGHT, 0.45))
    # news card on a phone
    x0, y0, x1, y1 = phone(p, 560, 80, 400, 760)
    p.rect(x0 + 20, y0 + 30, x1 - 20, y0 + 260, fill=SAND, radius=14)
    hills_pts = [
        (x0 + 20, y0 + 260),
        (x0 + 110, y0 + 140),
        (x0 + 190, y0 + 220),
        (x0 + 270, y0 + 120),
        (x1 - 20, y0 + 230),
        (x1 - 20, y0 + 260),
    ]
    p.polygon(hills_pts, fill=GREEN_MID)
    p.circle(x1 - 80, y0 + 90, 30, fill=GOLD)
    p.text(x0 + 26, y0 + 300, "BERITA HEBOH!!!", 30, RED, "sans-bold", "lm")
    for i in range(6):
        y = y0 + 360 + i * 40
        p.line([(x0 + 30, y), (x1 - 30 - (80 if i == 5 else 0), y)], GREY_LIGHT, 10)
    p.rect(x0 + 26, y1 - 90, x0 + 180, y1 - 36, fill=GREY_LIGHT, radius=26)
    p.text(x0 + 103, y1 - 63, "Bagikan", 22, GREY, "sans-bold", "mm")
    magnifier(p, 900, 610, 120, rim=GREEN)
    # checklist
    p.rect(1090, 180, 1470, 720, fill=PAPER, radius=20)
    p.rect(1210, 155, 1350, 205, fill=GREY, radius=12)
    items = (("Sumber", True), ("Tanggal", True), ("Isi berita", True), ("Judul heboh", False))
    for i, (label, ok) in enumerate(items):
        y = 280 + i * 110
        color = GREEN if ok else RED
        p.circle(1150, y, 30, fill=color)
        if ok:
            p.line([(1135, y), (1147, y + 12), (1167, y - 12)], WHITE, 7)
        else:
            p.line([(1138, y - 12), (1162, y + 12)], WHITE, 7)
            p.line([(1162, y - 12), (1138, y + 12)], WHITE, 7)
        p.text(1200, y, label, 32, INK, "sans-bold", "lm")
    # speech bubbles on the left
    speech_bubble(p, 110, 180, 320, 110, GREEN, tail="right", lines=2)
    speech_bubble(p, 160, 380, 280, 100, RUST, tail="right", lines=2)
    speech_bubble(p, 90, 570, 330, 110, GOLD, tail="right", lines=2)
    return p.result()


# --- Announcement illustrations --------------------------------------------------
def announce_internet_corner() -> Image.Image:
    p = Painter(1600, 900)
    room(p, floor_y=720, blobs=False)
    p.rect(0, 0, 1600, 120, fill=GREEN_PALE)
    wifi(p, 800, 280, 170, GREEN)
    p.rect(560, 60, 1040, 120, fill=GREEN, radius=30)
    p.text(800, 90, "POJOK INTERNET", 32, WHITE, "sans-bold", "mm")
    # long desk with three computers
    p.rect(120, 560, 1480, 600, fill=WOOD, radius=10)
    p.rect(160, 600, 190, 850, fill=WOOD_DARK)
    p.rect(1410, 600, 1440, 850, fill=WOOD_DARK)
    for i, (x, _skin, shirt, hijab) in enumerate(
        ((330, SKINS[0], RUST, GREEN_LIGHT), (800, SKINS[2], BLUE, None), (1270, SKINS[3], GREEN_MID, None))
    ):
        p.rect(x - 150, 350, x + 150, 540, fill=INK, radius=14)
        p.rect(x - 136, 364, x + 136, 526, fill=SKY, radius=6)
        p.rect(x - 120, 380, x + 40, 410, fill=GREEN, radius=4)
        p.line([(x - 116, 440), (x + 100, 440)], WHITE, 10)
        p.line([(x - 116, 472), (x + 60, 472)], WHITE, 10)
        p.rect(x - 18, 540, x + 18, 566, fill=GREY)
        p.rect(x - 70, 556, x + 70, 566, fill=GREY, radius=4)
        if i != 1:
            # a visitor seen from behind
            p.rect(x - 120, 590, x + 120, 800, fill=shirt, radius=90)
            if hijab:
                p.ellipse(x, 590, 80, 90, fill=hijab)
                p.polygon([(x - 78, 600), (x + 78, 600), (x + 100, 690), (x - 100, 690)], fill=hijab)
            else:
                p.circle(x, 580, 62, fill=HAIR)
        else:
            p.rect(x - 110, 572, x + 110, 592, fill=GREY_LIGHT, radius=8)  # keyboard
    # chairs
    for x in (330, 1270):
        p.rect(x - 110, 800, x + 110, 830, fill=RUST_DARK, radius=10)
    plant(p, 80, 720, 0.8)
    plant(p, 1530, 720, 0.8, pot=GREEN_MID)
    return p.result()


def announce_reading_challenge() -> Image.Image:
    p = Painter(1600, 900, background=GREEN)
    p.circle(480, 520, 330, fill=GREEN_MID)
    # bean bag with a reading child
    p.ellipse(480, 740, 300, 120, fill=RUST)
    p.ellipse(470, 640, 250, 160, fill=RUST_MID)
    p.rect(380, 470, 570, 690, fill=GOLD, radius=80)
    p.circle(475, 420, 72, fill=SKINS[1])
    p.pieslice(475, 420, 76, 76, 180, 360, fill=HAIR)
    p.circle(420, 378, 28, fill=HAIR)
    p.circle(530, 378, 28, fill=HAIR)
    p.line([(520, 700), (700, 720)], "#3b3f52", 56)
    p.line([(430, 700), (640, 760)], "#3b3f52", 56)
    open_book(p, 480, 560, 260, 120, cover=BLUE)
    p.circle(356, 590, 26, fill=SKINS[1])
    p.circle(604, 590, 26, fill=SKINS[1])
    # stack of books
    for i, color in enumerate((GOLD, RUST_LIGHT, PAPER, GREEN_LIGHT)):
        closed_book(p, 820 + (i % 2) * 14, 790 - i * 44, 230, 42, color if color != PAPER else BLUE)
    # tracker card: 31 days
    p.rect(930, 90, 1520, 640, fill=PAPER, radius=26)
    p.text(1225, 160, "TANTANGAN BACA", 40, GREEN, "sans-bold", "mm")
    p.text(1225, 212, "DESEMBER", 32, RUST, "sans-bold", "mm")
    for day in range(31):
        row, col = divmod(day, 7)
        cx = 1000 + col * 75
        cy = 290 + row * 72
        done = day < 12
        p.circle(
            cx,
            cy,
            28,
            fill=GREEN if done else CREAM,
            outline=None if done else GREY_LIGHT,
            width=0 if done else 3,
        )
        if done:
            p.line([(cx - 12, cy), (cx - 3, cy + 10), (cx + 13, cy - 10)], WHITE, 6)
        else:
            p.text(cx, cy, str(day + 1), 22, GREY, "sans-bold", "mm")
    star(p, 160, 160, 34, GOLD)
    star(p, 760, 120, 24, GOLD_PALE)
    star(p, 1560, 760, 24, GOLD)
    return p.result()


def announce_mobile_library() -> Image.Image:
    p = Painter(1600, 900, background=SKY)
    rng = random.Random(31)
    p.circle(1380, 150, 80, fill=GOLD_PALE)
    hills(p, 640)
    p.rect(0, 640, 1600, 900, fill=SAND)
    p.rect(0, 760, 1600, 860, fill=GREY_LIGHT)
    for x in range(0, 1600, 160):
        p.rect(x + 20, 806, x + 100, 814, fill=WHITE)
    palm(p, 70, 700, 360)
    palm(p, 1540, 700, 300)
    # the van
    vx, vy = 250, 380
    p.rect(vx, vy, vx + 820, vy + 360, fill=GREEN, radius=30)
    p.polygon(
        [
            (vx + 820, vy + 60),
            (vx + 960, vy + 160),
            (vx + 980, vy + 360),
            (vx + 800, vy + 360),
            (vx + 800, vy + 60),
        ],
        fill=GREEN,
    )
    p.polygon(
        [(vx + 830, vy + 90), (vx + 940, vy + 170), (vx + 940, vy + 200), (vx + 830, vy + 200)], fill=SKY
    )
    p.rect(vx, vy + 300, vx + 980, vy + 340, fill=GREEN_DARK, radius=10)
    # open side with shelves and an awning
    p.rect(vx + 60, vy + 70, vx + 700, vy + 290, fill="#f1e4cc", radius=8)
    for r in range(2):
        bottom = vy + 175 + r * 105
        p.rect(vx + 60, bottom, vx + 700, bottom + 10, fill=WOOD)
        bx = vx + 74
        while bx < vx + 680:
            bw = rng.randint(16, 28)
            bh = rng.randint(62, 88)
            p.rect(bx, bottom - bh, bx + bw, bottom, fill=rng.choice(SPINES), radius=2)
            bx += bw + 3
    for i in range(8):
        color = RUST if i % 2 == 0 else PAPER
        x = vx + 40 + i * 85
        p.polygon([(x, vy + 10), (x + 85, vy + 10), (x + 85, vy + 50), (x, vy + 50)], fill=color)
        p.pieslice(x + 42.5, vy + 50, 42.5, 22, 0, 180, fill=color)
    p.rect(vx + 90, vy - 90, vx + 670, vy - 20, fill=GOLD, radius=14)
    p.rect(vx + 200, vy - 20, vx + 220, vy, fill=GREEN_DARK)
    p.rect(vx + 540, vy - 20, vx + 560, vy, fill=GREEN_DARK)
    p.text(vx + 380, vy - 55, "PERPUSTAKAAN KELILING", 36, GREEN_DARK, "sans-bold", "mm")
    for wx in (vx + 190, vx + 800):
        p.circle(wx, vy + 360, 70, fill=INK)
        p.circle(wx, vy + 360, 32, fill=GREY_LIGHT)
    # children walking to the van
    person(p, 1330, 800, 230, SKINS[0], RUST_MID, trousers=INK, hijab=GOLD)
    person(p, 1440, 810, 200, SKINS[1], BLUE, trousers="#3b3f52")
    person(p, 175, 820, 190, SKINS[2], GOLD, trousers=GREEN_DARK)
    return p.result()


# --- About page -----------------------------------------------------------------
def about_reading_room() -> Image.Image:
    p = Painter(1600, 900)
    rng = random.Random(7)
    room(p, floor_y=700, blobs=False)
    # window with hills outside
    p.rect(620, 90, 980, 430, fill=WOOD, radius=10)
    p.rect(640, 110, 960, 410, fill=SKY)
    p.polygon(
        [(640, 360), (720, 270), (800, 330), (880, 250), (960, 330), (960, 410), (640, 410)], fill=GREEN_LIGHT
    )
    p.circle(900, 170, 30, fill=GOLD)
    p.rect(795, 110, 805, 410, fill=WOOD)
    p.rect(640, 255, 960, 265, fill=WOOD)
    bookshelf(p, 60, 60, 480, 640, rng, rows=5)
    bookshelf(p, 1060, 60, 480, 640, rng, rows=5)
    # reading table
    seated_torso(p, 640, 640, 200, SKINS[0], RUST, hijab=GREEN)
    seated_torso(p, 960, 640, 200, SKINS[3], BLUE, glasses=True)
    p.rect(480, 620, 1120, 664, fill=WOOD, radius=12)
    p.rect(520, 664, 548, 840, fill=WOOD_DARK)
    p.rect(1052, 664, 1080, 840, fill=WOOD_DARK)
    open_book(p, 640, 598, 150, 56, cover=GREEN)
    open_book(p, 960, 598, 150, 56, cover=GOLD)
    # a child reading on a floor cushion
    p.ellipse(300, 820, 170, 50, fill=GREEN)
    p.rect(230, 650, 370, 810, fill=GOLD, radius=60)
    p.circle(300, 610, 50, fill=SKINS[2])
    p.pieslice(300, 610, 53, 53, 180, 360, fill=HAIR)
    open_book(p, 300, 730, 170, 80, cover=RUST)
    plant(p, 1470, 830, 0.9)
    return p.result()


# --- New books: designed covers ---------------------------------------------------------
def cover_canvas(background: str, accent: str) -> Painter:
    p = Painter(1200, 1200, background=background)
    p.circle(180, 1040, 260, fill=_lighter(background, 0.25))
    p.circle(1060, 160, 200, fill=_lighter(background, 0.25))
    p.rect(0, 1080, 1200, 1200, fill=accent)
    return p


def book_frame(p: Painter, cover: str, backdrop: str):
    """The book's outline (x0, y0, x1, y1) with a shadow, spine shading and pages."""
    x0, y0, x1, y1 = 330, 110, 870, 1000
    p.rect(x0 + 26, y0 + 30, x1 + 26, y1 + 30, fill=_darker(backdrop, 0.25), radius=10)
    p.rect(x1 - 6, y0 + 14, x1 + 14, y1 - 6, fill=PAPER, radius=4)
    p.rect(x0, y0, x1, y1, fill=cover, radius=10)
    p.rect(x0, y0, x0 + 34, y1, fill=_darker(cover, 0.2), radius=10)
    p.rect(x0 + 34, y0, x0 + 40, y1, fill=_lighter(cover, 0.15))
    return x0 + 40, y0, x1, y1


def cover_text(
    p: Painter,
    box,
    title: str,
    author: str,
    title_color: str,
    author_color: str,
    title_y: float,
    author_y: float,
    title_face="serif-bold",
    size=76,
):
    x0, y0, x1, y1 = box
    cx = (x0 + x1) / 2
    max_w = (x1 - x0) * 0.84
    lines = p.wrap(title, size, title_face, max_w)
    while any(p.text_width(line, size, title_face) > max_w for line in lines):
        size -= 2
        lines = p.wrap(title, size, title_face, max_w)
    for i, line in enumerate(lines):
        p.text(cx, title_y + i * size * 1.08, line, size, title_color, title_face, "mm")
    asize = p.fit_size(author.upper(), "sans-bold", max_w, 32)
    p.text(cx, author_y, author.upper(), asize, author_color, "sans-bold", "mm")


def cover_laskar_pelangi() -> Image.Image:
    p = cover_canvas(GREEN_PALE, GREEN)
    box = book_frame(p, "#3f8fb5", GREEN_PALE)
    x0, y0, x1, y1 = box
    cx = (x0 + x1) / 2
    p.rect(x0, y0 + 560, x1, y1, fill=GREEN_MID)
    for i, color in enumerate((RUST, RUST_MID, GOLD, GREEN_LIGHT, WHITE)):
        r = 230 - i * 34
        p.arc(cx, y0 + 600, r, r, 180, 360, color, 30)
    # a small wooden school
    p.rect(cx - 120, y0 + 560, cx + 120, y0 + 660, fill=WOOD)
    p.polygon([(cx - 140, y0 + 565), (cx, y0 + 500), (cx + 140, y0 + 565)], fill=RUST_DARK)
    p.rect(cx - 20, y0 + 600, cx + 20, y0 + 660, fill=WOOD_DARK)
    for dx in (-80, 50):
        p.rect(cx + dx, y0 + 590, cx + dx + 30, y0 + 620, fill=GOLD_PALE)
    cover_text(p, box, "Laskar Pelangi", "Andrea Hirata", WHITE, GOLD_PALE, y0 + 150, y1 - 90, size=82)
    return p.result()


def cover_bumi_manusia() -> Image.Image:
    p = cover_canvas(RUST_PALE, RUST)
    box = book_frame(p, RUST_DARK, RUST_PALE)
    x0, y0, x1, y1 = box
    cx = (x0 + x1) / 2
    p.circle(cx, y0 + 520, 170, fill=GOLD)
    for i in range(5):
        y = y0 + 600 + i * 36
        p.rect(x0 + 30, y, x1 - 30, y + 16, fill=_lighter(RUST_DARK, 0.12 + i * 0.05), radius=8)
    # a lone tree silhouette
    p.rect(cx + 120, y0 + 430, cx + 134, y0 + 600, fill=INK)
    for dx, dy, r in ((127, 420, 60), (90, 450, 44), (165, 450, 44)):
        p.circle(cx + dx, y0 + dy, r, fill=INK)
    cover_text(
        p, box, "Bumi Manusia", "Pramoedya Ananta Toer", GOLD_PALE, RUST_LIGHT, y0 + 150, y1 - 90, size=84
    )
    return p.result()


def cover_cantik_itu_luka() -> Image.Image:
    p = cover_canvas(PAPER, RUST)
    box = book_frame(p, "#7e1d2b", PAPER)
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, y0 + 540
    for k in range(6):
        angle = math.radians(k * 60)
        px, py = cx + math.cos(angle) * 85, cy + math.sin(angle) * 85
        p.circle(px, py, 80, fill=RUST_LIGHT if k % 2 else "#e07a6a")
    p.circle(cx, cy, 56, fill=GOLD)
    _leaf(p, cx - 40, cy + 130, cx - 190, cy + 200, 34, GREEN_MID)
    _leaf(p, cx + 40, cy + 140, cx + 180, cy + 190, 30, GREEN)
    cover_text(p, box, "Cantik Itu Luka", "Eka Kurniawan", PAPER, RUST_LIGHT, y0 + 140, y1 - 90, size=80)
    return p.result()


def cover_filosofi_teras() -> Image.Image:
    p = cover_canvas(GOLD_PALE, GREEN)
    box = book_frame(p, CREAM, GOLD_PALE)
    x0, y0, x1, y1 = box
    cx = (x0 + x1) / 2
    # a stoa: pediment, columns and steps
    p.polygon([(cx - 220, y0 + 450), (cx, y0 + 360), (cx + 220, y0 + 450)], fill=GREEN)
    p.rect(cx - 230, y0 + 450, cx + 230, y0 + 480, fill=GREEN_DARK)
    for i in range(5):
        x = cx - 190 + i * 95
        p.rect(x - 22, y0 + 480, x + 22, y0 + 700, fill=GREEN_MID)
        p.rect(x - 30, y0 + 480, x + 30, y0 + 494, fill=GREEN_DARK)
        p.rect(x - 30, y0 + 690, x + 30, y0 + 704, fill=GREEN_DARK)
    for i in range(3):
        p.rect(
            cx - 220 - i * 10,
            y0 + 704 + i * 20,
            cx + 220 + i * 10,
            y0 + 724 + i * 20,
            fill=_darker(GOLD_PALE, 0.12 + i * 0.08),
        )
    cover_text(p, box, "Filosofi Teras", "Henry Manampiring", GREEN_DARK, RUST, y0 + 140, y1 - 90, size=80)
    return p.result()


def cover_hujan() -> Image.Image:
    p = cover_canvas(SKY, BLUE)
    box = book_frame(p, "#2e5870", SKY)
    x0, y0, x1, y1 = box
    cx = (x0 + x1) / 2
    rng = random.Random(3)
    for _ in range(70):
        x = rng.uniform(x0 + 20, x1 - 20)
        y = rng.uniform(y0 + 260, y1 - 170)
        under_umbrella = abs(x - cx) < 200 and y > y0 + 420
        if not under_umbrella:
            p.line([(x, y), (x - 10, y + 34)], BLUE_LIGHT, 4)
    # umbrella
    p.pieslice(cx, y0 + 560, 190, 130, 180, 360, fill=RUST_MID)
    for k in range(4):
        p.pieslice(cx - 142 + k * 95, y0 + 560, 48, 20, 0, 180, fill="#2e5870")
    p.line([(cx, y0 + 430), (cx, y0 + 720)], INK, 10, round_caps=False)
    p.arc(cx - 26, y0 + 720, 26, 26, 0, 180, INK, 10)
    cover_text(p, box, "Hujan", "Tere Liye", WHITE, BLUE_LIGHT, y0 + 150, y1 - 90, size=104)
    return p.result()


def cover_na_willa() -> Image.Image:
    p = cover_canvas(GREEN_PALE, GOLD)
    box = book_frame(p, GOLD, GREEN_PALE)
    x0, y0, x1, y1 = box
    cx = (x0 + x1) / 2
    # a little girl in front of a house
    p.rect(cx - 200, y0 + 420, cx + 40, y0 + 640, fill=PAPER)
    p.polygon([(cx - 230, y0 + 430), (cx - 80, y0 + 320), (cx + 70, y0 + 430)], fill=RUST)
    p.rect(cx - 110, y0 + 540, cx - 50, y0 + 640, fill=WOOD)
    p.rect(cx - 180, y0 + 470, cx - 130, y0 + 520, fill=SKY)
    p.rect(x0 + 20, y0 + 640, x1 - 20, y0 + 660, fill=GREEN_MID, radius=10)
    person(p, cx + 130, y0 + 660, 260, SKINS[2], RUST_MID, trousers=RUST_MID)
    p.circle(cx + 130 - 28, y0 + 440 - 2, 14, fill=HAIR)
    p.circle(cx + 130 + 28, y0 + 440 - 2, 14, fill=HAIR)
    star(p, x1 - 70, y0 + 330, 22, WHITE)
    star(p, x0 + 70, y0 + 300, 16, WHITE)
    cover_text(p, box, "Na Willa", "Reda Gaudiamo", RUST_DARK, GREEN_DARK, y0 + 150, y1 - 90, size=96)
    return p.result()


# --- Infographics ----------------------------------------------------------------------
INFOGRAPHICS = {
    "infografis-langkah-meminjam-buku.jpg": {
        "title": "5 Langkah Meminjam Buku",
        "subtitle": "Mudah, cepat, dan gratis untuk semua warga",
        "color": GREEN,
        "icon": "book",
        "points": [
            (
                "Bawa kartu anggota",
                "Belum punya? Daftar gratis di meja layanan dengan KTP atau kartu pelajar.",
            ),
            ("Cari bukunya", "Lihat katalog daring atau tanyakan langsung kepada pustakawan."),
            ("Ambil dari rak", "Cocokkan nomor panggil di punggung buku dengan label di rak."),
            (
                "Catat di meja sirkulasi",
                "Petugas memindai kartu dan buku Anda. Paling banyak 3 buku sekali pinjam.",
            ),
            ("Kembalikan tepat waktu", "Masa pinjam 14 hari dan bisa diperpanjang satu kali."),
        ],
    },
    "infografis-kenali-hoaks.jpg": {
        "title": "Kenali Hoaks Sebelum Membagikan",
        "subtitle": "5 cara sederhana memeriksa kabar di media sosial",
        "color": RUST,
        "icon": "magnifier",
        "points": [
            ("Baca sampai habis", "Judul yang heboh sering tidak sesuai dengan isi beritanya."),
            ("Periksa sumbernya", "Apakah dari media resmi atau akun yang jelas pemiliknya?"),
            ("Cek tanggalnya", "Kabar lama sering disebar ulang seolah-olah baru terjadi."),
            (
                "Bandingkan dengan sumber lain",
                "Cari kabar yang sama di situs berita tepercaya atau di cekfakta.com.",
            ),
            ("Ragu? Jangan dibagikan", "Lebih baik menahan diri daripada ikut menyebarkan kabar bohong."),
        ],
    },
    "infografis-membacakan-buku-anak.jpg": {
        "title": "Membacakan Buku untuk Anak",
        "subtitle": "5 tips agar waktu membaca jadi saat yang dinanti",
        "color": GREEN_DARK,
        "icon": "star",
        "points": [
            ("Pilih waktu yang tetap", "Misalnya 15 menit sebelum tidur, setiap hari."),
            ("Biarkan anak memilih buku", "Anak lebih bersemangat mendengar cerita pilihannya sendiri."),
            ("Pakai suara dan ekspresi", "Bedakan suara setiap tokoh agar cerita terasa hidup."),
            ("Ajak anak bercerita", "Tanyakan: menurutmu, apa yang terjadi selanjutnya?"),
            ("Pinjam buku anak gratis", "Ruang baca anak di perpustakaan punya ratusan buku bergambar."),
        ],
    },
}
INFOGRAPHIC_FOOTER = ("Perpustakaan Kota Kotamobagu", "#KotamobaguMembaca")


def transcript(name: str) -> str:
    """Every word of an infographic, in reading order, as its post's transcript."""
    data = INFOGRAPHICS[name]
    parts = [data["title"], data["subtitle"], ""]
    for number, (heading, text) in enumerate(data["points"], start=1):
        parts += [f"{number}. {heading}", text, ""]
    parts += list(INFOGRAPHIC_FOOTER)
    return "\n".join(parts)


def infographic(name: str) -> Image.Image:
    data = INFOGRAPHICS[name]
    color = data["color"]
    p = Painter(1080, 1350, background=CREAM)
    title_lines = p.balanced_wrap(data["title"], 62, "sans-bold", 740)
    subtitle_lines = p.balanced_wrap(data["subtitle"], 30, "sans", 740)
    header = 64 + len(title_lines) * 74 + 14 + len(subtitle_lines) * 40 + 46
    # header
    p.rect(0, 0, 1080, header, fill=color)
    p.circle(960, 70, 170, fill=_lighter(color, 0.12))
    icon_x, icon_y = 930, min(header - 110, 200)
    if data["icon"] == "book":
        open_book(p, icon_x, icon_y, 180, 110, cover=GOLD)
    elif data["icon"] == "magnifier":
        magnifier(p, icon_x - 10, icon_y - 10, 62, rim=GOLD, glass=PAPER, handle=GOLD_PALE)
    else:
        star(p, icon_x, icon_y - 20, 70, GOLD)
        star(p, icon_x - 80, icon_y + 60, 26, GOLD_PALE)
    y = 64
    for line in title_lines:
        p.text(60, y, line, 62, WHITE, "sans-bold")
        y += 74
    y += 14
    for line in subtitle_lines:
        p.text(60, y, line, 30, GOLD_PALE, "sans")
        y += 40
    # numbered points, each on its own card
    top, bottom, gap = header + 34, 1196, 18
    step = (bottom - top + gap) / len(data["points"])
    card = step - gap
    for number, (heading, text) in enumerate(data["points"], start=1):
        accent = RUST if number % 2 else GREEN_MID
        y0 = top + (number - 1) * step
        lines = p.balanced_wrap(text, 26, "sans", 790)
        block = 40 + 10 + len(lines) * 34
        ty = y0 + (card - block) / 2
        p.rect(40, y0, 1040, y0 + card, fill=accent, radius=20)
        p.rect(50, y0, 1040, y0 + card, fill=PAPER, radius=20)
        p.circle(116, y0 + card / 2, 40, fill=accent)
        p.text(116, y0 + card / 2, str(number), 42, WHITE, "display", "mm")
        p.text(184, ty, heading, 35, INK, "sans-bold")
        for i, line in enumerate(lines):
            p.text(184, ty + 50 + i * 34, line, 26, GREY, "sans")
    # footer
    p.rect(0, 1222, 1080, 1350, fill=color)
    p.text(540, 1264, INFOGRAPHIC_FOOTER[0], 36, WHITE, "sans-bold", "mm")
    p.text(540, 1313, INFOGRAPHIC_FOOTER[1], 28, GOLD_PALE, "sans-bold", "mm")
    return p.result()


# --- Logo ---------------------------------------------------------------------------------
def logo() -> Image.Image:
    """512x512 emblem: a green disc, an open book with a bookmark, and the library's name.

    No letters that make an acronym: "PKK" (and PKS, KPK...) read in Indonesia
    as other organisations, so the emblem says PERPUSTAKAAN and KOTAMOBAGU in full.
    """
    p = Painter(512, 512, background=(0, 0, 0, 0), mode="RGBA")
    p.circle(256, 256, 250, fill=GREEN)
    p.circle(256, 256, 228, outline=GOLD_PALE, width=5)
    # open book: two pages curving from the spine
    cx, cy = 256, 236
    for side in (-1, 1):
        outer = cx + side * 150
        p.polygon(
            [
                (cx, cy - 66),
                (cx + side * 44, cy - 96),
                (outer, cy - 86),
                (outer, cy + 56),
                (cx + side * 44, cy + 46),
                (cx, cy + 70),
            ],
            fill=CREAM,
        )
        for i in range(4):
            y = cy - 52 + i * 28
            p.line([(cx + side * 28, y), (outer - side * 26, y + 2)], GREEN_LIGHT, 6)
    p.line([(cx, cy - 66), (cx, cy + 70)], GREEN_DARK, 6, round_caps=False)
    p.polygon(
        [
            (cx + 78, cy + 48),
            (cx + 104, cy + 48),
            (cx + 104, cy + 92),
            (cx + 91, cy + 80),
            (cx + 78, cy + 92),
        ],
        fill=RUST_MID,
    )
    # a small sun of reading above the book
    p.circle(256, 104, 22, fill=GOLD)
    p.text(256, 364, "PERPUSTAKAAN", 39, CREAM, "sans-bold", "mm")
    p.text(256, 410, "KOTAMOBAGU", 34, GOLD_PALE, "sans-bold", "mm")
    return p.result()


# --- Catalogue of files -----------------------------------------------------------------
JPEGS = {
    "acara-diskusi-buku-laskar-pelangi.jpg": event_book_discussion,
    "acara-pelatihan-menulis-cerpen.jpg": event_writing_class,
    "acara-tanya-jawab-instagram.jpg": event_instagram_live,
    "acara-kelas-konten-video.jpg": event_video_class,
    "acara-pameran-lukisan-warna-totabuan.jpg": event_art_exhibition,
    "acara-dongeng-anak.jpg": event_storytelling,
    "tutorial-daftar-anggota.jpg": tutorial_membership,
    "tutorial-katalog-daring.jpg": tutorial_catalogue,
    "tutorial-buku-elektronik.jpg": tutorial_ebook,
    "literasi-kata-sandi-kuat.jpg": literacy_password,
    "literasi-pesan-penipuan.jpg": literacy_phishing,
    "literasi-verifikasi-dua-langkah.jpg": literacy_two_step,
    "literasi-saring-sebelum-berbagi.jpg": literacy_check_before_sharing,
    "pengumuman-pojok-internet.jpg": announce_internet_corner,
    "pengumuman-tantangan-baca-desember.jpg": announce_reading_challenge,
    "pengumuman-perpustakaan-keliling.jpg": announce_mobile_library,
    "perpustakaan-ruang-baca.jpg": about_reading_room,
    "sampul-laskar-pelangi.jpg": cover_laskar_pelangi,
    "sampul-bumi-manusia.jpg": cover_bumi_manusia,
    "sampul-cantik-itu-luka.jpg": cover_cantik_itu_luka,
    "sampul-filosofi-teras.jpg": cover_filosofi_teras,
    "sampul-hujan.jpg": cover_hujan,
    "sampul-na-willa.jpg": cover_na_willa,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--transcripts", action="store_true", help="print each infographic's transcript instead of drawing"
    )
    parser.add_argument("--only", help="draw only files whose name contains this text")
    args = parser.parse_args(argv)
    if args.transcripts:
        for name in INFOGRAPHICS:
            print(f"== {name}\n{transcript(name)}\n")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    jobs = dict(JPEGS)
    jobs.update({name: (lambda n=name: infographic(n)) for name in INFOGRAPHICS})
    for name, draw in jobs.items():
        if args.only and args.only not in name:
            continue
        path = save_jpeg(draw(), name)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    if not args.only or args.only in "logo-perpustakaan.png":
        path = save_png(logo(), "logo-perpustakaan.png")
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
