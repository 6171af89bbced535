"""Hashtags: what counts as one, its working form, and one list without repeats."""

from __future__ import annotations

import re
from typing import Iterable

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
