"""Poster files: named by a digest of everything drawn into them, kept between builds.

Like the cards (plugins/social_cards/cache.py, whose cache checks it reuses):
a poster whose digest is in CACHE_PATH/poster/ with a record that matches its
bytes is copied, never drawn again; anything that changes the poster (its
texts, the logo's bytes, the fonts, the drawing code or the packages that
draw it) changes the digest. The output keeps one address per event
(poster/<kind>/<slug>.pdf), replaced when the poster changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import time
from importlib.metadata import version
from pathlib import Path

from plugins._shared import files
from plugins.social_cards import cache as card_cache
from plugins.social_cards import fonts

from .content import PosterSpec
from .layout import layout

CACHE_FOLDER = "poster"  # under CACHE_PATH
MANIFEST = "poster-manifest.json"  # beside the folder: what the last build drew
FORMATS = ("pdf", "png")
# The code that decides a poster's bytes (paths from this folder) and the packages it calls.
DRAWING_CODE = (
    "content.py",
    "layout.py",
    "pdf.py",
    "png.py",
    "store.py",
    "../social_cards/text.py",
    "../social_cards/fonts.py",
    "../_shared/colors.py",
    "../_shared/images.py",
)
PACKAGES = ("segno", "fpdf2", "fonttools", "pillow")


@functools.cache
def drawing_identity() -> str:
    code = hashlib.sha256()
    for name in DRAWING_CODE:
        code.update((Path(__file__).parent / name).read_bytes())
    for package in PACKAGES:
        code.update(f"{package}=={version(package)}".encode())
    return code.hexdigest()


def digest(spec: PosterSpec, moment: dt.datetime) -> str:
    """Ten hex digits that change with anything that changes the poster."""
    drawn = dataclasses.asdict(spec)
    # The logo's bytes, not where it lies: the same poster from another folder has the same name.
    drawn["library"]["logo"] = card_cache.file_digest(spec.library.logo)
    payload = {
        "code": drawing_identity(),
        "fonts": fonts.identity(),
        "spec": drawn,
        "date": moment.isoformat(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def is_cached(cache_dir: Path, name: str) -> bool:
    """Whether `name`.pdf and `name`.png are whole in the cache (each matches its record)."""
    return all(card_cache.is_cached(cache_dir, f"{name}.{suffix}") for suffix in FORMATS)


def draw(cache_dir: Path, name: str, spec: PosterSpec, moment: dt.datetime) -> None:
    """Draw `name`.pdf and `name`.png into the cache, each with its record."""
    # Imported here: fpdf2 takes about 0.12 s to import, and a warm build draws no poster.
    from .pdf import pdf_bytes
    from .png import png_bytes

    shapes = layout(spec)
    files.write_recorded(cache_dir / f"{name}.pdf", pdf_bytes(shapes, spec.title, spec.library.name, moment))
    files.write_recorded(cache_dir / f"{name}.png", png_bytes(shapes))


def prune(cache_dir: Path, days: int = card_cache.UNUSED_DAYS) -> None:
    """Remove cached posters no build has used for days, with their records."""
    limit = time.time() - days * 86_400
    for suffix in FORMATS:
        for path in cache_dir.glob(f"*.{suffix}"):
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
                files.record_of(path).unlink(missing_ok=True)


def write_manifest(cache_root: Path, record: dict) -> None:
    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
    files.write_atomically(cache_root / MANIFEST, text.encode())
