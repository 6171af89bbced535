"""An event's feed item says when, where and how to register in its summary.

Read as consumers read it (feedparser for RSS and Atom, JSON for JSON Feed) in
every feed that carries it, the auto-poster feed included, at a fixed BUILD_NOW:
the summary as written, then one line (the specification is
feedkit.expected_summary). Events below cover registration open, after its
deadline and full, a weekly series with a skipped date, online only, several
days, cancelled and rescheduled. Other items' summaries stay as written, the
sample site's events read the same way, and the length check counts what is
really sent: the event's line, its status notice and its reminders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitekit import BUILD_NOW, SAMPLE_CONTENT, read_posts, run_build, shared_build
from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    DEV_PUBLIC_URL,
    FOLDER,
    PUBLISH_SETTINGS,
    SOCIAL_ATOM,
    SOCIAL_RSS,
    FeedSite,
    expected_categories,
    expected_summary,
)

KIND_RSS = f"{FOLDER}/acara.xml"
PARSED_FEEDS = (ALL_RSS, ALL_ATOM, KIND_RSS, SOCIAL_RSS, SOCIAL_ATOM)
LIMIT = 500  # Mastodon's toot, as feed2toot cuts it

# slug -> front matter after title/date/summary; published 2026-11-20 (in the auto-poster feed).
EVENTS = {
    "daftar-dibuka": "start: 2026-12-05 09:00\nend: 2026-12-05 11:00\n"
    "place: Aula Lantai 2, Perpustakaan Kota Kotamobagu\n"
    "registration_url: https://forms.example.org/dibuka\nregistration_deadline: 2026-12-03 17:00",
    "daftar-ditutup": "start: 2026-12-06 09:00\nend: 2026-12-06 11:00\nplace: Ruang Rapat\n"
    "registration_url: https://forms.example.org/ditutup\nregistration_deadline: 2026-11-27 17:00",
    "kuota-penuh": "start: 2026-12-07 09:00\nend: 2026-12-07 11:00\nplace: Ruang Baca Anak\n"
    "registration_url: https://forms.example.org/penuh\nfull: true",
    "klub-baca-senin": "start: 2026-11-16 15:00\nend: 2026-11-16 16:30\nplace: Teras Baca\n"
    "repeat: {every: week, count: 4}\nskip: [2026-11-23]\n"
    "registration_url: https://forms.example.org/klub",
    "siaran-daring": "start: 2026-12-10 19:00\nend: 2026-12-10 20:00\n"
    "online_url: https://www.youtube.com/@perpustakaankotamobagu/live",
    "pameran-sepekan": "start: 2026-12-07 09:00\nend: 2026-12-12 14:00\nplace: Lobi",
    "lomba-dibatalkan": "start: 2026-12-06 10:00\nend: 2026-12-06 12:00\nplace: Aula Lantai 1\n"
    "registration_url: https://forms.example.org/lomba\n"
    "event_status: dibatalkan\nstatus_changed: 2026-11-25 08:00",
    "bedah-buku-diundur": "start: 2026-12-19 09:00\nend: 2026-12-19 11:00\nplace: Aula Lantai 1\n"
    "registration_url: https://forms.example.org/bedah\n"
    "event_status: dijadwalkan-ulang\nprevious_start: 2026-12-12 09:00\nstatus_changed: 2026-11-26 08:00",
}
# What each line must say, written by hand for BUILD_NOW (2026-11-28 10:00 WITA).
MUST_SAY = {
    "daftar-dibuka": ("Sabtu, 5 Desember 2026 · 09.00 WITA", "Aula Lantai 2", "Daftar: https://forms.example.org/dibuka"),
    "daftar-ditutup": ("Minggu, 6 Desember 2026 · 09.00 WITA", "Ruang Rapat"),
    "kuota-penuh": ("Senin, 7 Desember 2026", "Ruang Baca Anak", "Pendaftaran penuh"),
    "klub-baca-senin": ("Senin, 30 November 2026 · 15.00 WITA (3 pertemuan)", "Daftar: https://forms.example.org/klub"),
    "siaran-daring": ("Kamis, 10 Desember 2026 · 19.00 WITA", "Daring"),
    "pameran-sepekan": ("7–12 Desember 2026 · 09.00 WITA", "Lobi"),
    "lomba-dibatalkan": ("Dibatalkan, semula Minggu, 6 Desember 2026 · 10.00 WITA",),
    "bedah-buku-diundur": ("Dijadwalkan ulang", "Sabtu, 19 Desember 2026", "Daftar: https://forms.example.org/bedah"),
}  # fmt: skip
MUST_NOT_SAY = {
    "daftar-ditutup": "forms.example.org",  # after its deadline
    "kuota-penuh": "forms.example.org",
    "lomba-dibatalkan": "forms.example.org",
    "klub-baca-senin": "16 November",  # a session already held
}
# After every fixture event: a series over shows its whole span, and no registration.
AFTER_ALL = "2026-12-21T10:00:00+08:00"


def write_events(content: Path, events: dict[str, str], hashtags="[UjiRingkasan]", title_start="") -> None:
    """Each event as content/acara/2026-11-20-<slug>.md, titled after its slug."""
    for slug, front in events.items():
        title = title_start + slug.replace("-", " ").title()
        (content / "acara" / f"2026-11-20-{slug}.md").write_text(
            f"---\ntitle: {title}\ndate: 2026-11-20 09:00\nsummary: Ringkasan acara uji.\n"
            f"hashtags: {hashtags}\n{front}\n---\n\nIsi acara.\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def summary_content(feed_content, tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("ringkasan") / "content"
    shutil.copytree(feed_content, content)
    write_events(content, EVENTS)
    return content


def _build(folder: Path, content: Path, now: str = BUILD_NOW, **options) -> FeedSite:
    run = run_build(folder / "output", content=content, now=now, **options)
    if run.returncode != 0:
        pytest.fail(f"building at {now} failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    posts, _, problems = read_posts(content)
    assert not problems, problems
    return FeedSite(folder / "output", run, content, DEV_PUBLIC_URL, posts=posts)


@pytest.fixture(scope="module")
def site(summary_content, tmp_path_factory) -> FeedSite:
    return _build(tmp_path_factory.mktemp("ringkasan-site"), summary_content)


@pytest.fixture(scope="module")
def later_site(summary_content, tmp_path_factory) -> FeedSite:
    return _build(tmp_path_factory.mktemp("ringkasan-later"), summary_content, AFTER_ALL)


def summaries(site: FeedSite, path: str) -> dict[str, str]:
    """id -> the item summary's text as a consumer reads it (feedparser, or JSON Feed as is)."""
    if path.endswith(".json"):
        return {item["id"]: item["summary"] for item in site.json(path)["items"]}
    parsed = site.parse(path)
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    # The card's <img> comes first; the text is what feed2toot keeps when it strips tags.
    return {entry.id: BeautifulSoup(entry.summary, "html.parser").get_text() for entry in parsed.entries}


