"""Ready-to-paste captions for X, Mastodon, Bluesky, Instagram and Facebook.

Pure: plain data in, plain data out. Each platform counts in its own way
(`Platform.measure`), and every caption is fitted inside its limit. Parts are
kept in this order of importance, so they are given up in the reverse order:
the link (never cut), the title, the event's time and place, the hashtags in
the order feeds give them too (post_hashtags: the post's own, the library's,
the kind's), the summary. So when a caption is too long the summary is
shortened first (cut at a word, with "…"; left out when fewer than four words
would remain), then hashtags go from the end (the kind's, then the library's,
then the post's own), then the event lines; only then is the title cut, at a
word.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from twitter_text import extract_urls_with_indices, parse_tweet

from plugins._shared.hashtags import hashtag_form, post_hashtags
from plugins._shared.text import ELLIPSIS, GRAPHEME, squash

URL_LENGTH = 23  # what X and Mastodon count for any link, however long
INSTAGRAM_LINK_LINE = "Info selengkapnya: tautan di bio."
_TRAILING = " ,.;:–—-"  # stripped before an ellipsis, as page_meta.text.clip does
MIN_SUMMARY_WORDS = 4  # a cut summary shorter than this says nothing: leave it out


# --- counting ----------------------------------------------------------------------------


def grapheme_count(text: str) -> int:
    """User-perceived characters (extended grapheme clusters): a family emoji is one."""
    return len(GRAPHEME.findall(text))


def utf16_count(text: str) -> int:
    """UTF-16 code units, as JavaScript counts: an emoji outside the BMP counts 2."""
    return len(text.encode("utf-16-le")) // 2


def x_count(text: str) -> int:
    """X's weighted length (twitter-text v3): a URL 23, most Latin 1, emoji and CJK 2."""
    return parse_tweet(text).weightedLength


def mastodon_count(text: str) -> int:
    """Mastodon's server count: graphemes, with every http(s) URL counted as 23."""
    parts, last = [], 0
    for entity in extract_urls_with_indices(text, extract_urls_without_protocol=False):
        start, end = entity["indices"]
        parts += [text[last:start], "x" * URL_LENGTH]
        last = end
    parts.append(text[last:])
    return grapheme_count("".join(parts))


@dataclass(frozen=True)
class Platform:
    """Where a caption goes: its limit, how it counts, and what it takes."""

    key: str  # "x": ids in the page
    name: str  # "X"
    limit: int
    measure: Callable[[str], int]
    unit: str  # "karakter", "grafem": shown after "123 / 280"
    counting: str  # how the platform counts, in Indonesian, for staff
    link: bool = True  # False: links in the text do not work (Instagram)
    max_hashtags: int | None = None
    strict: bool = True  # False: the limit is advice, not a refusal (Facebook)


X = Platform(
    "x",
    "X",
    280,
    x_count,
    "karakter",
    "X menghitung setiap tautan 23 karakter, emoji dan aksara Tionghoa/Jepang/Korea 2.",
)
MASTODON = Platform(
    "mastodon", "Mastodon", 500, mastodon_count, "karakter", "Mastodon menghitung setiap tautan 23 karakter."
)
BLUESKY = Platform(
    "bluesky",
    "Bluesky",
    300,
    grapheme_count,
    "grafem",
    "Bluesky menghitung huruf seperti yang terlihat (grafem); tautan dihitung penuh.",
)
INSTAGRAM = Platform(
    "instagram",
    "Instagram",
    2200,
    utf16_count,
    "karakter",
    "Paling banyak 30 tagar. Tautan di keterangan Instagram tidak bisa diklik, "
    "jadi arahkan ke tautan di bio.",
    link=False,
    max_hashtags=30,
)
FACEBOOK = Platform(
    "facebook",
    "Facebook",
    500,
    utf16_count,
    "karakter",
    "Facebook tidak membatasi panjang; 500 karakter agar tetap enak dibaca.",
    strict=False,
)
PLATFORMS: tuple[Platform, ...] = (X, MASTODON, BLUESKY, INSTAGRAM, FACEBOOK)


# --- the post, as captions need it ---------------------------------------------------------


@dataclass(frozen=True)
class Post:
    """What a caption is written from: plain text, an absolute link, hashtags without '#'."""

    title: str
    summary: str
    link: str
    hashtags: tuple[str, ...] = ()  # the post's own
    details: tuple[str, ...] = ()  # lines after the title: an event's time and place
    kind_hashtag: str = ""  # the kind's label as a hashtag ("LiterasiDigital"), written last


def post_from_article(article, public_url: str) -> Post:
    """The caption facts of a published article (its facts from content_model)."""
    facts = article.facts
    return Post(
        title=squash(facts.headline),  # as the page head says it
        summary=squash(facts.summary or article.summary),
        link=f"{public_url}/{article.url}",
        hashtags=facts.hashtags,
        details=tuple(squash(line) for line in facts.caption_lines),
        kind_hashtag=hashtag_form(facts.kind.label),
    )


# --- writing and fitting ------------------------------------------------------------------


@dataclass(frozen=True)
class Caption:
    """One platform's caption, its length as that platform counts, and what was left out."""

    platform: Platform
    text: str
    length: int
    hashtags: tuple[str, ...]  # as written, with '#'
    dropped: tuple[str, ...]  # hashtags left out to fit, with '#'
    summary_shortened: bool  # cut at a word, some of it kept
    summary_dropped: bool  # none of it fits
    title_shortened: bool
    details_dropped: int = 0  # event lines left out

    @property
    def fits(self) -> bool:
        return self.length <= self.platform.limit


