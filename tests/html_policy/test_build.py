"""End to end: a hostile post in a built site; pages and every feed carry only what the policy allows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from plugins.html_policy.policy import EMBED_SRC
from plugins.html_policy.sanitize import url_allowed
from sitekit import Site, run_build

from .test_check import ALLOWED_EMBED_LINE, EXPECTED, HOSTILE_PATH

POST_URL = "/pengumuman/tulisan-dengan-html-berbahaya/"
ALLOWED_EMBED = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
# Text only the attacks carry: none of it may reach any output file.
ATTACK_TEXT = ["jahat", "document.cookie", "evil.example", "iVBORw0KGgo"]
URL_ATTRIBUTES = ("href", "src", "cite", "action", "formaction", "data", "poster", "xlink:href")


@pytest.fixture(scope="session")
def site(hostile_content, tmp_path_factory) -> Site:
    output = tmp_path_factory.mktemp("html-policy-build") / "output"
    build = run_build(output, content=hostile_content)
    if build.returncode != 0:
        pytest.fail(f"the development build failed (exit {build.returncode}):\n{build.log}", pytrace=False)
    return Site(output, build, hostile_content)


def unsafe_parts(root, where: str) -> list[str]:
    """Scripts, event handlers, disallowed URLs and iframes of an HTML tree."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        theme_script = element.get("src", "").startswith("/theme/js/") and not (element.text or "").strip()
        if element.tag == "script" and element.get("type") != "application/ld+json" and not theme_script:
            found.append(f"{where}: <script>")
        # The theme's own <style> (its colours) is in <head>, never in a body.
        in_head = any(parent.tag == "head" for parent in element.iterancestors())
        if element.tag in ("object", "embed", "form") or (element.tag == "style" and not in_head):
            found.append(f"{where}: <{element.tag}>")
        if element.tag == "iframe" and not EMBED_SRC.fullmatch(element.get("src", "")):
            found.append(f"{where}: iframe src={element.get('src')!r}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{where}: {name}= on <{element.tag}>")
            # webcal:// is the theme's own calendar subscription link (/kalender/), not content.
            theme_link = value.startswith("webcal://")
            if name.lower() in URL_ATTRIBUTES and not url_allowed(value) and not theme_link:
                found.append(f"{where}: {name}={value[:40]!r} on <{element.tag}>")
    return found


def html_fragments_of_feed(path: Path) -> list[str]:
    """Every HTML string in a feed: escaped item content, summaries, JSON content_html."""
    if path.suffix == ".json":
        strings = []

        def walk(value):
            if isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, str):
                strings.append(value)

        walk(json.loads(path.read_text(encoding="utf-8")))
    else:
        tree = lxml.etree.parse(str(path))
        strings = [element.text for element in tree.iter() if isinstance(element.tag, str) and element.text]
    return [text for text in strings if "<" in text]


def feeds(site: Site) -> list[Path]:
    files = sorted(p for p in (site.output / "umpan").rglob("*") if p.suffix in (".xml", ".json"))
    assert any(p.name.endswith(".atom.xml") for p in files)
    assert any(p.name == "instagram.xml" for p in files)
    assert any(p.suffix == ".json" for p in files)
    return files


def test_development_build_publishes_the_post_and_warns_by_line(site):
    assert site.exists(POST_URL)
    warnings = [line for line in site.build.log.splitlines() if HOSTILE_PATH in line]
    for line in EXPECTED:
        assert any(f"baris {line}:" in w for w in warnings), (line, site.build.log)
    assert not any(f"baris {ALLOWED_EMBED_LINE}:" in w for w in warnings)


def test_strict_build_fails_naming_the_file_and_lines(hostile_content, tmp_path):
    build = run_build(tmp_path / "output", content=hostile_content, strict=True)
    assert build.returncode != 0, build.log
    assert "GAGAL" in build.stderr and HOSTILE_PATH in build.stderr
    for line in EXPECTED:
        assert f"baris {line}:" in build.stderr, line
    assert "Cara memperbaiki" in build.stderr
    assert not (tmp_path / "output" / "index.html").exists()


def test_no_page_carries_what_the_policy_removes(site):
    found = []
    for file in site.html_files():
        text = file.read_text(encoding="utf-8")
        found += [f"{file}: {t!r}" for t in ATTACK_TEXT if t in text]
        if "/bagikan/" in f"/{file.relative_to(site.output).as_posix()}":
            continue  # the share kit's own script; its captions are checked by text above
        found += unsafe_parts(lxml.html.fromstring(text), str(file))
    assert found == []


def test_no_feed_carries_what_the_policy_removes(site):
    found, with_post = [], []
    for file in feeds(site):
        text = file.read_text(encoding="utf-8")
        found += [f"{file.name}: {t!r}" for t in ATTACK_TEXT if t in text]
        for fragment in html_fragments_of_feed(file):
            found += unsafe_parts(lxml.html.fragment_fromstring(fragment, create_parent="div"), file.name)
            if "Paragraf pembuka yang aman" in fragment:
                with_post.append(file.name)
    assert found == []
    assert "semua.xml" in with_post and "semua.atom.xml" in with_post and "semua.json" in with_post


def test_the_allowed_embed_and_placeholders_survive_on_the_page(site):
    body = site.soup(POST_URL)
    iframes = body.find_all("iframe")
    assert [i["src"] for i in iframes] == [ALLOWED_EMBED]
    assert iframes[0].get("title") == "Video tur perpustakaan"
    assert "allowfullscreen" in iframes[0].attrs
    links = site.links(POST_URL)
    assert "/acara/bedah-buku-cerita-rakyat/" in links  # {filename} resolved
    assert site.exists("/acara/bedah-buku-cerita-rakyat/")
    images = [img["src"] for img in body.find_all("img")]
    cover = [src for src in images if src.endswith("sampul-laskar-pelangi.jpg")]
    assert cover and not any("{static}" in src for src in images)
    assert site.file_for(cover[0]).is_file()  # {static} resolved to a real file
    # The text of a removed link stays, without its URL.
    assert any(a.get_text() == "Tautan skrip" and not a.get("href") for a in body.find_all("a"))
    assert re.search(r"Paragraf penutup yang aman", body.get_text())


def test_the_allowed_embed_reaches_the_feeds(site):
    json_feed = json.loads((site.output / "umpan" / "semua.json").read_text(encoding="utf-8"))
    item = next(i for i in json_feed["items"] if i["url"].endswith(POST_URL))
    assert ALLOWED_EMBED in item["content_html"]