def _ours(site: FeedSite) -> dict[str, object]:
    """URL -> post of the events above."""
    return {site.url(p): p for p in site.posts if p.kind == "acara" and p.slug in EVENTS}


@pytest.mark.parametrize("path", (*PARSED_FEEDS, ALL_JSON))
def test_event_summaries_say_when_where_and_how_to_register(site, library_name, path):
    held = summaries(site, path)
    events = _ours(site)
    in_feed = {url: post for url, post in events.items() if url in held}
    # Published eight days ago, none over: every feed holds all of them, the auto-poster feed too.
    assert len(in_feed) == len(EVENTS), f"{path}: {sorted(set(events) - set(held))} missing"
    for url, post in in_feed.items():
        text = held[url]
        written, line = text.split("\n")
        assert written == post.values["summary"], f"{path}: {url}"
        for words in MUST_SAY[post.slug]:
            assert words in line, f"{path}: {url}: {words!r} not in {line!r}"
        if post.slug in MUST_NOT_SAY:
            assert MUST_NOT_SAY[post.slug] not in line, f"{path}: {url}: {line!r}"
        assert text == expected_summary(post, library_name), f"{path}: {url}"


def test_a_series_and_registration_move_with_the_build_moment(later_site, library_name):
    """Once every session is over: the whole span, no registration, no 'Pendaftaran penuh'."""
    held = summaries(later_site, ALL_RSS)
    events = _ours(later_site)
    series = next(url for url, post in events.items() if post.slug == "klub-baca-senin")
    assert (
        held[series].split("\n")[1] == "16 November – 7 Desember 2026 · 15.00 WITA (3 pertemuan) · Teras Baca"
    )
    for url, post in events.items():
        line = held[url].split("\n")[1]
        assert "Daftar:" not in line and "Pendaftaran penuh" not in line, line
        assert held[url] == expected_summary(post, library_name, AFTER_ALL), url


