"""SOCIAL_CARDS in pelicanconf.py: optional, parsed once into frozen options."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from plugins._shared.errors import BuildStopped


@dataclass(frozen=True)
class CardOptions:
    """How cards are encoded and drawn; every key may be left out."""

    jpeg_quality: int = 85  # the first quality tried; lowered in steps if a card is too large
    max_bytes: int = 300_000  # WhatsApp shows no preview for larger images
    workers: int | None = None  # processes drawing cards; None: one per core


_RULES = {
    "jpeg_quality": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 40 <= v <= 95,
                     "bilangan bulat 40-95, misalnya 85"),
    "max_bytes": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 50_000 <= v <= 5_000_000,
                  "jumlah byte 50000-5000000, misalnya 300000"),
    "workers": (lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 1),
                "None (semua inti prosesor) atau bilangan bulat 1 ke atas"),
}


def parse_options(raw: Any) -> CardOptions:
    """SOCIAL_CARDS as CardOptions, or BuildStopped naming every bad key."""
    if isinstance(raw, CardOptions):
        return raw
    if raw is None:
        return CardOptions()
    if not isinstance(raw, dict):
        raise BuildStopped("SOCIAL_CARDS di pelicanconf.py harus berupa kamus (dict), misalnya "
                           "{'jpeg_quality': 85}, atau dihapus agar memakai bawaan.")
    known = [f.name for f in fields(CardOptions)]
    problems = [f"SOCIAL_CARDS['{key}']: kunci ini tidak dikenal; yang dikenal: {', '.join(known)}."
                for key in raw if key not in known]
    for key, value in raw.items():
        if key in _RULES and not _RULES[key][0](value):
            problems.append(f"SOCIAL_CARDS['{key}']: '{value}' tidak sah; isi dengan {_RULES[key][1]}.")
    if problems:
        raise BuildStopped("Pengaturan kartu media sosial bermasalah:\n  - " + "\n  - ".join(problems))
    return CardOptions(**raw)
