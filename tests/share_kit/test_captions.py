"""Captions per platform: how each counts, what each holds, and how a long post is fitted."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from plugins._shared.hashtags import post_hashtags
from plugins.content_model.facts import build_facts
from plugins.content_model.kinds import DEFAULT as KINDS
from plugins.content_model.presentation import PresentContext
from plugins.share_kit.captions import (
    BLUESKY,
    FACEBOOK,
    INSTAGRAM,
    INSTAGRAM_LINK_LINE,
    MASTODON,
    PLATFORMS,
    CaptionTooLong,
    Post,
    X,
    grapheme_count,
    mastodon_count,
    post_from_article,
    shorten_words,
    utf16_count,
    write_caption,
    write_captions,
    x_count,
)

WITA = ZoneInfo("Asia/Makassar")
NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=WITA)  # before every event below
LIBRARY = ("PerpustakaanKotamobagu", "KotamobaguMembaca")
LINK = "https://perpustakaan.kotamobagukota.go.id/literasi-digital/membuat-kata-sandi-yang-kuat/"
FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # one grapheme, seven code points, eleven UTF-16 units
COMBINING = "n\u0308\u0323"  # n with two combining marks: one grapheme, three code points


def post(**changes) -> Post:
    values = dict(
        title="Membuat Kata Sandi yang Kuat",
        summary="Tiga kebiasaan sederhana agar akun media sosial dan surel tidak mudah dibobol.",
        link=LINK,
        hashtags=("LiterasiDigital", "AmanDiInternet"),
    )
    values.update(changes)
    return Post(**values)


def words(count: int, word: str = "kata") -> str:
    return " ".join(f"{word}{i}" for i in range(count))


def summary_part(caption, original: Post) -> str:
    """The summary paragraph as written in a caption ('' when left out)."""
    blocks = caption.text.split("\n\n")
    first_word = original.summary.split()[0]
    return next((b for b in blocks if b.startswith(first_word)), "")


# --- counting -------------------------------------------------------------------------------


def test_x_counts_any_url_as_23():
    """However long the URL, X counts it 23."""
    assert x_count(LINK) == 23
    assert x_count("https://a.co/") == 23
    assert x_count(f"Baca {LINK}") == len("Baca ") + 23


def test_x_counts_emoji_and_cjk_as_2_and_latin_as_1():
    assert x_count("abc") == 3
    assert x_count("é") == 1
    assert x_count("😀") == 2
    assert x_count(FAMILY) == 2  # a whole ZWJ sequence is one emoji
    assert x_count("🇮🇩") == 2
    assert x_count("日本") == 4
    assert x_count("…") == 2  # U+2026 is outside twitter-text's weight-1 ranges


def test_mastodon_counts_urls_as_23_and_text_as_graphemes():
    assert mastodon_count(LINK) == 23
    assert mastodon_count(f"Baca {LINK} ya") == len("Baca ") + 23 + len(" ya")
    assert mastodon_count(FAMILY) == 1
    # A bare domain is not a link for Mastodon: it counts every character.
    assert mastodon_count("kotamobagukota.go.id") == len("kotamobagukota.go.id")


def test_bluesky_counts_graphemes_not_code_points():
    assert grapheme_count(FAMILY) == 1
    assert grapheme_count(COMBINING) == 1
    assert grapheme_count("e\u0301") == 1
    assert grapheme_count("🇮🇩👍🏽") == 2
    assert grapheme_count(LINK) == len(LINK)  # Bluesky counts a link in full
    assert BLUESKY.measure is grapheme_count


def test_instagram_and_facebook_count_utf16_units():
    """The cautious count: an emoji outside the BMP counts 2, so a caption never runs over."""
    assert utf16_count("abc") == 3
    assert utf16_count("😀") == 2
    assert utf16_count(FAMILY) == 11


# --- what every caption holds ---------------------------------------------------------------


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.key)
def test_a_normal_post_keeps_everything_and_fits(platform):
    caption = write_caption(post(), platform, LIBRARY)
    text = caption.text
    assert text.startswith("Membuat Kata Sandi yang Kuat\n\n")
    assert "Tiga kebiasaan sederhana agar akun media sosial dan surel tidak mudah dibobol." in text
    assert text.endswith("#LiterasiDigital #AmanDiInternet #PerpustakaanKotamobagu #KotamobaguMembaca")
    assert caption.length == platform.measure(text) <= platform.limit
    assert caption.fits and not caption.dropped
    assert not (caption.summary_shortened or caption.summary_dropped or caption.title_shortened)


@pytest.mark.parametrize("platform", [X, MASTODON, BLUESKY, FACEBOOK], ids=lambda p: p.key)
def test_captions_with_a_working_link_carry_it_whole(platform):
    text = write_caption(post(), platform, LIBRARY).text
    assert f"\n\n{LINK}\n\n" in text
    assert INSTAGRAM_LINK_LINE not in text


def test_instagram_points_to_the_link_in_bio_instead_of_a_link():
    text = write_caption(post(), INSTAGRAM, LIBRARY).text
    assert "tautan di bio" in text
    assert "http" not in text


def test_hashtags_are_deduplicated_ignoring_case_and_prefixed_once():
    tags = post_hashtags(["#perpustakaankotamobagu", "BacaBuku", "bacabuku"], LIBRARY, "Acara")
    assert tags == ("perpustakaankotamobagu", "BacaBuku", "KotamobaguMembaca", "Acara")
    text = write_caption(post(hashtags=("#BacaBuku", "kotamobagumembaca")), X, LIBRARY).text
    assert text.endswith("#BacaBuku #kotamobagumembaca #PerpustakaanKotamobagu")
    assert "##" not in text


def test_library_hashtags_are_added_to_a_post_without_hashtags():
    caption = write_caption(post(hashtags=()), MASTODON, LIBRARY)
    assert caption.hashtags == ("#PerpustakaanKotamobagu", "#KotamobaguMembaca")


# --- fitting --------------------------------------------------------------------------------

HUGE = post(
    title=words(120, "Judul"),
    summary=words(900, "ringkasan"),
    hashtags=tuple(f"TagarPanjangSekali{i}" for i in range(40)),
)


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.key)
def test_very_long_posts_fit_every_platform(platform):
    """A huge title, a huge summary and 40 hashtags still fit; the link is whole."""
    caption = write_caption(HUGE, platform, LIBRARY)
    assert caption.length == platform.measure(caption.text) <= platform.limit
    if platform.link:
        assert LINK in caption.text.split("\n\n")
    title = caption.text.split("\n\n")[0]
    if caption.title_shortened:  # cut at a word, never inside one
        assert title.endswith("…")
        assert HUGE.title.startswith(title[:-1]) and HUGE.title[len(title) - 1] == " "


def test_instagram_holds_at_most_30_hashtags_dropping_the_librarys_first():
    caption = write_caption(
        post(summary="Pendek.", hashtags=tuple(f"Tagar{i}" for i in range(40))), INSTAGRAM, LIBRARY
    )
    assert len(caption.hashtags) == 30
    assert caption.text.count("#") == 30
    assert caption.hashtags == tuple(f"#Tagar{i}" for i in range(30))
    assert caption.dropped == (
        *(f"#Tagar{i}" for i in range(30, 40)),
        "#PerpustakaanKotamobagu",
        "#KotamobaguMembaca",
    )


def test_instagram_keeps_library_hashtags_when_under_30():
    caption = write_caption(post(hashtags=tuple(f"Tagar{i}" for i in range(28))), INSTAGRAM, LIBRARY)
    assert len(caption.hashtags) == 30
    assert caption.hashtags[-2:] == ("#PerpustakaanKotamobagu", "#KotamobaguMembaca")


def test_the_summary_is_shortened_first_at_a_word_with_an_ellipsis():
    """A summary that does not fit is cut at a word; every hashtag stays."""
    long = post(summary=words(60, "kata"))
    caption = write_caption(long, X, LIBRARY)
    assert caption.summary_shortened and not caption.dropped
    summary = summary_part(caption, long)
    assert summary.endswith("…")
    kept = summary[:-1].split(" ")
    assert kept == long.summary.split(" ")[: len(kept)]
    assert caption.hashtags == (
        "#LiterasiDigital",
        "#AmanDiInternet",
        "#PerpustakaanKotamobagu",
        "#KotamobaguMembaca",
    )


def test_hashtags_go_only_when_even_no_summary_fits_library_ones_first():
    """Then the library's hashtags go from the end, then the post's from the end."""
    tags = tuple(f"TagarPanjang{i:02d}" for i in range(20))  # 20 x 16 characters: more than X holds
    caption = write_caption(post(hashtags=tags), X, LIBRARY)
    assert caption.summary_dropped
    assert caption.dropped[-2:] == ("#PerpustakaanKotamobagu", "#KotamobaguMembaca")
    kept = len(caption.hashtags)
    assert 0 < kept < 20
    assert caption.hashtags == tuple(f"#{t}" for t in tags[:kept])
    assert caption.dropped[:-2] == tuple(f"#{t}" for t in tags[kept:])
    assert caption.length <= 280


def test_one_library_hashtag_goes_before_any_post_hashtag():
    """With room for all but one hashtag, the last library hashtag is the one left out."""
    base = post(summary="", hashtags=("Satu", "Dua"))
    full = write_caption(base, X, LIBRARY)
    room = X.limit - full.length + len(" #KotamobaguMembaca") - 1
    tight = post(summary="", hashtags=("Satu", "Dua"), title=f"{base.title} {'x' * (room - 1)}")
    caption = write_caption(tight, X, LIBRARY)
    assert caption.dropped == ("#KotamobaguMembaca",)
    assert caption.hashtags == ("#Satu", "#Dua", "#PerpustakaanKotamobagu")


def test_the_title_is_cut_last_and_only_at_a_word():
    caption = write_caption(post(title=words(200, "Judul")), X, LIBRARY)
    title = caption.text.split("\n\n")[0]
    assert caption.title_shortened and title.endswith("…")
    assert title[:-1].split(" ")[-1].startswith("Judul")
    assert words(200, "Judul").startswith(title[:-1] + " ")
    assert not caption.hashtags and caption.summary_dropped
    assert LINK in caption.text


def test_emoji_and_graphemes_are_counted_per_platform():
    """50 family emoji: 50 graphemes on Bluesky (fits), 100 on X, 550 UTF-16 units on Facebook."""
    emoji_post = post(summary=" ".join([FAMILY] * 50), hashtags=())
    bluesky = write_caption(emoji_post, BLUESKY, ())
    assert not bluesky.summary_shortened and bluesky.length <= 300
    assert bluesky.length == grapheme_count(bluesky.text)
    x = write_caption(emoji_post, X, ())
    assert x.length == x_count(x.text) <= 280
    facebook = write_caption(emoji_post, FACEBOOK, ())
    assert facebook.summary_shortened and facebook.length <= 500


def test_combining_marks_count_once_on_bluesky():
    title = " ".join([COMBINING * 3] * 30)  # 90 graphemes, 270 code points
    caption = write_caption(post(title=title, summary="", hashtags=()), BLUESKY, ())
    assert not caption.title_shortened
    assert caption.length == grapheme_count(caption.text) < len(caption.text)


def test_a_link_too_long_for_the_platform_is_refused():
    with pytest.raises(CaptionTooLong):
        write_caption(post(link="https://example.org/" + "a" * 400), BLUESKY, ())


def test_write_captions_covers_every_platform_in_order():
    captions = write_captions(post(), LIBRARY)
    assert [c.platform.key for c in captions] == ["x", "mastodon", "bluesky", "instagram", "facebook"]
    assert [c.platform.limit for c in captions] == [280, 500, 300, 2200, 500]


def test_shorten_words_strips_trailing_punctuation_before_the_ellipsis():
    assert shorten_words("Satu, dua, tiga.", 2) == "Satu, dua…"
    assert shorten_words("Satu dua", 5) == "Satu dua"
    assert shorten_words("Satu dua", 0) == ""


# --- from an article ------------------------------------------------------------------------


def _article(kind="acara", **fields):
    values = {
        "title": "Diskusi Buku",
        "summary": "Membahas novel bersama komunitas.",
        "hashtags": ["DiskusiBuku"],
        "start": dt.datetime(2026, 12, 5, 9, 0, tzinfo=WITA),
        "end": dt.datetime(2026, 12, 5, 11, 0, tzinfo=WITA),
        "place": "Ruang Diskusi Lantai 2",
    }
    if kind != "acara":
        values = {k: v for k, v in values.items() if k in ("title", "summary", "hashtags")}
    values.update(fields, date=dt.datetime(2026, 11, 20, 9, 0, tzinfo=WITA))
    facts = build_facts(KINDS.posts[kind], values, PresentContext("Perpustakaan Kota Kotamobagu", WITA))
    return SimpleNamespace(
        title=values["title"],
        summary=values["summary"],
        url=f"{kind}/diskusi-buku/",
        kind=KINDS.posts[kind],
        fields=values,
        facts=facts,
        calendar=SimpleNamespace(ics=f"kalender/{kind}/diskusi-buku.ics") if kind == "acara" else None,
    )


def test_an_event_caption_says_when_and_where_in_indonesian():
    made = post_from_article(_article(), "https://perpustakaan.example.id", NOW)
    assert made.link == "https://perpustakaan.example.id/acara/diskusi-buku/"
    assert made.details == (
        "Waktu: Sabtu, 5 Desember 2026, pukul 09.00–11.00 WITA",
        "Tempat: Ruang Diskusi Lantai 2",
    )
    text = write_caption(made, X, LIBRARY).text
    assert ("Waktu: Sabtu, 5 Desember 2026, pukul 09.00–11.00 WITA\nTempat: Ruang Diskusi Lantai 2") in text


def test_a_cancelled_event_says_so_in_the_title():
    made = post_from_article(_article(event_status="dibatalkan"), "https://x.example", NOW)
    assert made.title == "Dibatalkan: Diskusi Buku"


def test_an_online_event_is_placed_online():
    made = post_from_article(
        _article(place="", online_url="https://meet.example/x"), "https://x.example", NOW
    )
    assert made.details[-1] == "Tempat: Daring"


def test_event_lines_stay_while_the_summary_goes():
    made = post_from_article(_article(summary=words(80)), "https://perpustakaan.example.id", NOW)
    caption = write_caption(made, X, LIBRARY)
    assert caption.summary_shortened or caption.summary_dropped
    assert "Tempat: Ruang Diskusi Lantai 2" in caption.text and caption.details_dropped == 0


def test_the_kind_hashtag_comes_last_after_the_librarys():
    """The same order as the feeds' categories (post_hashtags): own, library, kind."""
    made = post_from_article(_article(kind="pengumuman"), "https://x.example", NOW)
    assert made.kind_hashtag == "Pengumuman"
    caption = write_caption(made, MASTODON, LIBRARY)
    assert caption.hashtags == (
        "#DiskusiBuku",
        "#PerpustakaanKotamobagu",
        "#KotamobaguMembaca",
        "#Pengumuman",
    )


