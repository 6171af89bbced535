"""An event's JSON-LD image: 16:9, 4:3 and 1:1, real files, as wide as the source allows.

Built from the sample content plus two events at BUILD_NOW: one without an image
(its social cards are used, padded to each shape) and one whose photo is red on
its left third and blue elsewhere, with card_focus 'kiri' (its square crop must
be the red part). Each image URL of each Event node is opened from the output
with Pillow.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageStat

from sitekit import SAMPLE_CONTENT, read_posts, run_build

SHAPES = ((16, 9), (4, 3), (1, 1))
WIDE = 1200  # what each shape is made at when the source allows
GOOGLE_MIN_PIXELS = 50_000
FOCUS_IMAGE = "gambar/uji-fokus-kiri.png"
EVENTS = {
    "tanpa-gambar": "",
    "fokus-kiri": f"image: {FOCUS_IMAGE}\nimage_alt: Bidang merah di kiri, biru di kanan.\ncard_focus: kiri",
}


def write_events(content: Path) -> None:
    photo = Image.new("RGB", (2400, 1200), (20, 60, 200))
    photo.paste((220, 30, 30), (0, 0, 800, 1200))
    photo.save(content / FOCUS_IMAGE)
    for slug, front in EVENTS.items():
        (content / "acara" / f"2026-11-20-{slug}.md").write_text(
            f"---\ntitle: {slug.replace('-', ' ').title()}\ndate: 2026-11-20 09:00\n"
            "summary: Acara uji untuk gambar data terstruktur.\nstart: 2026-12-05 09:00\n"
            f"end: 2026-12-05 11:00\nplace: Aula Lantai 2\n{front}\n---\n\nIsi acara.\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gambar-acara")
    content = folder / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    write_events(content)
    run = run_build(folder / "output", content=content)
    if run.returncode != 0:
        pytest.fail(f"building failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    posts, _, problems = read_posts(content)
    assert not problems, problems
    return folder / "output", content, [p for p in posts if p.kind == "acara" and p.is_published]


def event_images(output: Path, post) -> list[str]:
    page = output / "acara" / post.slug / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    (event,) = [node for node in graph if node["@type"] == "Event"]
    return event["image"]


def opened(output: Path, url: str) -> Image.Image:
    assert urlsplit(url).scheme in ("http", "https"), url
    with Image.open(output / urlsplit(url).path.lstrip("/")) as image:
        image.load()
        return image


def test_every_event_has_three_shapes_of_real_files(site):
    output, content, events = site
    assert {"tanpa-gambar", "fokus-kiri"} <= {p.slug for p in events}
    for post in events:
        urls = event_images(output, post)
        assert len(urls) == len(SHAPES) == len(set(urls)), (post.slug, urls)
        for url, (across, down) in zip(urls, SHAPES, strict=True):
            image = opened(output, url)
            assert image.width / image.height == pytest.approx(across / down, rel=0.01), (post.slug, url)
            assert image.width * image.height >= GOOGLE_MIN_PIXELS, (post.slug, url)
            if "image" in post.values:
                with Image.open(content / post.values["image"]) as source:
                    # The widest crop of this shape the photo holds.
                    widest = min(source.width, source.height * across / down)
                assert abs(image.width - min(WIDE, widest)) <= 1, url  # crops are whole pixels


def test_an_event_without_a_photo_shows_its_cards_uncut(site):
    output, _, events = site
    post = next(p for p in events if p.slug == "tanpa-gambar")
    wide, four_three, square = (opened(output, url) for url in event_images(output, post))
    assert wide.size == (1200, 675)  # the 1200x630 link card, padded
    assert four_three.size == (1440, 1080)  # the 1080x1080 square card, padded
    assert square.size == (1080, 1080)  # the square card itself


def test_the_crops_are_centred_on_the_posts_focus(site):
    output, _, events = site
    post = next(p for p in events if p.slug == "fokus-kiri")
    *_, square = (opened(output, url) for url in event_images(output, post))
    # 1:1 of 2400x1200 is its left half: red on two thirds of it.
    left = square.crop((0, 0, square.width // 2, square.height))
    assert ImageStat.Stat(left).mean[0] > 200


def test_a_book_keeps_its_cover_and_the_posting_its_card(site):
    """Only scheduled posts get the shapes: a new book's node shows its cover, postings the card."""
    output, content, _ = site
    posts, _, _ = read_posts(content)
    book = next(p for p in posts if "image" in p.values and p.is_published and p.kind == "koleksi-baru")
    soup = BeautifulSoup(
        (output / book.kind / book.slug / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    (cover,) = [node["image"] for node in graph if node["@type"] == "Book"]
    og_image = soup.find("meta", property="og:image")["content"]
    assert isinstance(cover, str) and urlsplit(cover).path.endswith(Path(book.values["image"]).name)
    assert all(node["image"] == og_image for node in graph if node["@type"] == "BlogPosting")
