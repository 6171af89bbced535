"""A readable snapshot of a built site: what readers, crawlers and auto-posters get.

`python tools/snapshot.py OUTPUT_DIR [CARD_MANIFEST] > snapshot.json` writes,
per page, its title, head tags, JSON-LD and main text; per feed, its items;
and the card inputs the build recorded in its card manifest.
tests/site/test_snapshot.py compares a fresh build
of the sample site with the committed tests/fixtures/golden/sample.json, so a
refactor that changes what the site says is caught; `invoke snapshot` writes
it again after an intended change.

Digests in file names (cards, image sizes) are masked: they change with the
drawing code, not with what a page says.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

DIGEST = re.compile(r"-[0-9a-f]{10}(?=\.(?:jpg|jpeg|png|webp|avif)\b)")
# Byte sizes of card files: they change with the drawing, not with what the site says.
SIZES = re.compile(r'("(?:length|size_in_bytes|fileSize)": ?)("?)\d+"?')
SKIPPED_FOLDERS = ("kartu", "gambar", "theme")


def mask(text: str) -> str:
    return SIZES.sub(r'\g<1>"#"', DIGEST.sub("-#", text))


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def page_snapshot(path: Path) -> dict:
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    head = soup.head
    tags = []
    for meta in head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            tags.append([key, mask(meta.get("content", ""))])
    for link in head.find_all("link"):
        tags.append(
            ["link:" + " ".join(link.get("rel", [])), mask(link.get("href", "")), link.get("type", "")]
        )
    jsonld = [
        json.loads(mask(script.string or "null"))
        for script in head.find_all("script", type="application/ld+json")
    ]
    main = soup.find("main")
    images = [
        [mask(img.get("src", "")), img.get("alt", ""), mask(img.get("srcset", ""))]
        for img in (main.find_all("img") if main else [])
    ]
    links = [[mask(a.get("href", "")), _text(a)] for a in (main.find_all("a") if main else [])]
    return {
        "title": _text(soup.title),
        "head": tags,
        "jsonld": jsonld,
        "text": _text(main),
        "images": images,
        "links": links,
    }


def feed_snapshot(path: Path) -> dict:
    data = path.read_bytes()
    if path.suffix == ".json":
        return json.loads(mask(data.decode("utf-8")))
    soup = BeautifulSoup(data, "xml")
    items = []
    for item in soup.find_all(["item", "entry"]):
        fields = {}
        for child in item.find_all(recursive=False):
            key = child.name if not child.prefix else f"{child.prefix}:{child.name}"
            value = (
                mask(child.get_text()) if child.get_text() else mask(json.dumps(child.attrs, sort_keys=True))
            )
            fields.setdefault(key, []).append(value)
        items.append(fields)
    return {"items": items}


def snapshot(output: Path, manifest: Path | None = None) -> dict:
    """Pages and feeds of an output folder, and the card inputs of its build's card manifest."""
    pages, feeds = {}, {}
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output).as_posix()
        if not path.is_file() or relative.split("/")[0] in SKIPPED_FOLDERS:
            continue
        if path.suffix == ".html":
            pages[relative] = page_snapshot(path)
        elif relative.startswith("umpan/") and path.suffix in (".xml", ".json"):
            feeds[relative] = feed_snapshot(path)
    found = {"pages": pages, "feeds": feeds}
    if manifest is not None:
        found["card_inputs"] = json.loads(manifest.read_text(encoding="utf-8")).get("inputs", {})
    return found


if __name__ == "__main__":
    manifest = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    json.dump(snapshot(Path(sys.argv[1]), manifest), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
