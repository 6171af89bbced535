"""One hashtag order for feeds and captions: the post's own, the library's, the kind's last.

The kind's hashtag is the first to go when a caption runs out of room, then
the library's, then the post's own from the end.
"""

from __future__ import annotations

import html
import re

import pytest

from plugins._shared.hashtags import post_hashtags
from plugins.share_kit.captions import MASTODON, Platform, Post, write_caption
from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    KIND_HASHTAGS,
    SOCIAL_RSS,
    expected_categories,
)

# The public build's library hashtags, in LIBRARY order.
LIBRARY = ("PerpustakaanKotamobagu", "KotamobaguMembaca")
OWN_TAGS = {
    # slug: the categories the specification gives (own, library, kind; each once, first spelling)
    "buku-dan-kopi-di-teras": [
        "BukuDanKopi",
        "Teras_Baca",
        "KotamobaguMembaca",
        "PerpustakaanKotamobagu",
        "Pengumuman",
    ],
    "kelas-menulis-cerpen": ["KelasMenulis", "acara", "PerpustakaanKotamobagu", "KotamobaguMembaca"],
}
CAPTION_HASHTAGS = re.compile(r"\n\n((?:#\w+ ?)+)</textarea>")


def test_post_hashtags_orders_own_library_then_kind_once_each():
    assert post_hashtags(["Dongeng", "#perpustakaankotamobagu"], LIBRARY, "Acara") == (
        "Dongeng",
        "perpustakaankotamobagu",
        "KotamobaguMembaca",
        "Acara",
    )
    assert post_hashtags([], LIBRARY, "KoleksiBaru") == (*LIBRARY, "KoleksiBaru")
    assert post_hashtags(["acara"], (), "Acara") == ("acara",)
    assert post_hashtags([], (), "") == ()


def test_library_hashtags_are_the_public_ones(library_hashtags):
    assert tuple(library_hashtags) == LIBRARY


@pytest.mark.parametrize("slug", sorted(OWN_TAGS))
def test_feed_categories_of_a_post_with_own_tags_follow_the_policy(social_site, slug):
    post = next(p for p in social_site.published if p.slug == slug)
    expected = OWN_TAGS[slug]
    assert expected == expected_categories(post, LIBRARY)
    assert expected == list(post_hashtags(post.values["hashtags"], LIBRARY, KIND_HASHTAGS[post.kind]))
    for path in (ALL_RSS, ALL_ATOM, SOCIAL_RSS):
        entry = next((e for e in social_site.parse(path).entries if e.id == social_site.url(post)), None)
        if entry is None and path == SOCIAL_RSS:
            continue  # not current at BUILD_NOW
        assert [t.term for t in entry.tags] == expected, path
    item = next(i for i in social_site.json(ALL_JSON)["items"] if i["id"] == social_site.url(post))
    assert item["tags"] == expected


@pytest.mark.parametrize("slug", sorted(OWN_TAGS))
def test_share_kit_captions_and_feed_categories_agree(social_site, slug):
    """Every caption on the post's share-kit page ends with the feed's hashtags, in the same order
    (X and Bluesky may give up the last ones for an event's lines; the rest have room for all)."""
    post = next(p for p in social_site.published if p.slug == slug)
    entry = next(e for e in social_site.parse(ALL_RSS).entries if e.id == social_site.url(post))
    page = (social_site.output / "bagikan" / post.kind / post.slug / "index.html").read_text("utf-8")
    captions = [html.unescape(m).split() for m in CAPTION_HASHTAGS.findall(page)]
    assert len(captions) == 5, f"{len(captions)} captions with hashtags on the share-kit page"
    expected = [f"#{t.term}" for t in entry.tags]
    for written in captions:
        assert written and written == expected[: len(written)], (written, expected)
    assert sum(written == expected for written in captions) >= 3, captions


def _post(kind_hashtag: str, hashtags=("BukuDanKopi", "Teras_Baca")) -> Post:
    return Post(
        title="Buku dan Kopi di Teras",
        summary="",
        link="https://x.test/pengumuman/buku/",
        hashtags=hashtags,
        kind_hashtag=kind_hashtag,
    )


def test_a_caption_writes_the_kind_hashtag_last():
    caption = write_caption(_post("Pengumuman"), MASTODON, LIBRARY)
    assert caption.hashtags == tuple(
        f"#{t}" for t in post_hashtags(("BukuDanKopi", "Teras_Baca"), LIBRARY, "Pengumuman")
    )
    assert caption.text.endswith("#PerpustakaanKotamobagu #KotamobaguMembaca #Pengumuman")


def test_a_tight_caption_drops_the_kind_hashtag_first_then_the_librarys():
    roomy = write_caption(_post("Pengumuman"), MASTODON, LIBRARY)
    tight = Platform("ketat", "Ketat", roomy.length - 1, len, "karakter", "")
    caption = write_caption(_post("Pengumuman"), tight, LIBRARY)
    assert caption.dropped == ("#Pengumuman",)
    assert caption.hashtags == roomy.hashtags[:-1]
    tighter = Platform("ketat", "Ketat", roomy.length - len(" #Pengumuman") - 1, len, "karakter", "")
    caption = write_caption(_post("Pengumuman"), tighter, LIBRARY)
    assert caption.dropped == ("#KotamobaguMembaca", "#Pengumuman")
    assert caption.hashtags == ("#BukuDanKopi", "#Teras_Baca", "#PerpustakaanKotamobagu")
