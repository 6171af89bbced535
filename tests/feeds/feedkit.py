"""Helpers of the feeds tests: builds with extra settings, reading feeds as consumers do.

Expectations come from the content (through the project's checker, like
tests/site) and from the specification written here, never from the plugin.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import feedparser
import lxml.html
from lxml import etree

from sitekit import BUILD_NOW, ROOT, BuildRun, Post, run_build

SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
EXTRA_CONTENT = Path(__file__).resolve().parent / "content"
DEV_PUBLIC_URL = "http://127.0.0.1:8000"
FOLDER = "umpan"

# The kind as a hashtag: its label as one CamelCase word (the specification).
KIND_HASHTAGS = {
    "acara": "Acara",
    "tutorial": "Tutorial",
    "infografis": "Infografis",
    "literasi-digital": "LiterasiDigital",
    "pengumuman": "Pengumuman",
    "koleksi-baru": "KoleksiBaru",
}
# Feeds of the whole site, relative to the output folder.
ALL_RSS = f"{FOLDER}/semua.xml"
ALL_ATOM = f"{FOLDER}/semua.atom.xml"
ALL_JSON = f"{FOLDER}/semua.json"
SQUARE_RSS = f"{FOLDER}/instagram.xml"
# The feed meant for auto-posters: posts of the last AUTO_POST_DAYS days, no event that is over.
SOCIAL_RSS = f"{FOLDER}/sosial.xml"
SOCIAL_ATOM = f"{FOLDER}/sosial.atom.xml"
AUTO_POST_DAYS = 14  # FEEDS['auto_post_days'] by default
UTM = {"utm_source": "umpan", "utm_medium": "sosial", "utm_campaign": "uji-umpan"}

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}:\d{2} \+0800$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$")
WITA_OFFSET = dt.timedelta(hours=8)
# A hashtag that survives every auto-poster: one word, no spaces, hyphens or dots.
WORKING_HASHTAG = re.compile(r"^[^\W_]\w*$")


def settings_file(folder: Path, base: Path = SETTINGS, **values) -> Path:
    """A settings file in folder: the project's settings plus values (repr'd).

    Pelican resolves relative paths against the settings file's folder, so the
    theme and cache are given absolutely; --content sets PATH.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        f"from {base.stem} import *  # noqa: F401,F403",
        f"THEME = {str(ROOT / 'theme')!r}",
        f"CACHE_PATH = {str(folder / 'cache')!r}",
    ]
    lines += [f"{name} = {value!r}" for name, value in values.items()]
    path = folder / "settings_uji.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class FeedSite:
    """A built site, read through its feeds."""

    output: Path
    build: BuildRun
    content: Path
    public_url: str
    posts: list[Post] = field(default_factory=list)
    _parsed: dict = field(default_factory=dict, repr=False)

    @property
    def published(self) -> list[Post]:
        return [p for p in self.posts if p.is_published]

    def feed_files(self) -> list[Path]:
        return sorted(p for p in (self.output / FOLDER).rglob("*") if p.suffix in (".xml", ".json"))

    def parse(self, path: str):
        """feedparser's reading of a feed file (as a consumer sees it)."""
        if path not in self._parsed:
            self._parsed[path] = feedparser.parse((self.output / path).read_bytes())
        return self._parsed[path]

    def xml(self, path: str) -> etree._Element:
        return etree.fromstring((self.output / path).read_bytes())

    def json(self, path: str) -> dict:
        return json.loads((self.output / path).read_text(encoding="utf-8"))

    def url(self, post: Post) -> str:
        return f"{self.public_url}{post.url}"

    def local_file(self, url: str) -> Path:
        """The output file an absolute URL of this site points at."""
        assert url.startswith(self.public_url + "/"), f"{url} is not under {self.public_url}"
        return self.output / url[len(self.public_url) + 1 :]


def expected_categories(post: Post, library_hashtags) -> list[str]:
    """The post's hashtags, the library's, its kind as a hashtag last; each once, ignoring case."""
    result: list[str] = []
    for tag in [*post.values.get("hashtags", []), *library_hashtags, KIND_HASHTAGS[post.kind]]:
        if tag.casefold() not in {t.casefold() for t in result}:
            result.append(tag)
    return result


def rfc822(text: str) -> dt.datetime:
    """An RSS date: RFC 822 with a +0800 offset, as an aware datetime."""
    assert RFC822.match(text or ""), f"{text!r} is not an RFC 822 date in WITA (+0800)"
    moment = email.utils.parsedate_to_datetime(text)
    assert moment.utcoffset() == WITA_OFFSET, text
    return moment


def rfc3339(text: str) -> dt.datetime:
    """An Atom or JSON Feed date: RFC 3339 with +08:00, as an aware datetime."""
    assert RFC3339.match(text or ""), f"{text!r} is not an RFC 3339 date in WITA (+08:00)"
    moment = dt.datetime.fromisoformat(text)
    assert moment.utcoffset() == WITA_OFFSET, text
    return moment


def rss_items(site: FeedSite, path: str) -> list[etree._Element]:
    return site.xml(path).findall("channel/item")


def atom_entries(site: FeedSite, path: str) -> list[etree._Element]:
    return site.xml(path).findall("atom:entry", NS)


