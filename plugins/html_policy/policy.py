"""What raw HTML a post body may contain: the one list sanitize.py and check.py read.

An allow-list of what the theme needs: Python-Markdown's own output (with the
extra, toc and smarty extensions), a few formatting tags staff paste, and video
embeds from known players. Anything else is removed.
"""

from __future__ import annotations

import re

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

TAGS = frozenset(
    {
        # text and formatting
        "p",
        "br",
        "hr",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "del",
        "ins",
        "mark",
        "small",
        "sub",
        "sup",
        "kbd",
        "samp",
        "var",
        "q",
        "cite",
        "dfn",
        "abbr",
        "time",
        "span",
        "div",
        "code",
        "pre",
        "blockquote",
        # structure
        *HEADINGS,
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "colgroup",
        "col",
        # links, images, video embeds
        "a",
        "img",
        "iframe",
    }
)

# Removed with everything inside them; other tags not in TAGS are unwrapped
# (their text stays).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template"})

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang", "dir"},
    # rel is the author's (e.g. rel="me"); nothing is added: see LINK_REL.
    "a": {"href", "hreflang", "rel", "class"},
    "img": {"src", "alt", "width", "height"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "frameborder"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "ol": {"start", "reversed", "type"},
    "li": {"id", "value"},  # id: footnotes (fn:1)
    "sup": {"id"},  # footnote references (fnref:1)
    "div": {"class"},  # the footnotes block
    "code": {"class"},  # fenced code: language-python
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    **{heading: {"id"} for heading in HEADINGS},  # toc extension anchors
}

# Attributes allowed only with these exact values.
_ALIGNMENTS = {
    # Python-Markdown's table alignment (style), or align with use_align_attribute.
    "style": {f"text-align: {side};" for side in ("left", "center", "right")},
    "align": {"left", "center", "right"},
}
ATTRIBUTE_VALUES: dict[str, dict[str, set[str]]] = {
    "th": _ALIGNMENTS,
    "td": _ALIGNMENTS,
    "iframe": {
        "loading": {"lazy", "eager"},
        "referrerpolicy": {"strict-origin-when-cross-origin", "strict-origin", "no-referrer", "origin"},
    },
}

# Class names per tag (footnotes), and class prefixes (fenced code languages).
CLASSES: dict[str, set[str]] = {
    "div": {"footnote"},
    "a": {"footnote-ref", "footnote-backref"},
}
CLASS_PREFIXES: dict[str, str] = {"code": "language-"}

# Schemes of href, src and cite. URLs without a scheme (relative, #anchors,
# Pelican's {static}/..., {attach}..., {filename}...) are kept as written.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})

# Links stay as written: nh3 would add rel="noopener noreferrer" to every link,
# which hides the library as referrer from partners; target is not allowed, so
# noopener has nothing to protect.
LINK_REL = None

# Video players an <iframe> may show: host -> path prefix. YouTube only in its
# privacy-enhanced mode (no cookies before the reader presses play).
EMBED_HOSTS: dict[str, str] = {
    "www.youtube-nocookie.com": "/embed/",
    "player.vimeo.com": "/video/",
}
EMBED_SRC = re.compile(
    r"https://(?:"
    + "|".join(re.escape(host + path) for host, path in EMBED_HOSTS.items())
    + r")[A-Za-z0-9_-]+(?:\?[A-Za-z0-9_.~=&%+-]*)?"
)
# Permissions an embedded player may ask for (the iframe's allow attribute).
EMBED_FEATURES = frozenset(
    {
        "accelerometer",
        "autoplay",
        "clipboard-write",
        "encrypted-media",
        "gyroscope",
        "picture-in-picture",
        "web-share",
        "fullscreen",
    }
)