def test_the_kind_hashtag_is_the_first_to_go():
    """With room for all but one hashtag, the kind's is left out, before any library hashtag."""
    base = post(summary="", hashtags=("Satu", "Dua"), kind_hashtag="Acara")
    full = write_caption(base, X, LIBRARY)
    room = X.limit - full.length + len(" #Acara") - 1
    tight = post(
        summary="", hashtags=("Satu", "Dua"), kind_hashtag="Acara", title=f"{base.title} {'x' * (room - 1)}"
    )
    caption = write_caption(tight, X, LIBRARY)
    assert caption.dropped == ("#Acara",)
    assert caption.hashtags == ("#Satu", "#Dua", "#PerpustakaanKotamobagu", "#KotamobaguMembaca")


def test_a_kind_hashtag_the_post_already_has_stays_in_the_posts_place():
    caption = write_caption(post(hashtags=("acara", "Dua"), kind_hashtag="Acara"), MASTODON, LIBRARY)
    assert caption.hashtags == ("#acara", "#Dua", "#PerpustakaanKotamobagu", "#KotamobaguMembaca")


def test_other_kinds_have_no_event_lines():
    made = post_from_article(_article(kind="pengumuman"), "https://x.example", NOW)
    assert made.details == ()


def test_a_summary_cut_to_a_stub_is_left_out():
    """Fewer than four words of a summary say nothing: the caption goes without it."""
    base = write_caption(post(summary=""), BLUESKY, LIBRARY)
    room = BLUESKY.limit - base.length - len("\n\n")
    stub = post(summary=f"{'a' * (room - 12)} dua tiga empat lima enam tujuh")  # ~2 words fit
    caption = write_caption(stub, BLUESKY, LIBRARY)
    assert caption.summary_dropped and not caption.summary_shortened
    assert caption.text == base.text


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda p: p.key)
def test_word_lengths_add_up_to_the_length_of_the_whole(platform):
    """Fitting sums cached word lengths: that must equal counting the whole text."""
    from plugins.share_kit.captions import SEPARATOR, counted

    blocks = [
        "Judul 😀 日本 …",
        f"{FAMILY} e\u0301 {COMBINING} 🇮🇩",
        LINK,
        "lihat kotamobagukota.go.id atau https://a.co/x.",
        "#Satu #Dua",
    ]
    assert counted(platform, SEPARATOR.join(blocks)) == platform.measure(SEPARATOR.join(blocks))


