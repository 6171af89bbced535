"""A contact sheet of a built site's social cards: every card at 300 px wide, captioned.

Run from the repository root, after a build:

    .venv/bin/python tools/contact_sheet.py                      # output/kartu -> output/kartu-lembar.png
    .venv/bin/python tools/contact_sheet.py /tmp/o/kartu --out /tmp/lembar.png

Cards are grouped by size (link, square, portrait, story), each group sorted by
kind then name, each card captioned with its page name and kind. The output
folder keeps old cards (a platform may still ask for an old URL), so only the
newest file of each page and size is shown.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent

THUMB_WIDTH = 300
COLUMNS = {"link": 6, "square": 6, "portrait": 6, "story": 6}
SIZE_NAMES = {"": "link", "-1080x1080": "square", "-1080x1350": "portrait", "-1080x1920": "story"}
SIZE_TITLES = {
    "link": "Tautan 1200x630",
    "square": "Persegi 1080x1080",
    "portrait": "Potret 1080x1350",
    "story": "Story 1080x1920",
}
POST_KINDS = ("literasi-digital", "koleksi-baru", "acara", "tutorial", "infografis", "pengumuman", "halaman")
CARD_NAME = re.compile(
    r"^(?P<page>.+?)(?P<size>-1080x1080|-1080x1350|-1080x1920)?-(?P<digest>[0-9a-f]{6,})\.jpg$"
)
GAP, CAPTION, MARGIN, HEADING = 16, 44, 24, 56
BACKGROUND, TEXT, MUTED = (236, 236, 232), (28, 35, 33), (90, 98, 95)


@dataclass(frozen=True)
class Card:
    path: Path
    page: str  # the file name without size suffix and digest: "acara-diskusi-buku"
    size: str  # link, square, portrait, story
    kind: str  # a kind of post, "halaman", or "daftar" (listing pages)


def kind_of(page: str) -> str:
    for kind in POST_KINDS:
        if page.startswith(kind + "-"):
            return kind
    return "daftar"


def find_cards(folder: Path) -> list[Card]:
    """The newest card of each page and size in the folder."""
    newest: dict[tuple[str, str], Path] = {}
    for path in folder.glob("*.jpg"):
        match = CARD_NAME.match(path.name)
        if not match:
            continue
        key = (match["page"], SIZE_NAMES[match["size"] or ""])
        if key not in newest or path.stat().st_mtime > newest[key].stat().st_mtime:
            newest[key] = path
    cards = [Card(path, page, size, kind_of(page)) for (page, size), path in newest.items()]
    order = {
        kind: i
        for i, kind in enumerate(
            (
                "acara",
                "tutorial",
                "infografis",
                "literasi-digital",
                "pengumuman",
                "koleksi-baru",
                "halaman",
                "daftar",
            )
        )
    }
    return sorted(cards, key=lambda c: (order[c.kind], c.page))


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    folder = ROOT / "plugins" / "social_cards" / "fonts"
    names = (
        ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf") if bold else ("NotoSans-Regular.ttf", "DejaVuSans.ttf")
    )
    for name in names:
        found = list(folder.rglob(name))
        if found:
            return ImageFont.truetype(str(found[0]), size)
    return ImageFont.load_default(size)


def _clip(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def contact_sheet(cards: list[Card], width: int = THUMB_WIDTH) -> Image.Image:
    """One image: a heading per size, then a grid of captioned thumbnails."""
    groups = [(size, [c for c in cards if c.size == size]) for size in SIZE_TITLES]
    groups = [(size, group) for size, group in groups if group]
    columns = max(COLUMNS[size] for size, _ in groups) if groups else 1
    sheet_width = 2 * MARGIN + columns * width + (columns - 1) * GAP
    layout = []
    y = MARGIN
    for size, group in groups:
        layout.append(("heading", size, y))
        y += HEADING
        with Image.open(group[0].path) as first:
            thumb_height = round(width * first.height / first.width)
        for index, card in enumerate(group):
            row, column = divmod(index, columns)
            layout.append(
                (
                    "card",
                    card,
                    (MARGIN + column * (width + GAP), y + row * (thumb_height + CAPTION + GAP), thumb_height),
                )
            )
        rows = (len(group) + columns - 1) // columns
        y += rows * (thumb_height + CAPTION + GAP) + GAP
    sheet = Image.new("RGB", (sheet_width, max(y + MARGIN, 2 * MARGIN)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    heading_font, name_font, kind_font = _font(30, True), _font(15), _font(15, True)
    for entry in layout:
        if entry[0] == "heading":
            _, size, top = entry
            count = sum(1 for c in cards if c.size == size)
            draw.text((MARGIN, top + 8), f"{SIZE_TITLES[size]} ({count} kartu)", font=heading_font, fill=TEXT)
            continue
        _, card, (left, top, height) = entry
        with Image.open(card.path) as image:
            thumb = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
        sheet.paste(thumb, (left, top))
        draw.rectangle((left - 1, top - 1, left + width, top + height), outline=(200, 200, 196))
        draw.text((left, top + height + 4), card.kind.upper(), font=kind_font, fill=TEXT)
        draw.text(
            (left, top + height + 23),
            _clip(draw, card.path.name, name_font, width),
            font=name_font,
            fill=MUTED,
        )
    return sheet


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder",
        nargs="?",
        default=str(ROOT / "output" / "kartu"),
        help="the kartu/ folder of a built site (default: output/kartu)",
    )
    parser.add_argument("--out", help="the PNG to write (default: kartu-lembar.png beside the folder)")
    parser.add_argument(
        "--size",
        choices=tuple(SIZE_TITLES),
        action="append",
        help="only these sizes (repeatable; default: all)",
    )
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"Folder {folder} tidak ada: bangun situs dulu (invoke build).", file=sys.stderr)
        return 1
    cards = find_cards(folder)
    if args.size:
        cards = [c for c in cards if c.size in args.size]
    if not cards:
        print(f"Tidak ada kartu di {folder}.", file=sys.stderr)
        return 1
    target = Path(args.out) if args.out else folder.parent / "kartu-lembar.png"
    contact_sheet(cards).save(target, optimize=True)
    print(f"Lembar kontak {len(cards)} kartu: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
