"""Two real builds (a subprocess each): damaged cache and output files are made again, identical.

Between the builds a cached card is cut short (its output copy too, as the old
copy-by-size did), a cached responsive variant is overwritten with garbage of
the same size, and an output variant is damaged. One post's image is a 16-bit
greyscale PNG, which used to come out white.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from sitekit import FIXTURE_CONTENT, copy_content, make_images, run_build

from .imagekit import grey16_png

POST = "infografis/2026-11-12-jam-layanan-perpustakaan.md"
POST_KEY = "infografis/jam-layanan-perpustakaan"
OLD_IMAGE, NEW_IMAGE = "gambar/infografis-jam-layanan.jpg", "gambar/infografis-abu-16bit.png"


def snapshot(folder: Path, pattern: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob(pattern)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("heal-site")
    content = copy_content(FIXTURE_CONTENT, root / "content")
    post = content / POST
    post.write_text(post.read_text(encoding="utf-8").replace(OLD_IMAGE, NEW_IMAGE), encoding="utf-8")
    (content / NEW_IMAGE).parent.mkdir(parents=True, exist_ok=True)
    grey16_png(content / NEW_IMAGE, (1600, 2000))
    make_images(content)
    output = root / "output"
    folders = SimpleFolders(root, output)

    first = run_build(output, content=content, cache=folders.card_cache.parent)
    assert first.returncode == 0, first.log
    manifest = json.loads((folders.card_cache.parent / "kartu-manifest.json").read_text(encoding="utf-8"))
    fresh = {
        "cards": snapshot(folders.card_output, "*.jpg"),
        "variants": snapshot(folders.variant_output, "*.jpg"),
        "variant_cache": snapshot(folders.variant_cache, "*.jpg"),
    }

    card = Path(manifest["cards"][POST_KEY]["link"]).name
    (folders.card_cache / card).write_bytes(fresh["cards"][card][:3000])
    (folders.card_output / card).write_bytes(fresh["cards"][card][:3000])
    garbage = sorted(fresh["variant_cache"])[0]
    (folders.variant_cache / garbage).write_bytes(b"\x00" * len(fresh["variant_cache"][garbage]))
    damaged = sorted(fresh["variants"])[-1]
    (folders.variant_output / damaged).write_bytes(b"\xff" * 100)

    second = run_build(output, content=content, cache=folders.card_cache.parent)
    assert second.returncode == 0, second.log
    after = json.loads((folders.card_cache.parent / "kartu-manifest.json").read_text(encoding="utf-8"))
    return {
        "folders": folders,
        "fresh": fresh,
        "card": card,
        "garbage": garbage,
        "damaged": damaged,
        "before": manifest,
        "after": after,
        "log": second.stdout + second.stderr,
    }


class SimpleFolders:
    def __init__(self, root: Path, output: Path):
        self.card_cache = root / ".cache" / "kartu"
        self.variant_cache = root / ".cache" / "gambar"
        self.card_output = output / "kartu"
        self.variant_output = output / "gambar" / "ukuran"


def test_the_truncated_card_alone_is_drawn_again_under_the_same_url(builds):
    after = builds["after"]
    assert after["drawn"] == [builds["card"]]
    assert after["cards"] == builds["before"]["cards"]
    assert "Kartu media sosial: 1 digambar" in builds["log"]


def test_every_output_file_is_again_identical_to_the_fresh_build(builds):
    """The redrawn card, the re-encoded variant and the damaged copies: byte for byte as built cold."""
    folders, fresh = builds["folders"], builds["fresh"]
    assert snapshot(folders.card_output, "*.jpg") == fresh["cards"]
    assert snapshot(folders.variant_output, "*.jpg") == fresh["variants"]
    assert snapshot(folders.variant_cache, "*.jpg") == fresh["variant_cache"]
    for path in (
        folders.card_output / builds["card"],
        folders.variant_output / builds["garbage"],
        folders.variant_output / builds["damaged"],
    ):
        with Image.open(path) as image:
            image.load()


def test_a_16_bit_png_gives_grey_variants(builds):
    grey = [name for name in builds["fresh"]["variants"] if name.startswith("infografis-abu-16bit-")]
    assert len(grey) >= 3
    for name in grey:
        with Image.open(builds["folders"].variant_output / name) as image:
            assert all(abs(v - 128) <= 1.5 for v in ImageStat.Stat(image).mean), name