def test_an_open_registration_and_the_calendar_follow_the_link():
    made = post_from_article(
        _article(registration_url="https://forms.example.org/d"), "https://x.example", NOW
    )
    assert made.actions == ("Daftar: https://forms.example.org/d",)
    assert made.calendar == "Tambahkan ke kalender: https://x.example/kalender/acara/diskusi-buku.ics"
    for caption in write_captions(made, LIBRARY):
        key = caption.platform.key
        if not caption.platform.link:  # Instagram: no link works there, the bio's page has both
            assert "http" not in caption.text and caption.actions_dropped == 0
        else:  # it outranks hashtags and the lines after when and where: every platform has it
            assert f"{made.link}\n\n{made.actions[0]}\n{made.calendar}\n\n" in caption.text, key
            assert caption.actions_dropped == 0, key


def test_a_full_event_says_so_on_every_platform():
    made = post_from_article(
        _article(registration_url="https://f.example/d", full=True), "https://x.example", NOW
    )
    assert made.actions == ("Pendaftaran penuh",)
    for caption in write_captions(made, LIBRARY):
        assert "Pendaftaran penuh" in caption.text and "f.example" not in caption.text


def test_no_link_lines_once_the_event_is_over_or_its_time_no_longer_holds():
    later = dt.datetime(2026, 12, 6, tzinfo=WITA)
    over = post_from_article(_article(registration_url="https://f.example/d"), "https://x.example", later)
    assert (over.actions, over.calendar) == ((), "")
    cancelled = post_from_article(
        _article(registration_url="https://f.example/d", event_status="dibatalkan"), "https://x.example", NOW
    )
    assert (cancelled.actions, cancelled.calendar) == ((), "")


