"""Ready-to-paste captions for X, Mastodon, Bluesky, Instagram and Facebook.

Pure: plain data in, plain data out. Each platform counts in its own way
(`Platform.measure`), and every caption is fitted inside its limit. Parts are
kept in this order of importance, so they are given up in the reverse order:
the link (never cut), the title (a changed status first: "Dibatalkan: ..."),
a scheduled post's registration line (its link while registration is open, or
"Pendaftaran penuh"), the event's time and place (its first two details), its
calendar link, the hashtags in the order feeds give them too (post_hashtags:
the post's own, the library's, the kind's), its other details (audience,
partners), the summary. So when a caption is too long the summary is shortened
first (cut at a word, with "…"; left out when fewer than four words would
remain), then the other details go, then hashtags from the end (the kind's,
then the library's, then the post's own), then the calendar link, then the
time and place, then the registration line; only then is the title cut, at a
word.
Instagram, where links do not work, gets no line with a link.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from plugins._shared import digest_cache
from plugins._shared.hashtags import hashtag_form, post_hashtags
from plugins._shared.text import ELLIPSIS, GRAPHEME, squash

URL_LENGTH = 23  # what X and Mastodon count for any link, however long
INSTAGRAM_LINK_LINE = "Info selengkapnya: tautan di bio."
CALENDAR_LINE = "Tambahkan ke kalender: {url}"
_LINK = regex.compile(r"https?://")
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
    from twitter_text import parse_tweet  # imported when first counted: it takes half a second

    return parse_tweet(text).weightedLength


def mastodon_count(text: str) -> int:
    """Mastodon's server count: graphemes, with every http(s) URL counted as 23."""
    from twitter_text import extract_urls_with_indices

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
    "mastodon",
    "Mastodon",
    500,
    mastodon_count,
    "karakter",
    "Mastodon menghitung setiap tautan 23 karakter.",
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
    actions: tuple[str, ...] = ()  # after the link: "Daftar: https://...", "Pendaftaran penuh"
    calendar: str = ""  # after them: "Tambahkan ke kalender: https://.../x.ics"


def post_from_article(article, public_url: str, now: dt.datetime) -> Post:
    """The caption facts of a published article (its facts from content_model) at the build's moment."""
    facts = article.facts
    return Post(
        title=squash(_status_first(facts)),
        summary=squash(facts.summary or article.summary),
        link=f"{public_url}/{article.url}",
        hashtags=facts.hashtags,
        details=tuple(squash(line) for line in facts.caption_lines),
        kind_hashtag=hashtag_form(facts.kind.label),
        actions=_action_lines(article.facts, now),
        calendar=_calendar_line(article, public_url, now),
    )


def _status_first(facts) -> str:
    """The headline, with a changed status before it when the headline does not already say it."""
    status = facts.status
    if status is None or status.normal or status.headline:
        return facts.headline  # "Ditunda: ...", as the page head says it
    return f"{status.label}: {facts.headline}"


def _action_lines(facts, now: dt.datetime) -> tuple[str, ...]:
    """A scheduled post's registration at `now`, as short announcements give it (feeds' summary).

    Its link only while registration is open; "Pendaftaran penuh" and such while the post is on.
    """
    if facts.schedule is None or facts.is_over(now):
        return ()
    lines = [f"{action.label}: {action.url}" for action in facts.actions_at(now) if action.in_summary]
    return (*lines, *facts.summary_notes)


def _calendar_line(article, public_url: str, now: dt.datetime) -> str:
    """The event's .ics while its announced time holds: not over, not cancelled or postponed."""
    facts = article.facts
    calendar = getattr(article, "calendar", None)  # plugins/calendars: CalendarLinks
    if calendar is None or facts.is_over(now) or (facts.status is not None and facts.status.strikes_time):
        return ""
    return CALENDAR_LINE.format(url=f"{public_url}/{calendar.ics}")


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
    actions_dropped: int = 0  # registration and calendar lines left out to fit

    @property
    def fits(self) -> bool:
        return self.length <= self.platform.limit


class CaptionTooLong(ValueError):
    """Even the link alone does not fit the platform's limit."""


SEPARATOR = "\n\n"  # between the paragraphs of a caption


def _blocks(
    title: str,
    details: Sequence[str],
    summary: str,
    link: str,
    hashtags: Sequence[str],
    actions: Sequence[str] = (),
) -> list[str]:
    hashtag_line = " ".join(f"#{t}" for t in hashtags)
    blocks = [title, "\n".join(details), summary, link, "\n".join(actions), hashtag_line]
    return [block for block in blocks if block]


def compose(
    title: str,
    details: Sequence[str],
    summary: str,
    link: str,
    hashtags: Sequence[str],
    actions: Sequence[str] = (),
) -> str:
    """Title, details, summary, link, action lines and hashtags as paragraphs; empty parts left out."""
    return SEPARATOR.join(_blocks(title, details, summary, link, hashtags, actions))


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


# A space or line break that is a grapheme of its own (no combining mark or emoji
# modifier after it joins it, no prepended mark before it): every count here adds up
# over the words it separates, since no URL, emoji or grapheme holds such a gap.
_GAP = regex.compile(r"(?<!\p{GCB=Prepend})([ \n])(?![\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}])")


@functools.lru_cache(maxsize=1 << 16)
def _part_length(platform: Platform, part: str, after_gap: bool) -> int:
    if not after_gap or part in (" ", "\n"):
        return platform.measure(part)
    # Measured after a space, as it stands in the text: twitter-text reads a URL at the
    # start of a text differently ("éwww.example.com" is a URL only after a space).
    return platform.measure(" " + part) - platform.measure(" ")


