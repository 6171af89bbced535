"""Sanitise body HTML to the policy with nh3 (ammonia, an HTML5 parser)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import nh3

from plugins._shared import digest_cache

from . import policy
from .same_markup import same_markup

# WHATWG URL parsing: C0 controls and spaces around a URL, and tabs and
# newlines anywhere in it, are ignored ("java\nscript:" is javascript:).
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def url_allowed(value: str) -> bool:
    """A URL without a scheme (relative, {static}/...), or with an allowed one."""
    url = _URL_IGNORED.sub("", value).strip("".join(map(chr, range(0x21))))
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in policy.URL_SCHEMES


def _filter(tag: str, name: str, value: str) -> str | None:
    """Value checks nh3 does not do itself; None removes the attribute."""
    if name in policy.URL_ATTRIBUTES and not url_allowed(value):
        return None  # nh3 checks href and src, but not cite
    if tag == "iframe" and name == "src":
        return value if policy.EMBED_SRC.fullmatch(value) else None
    if tag == "iframe" and name == "allow":
        features = {part.split()[0] for part in value.split(";") if part.strip()}
        return value if features <= policy.EMBED_FEATURES else None
    if name == "class":
        kept = [c for c in value.split() if _class_allowed(tag, c)]
        return " ".join(kept) or None
    return value


def _class_allowed(tag: str, name: str) -> bool:
    prefix = policy.CLASS_PREFIXES.get(tag)
    return name in policy.CLASSES.get(tag, ()) or bool(
        prefix and name.startswith(prefix) and len(name) > len(prefix)
    )


_CLEANER = nh3.Cleaner(
    tags=set(policy.TAGS),
    clean_content_tags=set(policy.DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in policy.ATTRIBUTES.items()},
    tag_attribute_values=policy.ATTRIBUTE_VALUES,
    attribute_filter=_filter,
    url_schemes=set(policy.URL_SCHEMES),
    link_rel=policy.LINK_REL,
    strip_comments=True,
)

# An <img> or <iframe> as nh3 writes it: double-quoted attributes (a '"' in a
# value is &quot;); an iframe's raw-text fallback up to its end tag.
_ATTRIBUTES = r'((?:\s+[^\s"=>/]+(?:="[^"]*")?)*)\s*'
_EMBEDDED = re.compile(rf"<img{_ATTRIBUTES}>|<iframe{_ATTRIBUTES}>.*?</iframe>", re.S)
_HAS_SRC = re.compile(r'\ssrc="')


def _tidy_embedded(html: str) -> str:
    """Drop an image or iframe whose src was removed, and every iframe's fallback.

    Neither shows anything without a source (and both are invalid HTML then).
    The fallback is raw text to an HTML5 parser, but feed readers with older
    parsers may read it as markup.
    """

    def tidy(match: re.Match) -> str:
        image, frame = match.group(1), match.group(2)
        if image is not None:
            return match.group(0) if _HAS_SRC.search(image) else ""
        return f"<iframe{frame}></iframe>" if _HAS_SRC.search(frame) else ""

    return _EMBEDDED.sub(tidy, html)


def sanitize(html: str) -> str:
    """The body HTML as the policy allows it.

    nh3 writes its own serialisation (&ldquo; becomes “); when that is the only
    difference, the author's HTML is returned as it was, so untouched posts
    build byte for byte as before.
    """
    clean = _CLEANER.clean(html)
    if "<iframe" in clean or "<img" in clean:
        tidied = _tidy_embedded(clean)
        if tidied != clean:
            clean = _CLEANER.clean(tidied)  # the output is always nh3's own
    return html if same_markup(html, clean) else clean


CACHE_NAME = "kebijakan-html"  # CACHE_PATH/ringkasan/kebijakan-html.pickle


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """What every cached result of this plugin changes with: its code, nh3, Markdown and lxml."""
    return digest_cache.code_version(["plugins.html_policy"], ["nh3", "Markdown", "lxml"])


def policy_cache(cache_path: str | Path) -> digest_cache.DigestCache:
    return digest_cache.cache_at(cache_path, CACHE_NAME)


def sanitized(html: str, cache_path: str | Path | None) -> str:
    """sanitize(html), kept in the build's cache by a digest of the HTML (None: no cache)."""
    if cache_path is None:
        return sanitize(html)
    key = digest_cache.digest("sanitize", code_version(), html)
    return policy_cache(cache_path).remember(key, lambda: sanitize(html))