def build_site(
    output: Path, content: Path, settings: Path = SETTINGS, strict: bool = False, now: str = BUILD_NOW
):
    return run_build(output, content=content, settings=settings, strict=strict, now=now)


def first_image(html: str):
    """The first element of an HTML fragment when it is (a paragraph holding only) an <img>."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    if (root.text or "").strip() or not len(root):
        return None
    first = root[0]
    if first.tag == "p" and len(first) == 1 and not (first.text or "").strip():
        first = first[0]
    return first if first.tag == "img" else None


# --- an item's summary, as the specification says it ------------------------------------------
#
# A post's item carries its summary as written. An event's adds one line, in the
# words of its card: "<when> · <place> · Daftar: <url>":
# - when: the session going on or next at the build's moment, "Sabtu, 5 Desember 2026 · 09.00 WITA"
#   (an event over several days: "5–12 September 2026 · 09.00 WITA"; all day: no time), a
#   series followed by "(N pertemuan)"; once every session is over, the first to the last;
# - place: the place without the library's name ("Daring" when only online, " dan daring" when both);
# - "Daftar: <registration_url>" while registration is open (before its deadline, not full,
#   the event not over), "Pendaftaran penuh" when full; a cancelled or postponed event says
#   "<Dibatalkan|Ditunda>, semula <when> · <place>" and nothing more; a rescheduled or
#   moved-online event starts with its status.

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
STATUS_WORDS = {
    "dibatalkan": "Dibatalkan",
    "ditunda": "Ditunda",
    "pindah-daring": "Dipindah ke daring",
    "dijadwalkan-ulang": "Dijadwalkan ulang",
}
STRUCK = ("dibatalkan", "ditunda")  # their time no longer holds


def spoken_date(day: dt.date) -> str:
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def card_when(start: dt.datetime, last: dt.datetime, all_day: bool) -> str:
    """The card's words for a span from `start` to `last` (the last day or end)."""
    if start.date() == last.date():
        days = spoken_date(start.date())
    elif (start.year, start.month) == (last.year, last.month):
        days = f"{start.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    elif start.year == last.year:
        days = f"{start.day} {MONTHS[start.month - 1]} – {last.day} {MONTHS[last.month - 1]} {last.year}"
    else:
        first = f"{start.day} {MONTHS[start.month - 1]} {start.year}"
        days = f"{first} – {last.day} {MONTHS[last.month - 1]} {last.year}"
    return days if all_day else f"{days} · {start:%H.%M} WITA"


def event_sessions(values: dict) -> list[tuple[dt.datetime, dt.datetime]]:
    """(start, end) of each session: the repeat rule's dates, skipped ones out, moved ones moved."""
    start, end = values["start"], values["end"]
    if values.get("all_day"):
        start = start.replace(hour=0, minute=0)
        end = end.replace(hour=0, minute=0) + dt.timedelta(days=1)
    rule = values.get("repeat")
    if rule is None:
        return [(start, end)]
    steps = {"day": dt.timedelta(days=1), "week": dt.timedelta(weeks=1)}
    assert rule.every in steps, "the feeds tests' specification covers daily and weekly series"
    starts, moment = [], start
    while (rule.count is None or len(starts) < rule.count) and (
        rule.until is None or moment.date() <= rule.until
    ):
        starts.append(moment)
        moment += steps[rule.every] * rule.interval
    skip, moved = set(values.get("skip", ())), values.get("moved", {})
    held = [moved.get(s.date(), s) for s in starts if s.date() not in skip]
    return sorted((s, s + (end - start)) for s in held)


def event_line(values: dict, library_name: str, now: dt.datetime) -> str:
    sessions = event_sessions(values)
    all_day = bool(values.get("all_day"))
    last_day = (lambda end: end - dt.timedelta(days=1)) if all_day else (lambda end: end)
    upcoming = next(((s, e) for s, e in sessions if e >= now), None)
    start, end = upcoming or (sessions[0][0], sessions[-1][1])
    when = card_when(start, last_day(end), all_day) + (
        f" ({len(sessions)} pertemuan)" if len(sessions) > 1 else ""
    )
    status = values.get("event_status", "terjadwal")
    if status == "pindah-daring" or not values.get("place"):
        place = "Daring"
    else:
        place = values["place"].removesuffix(f", {library_name}")
        place += " dan daring" if values.get("online_url") else ""
    if status in STRUCK:
        return f"{STATUS_WORDS[status]}, semula {when} · {place}"
    parts = [STATUS_WORDS[status]] if status in STATUS_WORDS else []
    parts += [when, place]
    over = sessions[-1][1] < now
    deadline = values.get("registration_deadline")
    is_open = not values.get("full") and not over and (deadline is None or now < deadline)
    if values.get("registration_url") and is_open:
        parts.append(f"Daftar: {values['registration_url']}")
    if values.get("full") and not over:
        parts.append("Pendaftaran penuh")
    return " · ".join(parts)


def expected_summary(post: Post, library_name: str, now: str = BUILD_NOW) -> str:
    """The plain text of a post's item summary: as written, an event's line below it."""
    if post.kind != "acara":
        return post.values["summary"]
    line = event_line(post.values, library_name, dt.datetime.fromisoformat(now))
    return f"{post.values['summary']}\n{line}"
