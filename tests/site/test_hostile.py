"""A contributor's hostile pull request, planted in a copy of the fixture site and built.

Every planted case must be named in the one report (file, field or line), the
build must never crash or publish a file from outside content/, and no page or
feed may carry script. Built in a subprocess, like every site test.
"""

from __future__ import annotations

import os
import struct
import textwrap
import zlib
from pathlib import Path

import pytest
from PIL import Image

from sitekit import FIXTURE_CONTENT, copy_content, make_images, run_build

SECRET = "rahasia-token-ghp-7f3a9c"  # the bytes that must never reach the output
PLANTED = "content/pengumuman/2026-11-20-serangan.md"


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height; its pixel data is one tiny row."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 4))
        + chunk(b"IEND", b"")
    )


def _post(content: Path, relative: str, front: str, body: str = "## Isi\n\nTeks.\n") -> Path:
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{textwrap.dedent(front).strip()}\n---\n\n{body}", encoding="utf-8")
    return path


ANNOUNCEMENT = "title: {title}\ndate: 2026-11-20 08:00\nsummary: Ringkasan pengumuman.\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The fixture content with every hostile input of issue 7 planted in it."""
    root = tmp_path_factory.mktemp("hostile")
    outside = root / "luar"
    outside.mkdir()
    (outside / "token.txt").write_text(SECRET)
    content = copy_content(FIXTURE_CONTENT, root / "content")
    make_images(content)
    gambar = content / "gambar"
    (content / "unduhan").mkdir(exist_ok=True)
    os.symlink(outside / "token.txt", gambar / "absolut.jpg")
    os.symlink(os.path.relpath(outside / "token.txt", gambar), gambar / "relatif.jpg")
    os.symlink(outside, content / "unduhan" / "folder-luar")
    (gambar / "bom.png").write_bytes(_png_claiming(30000, 30000))
    Image.new("I;16", (1300, 900), 32768).save(gambar / "abu-16bit.png")
    (gambar / "foto acara, 1.jpg").write_bytes((gambar / "bom.png").read_bytes())
    _post(
        content,
        PLANTED.removeprefix("content/"),
        ANNOUNCEMENT.format(title="Serangan"),
        "## Isi\n\n"
        "[token]({attach}../../luar/token.txt)\n\n"
        "[naik]({static}/../naik.txt)\n\n"
        "Teks dengan \x00 di tengah.\n",
    )
    _post(
        content,
        "pengumuman/2026-11-20-bom.md",
        ANNOUNCEMENT.format(title="Bom") + "image: gambar/bom.png\nimage_alt: Gambar besar.\n",
    )
    _post(
        content,
        "pengumuman/2026-11-20-tagar.md",
        ANNOUNCEMENT.format(title="Tagar")
        + "hashtags: ["
        + ", ".join(f"Tagar{i}" for i in range(2000))
        + "]\n",
    )
    _post(
        content, "pengumuman/2026-11-20-aksara.md", ANNOUNCEMENT.format(title="Aksara") + "hashtags: [ꦧꦕꦤ]\n"
    )
    _post(content, "pengumuman/2026-11-20-halaman-2.md", ANNOUNCEMENT.format(title="Halaman"))
    _post(
        content,
        "pengumuman/2026-11-20-escape.md",
        'title: "Judul\\0"\ndate: 2026-11-20 08:00\nsummary: Ringkasan.\n',
    )
    _post(content, "halaman/kontak.md", "title: Kontak\ntemplate: tidak-ada\n")
    _post(
        content,
        "pengumuman/2026-11-21-abu.md",
        ANNOUNCEMENT.format(title="Abu-abu") + "image: gambar/abu-16bit.png\nimage_alt: Bidang abu-abu.\n",
        "## Isi\n\n![Bidang abu-abu](gambar/abu-16bit.png)\n",
    )
    before = sorted(p.name for p in root.iterdir())
    dev = run_build(root / "output", content=content)
    strict = run_build(root / "strict-output", content=content, strict=True)
    return root, content, dev, strict, before


def test_development_build_completes_and_names_every_planted_file(hostile):
    root, content, dev, strict, _ = hostile
    assert dev.returncode == 0, dev.log
    log = dev.stdout + dev.stderr
    for named in (
        PLANTED,
        "content/gambar/absolut.jpg",
        "content/gambar/relatif.jpg",
        "content/unduhan/folder-luar",
        "content/pengumuman/2026-11-20-bom.md",
        "content/pengumuman/2026-11-20-tagar.md",
        "content/pengumuman/2026-11-20-aksara.md",
        "content/pengumuman/2026-11-20-halaman-2.md",
        "content/pengumuman/2026-11-20-escape.md",
        "content/halaman/kontak.md",
        "content/gambar/foto acara, 1.jpg",
    ):
        assert named in log, f"{named} not named:\n{dev.log}"
    assert "Traceback" not in log and "kesalahan templat atau plugin" not in log


def test_strict_build_stops_with_one_report_of_everything(hostile):
    root, content, dev, strict, _ = hostile
    assert strict.returncode == 1
    report = strict.stderr
    assert "Traceback" not in report
    for named in (
        PLANTED,
        "2026-11-20-bom.md",
        "2026-11-20-tagar.md",
        "2026-11-20-aksara.md",
        "2026-11-20-halaman-2.md",
        "2026-11-20-escape.md",
        "halaman/kontak.md",
        "gambar/absolut.jpg",
        "unduhan/folder-luar",
    ):
        assert named in report, f"{named} missing from the strict report:\n{report}"
    assert "30000x30000" in report or "30000 x 30000" in report
    assert "2000 tagar" in report
    assert not (root / "strict-output" / "index.html").exists()


def test_nothing_from_outside_content_is_published(hostile):
    root, content, dev, strict, before = hostile
    output = root / "output"
    for path in output.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    assert not (output / "unduhan" / "folder-luar").exists()
    assert set(p.name for p in root.iterdir()) - set(before) <= {"output", "strict-output"}
    assert not (root / "naik.txt").exists()


def test_a_bare_body_image_path_is_resolved_and_16_bit_images_keep_their_grey(hostile):
    root, content, dev, strict, _ = hostile
    output = root / "output"
    page = (output / "pengumuman" / "abu" / "index.html").read_text(encoding="utf-8")
    assert 'src="/gambar/abu-16bit.png"' in page
    variants = sorted((output / "gambar" / "ukuran").glob("abu-16bit-*.jpg"))
    assert variants, "no responsive variant of the 16-bit image"
    for variant in variants:
        with Image.open(variant) as image:
            mean = [sum(band) / len(band) for band in zip(*image.convert("RGB").getdata(), strict=False)]
        assert all(110 < channel < 146 for channel in mean), (variant.name, mean)
