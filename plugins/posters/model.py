"""What the posters plugin gives the rest of the site: `article.poster` of every event.

The share kit links both files; templates read `url` (relative to SITEURL),
`length` (bytes) and `filename` (what a download is saved as).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PosterFile:
    url: str  # "poster/acara/diskusi-buku.pdf": the same address in every build
    length: int
    filename: str  # "diskusi-buku-poster-a4.pdf"
    mime: str
    width: int | None = None  # pixels, for the PNG
    height: int | None = None

    @property
    def kilobytes(self) -> int:
        """Size in kB (1 kB = 1000 bytes), never shown as 0."""
        return max(1, round(self.length / 1000))


@dataclass(frozen=True)
class Poster:
    pdf: PosterFile  # A4, to print
    png: PosterFile  # 1131 x 1600 pixels, for WhatsApp groups
    url: str  # the event page the QR code opens, absolute
