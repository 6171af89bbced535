"""The logo at the sizes it is shown: 44 CSS px in the header (1x, 2x, 3x), 48/96 px favicons.

The profile's logo is often 512 px or more; every page showed it at 44 px.
Copies are PNG, transparency kept, so the logo looks the same on any header colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from plugins._shared import files
from plugins._shared.image_probes import probe
from plugins._shared.images import to_rgba, upright

from . import encode
from .resize import OUTPUT_FOLDER

SHOWN = 44  # .logo in serambi.css
DENSITIES = (1, 2, 3)
ICON_SIZES = (48, 96)


@dataclass(frozen=True)
class Icon:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Logo:
    """For <img src srcset="… 1x, … 2x, … 3x" width height> and <link rel="icon" sizes>."""

    src: str
    srcset_list: tuple[tuple[str, int], ...]  # (url, density)
    width: int
    height: int
    icons: tuple[Icon, ...]

    def srcset(self, base: str = "") -> str:
        return ", ".join(f"{base}/{url} {density}x" for url, density in self.srcset_list)


def _fit(size: tuple[int, int], box: int) -> tuple[int, int]:
    """size scaled so its longest side is box (never up)."""
    scale = min(1.0, box / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def logo(source: Path, relative: str, output_dir: Path, cache_dir: Path) -> Logo:
    info = probe(source, relative)
    boxes = sorted({SHOWN * d for d in DENSITIES} | set(ICON_SIZES))
    sizes = [_fit(info.size, box) for box in boxes]
    specs = [f"logo:{size}:{encode.ladder_key(encode.PNG)}".encode() for size in sizes]
    made: dict[int, tuple[str, tuple[int, int]]] = {}
    picture = None
    for box, size, key in zip(boxes, sizes, files.sha256_with_suffixes(source, specs), strict=True):
        name = f"{source.stem}-{box}-{key[:10]}.png"
        digest = files.recorded_digest(cache_dir / name)
        if digest is None:
            if picture is None:
                with Image.open(source) as image:
                    picture = to_rgba(upright(image))
            small = picture.resize(size, Image.Resampling.LANCZOS)
            small = small.quantize(256, method=Image.Quantize.FASTOCTREE)  # a logo has few colours
            digest = files.write_recorded(cache_dir / name, encode.encode(small, encode.PNG).data)
        files.copy_if_changed(cache_dir / name, output_dir / OUTPUT_FOLDER / name, digest)
        made[box] = (f"{OUTPUT_FOLDER}/{name}", size)
    first_url, (width, height) = made[SHOWN]
    return Logo(
        src=first_url,
        srcset_list=tuple((made[SHOWN * d][0], d) for d in DENSITIES),
        width=width,
        height=height,
        icons=tuple(Icon(made[s][0], *made[s][1]) for s in ICON_SIZES),
    )
