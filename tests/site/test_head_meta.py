"""Every built page's head, read as a crawler reads it (metadata_parser, extruct).

Checks each Open Graph, Twitter and JSON-LD value the link-preview issue asks
for, that they agree with each other, fit the platforms' limits, and that each
og:image is a real JPEG of the stated size under 300 KB.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import extruct
import metadata_parser
import pytest
from PIL import Image

from plugins.content_model.kinds import DEFAULT as _KINDS

KINDS = _KINDS.posts

PUBLIC_URL = "http://127.0.0.1:8000"  # pelicanconf.py's PUBLIC_URL
MAX_IMAGE_BYTES = 300_000


def _values(metadatas, key):
    found = metadatas.get(key, [])
    return found if isinstance(found, list) else [found]


class Head:
    """One page's head as a crawler sees it."""

    def __init__(self, site, file):
        html = file.read_text(encoding="utf-8")
        self.file = file
        self.url_path = site.url_for(file)
        parsed = metadata_parser.MetadataParser(html=html, search_head_only=True).parsed_result
        self.meta = parsed.metadata["meta"]
        self.og = parsed.metadata["og"]
        self.twitter = parsed.metadata["twitter"]
        self.jsonld = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
        soup = site.soup(file)
        canonical = soup.find("link", rel="canonical")
        self.canonical = canonical["href"] if canonical else None
        robots = soup.find("meta", attrs={"name": "robots"})
        self.robots = robots["content"] if robots else None

    def one(self, key):
        values = _values(self.meta, key)
        assert len(values) == 1, f"{self.url_path}: {key} appears {len(values)} times"
        return values[0]

    def nodes(self, kind):
        graph = [node for block in self.jsonld for node in block.get("@graph", [block])]
        return [node for node in graph if node.get("@type") == kind]


@pytest.fixture(scope="module")
def heads(built_site):
    return [Head(built_site, file) for file in built_site.html_files()]


def _post_of(built_site, head):
    return next((p for p in built_site.posts if p.url == head.url_path), None)


def test_every_page_has_canonical_and_og_url_that_agree(heads, built_site):
    """canonical == og:url, absolute, and it maps back to the very file."""
    for head in heads:
        if head.url_path == "/404.html" or head.url_path.startswith("/bagikan/"):
            assert "noindex" in head.robots and head.canonical is None, head.url_path
            continue
        assert head.canonical == head.one("og:url"), head.url_path
        assert head.canonical == PUBLIC_URL + head.url_path, head.url_path


def test_text_tags_agree_and_fit_platform_limits(heads):
    """Title <= 70, description <= 200, identical across meta, og and twitter."""
    for head in heads:
        description = head.one("description")
        assert 0 < len(description) <= 200, head.url_path
        assert head.one("og:description") == head.one("twitter:description") == description
        title = head.one("og:title")
        assert 0 < len(title) <= 70, head.url_path
        assert head.one("twitter:title") == title
        assert head.one("og:site_name") == "Perpustakaan Kota Kotamobagu"
        assert head.one("og:locale") == "id_ID"
        assert head.one("twitter:card") == "summary_large_image"
        assert head.one("twitter:site") == "@perpuskotamobagu"
        assert head.one("theme-color") == "#0b5d4b"


def test_every_og_image_is_a_real_card_inside_the_limits(heads, built_site):
    """og:image is absolute, its file exists with the stated size and type, under 300 KB."""
    for head in heads:
        image_url = head.one("og:image")
        assert image_url.startswith(PUBLIC_URL + "/"), head.url_path
        file = built_site.output / image_url.removeprefix(PUBLIC_URL + "/")
        assert file.is_file(), f"{head.url_path}: {image_url} is not in the output"
        with Image.open(file) as image:
            assert image.format == "JPEG"
            assert (str(image.width), str(image.height)) == (
                head.one("og:image:width"),
                head.one("og:image:height"),
            ), head.url_path
        assert (image.width, image.height) == (1200, 630)
        assert head.one("og:image:type") == "image/jpeg"
        assert file.stat().st_size < MAX_IMAGE_BYTES, head.url_path
        alt = head.one("og:image:alt")
        assert 0 < len(alt) <= 420
        assert head.one("twitter:image") == image_url
        assert head.one("twitter:image:alt") == alt


def test_posts_are_articles_with_times_section_and_tags(heads, built_site):
    """Posts: og:type article, ISO times with +08:00, the kind as section, hashtags as tags."""
    posts = 0
    for head in heads:
        post = _post_of(built_site, head)
        if post is None:
            assert head.one("og:type") == "website", head.url_path
            continue
        posts += 1
        assert head.one("og:type") == "article"
        published = dt.datetime.fromisoformat(head.one("article:published_time"))
        assert published == post.values["date"] and published.utcoffset() == dt.timedelta(hours=8)
        modified = dt.datetime.fromisoformat(head.one("article:modified_time"))
        assert modified == post.values.get("modified", post.values["date"])
        assert head.one("article:section") == KINDS[post.kind].label
        assert _values(head.meta, "article:tag") == post.values.get("hashtags", [])
    assert posts == len([p for p in built_site.posts if p.is_published])