@pytest.mark.parametrize("path", (*PARSED_FEEDS, ALL_JSON))
def test_other_items_keep_their_summary_as_written(site, path):
    posts = {site.url(p): p for p in site.posts}
    others = {
        i: text for i, text in summaries(site, path).items() if "#" not in i and posts[i].kind != "acara"
    }
    assert others or path == KIND_RSS
    for url, text in others.items():
        assert text == posts[url].values["summary"], f"{path}: {url}"


def test_the_line_in_rss_is_a_line_break_readers_show(site):
    """<br> for readers, the newline itself for tools that strip the tags."""
    events = _ours(site)
    for item in site.xml(ALL_RSS).findall("channel/item"):
        if item.findtext("guid") in events:
            assert "<br>\n" in item.findtext("description"), item.findtext("guid")


def test_the_feeds_page_says_what_the_auto_poster_feed_carries(site):
    page = BeautifulSoup((site.output / FOLDER / "index.html").read_bytes(), "lxml")
    social = next(h2 for h2 in page.find_all("h2") if h2.find_parent("section") and "otomatis" in h2.text)
    text = " ".join(social.find_parent("section").get_text(" ").split())
    for words in (
        "14 hari terakhir",
        "batal, ditunda, dipindah ke daring atau dijadwalkan ulang",
        "pengingat",
    ):
        assert words in text, f"the auto-poster feed's section does not say {words!r}: {text}"


