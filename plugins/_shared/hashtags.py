"""Hashtags: what counts as one, its working form, one list without repeats, and their order."""

from __future__ import annotations

import re
from collections.abc import Iterable

# One word with at least one letter: platforms do not link digits-only tags (#2026).
HASHTAG = re.compile(r"^(?=\w*[^\W\d_])[^\W_]\w*$")


def hashtag_form(text: str) -> str:
    """Words as one CamelCase word: 'Literasi Digital' or 'literasi-digital' -> 'LiterasiDigital'."""
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[^\W_]+", text))


def suggest_hashtag(text: str) -> str:
    """A working hashtag for what was written ('2026' gets a word: 'Baca2026')."""
    joined = hashtag_form(text)
    return joined if HASHTAG.match(joined) else f"Baca{joined}"


def unique_hashtags(tags: Iterable[str], taken: Iterable[str] = ()) -> tuple[str, ...]:
    """Tags without '#', each once ignoring case (the first spelling wins), none of `taken`."""
    seen = {str(tag).strip().lstrip("#").casefold() for tag in taken}
    kept = []
    for tag in tags:
        tag = str(tag).strip().lstrip("#")
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return tuple(kept)


def post_hashtags(own: Iterable[str], library: Iterable[str] = (), kind_tag: str = "") -> tuple[str, ...]:
    """A post's hashtags in the one order feeds and captions use, each once ignoring case.

    The post's own first, then the library's defaults, the kind's hashtag last:
    whatever runs short of room drops from the end, so the kind goes first,
    then the library's, and the post's own last of all.
    """
    return unique_hashtags([*own, *library, kind_tag])
