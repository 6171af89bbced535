"""SOCIAL_CARDS in pelicanconf.py: optional, declared here and parsed once at start-up.

Read the parsed value with setting(settings, CardOptions).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from plugins._shared.settings import Folder, SettingsModel, declare, parse_one


class CardOptions(SettingsModel):
    """Where cards go and how they are encoded and drawn; every key may be left out."""

    fix: ClassVar[str] = "Tulis seperti {'jpeg_quality': 85}, atau hapus agar memakai bawaan."

    folder: Folder = "kartu"  # output folder of the cards
    # The first quality tried; lowered in steps if a card is too large.
    jpeg_quality: int = Field(85, ge=40, le=95, description="Isi bilangan bulat 40-95, misalnya 85.")
    # WhatsApp shows no preview for larger images.
    max_bytes: int = Field(
        300_000, ge=50_000, le=5_000_000, description="Isi jumlah byte 50000-5000000, misalnya 300000."
    )
    workers: int | None = Field(
        None, ge=1, description=("Isi None (satu proses per inti prosesor) atau bilangan bulat 1 ke atas.")
    )


declare("SOCIAL_CARDS", CardOptions, default={})


def parse_options(raw: Any) -> CardOptions:
    """SOCIAL_CARDS as CardOptions (parsed ones pass through), or BuildStopped naming every bad key."""
    return parse_one("SOCIAL_CARDS", {"SOCIAL_CARDS": raw})
