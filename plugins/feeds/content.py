"""The HTML of a feed item: the card on top, the kind's facts, the body, all absolute.

Feed readers and auto-posters show an item away from the site, so every link
and image is made absolute against the public URL, and what the page shows
around the body (the post's facts: status, details, actions, sections, an
infographic's image) is written out plainly here.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote, urljoin

import lxml.html

# Attributes holding one URL, and those holding a srcset list.
URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "data")
SRCSET_ATTRIBUTES = ("srcset",)
# Characters left as they are when a site path becomes a URL ("%" keeps encoded paths).
_PATH_SAFE = "/:@-._~!$&'()*+,;=%"


def absolute(base: str, path: str) -> str:
    """A site path (relative to the site root, with or without "/") as an absolute URL."""
    return f"{base}/{quote(path.lstrip('/'), safe=_PATH_SAFE)}"


def absolutize(html: str, page_url: str) -> str:
    """Every link and image of an HTML fragment resolved against the page's absolute URL."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None and not value.startswith(("mailto:", "tel:", "data:")):
                element.set(name, urljoin(page_url, value.strip()))
        for name in SRCSET_ATTRIBUTES:
            value = element.get(name)
            if value:
                element.set(name, _absolute_srcset(value, page_url))
    text = escape(root.text or "", quote=False)
    return text + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _absolute_srcset(value: str, page_url: str) -> str:
    candidates = []
    for part in value.split(","):
        bits = part.split()
        if bits:
            candidates.append(" ".join([urljoin(page_url, bits[0]), *bits[1:]]))
    return ", ".join(candidates)


def img_tag(url: str, alt: str, width: int, height: int) -> str:
    return f'<img src="{escape(url)}" alt="{escape(alt)}" width="{width}" height="{height}">'


def image_html(url: str, alt: str, width: int, height: int) -> str:
    """The card as the first thing in an item: what feed2fedi, dlvr.it and readers pick up."""
    return f"<p>{img_tag(url, alt, width, height)}</p>\n"


def summary_html(summary: str, image: str = "") -> str:
    """An RSS description or Atom summary: the card's <img> (HTML), then the summary escaped.

    Nothing between the two paragraphs: feed2toot strips the tags, and any
    whitespace there would become a stray line at the top of the toot. A line
    break of the summary becomes <br> plus the break itself: readers show the
    first, feed2toot keeps the second when it strips the tags.
    """
    text = escape(summary, quote=False).replace("\n", "<br>\n")
    return f"<p>{image}</p><p>{text}</p>" if image else text


def facts_html(article, base: str, now: dt.datetime) -> tuple[str, str]:
    """(before, after) the body: what the page shows around it, from the post's facts."""
    facts = article.facts
    before: list[str] = []
    after: list[str] = []
    status = facts.status
    if status is not None and not status.normal:
        before.append(f"<p><strong>{escape(status.label)}.</strong></p>")
    if facts.lead:
        before.append(f"<p>{facts.lead}</p>")
    if facts.details:
        before.append(
            _details(
                [(d.label, f"<s>{escape(d.text)}</s>" if d.struck else escape(d.text)) for d in facts.details]
            )
        )
    picture = getattr(article, "picture", None)
    if article.kind.image_role == "figure" and picture is not None:
        before.append(
            f'<p><a href="{escape(absolute(base, picture.original))}">'
            + img_tag(absolute(base, picture.src), picture.alt, picture.width, picture.height)
            + "</a></p>"
        )
    links = [_link(a.url, a.label) for a in facts.actions_at(now, after_body=False)]
    if links:
        before.append("<p>" + " · ".join(links) + "</p>")
    for section in facts.sections:
        after.append(_section(section))
    for action in facts.actions_at(now, after_body=True):
        after.append(f"<p>{_link(action.url, action.label)}</p>")
    return "\n".join(before), "\n".join(after)


def _section(section) -> str:
    if section.items:
        items = "".join(f"<li>{escape(item)}</li>" for item in section.items)
        return f"<h2>{escape(section.heading)}</h2>\n<ol>{items}</ol>"
    text = "".join(
        "<p>" + "<br>".join(escape(line) for line in lines) + "</p>" for lines in section.paragraphs
    )
    return f"<h2>{escape(section.heading)}</h2>\n{text}"


def _details(rows: list[tuple[str, str]]) -> str:
    """Label/value rows; each value is HTML already escaped."""
    items = "".join(f"<li><strong>{label}:</strong> {value}</li>" for label, value in rows)
    return f"<ul>{items}</ul>"


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>'