def counted(platform: Platform, text: str) -> int:
    """platform.measure(text), summed over its words, each measured once per process.

    Fitting measures the same words again and again (X's count of a whole caption
    takes milliseconds). A carriage return (twitter-text reads CR LF as one
    break) is measured whole.
    """
    if "\r" in text:
        return platform.measure(text)
    return _parts_length(platform, text, after_gap=False)


def _parts_length(platform: Platform, text: str, after_gap: bool) -> int:
    parts = _GAP.split(text)
    return sum(_part_length(platform, part, after_gap or at > 0) for at, part in enumerate(parts) if part)


_JOINS_PREVIOUS = regex.compile(r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}]")
_JOINS_NEXT = regex.compile(r"\p{GCB=Prepend}")


@functools.lru_cache(maxsize=1 << 14)
def _block_length(platform: Platform, block: str, after_gap: bool) -> int | None:
    """A paragraph's count, or None when its edges would join the blank line around it."""
    if "\r" in block or _JOINS_PREVIOUS.match(block) or _JOINS_NEXT.match(block[-1]):
        return None
    return _parts_length(platform, block, after_gap)


def _blocks_length(platform: Platform, blocks: Sequence[str]) -> int:
    """counted(platform, SEPARATOR.join(blocks)), from each paragraph's count (each made once).

    The title, link and hashtags stay the same while the summary is fitted: their
    words are not summed again for every candidate.
    """
    lengths = [_block_length(platform, block, at > 0) for at, block in enumerate(blocks)]
    if None in lengths:
        return counted(platform, SEPARATOR.join(blocks))
    return sum(lengths) + (len(blocks) - 1) * counted(platform, SEPARATOR)


ESSENTIAL_DETAILS = 2  # a scheduled post's first details: when, where


def write_caption(post: Post, platform: Platform, library_hashtags: Iterable[str] = ()) -> Caption:
    """The caption of a post for one platform, inside the platform's limit."""
    # Given up from the end: the kind's first, then the library's, then the post's own.
    tags = post_hashtags(post.hashtags, library_hashtags, post.kind_hashtag)
    link = post.link if platform.link else INSTAGRAM_LINK_LINE

    actions: Sequence[str] = ()  # chosen after the title; every later part is fitted with them

    def fits(
        title: str = "",
        details: Sequence[str] = (),
        summary: str = "",
        hashtags: Sequence[str] = (),
        lines: Sequence[str] | None = None,
    ) -> bool:
        blocks = _blocks(title, details, summary, link, hashtags, actions if lines is None else lines)
        return _blocks_length(platform, blocks) <= platform.limit

    if not fits():
        msg = f"{platform.name}: tautan {link!r} saja sudah melebihi {platform.limit} {platform.unit}."
        raise CaptionTooLong(msg)

    title = post.title
    if not fits(title):
        keep = _most(len(title.split()), lambda n: fits(shorten_words(title, n)))
        title = shorten_words(title, keep) if keep else _cut_graphemes(title, fits)

    # Instagram shows no working link: the bio's page offers registration and the calendar.
    wanted = post.actions if platform.link else tuple(a for a in post.actions if not _LINK.search(a))
    actions = wanted[: _most(len(wanted), lambda n: fits(title, lines=wanted[:n]))]

    details = list(post.details)
    # When and where come before the calendar link; the other details after it.
    essential = details[: _most(min(ESSENTIAL_DETAILS, len(details)), lambda n: fits(title, details[:n]))]
    if post.calendar and platform.link and fits(title, essential, lines=(*actions, post.calendar)):
        actions = (*actions, post.calendar)

    most = len(tags) if platform.max_hashtags is None else min(len(tags), platform.max_hashtags)
    kept = tags[: _most(most, lambda n: fits(title, essential, "", tags[:n]))]
    details = details[: _most(len(details), lambda n: fits(title, details[:n], "", kept))]

    summary = post.summary
    if not fits(title, details, summary, kept):
        count = len(summary.split())
        keep = _most(count - 1, lambda n: fits(title, details, shorten_words(summary, n), kept))
        summary = shorten_words(summary, keep) if keep >= MIN_SUMMARY_WORDS else ""

    text = compose(title, details, summary, link, kept, actions)
    return Caption(
        platform=platform,
        text=text,
        length=counted(platform, text),
        hashtags=tuple(f"#{t}" for t in kept),
        dropped=tuple(f"#{t}" for t in tags[len(kept) :]),
        summary_shortened=bool(summary) and summary != post.summary,
        summary_dropped=bool(post.summary) and not summary,
        title_shortened=title != post.title,
        details_dropped=len(post.details) - len(details),
        actions_dropped=len(wanted) + bool(post.calendar and platform.link) - len(actions),
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


CACHE_NAME = "keterangan"  # CACHE_PATH/ringkasan/keterangan.pickle


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    return digest_cache.code_version(
        [__name__, "plugins._shared.hashtags", "plugins._shared.text"], ["twitter-text-parser", "regex"]
    )


def remembered_captions(
    post: Post, library_hashtags: Iterable[str], cache_path: str | Path
) -> tuple[Caption, ...]:
    """write_captions for every platform, kept in the build's cache by a digest of the post.

    A warm build writes no caption again (and never imports twitter-text).
    """
    library = tuple(library_hashtags)
    cache = digest_cache.cache_at(cache_path, CACHE_NAME)
    key = digest_cache.digest(_code_version(), post, library, [p.key for p in PLATFORMS])
    fields = cache.get(key)
    if fields is None:
        captions = write_captions(post, library)
        fields = [
            {f.name: getattr(c, f.name) for f in dataclasses.fields(c) if f.name != "platform"}
            for c in captions
        ]
        cache.put(key, fields)
        return captions
    return tuple(
        Caption(platform=platform, **found) for found, platform in zip(fields, PLATFORMS, strict=True)
    )