class CaptionTooLong(ValueError):
    """Even the link alone does not fit the platform's limit."""


SEPARATOR = "\n\n"  # between the paragraphs of a caption


def _blocks(
    title: str, details: Sequence[str], summary: str, link: str, hashtags: Sequence[str]
) -> list[str]:
    blocks = [title, "\n".join(details), summary, link, " ".join(f"#{t}" for t in hashtags)]
    return [block for block in blocks if block]


def compose(title: str, details: Sequence[str], summary: str, link: str, hashtags: Sequence[str]) -> str:
    """Title, details, summary, link and hashtags as paragraphs; empty parts left out."""
    return SEPARATOR.join(_blocks(title, details, summary, link, hashtags))


def shorten_words(text: str, keep: int) -> str:
    """The first `keep` words of text, with "…" when words were left out ('' for none)."""
    words = text.split()
    if keep >= len(words):
        return " ".join(words)
    cut = " ".join(words[:keep]).rstrip(_TRAILING)
    return cut + ELLIPSIS if cut else ""


def _most(count: int, fits_with: Callable[[int], bool]) -> int:
    """The largest n in 0..count for which fits_with(n) holds; fits_with(0) must hold."""
    low, high = 0, count
    while low < high:  # lengths grow with n, so search; then make sure
        middle = (low + high + 1) // 2
        if fits_with(middle):
            low = middle
        else:
            high = middle - 1
    while low > 0 and not fits_with(low):
        low -= 1
    return low


Length = Callable[[Sequence[str]], int]


def _summed_length(platform: Platform) -> Length:
    """Length of paragraphs as the sum of each one's (cached) length and the gaps.

    Every count here adds up over paragraphs, since no URL, emoji or grapheme
    spans a blank line; the title, link and hashtags, measured again and again
    while fitting, are measured once (X's count takes about a millisecond).
    """
    measure = functools.lru_cache(maxsize=None)(platform.measure)
    gap = platform.measure(SEPARATOR)
    return lambda blocks: sum(measure(b) for b in blocks) + gap * max(0, len(blocks) - 1)


def _exact_length(platform: Platform) -> Length:
    return lambda blocks: platform.measure(SEPARATOR.join(blocks))


def write_caption(post: Post, platform: Platform, library_hashtags: Iterable[str] = ()) -> Caption:
    """The caption of a post for one platform, inside the platform's limit."""
    # Given up from the end: the kind's first, then the library's, then the post's own.
    tags = post_hashtags(post.hashtags, library_hashtags, post.kind_hashtag)
    caption = _fit(post, platform, tags, _summed_length(platform))
    if not caption.fits:  # the paragraphs did not add up after all: fit on the whole text
        caption = _fit(post, platform, tags, _exact_length(platform))
    return caption


def _fit(post: Post, platform: Platform, tags: tuple[str, ...], length: Length) -> Caption:
    link = post.link if platform.link else INSTAGRAM_LINK_LINE

    def fits(
        title: str = "", details: Sequence[str] = (), summary: str = "", hashtags: Sequence[str] = ()
    ) -> bool:
        return length(_blocks(title, details, summary, link, hashtags)) <= platform.limit

    if not fits():
        msg = f"{platform.name}: tautan {link!r} saja sudah melebihi {platform.limit} {platform.unit}."
        raise CaptionTooLong(msg)

    title = post.title
    if not fits(title):
        keep = _most(len(title.split()), lambda n: fits(shorten_words(title, n)))
        title = shorten_words(title, keep) if keep else _cut_graphemes(title, fits)

    details = list(post.details)
    details = details[: _most(len(details), lambda n: fits(title, details[:n]))]

    most = len(tags) if platform.max_hashtags is None else min(len(tags), platform.max_hashtags)
    kept = tags[: _most(most, lambda n: fits(title, details, "", tags[:n]))]

    summary = post.summary
    if not fits(title, details, summary, kept):
        count = len(summary.split())
        keep = _most(count - 1, lambda n: fits(title, details, shorten_words(summary, n), kept))
        summary = shorten_words(summary, keep) if keep >= MIN_SUMMARY_WORDS else ""

    text = compose(title, details, summary, link, kept)
    return Caption(
        platform=platform,
        text=text,
        length=platform.measure(text),
        hashtags=tuple(f"#{t}" for t in kept),
        dropped=tuple(f"#{t}" for t in tags[len(kept) :]),
        summary_shortened=bool(summary) and summary != post.summary,
        summary_dropped=bool(post.summary) and not summary,
        title_shortened=title != post.title,
        details_dropped=len(post.details) - len(details),
    )


def _cut_graphemes(text: str, fits: Callable[[str], bool]) -> str:
    """A title of one word too long for the limit: cut between characters, with "…"."""
    clusters = GRAPHEME.findall(text)
    keep = _most(len(clusters) - 1, lambda n: fits("".join(clusters[:n]) + ELLIPSIS if n else ""))
    return "".join(clusters[:keep]) + ELLIPSIS if keep else ""


def write_captions(
    post: Post, library_hashtags: Iterable[str] = (), platforms: Sequence[Platform] = PLATFORMS
) -> tuple[Caption, ...]:
    """The caption of a post for every platform, in PLATFORMS order."""
    library = tuple(library_hashtags)
    return tuple(write_caption(post, platform, library) for platform in platforms)