def test_library_is_described_on_every_page(heads):
    """A schema.org Library with address, geo, hours, logo and social accounts on every page."""
    for head in heads:
        (library,) = head.nodes("Library")
        assert library["name"] == "Perpustakaan Kota Kotamobagu"
        assert library["address"]["@type"] == "PostalAddress"
        assert library["address"]["addressLocality"] == "Kotamobagu"
        assert {"latitude", "longitude"} <= set(library["geo"])
        assert library["openingHoursSpecification"][0]["opens"] == "08:00"
        assert library["logo"].startswith(PUBLIC_URL + "/")
        assert library["sameAs"] and all(url.startswith("https://") for url in library["sameAs"])


def test_post_jsonld_agrees_with_open_graph(heads, built_site):
    """BlogPosting/NewsArticle headline, description and image equal the og values."""
    for head in heads:
        post = _post_of(built_site, head)
        if post is None:
            continue
        kind = "NewsArticle" if post.kind == "pengumuman" else "BlogPosting"
        (posting,) = head.nodes(kind)
        assert posting["headline"] == head.one("og:title")
        assert posting["description"] == head.one("og:description")
        assert posting["image"] == head.one("og:image")
        assert posting["datePublished"] == head.one("article:published_time")
        assert posting["publisher"]["@id"].endswith("/#perpustakaan")


def test_events_are_schema_org_events(heads, built_site):
    """Events carry dates with offset, location, status, attendance mode, image, organizer."""
    events = [(h, _post_of(built_site, h)) for h in heads]
    events = [(h, p) for h, p in events if p is not None and p.kind == "acara"]
    assert events
    for head, post in events:
        (event,) = head.nodes("Event")
        start = dt.datetime.fromisoformat(event["startDate"])
        assert start == post.values["start"] and start.utcoffset() == dt.timedelta(hours=8)
        assert dt.datetime.fromisoformat(event["endDate"]) == post.values["end"]
        assert event["name"] == post.values["title"]  # in full; status is eventStatus
        assert event["description"] == head.one("og:description")
        # 16:9, 4:3 and 1:1 for Google's event results (their files: tests/page_meta/test_event_images.py)
        site = urlsplit(head.one("og:image"))[:2]
        assert len(event["image"]) == 3 and all(urlsplit(url)[:2] == site for url in event["image"])
        assert event["organizer"]["name"] == "Perpustakaan Kota Kotamobagu"
        status = post.values.get("event_status", "terjadwal")
        expected = {
            "terjadwal": "EventScheduled",
            "ditunda": "EventPostponed",
            "dibatalkan": "EventCancelled",
            "pindah-daring": "EventMovedOnline",
        }[status]
        assert event["eventStatus"] == f"https://schema.org/{expected}"
        locations = event["location"] if isinstance(event["location"], list) else [event["location"]]
        types = {location["@type"] for location in locations}
        if post.values.get("place") and status != "pindah-daring":
            place = next(loc for loc in locations if loc["@type"] == "Place")
            assert place["name"] == post.values["place"]
            assert place["address"]["@type"] == "PostalAddress"
        if post.values.get("online_url"):
            assert "VirtualLocation" in types
        mode = event["eventAttendanceMode"].rsplit("/", 1)[1]
        assert (
            mode
            == {
                frozenset({"Place"}): "OfflineEventAttendanceMode",
                frozenset({"VirtualLocation"}): "OnlineEventAttendanceMode",
                frozenset({"Place", "VirtualLocation"}): "MixedEventAttendanceMode",
            }[frozenset(types)]
        )


def test_new_books_are_schema_org_books(heads, built_site):
    """A new collection item describes its Book with the ISBN and author."""
    books = [(h, _post_of(built_site, h)) for h in heads]
    books = [(h, p) for h, p in books if p is not None and p.kind == "koleksi-baru"]
    assert books
    for head, post in books:
        (book,) = head.nodes("Book")
        assert book["isbn"] == post.values["isbn"]
        assert book["author"]["name"] == post.values["book_author"]
        assert book["name"] == post.values["book_title"]


def test_breadcrumbs_end_at_the_page_itself(heads):
    """Every page but home and 404 has a BreadcrumbList from home to its own canonical URL."""
    for head in heads:
        crumbs = head.nodes("BreadcrumbList")
        if head.url_path in ("/", "/404.html") or head.url_path.startswith("/bagikan/"):
            assert not crumbs
            continue
        (trail,) = crumbs
        items = trail["itemListElement"]
        assert items[0]["item"] == PUBLIC_URL + "/"
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        if "/halaman-" not in head.url_path and head.canonical:
            assert items[-1]["item"] == head.canonical, head.url_path
