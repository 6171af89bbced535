"""Captions are fitted with counts summed over words: the sum must equal each platform's own count.

`counted` measures a text word by word (each word once per process); these
tests compare it with the platform's whole-text measure (twitter-text's
parse_tweet for X) on the sample site's real text and on texts made from
fragments that stress the rules: URLs with and without a protocol, emoji
sequences, skin tones, flags, keycaps, CJK, combining marks, NBSP, "…".
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from plugins.share_kit import captions
from plugins.share_kit.captions import PLATFORMS, Post, counted, remembered_captions, write_captions

CONTENT = Path(__file__).resolve().parents[2] / "content"

FRAGMENTS = [
    "Perpustakaan",
    "Kotamobagu",
    "membaca,",
    "(gratis!)",
    "Sabtu,",
    "09.00–11.00",
    "WITA",
    "https://perpustakaan.kotamobagukota.go.id/acara/diskusi-buku/",
    "http://a.co/x",
    "www.example.com",
    "example.com/jalan?x=1",
    "kotamobagu.go.id.",
    "(lihat:example.com)",
    "https://t.co/abcdef",
    "#BedahBuku",
    "#LiterasiDigital",
    "@perpus",
    "😀",
    "👍🏽",
    "👨\u200d👩\u200d👧\u200d👦",
    "🇮🇩",
    "1\ufe0f\u20e3",
    "©",
    "™",
    "❤️",
    "日本語",
    "한국어",
    "中文。",
    "é",
    "e\u0301",
    "n\u0308\u0323",
    "\u0301",
    "\U0001f3fb",
    "\u200d",
    "a\u00a0b",
    "…",
    "kata…",
    "example.com…",
    "—",
    "\u0600\u0661",
    "नमस्ते",
    "ক্ষ",
    "",
]
GAPS = [" ", " ", " ", "\n", "\n\n", "  ", " \n"]


def sample_texts() -> list[str]:
    """Every line of the sample site's posts, and each post whole."""
    texts = []
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        texts.extend(line for line in text.splitlines() if line.strip())
    return texts


def made_texts(count: int, seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12))]
        text = ""
        for part in parts:
            # Sometimes glued to the previous fragment: a URL or emoji right after a word.
            text += (rng.choice(GAPS) if rng.random() < 0.8 else "") + part
        made.append(text.lstrip() if rng.random() < 0.5 else text)
    return made


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.key)
def test_summed_count_equals_the_platforms_count_on_the_sample_site(platform):
    """Each line and each whole post of content/ counts the same word by word as whole."""
    texts = sample_texts()
    assert len(texts) > 100
    wrong = [t for t in texts if counted(platform, t) != platform.measure(t)]
    assert wrong == []


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.key)
def test_summed_count_equals_the_platforms_count_on_hard_texts(platform):
    """URLs, emoji, CJK, combining marks and gaps of every kind, in random order."""
    wrong = [t for t in made_texts(1500) if counted(platform, t) != platform.measure(t)]
    assert wrong == []


def test_a_space_a_mark_joins_is_not_a_gap():
    """A combining mark or skin tone after a space makes one grapheme with it: counted together."""
    for text in ("a \u0301b", "a \U0001f3fbb", "x \u200d y"):
        for platform in PLATFORMS:
            assert counted(platform, text) == platform.measure(text)


def test_carriage_returns_are_counted_whole():
    """twitter-text reads CR LF as one line break: such a text is not summed word by word."""
    text = "Judul\r\nhttps://example.com/a\r\n#Tagar"
    assert counted(captions.X, text) == captions.X.measure(text)


def test_remembered_captions_are_the_written_ones_and_come_from_the_cache(tmp_path, monkeypatch):
    """A second request for the same post reads the cache: no caption is written again."""
    from plugins._shared import digest_cache

    digest_cache.forget_open_caches()
    post = Post(
        title="Diskusi Buku Laskar Pelangi 📚",
        summary="Bersama komunitas pembaca Kotamobagu membahas novel Andrea Hirata. " * 4,
        link="https://perpustakaan.kotamobagukota.go.id/acara/diskusi-buku-laskar-pelangi/",
        hashtags=("BedahBuku", "LaskarPelangi"),
        details=("Sabtu, 20 Desember 2026, 09.00 WITA", "Perpustakaan Kota"),
        kind_hashtag="Acara",
    )
    library = ("PerpustakaanKotamobagu",)
    first = remembered_captions(post, library, tmp_path)
    assert first == write_captions(post, library)
    digest_cache.cache_at(tmp_path, captions.CACHE_NAME).save()
    digest_cache.forget_open_caches()

    def refuse(*args, **kwargs):
        raise AssertionError("caption written again")

    monkeypatch.setattr(captions, "write_captions", refuse)
    again = remembered_captions(post, library, tmp_path)
    assert again == first
    assert [c.platform for c in again] == list(PLATFORMS)
    assert digest_cache.cache_at(tmp_path, captions.CACHE_NAME).stats.hits == 1
    digest_cache.forget_open_caches()


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.key)
def test_paragraph_counts_add_up_to_the_whole_caption(platform):
    """Fitting sums each paragraph's count: equal to counting the caption whole, edges of any kind."""
    from plugins.share_kit.captions import SEPARATOR, _blocks_length

    rng = random.Random(4)
    texts = [t for t in made_texts(600, seed=5) if t.strip()] + ["\u0301a", "a\u0600", "\U0001f3fb", "b\r"]
    for _ in range(600):
        blocks = [rng.choice(texts) for _ in range(rng.randint(1, 5))]
        assert _blocks_length(platform, blocks) == platform.measure(SEPARATOR.join(blocks)), blocks
