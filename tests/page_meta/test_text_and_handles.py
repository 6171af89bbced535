"""Clipping to platform limits, and handles derived from social URLs."""

from __future__ import annotations

from plugins.page_meta.handles import fediverse_handle, x_handle
from plugins.page_meta.text import clip


def test_short_text_is_kept_whole():
    """Text within the limit is only squashed to one line."""
    assert clip("  Diskusi\n Buku  ", 70) == "Diskusi Buku"


def test_long_text_is_cut_at_a_word_with_an_ellipsis():
    """A cut never splits a word and the result, ellipsis included, fits."""
    text = "Pelatihan menulis cerita pendek untuk pelajar SMP dan SMA se-Kotamobagu bersama penulis"
    clipped = clip(text, 70)
    assert len(clipped) <= 70 and clipped.endswith("…")
    assert text.startswith(clipped[:-1]) and text[len(clipped) - 1] == " "


def test_one_giant_word_is_cut_hard():
    """A word longer than the limit is cut inside the word."""
    assert clip("a" * 100, 10) == "a" * 9 + "…"


def test_handles_come_from_profile_urls():
    """X and fediverse handles are derived, with no second place to edit them."""
    assert x_handle("https://x.com/perpuskotamobagu") == "@perpuskotamobagu"
    assert fediverse_handle("https://mastodon.social/@perpus") == "@perpus@mastodon.social"
    assert x_handle(None) is None and fediverse_handle("") is None


def test_a_cut_never_splits_an_emoji_sequence():
    """A run of family emoji is cut between whole families, never inside one."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    clipped = clip(family * 20, 70)
    assert clipped.endswith(family + "…")
    assert clipped[:-1] == family * (len(clipped[:-1]) // len(family))