def test_other_posts_have_no_link_lines():
    made = post_from_article(_article(kind="pengumuman"), "https://x.example", NOW)
    assert (made.actions, made.calendar) == ((), "")


def test_a_status_the_headline_does_not_say_is_put_first():
    made = post_from_article(
        _article(event_status="pindah-daring", online_url="https://meet.example/x"), "https://x.example", NOW
    )
    assert made.title == "Dipindah ke daring: Diskusi Buku"


def test_other_lines_go_first_then_hashtags_then_the_calendar_link():
    """Room for one part less each time: what is left out follows the order of importance."""
    registration = "Daftar: https://forms.example.org/d"
    calendar = "Tambahkan ke kalender: https://x.example/k.ics"
    details = ("Waktu: Sabtu", "Tempat: Aula", "Untuk: Remaja")
    full = post(summary="", details=details, actions=(registration,), calendar=calendar)
    whole = write_caption(full, X, LIBRARY)
    assert whole.actions_dropped == 0 and not whole.dropped and whole.details_dropped == 0

    def too_long_by(overflow: int):
        """The caption of `full` with a title `overflow` characters too long for everything."""
        padding = X.limit - whole.length + overflow - 1  # a space and the x's
        return write_caption(replace(full, title=f"{full.title} {'x' * padding}"), X, LIBRARY)

    other_room = x_count("\n" + details[2])
    tags_room = x_count("\n\n" + " ".join(whole.hashtags))
    no_other = too_long_by(1)
    assert no_other.details_dropped == 1 and not no_other.dropped and calendar in no_other.text
    some_tags = too_long_by(other_room + 1)
    assert some_tags.dropped and some_tags.hashtags and calendar in some_tags.text
    no_calendar = too_long_by(other_room + tags_room + 1)
    assert calendar not in no_calendar.text and no_calendar.actions_dropped == 1
    assert registration in no_calendar.text and all(d in no_calendar.text for d in details[:2])
    assert not no_calendar.title_shortened
    for caption in (no_other, some_tags, no_calendar):
        assert caption.fits
