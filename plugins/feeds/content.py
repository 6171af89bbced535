"""The HTML of a feed item: the card on top, the kind's facts, the body, all absolute.

Feed readers and auto-posters show an item away from the site, so every link
and image is made absolute against the public URL, and what the theme renders
around the body (an event's time and place, a tutorial's steps, a book's data,
an infographic's image and text) is written out plainly here.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote, urljoin
from zoneinfo import ZoneInfo

import lxml.html

from plugins.content_model.schema import EVENT_STATUSES
from plugins.indonesian_dates.formats import time_range

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


def facts_html(article, base: str, zone: ZoneInfo, now: dt.datetime) -> tuple[str, str]:
    """(before, after) the body: what the theme shows around it for the article's kind."""
    fields = article.fields
    kind = article.kind.slug
    before: list[str] = []
    after: list[str] = []
    if kind == "acara":
        status = fields.get("event_status") or "terjadwal"
        if status != "terjadwal":
            before.append(f"<p><strong>{escape(EVENT_STATUSES.get(status, status))}.</strong></p>")
        when = escape(time_range(fields["start"], fields["end"], zone))
        online_only = not fields.get("place") or status == "pindah-daring"
        where = "Daring" if online_only else escape(fields["place"])
        rows = [("Waktu", f"<s>{when}</s>" if status in ("dibatalkan", "ditunda") else when),
                ("Tempat", where)]
        before.append(_details(rows))
        if fields["end"] >= now and status != "dibatalkan":
            links = []
            if fields.get("registration_url"):
                links.append(_link(fields["registration_url"], "Daftar"))
            if fields.get("online_url"):
                links.append(_link(fields["online_url"], "Ikuti secara daring"))
            if links:
                before.append("<p>" + " · ".join(links) + "</p>")
    elif kind == "koleksi-baru":
        rows = [("Judul", escape(fields["book_title"])),
                ("Pengarang", escape(fields["book_author"]))]
        if fields.get("publisher"):
            rows.append(("Penerbit", escape(fields["publisher"])))
        if fields.get("year"):
            rows.append(("Tahun", escape(str(fields["year"]))))
        rows += [("ISBN", escape(str(fields["isbn"]))),
                 ("Nomor panggil", escape(fields["call_number"]))]
        before.append(_details(rows))
        before.append(f"<p>{_link(fields['catalogue_url'], 'Lihat di katalog')}</p>")
    elif kind == "literasi-digital":
        part = f", bagian {fields['series_part']}" if fields.get("series_part") else ""
        before.append(f"<p>Seri <strong>{escape(fields['series'])}</strong>{part}</p>")
    elif kind == "tutorial":
        if fields.get("steps"):
            steps = "".join(f"<li>{escape(step)}</li>" for step in fields["steps"])
            after.append(f"<h2>Langkah-langkah</h2>\n<ol>{steps}</ol>")
        if fields.get("video_url"):
            after.append(f"<p>{_link(fields['video_url'], 'Tonton video tutorial')}</p>")
    elif kind == "infografis":
        picture = getattr(article, "picture", None)
        if picture is not None:
            before.append(
                f'<p><a href="{escape(absolute(base, picture.original))}">'
                + img_tag(absolute(base, picture.src), picture.alt, picture.width, picture.height)
                + "</a></p>"
            )
        transcript = str(fields.get("transcript", "")).replace("\r\n", "\n")
        paragraphs = [p.strip() for p in transcript.split("\n\n") if p.strip()]
        if paragraphs:
            text = "".join(
                "<p>" + "<br>".join(escape(line) for line in p.split("\n")) + "</p>"
                for p in paragraphs
            )
            after.append(f"<h2>Teks infografis</h2>\n{text}")
    return "\n".join(before), "\n".join(after)


def _details(rows: list[tuple[str, str]]) -> str:
    """Label/value rows; each value is HTML already escaped."""
    items = "".join(f"<li><strong>{label}:</strong> {value}</li>" for label, value in rows)
    return f"<ul>{items}</ul>"


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>'