# --- the sample site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> FeedSite:
    """The sample content, built as the public site (its real link length) at BUILD_NOW,
    as `invoke preview` builds it (strict): the session's one such build."""
    from pelican.settings import read_settings

    run = shared_build(settings=PUBLISH_SETTINGS, strict=True)
    if run.returncode != 0:
        pytest.fail(f"building the sample failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    posts, _, _ = read_posts(SAMPLE_CONTENT)
    public_url = read_settings(str(PUBLISH_SETTINGS))["PUBLIC_URL"]
    return FeedSite(run.output, run, SAMPLE_CONTENT, public_url, posts=posts)


@pytest.mark.parametrize("path", (ALL_RSS, ALL_ATOM, SOCIAL_RSS, SOCIAL_ATOM, ALL_JSON))
def test_the_samples_event_items_carry_their_line(sample, library_name, path):
    posts = {sample.url(p): p for p in sample.published}
    held = summaries(sample, path)
    events = [url for url in held if "#" not in url and posts[url].kind == "acara"]
    assert events, f"{path} holds no event of the sample"
    for url in held:
        if "#" not in url:  # announcements say their own sentence
            assert held[url] == expected_summary(posts[url], library_name), f"{path}: {url}"
    series = [url for url in events if posts[url].values.get("repeat")]
    assert series, "the sample has a series"
    for url in series:
        assert "(4 pertemuan)" in held[url], held[url]


def test_every_auto_post_of_the_sample_fits(sample, library_hashtags):
    """Title, summary (with its line), link and hashtags of every item, notices and reminders too."""
    posts = {sample.url(p): p for p in sample.published}
    for entry in sample.parse(SOCIAL_RSS).entries:
        text = BeautifulSoup(entry.summary, "html.parser").get_text()
        tags = [t.term for t in entry.tags]
        post = posts[entry.id.split("#")[0]]
        assert tags == expected_categories(post, library_hashtags), entry.id
        length = len(f"{entry.title}\n\n{text}\n\n{entry.link}") + sum(len(t) + 2 for t in tags)
        assert length <= LIMIT, f"{entry.id}: {length} characters"


# --- the length check --------------------------------------------------------------------------

HASHTAGS = "[TantanganMembacaBulanDesember, KomunitasPembacaKotamobagu, LiterasiKeluargaIndonesia]"
LONG_TITLE = "Temu " + "Penulis " * 6 + "Kotamobagu "
LONG_PLACE = "Gedung Serbaguna " + "Kelurahan " * 6
LONG_ADDRESS = "Jalan " + "Panjang " * 18 + "Nomor 5"


def _caption(title: str, summary: str, link: str, tags: list[str]) -> int:
    return len(f"{title}\n\n{summary}\n\n{link}") + sum(len(t) + 2 for t in tags)


def test_the_length_check_counts_the_line_notices_and_reminders(feed_content, tmp_path, library_name):
    content = tmp_path / "content"
    shutil.copytree(feed_content, content)
    events = {
        # Its summary fits without the line; the line (a long registration link) tips it over.
        "daftar-panjang": "start: 2026-12-05 09:00\nend: 2026-12-05 11:00\nplace: Aula\n"
        "registration_url: https://forms.example.org/" + "pendaftaran-" * 12 + "akhir",
        # The post fits; its notice names the long place and street.
        "batal-panjang": f"start: 2026-12-05 09:00\nend: 2026-12-05 11:00\nplace: {LONG_PLACE.strip()}\n"
        f"place_address: {LONG_ADDRESS}\nevent_status: dibatalkan\nstatus_changed: 2026-11-25 08:00",
        # The post fits; its reminders (day before, hour before) name the long place and street.
        "ingat-panjang": f"start: 2026-12-20 09:00\nend: 2026-12-20 11:00\nplace: {LONG_PLACE.strip()}\n"
        f"place_address: {LONG_ADDRESS}\nonline_url: https://meet.google.com/abc-defg-hij",
    }
    write_events(content, events, HASHTAGS, LONG_TITLE)
    posts = {p.slug: p for p in read_posts(content)[0] if p.slug in events}
    assert len(posts) == len(events)

    from pelican.settings import read_settings

    settings = read_settings(str(PUBLISH_SETTINGS))

    def caption(post, summary: str) -> int:
        tags = expected_categories(post, settings["LIBRARY"]["hashtags"])
        return _caption(post.title, summary, f"{settings['PUBLIC_URL']}{post.url}", tags)

    # The preconditions: the written summary alone fits, the item as sent does not;
    # the other two posts' own items fit.
    post = posts["daftar-panjang"]
    assert (
        caption(post, post.values["summary"]) <= LIMIT < caption(post, expected_summary(post, library_name))
    )
    for slug in ("batal-panjang", "ingat-panjang"):
        assert caption(posts[slug], expected_summary(posts[slug], library_name)) <= LIMIT

    strict = run_build(tmp_path / "strict", content=content, settings=PUBLISH_SETTINGS, strict=True)
    assert strict.returncode == 1, strict.log
    said = " ".join(strict.stderr.split())  # the report wraps long lines
    title = posts["batal-panjang"].title
    assert f"kiriman 'DIBATALKAN: {title}'" in said, strict.log
    title = posts["ingat-panjang"].title
    assert f"kiriman 'Besok: {title}'" in said and f"kiriman 'Hari ini: {title}'" in said, strict.log
    assert f"kiriman '{posts['daftar-panjang'].title}'" in said, strict.log
    # The posts whose own item fits are not named for it.
    for slug in ("batal-panjang", "ingat-panjang"):
        assert f"kiriman '{posts[slug].title}'" not in said, strict.log
