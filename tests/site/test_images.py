"""Published images are safe and light: a phone photo planted in a copy of the fixture site, built.

The photo is what staff upload: 4000x3000, stored sideways (EXIF Orientation 6),
with a GPS position and the camera's name. What the site publishes must be
upright, at most 2048 px, without any metadata, smaller than the upload, and
offered as AVIF/WebP with a JPEG fallback; cards get 16:9 crops, the header a
small logo, and the first image of a page loads first.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from plugins.responsive_images import encode
from sitekit import FIXTURE_CONTENT, copy_content, local_path, make_images, parse_srcset, run_build

PHOTO = "gambar/foto-ponsel.jpg"
NARROW = "gambar/latar-sempit.jpg"
PDF = b"%PDF-1.4\n% jadwal layanan\n%%EOF\n"
LONGEST = 2048


def _phone_photo(path: Path) -> None:
    """4000x3000 as stored; its top band red, so after turning (Orientation 6) the right side is."""
    noise = Image.effect_noise((1000, 750), 30).resize((4000, 3000))
    image = Image.merge("RGB", (noise, Image.linear_gradient("L").resize((4000, 3000)), noise))
    ImageDraw.Draw(image).rectangle([0, 0, 3999, 399], fill=(220, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90 degrees clockwise to show
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X1"  # Model
    exif[0x013B] = "Budi Santoso"  # Artist
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (0.0, 44.0, 10.0), 3: "E", 4: (124.0, 19.0, 5.0)})
    image.save(path, "JPEG", quality=97, exif=exif)


def _post(content: Path, relative: str, front: str, body: str = "Teks.\n") -> None:
    path = content / relative
    path.write_text(f"---\n{textwrap.dedent(front).strip()}\n---\n\n{body}", encoding="utf-8")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("foto")
    content = copy_content(FIXTURE_CONTENT, root / "content")
    make_images(content)
    _phone_photo(content / PHOTO)
    Image.new("RGB", (1000, 750), (30, 90, 160)).save(content / NARROW, quality=90)
    (content / "unduhan").mkdir(exist_ok=True)
    (content / "unduhan" / "jadwal.pdf").write_bytes(PDF)
    _post(
        content,
        "pengumuman/2026-11-27-foto-ponsel.md",
        f"""
        title: Suasana Ruang Baca
        date: 2026-11-27 08:00
        summary: Foto ruang baca dari ponsel petugas.
        image: {PHOTO}
        image_alt: Pengunjung membaca di ruang baca.
        """,
        f"Ruang baca ramai.\n\n![Rak buku baru]({PHOTO})\n",
    )
    _post(
        content,
        "pengumuman/2026-11-26-latar-sempit.md",
        f"""
        title: Kartu dengan Latar Sempit
        date: 2026-11-26 08:00
        summary: Latar kartu yang terlalu kecil.
        image: {PHOTO}
        image_alt: Pengunjung membaca di ruang baca.
        card_background: {NARROW}
        """,
    )
    # Strict: the warnings below must not stop a strict build.
    build = run_build(root / "output", content=content, strict=True)
    assert build.returncode == 0, build.log
    return root / "output", content, build


def _soup(output: Path, url: str) -> BeautifulSoup:
    # html.parser knows <source> is empty; lxml's HTML parser would nest the <img> inside it.
    return BeautifulSoup((output / url.strip("/") / "index.html").read_bytes(), "html.parser")


def _post_url(output: Path, slug: str) -> str:
    [page] = output.glob(f"pengumuman/**/{slug}/index.html")
    return "/" + page.parent.relative_to(output).as_posix() + "/"


def _files(output: Path, page: str, srcset: str) -> list[tuple[Path, str]]:
    return [(output / local_path(page, url).lstrip("/"), d) for url, d in parse_srcset(srcset)]


def _picture_files(output: Path, page: str, picture) -> list[Path]:
    img = picture.find("img")
    found = [f for source in picture.find_all("source") for f, _ in _files(output, page, source["srcset"])]
    return found + [f for f, _ in _files(output, page, img["srcset"])]


def _no_metadata(path: Path) -> list[str]:
    with Image.open(path) as image:
        problems = [f"{path.name}: EXIF {dict(image.getexif())}"] if image.getexif() else []
        problems += [
            f"{path.name}: {key}"
            for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment")
            if image.info.get(key)
        ]
    return problems


def test_the_published_photo_is_upright_small_and_has_no_metadata(photo_site):
    output, content, _ = photo_site
    published = output / PHOTO
    with Image.open(published) as image:
        assert image.size == (1536, 2048)  # portrait, as the phone showed it
        r, g, b = image.convert("RGB").getpixel((image.width - 20, image.height // 2))
        assert r > 150 and g < 90, "the red band is not on the right: not turned as EXIF says"
        assert "icc_profile" not in image.info
    assert not _no_metadata(published)
    assert published.stat().st_size < (content / PHOTO).stat().st_size / 4
    assert b"PhoneMaker" not in published.read_bytes() and b"Budi" not in published.read_bytes()


def test_every_copy_of_the_photo_is_upright_small_and_stripped(photo_site):
    output, _, _ = photo_site
    url = _post_url(output, "foto-ponsel")
    pictures = [p for p in _soup(output, url).find_all("picture") if "foto-ponsel" in str(p)]
    whole = [p for p in pictures if not p.find("img", class_="card-img")]
    assert len(whole) == 2  # the hero and the body image; the rest are related cards (16:9 crops)
    problems = []
    for picture in pictures:
        files = _picture_files(output, url, picture)
        assert files and all(f.is_file() for f in files), files
        for file in files:
            with Image.open(file) as image:
                turned = image.width >= image.height and picture in whole  # a crop is landscape
                if max(image.size) > LONGEST or turned:
                    problems.append(f"{file.name}: {image.size}")
            problems += _no_metadata(file)
    assert not problems, "\n".join(problems)


def test_the_page_offers_avif_and_webp_before_a_jpeg_fallback(photo_site):
    output, _, _ = photo_site
    url = _post_url(output, "foto-ponsel")
    hero = _soup(output, url).find("figure", class_="hero").find("picture")
    types = [s["type"] for s in hero.find_all("source")]
    assert types == (["image/avif", "image/webp"] if encode.AVIF else ["image/webp"])
    assert [c.name for c in hero.find_all(True)][-1] == "img"  # the fallback comes last
    for source in hero.find_all("source"):
        assert source.get("sizes")
        for file, descriptor in _files(output, url, source["srcset"]):
            with Image.open(file) as image:
                assert Image.MIME[image.format] == source["type"]
                assert f"{image.width}w" == descriptor
    img = hero.find("img")
    for file, _ in _files(output, url, img["srcset"]) + [(output / img["src"].lstrip("/"), "")]:
        with Image.open(file) as image:
            assert image.format == "JPEG"


def test_a_listing_card_downloads_a_16_9_crop(photo_site):
    output, _, _ = photo_site
    cards = _soup(output, "/pengumuman/").select("picture img.card-img")
    assert cards
    for img in cards:
        assert abs(int(img["width"]) / int(img["height"]) - 16 / 9) < 0.01
        for file in _picture_files(output, "/pengumuman/", img.find_parent("picture")):
            with Image.open(file) as image:
                assert abs(image.width / image.height - 16 / 9) < 0.01, (file.name, image.size)


def test_the_header_logo_is_at_most_132_px(photo_site):
    output, _, _ = photo_site
    logo = _soup(output, "/").find("img", class_="logo")
    assert (logo["width"], logo["height"]) == ("44", "44")
    densities = [d for _, d in parse_srcset(logo["srcset"])]
    assert densities == ["1x", "2x", "3x"]
    for file in [output / logo["src"].lstrip("/")] + [f for f, _ in _files(output, "/", logo["srcset"])]:
        with Image.open(file) as image:
            assert image.width <= 132
    icons = _soup(output, "/").find_all("link", rel="icon")
    assert sorted(i["sizes"] for i in icons) == ["48x48", "96x96"]


@pytest.mark.parametrize("page", ["/pengumuman/", "post"])
def test_the_first_image_loads_first_and_the_rest_lazily(photo_site, page):
    output, _, _ = photo_site
    url = _post_url(output, "foto-ponsel") if page == "post" else page
    images = _soup(output, url).find("main").find_all("img")
    assert len(images) >= 2, url
    first, *rest = images
    assert (first.get("loading"), first.get("fetchpriority")) == ("eager", "high")
    assert all(i.get("loading") == "lazy" and not i.get("fetchpriority") for i in rest), rest


def test_a_narrow_card_background_is_a_warning_naming_the_file(photo_site):
    _, _, build = photo_site
    log = build.stdout + build.stderr
    lines = [line for line in log.splitlines() if "content/gambar/latar-sempit.jpg" in line]
    assert lines and "1200 piksel" in lines[0] and "WARNING" in lines[0], build.log
    assert "content/pengumuman/2026-11-26-latar-sempit.md" in lines[0]
    assert "content/gambar/foto-ponsel.jpg' hanya" not in log  # 4000 px wide is fine


def test_files_that_are_not_images_are_copied_as_they_are(photo_site):
    output, _, _ = photo_site
    assert (output / "unduhan" / "jadwal.pdf").read_bytes() == PDF
