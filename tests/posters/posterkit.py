"""Helpers of the poster tests: the extra events, a build with plugins.posters, posters read back.

PDFs are read with pypdf (text, page size, fonts) and drawn with pypdfium2;
QR codes are read with zxing-cpp, an independent reader.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from plugins.posters.store import MANIFEST
from sitekit import Site, read_posts, run_build, share_caches

FOLDER = "poster"
PUBLIC_URL = "http://127.0.0.1:8000"  # PUBLIC_URL of pelicanconf.py
A4 = (595.28, 841.89)  # points
CM_PER_INCH = 2.54

CANCELLED_SLUG = "pameran-foto-kota-lama"
RESCHEDULED_SLUG = "bincang-sejarah-kotamobagu"
LONG_SERIES_SLUG = "kelas-bahasa-inggris-anak"
LONG_SERIES_COUNT = 10
FULL_SLUG = "lokakarya-menjilid-buku"

EXTRA_EVENTS = {
    f"2026-11-20-{CANCELLED_SLUG}.md": """---
title: Pameran Foto Kota Lama
date: 2026-11-20 08:00
summary: Pameran foto Kotamobagu tempo dulu dari koleksi warga.
start: 2026-12-12 10:00
end: 2026-12-12 15:00
place: Aula Lantai 1, Perpustakaan Kota Kotamobagu
event_status: dibatalkan
status_changed: 2026-11-25 08:00
---

Pameran ini dibatalkan.
""",
    f"2026-11-21-{RESCHEDULED_SLUG}.md": """---
title: Bincang Sejarah Kotamobagu bersama Budayawan Bolaang Mongondow
date: 2026-11-21 08:00
summary: Budayawan bercerita tentang sejarah Kotamobagu; jadwalnya pindah ke pekan berikutnya.
start: 2026-12-19 13:00
end: 2026-12-19 15:30
previous_start: 2026-12-10 13:00
place: Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu
event_status: dijadwalkan-ulang
status_changed: 2026-11-25 08:00
---

Jadwalnya berubah.
""",
    f"2026-11-22-{LONG_SERIES_SLUG}.md": f"""---
title: Kelas Bahasa Inggris untuk Anak – Belajar Sambil Bermain
date: 2026-11-22 08:00
summary: >-
  Sepuluh pertemuan belajar bahasa Inggris dengan lagu, permainan dan buku cerita
  bergambar untuk anak usia 8–12 tahun.
start: 2026-12-02 15:00
end: 2026-12-02 16:30
repeat: {{every: week, count: {LONG_SERIES_COUNT}}}
place: Ruang Baca Anak, Perpustakaan Kota Kotamobagu
online_url: https://meet.google.com/abc-defg-hij
registration_url: https://forms.gle/KelasInggrisAnakKotamobagu2026
registration_deadline: 2026-11-30 16:00
audience: [anak]
capacity: 25
---

Sepuluh pertemuan.
""",
    f"2026-11-23-{FULL_SLUG}.md": """---
title: Lokakarya Menjilid Buku
date: 2026-11-23 08:00
summary: Belajar menjilid buku catatan sendiri dengan benang dan karton bekas.
start: 2026-12-09 09:00
end: 2026-12-09 12:00
place: Aula Lantai 1, Perpustakaan Kota Kotamobagu
registration_url: https://forms.gle/JilidBukuKtg2026
full: true
---

Kuotanya penuh.
""",
}


@dataclass
class PosterSite(Site):
    cache: Path | None = None

    def manifest(self) -> dict:
        return json.loads((self.cache / MANIFEST).read_text(encoding="utf-8"))

    def events(self):
        """The published events, as the content checker reads them (never from the output)."""
        posts, _, _ = read_posts(self.content)
        return sorted((p for p in posts if p.is_published and "start" in p.values), key=lambda p: p.slug)

    def pdf_path(self, post) -> Path:
        return self.output / FOLDER / post.kind / f"{post.slug}.pdf"

    def png_path(self, post) -> Path:
        return self.output / FOLDER / post.kind / f"{post.slug}.png"


def build(output: Path, content: Path, cache: Path) -> PosterSite:
    """Build strictly with plugins.posters; cache: the CACHE_PATH (shared cards, posters of its own)."""
    run = run_build(output, content, strict=True, cache=share_caches(cache))
    if run.returncode != 0:
        pytest.fail(f"building the posters' site failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    return PosterSite(output, run, content, cache=cache)


def pdf_text(path: Path) -> str:
    """The text of a one-page PDF, whitespace collapsed as a reader reads it."""
    return " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())


def embedded_fonts(source: Path | bytes) -> list[str]:
    """The names of the font programs embedded anywhere in a PDF (its Type0 fonts), subset tags dropped."""
    reader = pypdf.PdfReader(source if isinstance(source, Path) else io.BytesIO(source))
    objects = (reader.get_object(number) for number in range(1, reader.trailer["/Size"]))
    return sorted(
        str(obj["/BaseFont"]).split("+", 1)[-1]
        for obj in objects
        if isinstance(obj, pypdf.generic.DictionaryObject) and obj.get("/Subtype") == "/Type0"
    )


def page_fonts(source: Path | bytes) -> list[str]:
    """The names of the fonts the first page's text is set in, subset tags dropped."""
    page = pypdf.PdfReader(source if isinstance(source, Path) else io.BytesIO(source)).pages[0]
    return sorted(
        str(ref.get_object()["/BaseFont"]).split("+", 1)[-1] for ref in page["/Resources"]["/Font"].values()
    )


def pdf_page_image(path: Path, dpi: int) -> Image.Image:
    document = pypdfium2.PdfDocument(path)
    try:
        return document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def read_qr(image: Image.Image):
    """The QR codes zxing-cpp finds in an image."""
    return [found for found in zxingcpp.read_barcodes(image) if found.format == zxingcpp.BarcodeFormat.QRCode]


def qr_width(found) -> float:
    """The width of a found code in pixels, from its corners."""
    position = found.position
    xs = [position.top_left.x, position.top_right.x, position.bottom_left.x, position.bottom_right.x]
    return max(xs) - min(xs)
