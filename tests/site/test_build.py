"""End-to-end builds of the fixture site (and the sample site), checked on their output."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from urllib.parse import urlsplit

import pytest
from PIL import Image

from plugins.content_model.kinds import DEFAULT as _KINDS
from sitekit import (
    BUILD_NOW,
    SETTINGS,
    WITA,
    local_path,
    parse_srcset,
    read_posts,
    run_build,
    shared_build,
    text_of,
)

KINDS = _KINDS.posts

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
HOME_BUDGET = 60 * 1024  # bytes: index.html + its stylesheets and scripts


def _site(request, which):
    return request.getfixturevalue({"fixture": "fixture_site", "sample": "built_site"}[which])


def _published(site):
    return [p for p in site.posts if p.is_published]


def _unpublished(site):
    return [p for p in site.posts if not p.is_published]


# --- the fixture content itself --------------------------------------------------------


def test_fixture_content_passes_the_checker(fixture_content):
    posts, pages, problems = read_posts(fixture_content)
    assert not problems
    assert {p.kind for p in posts} == set(KINDS)
    assert any(p.values.get("template") == "tentang" for p in pages)
    # The fixture must hold the cases the tests below rely on.
    assert any(p.values.get("status") == "draft" for p in posts)
    assert any(p.values["date"].year >= 2099 for p in posts)
    assert any("image" in p.values for p in posts)


def test_sample_content_passes_the_checker(built_site):
    """A post with a problem is silently left out of a normal build; catch it here."""
    from plugins.content_model.problems import format_report

    assert not built_site.problems, format_report(built_site.problems)


# --- the build ----------------------------------------------------------------------------


def test_fixture_build_exits_zero(fixture_site):
    assert fixture_site.build.returncode == 0, fixture_site.build.log


def test_fixture_builds_strictly(fixture_content):
    """Strict mode also stops on template errors, which a normal build only logs."""
    run = shared_build(content=fixture_content, strict=True)
    assert run.returncode == 0, run.log


def test_expected_files_exist(fixture_site):
    site = fixture_site
    expected = {"/": "home", "/tagar/": "hashtag index", "/arsip/": "archive", "/404.html": "not-found page"}
    for kind in KINDS:
        expected[f"/{kind}/"] = f"listing of {kind}"
    for post in _published(site):
        expected[post.url] = f"post {post.path}"
        for tag in post.values.get("hashtags", []):
            expected[f"/tagar/{tag.lower()}/"] = f"hashtag page of #{tag}"
    for page in site.pages:
        expected[f"/{page.slug}/"] = f"page {page.path}"
    assert "/tentang/" in expected
    missing = [f"{url} ({what})" for url, what in expected.items() if not site.exists(url)]
    assert not missing, "missing from the output:\n  " + "\n  ".join(missing)


def test_each_kind_listing_links_to_its_posts(fixture_site):
    site = fixture_site
    problems = []
    for kind in KINDS:
        if not site.exists(f"/{kind}/"):
            problems.append(f"/{kind}/ does not exist")
            continue
        links = set(site.links(f"/{kind}/"))
        for post in _published(site):
            if post.kind == kind and post.url not in links:
                problems.append(f"/{kind}/ does not link to {post.url}")
    assert not problems, "\n".join(problems)


def test_hashtag_pages_link_to_their_posts(fixture_site):
    site = fixture_site
    problems = []
    tags = {t.lower() for p in _published(site) for t in p.values.get("hashtags", [])}
    index_links = set(site.links("/tagar/")) if site.exists("/tagar/") else set()
    for tag in sorted(tags):
        url = f"/tagar/{tag}/"
        if not site.exists(url):
            problems.append(f"{url} does not exist")
            continue
        if url not in index_links:
            problems.append(f"/tagar/ does not link to {url}")
        links = set(site.links(url))
        for post in _published(site):
            if tag in {t.lower() for t in post.values.get("hashtags", [])} and post.url not in links:
                problems.append(f"{url} does not link to {post.url}")
    assert not problems, "\n".join(problems)


# --- every page ----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture", "sample"])
def test_every_page_has_language_heading_canonical_and_description(request, which):
    site = _site(request, which)
    problems = []
    files = site.html_files()
    assert files, "no HTML page in the output"
    for file in files:
        url = site.url_for(file)
        soup = site.soup(file)
        html = soup.find("html")
        if html is None or html.get("lang") != "id":
            problems.append(f"{url}: <html lang> is {html.get('lang') if html else None!r}, not 'id'")
        h1s = soup.find_all("h1")
        if len(h1s) != 1:
            problems.append(f"{url}: {len(h1s)} <h1> elements, expected exactly one")
        elif not text_of(h1s[0]):
            problems.append(f"{url}: the <h1> is empty")
        description = soup.find("meta", attrs={"name": "description"})
        if description is None or not description.get("content", "").strip():
            problems.append(f"{url}: no non-empty <meta name=description>")
        # 404.html is served at every missing URL, and staff-only pages (share kit)
        # are kept out of search: both say noindex and have no canonical instead.
        robots = soup.find("meta", attrs={"name": "robots"})
        if file.name == "404.html" or url.startswith("/bagikan/"):
            if robots is None or "noindex" not in robots.get("content", ""):
                problems.append(f"{url}: no <meta name=robots content=noindex>")
            continue
        canonicals = [
            link for link in soup.find_all("link", href=True) if "canonical" in (link.get("rel") or [])
        ]
        if len(canonicals) != 1:
            problems.append(f"{url}: {len(canonicals)} <link rel=canonical>, expected one")
        else:
            href = canonicals[0]["href"]
            target = urlsplit(href)
            points_to = local_path(url, href) if not target.netloc else target.path
            if points_to != url:
                problems.append(f"{url}: canonical {href!r} does not point at this page")
    assert not problems, f"{len(problems)} problem(s) in {len(files)} pages:\n" + "\n".join(problems)


@pytest.mark.parametrize("which", ["fixture", "sample"])
def test_every_local_link_and_resource_exists(request, which):
    """Links, stylesheets, scripts and images of every page point at files in the output.

    The browser tests load only some pages (and lazy images not at all): this
    reads every page. Fragments (#id) must name an element of the target page.
    """
    site = _site(request, which)
    references = [
        ("a", "href"),
        ("link", "href"),
        ("script", "src"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "srcset"),
        ("source", "src"),
        ("video", "poster"),
        ("iframe", "src"),
    ]
    problems = set()
    for file in site.html_files():
        url = site.url_for(file)
        soup = site.soup(file)
        for tag, attribute in references:
            for element in soup.find_all(tag, attrs={attribute: True}):
                value = element[attribute]
                targets = [u for u, _ in parse_srcset(value)] if attribute == "srcset" else [value]
                for target in targets:
                    path = local_path(url, target)
                    if path is None:
                        continue
                    if not site.exists(path):
                        problems.add(f"{url}: <{tag} {attribute}={target!r}> -> {path} is not in the output")
                        continue
                    fragment = urlsplit(target).fragment
                    if fragment and site.file_for(path).suffix == ".html":
                        page = site.soup(path)
                        if not (page.find(id=fragment) or page.find(attrs={"name": fragment})):
                            problems.add(f"{url}: {target!r} names no element id={fragment!r}")
    assert not problems, f"{len(problems)} broken reference(s):\n" + "\n".join(sorted(problems))


# --- dates --------------------------------------------------------------------------------


def _event(site):
    now = dt.datetime.fromisoformat(BUILD_NOW)
    events = [p for p in _published(site) if p.kind == "acara" and p.values["end"] >= now]
    assert events, "the fixture has no upcoming event"
    return events[0]


def test_event_page_shows_the_indonesian_long_date(fixture_site):
    event = _event(fixture_site)
    start, end = event.values["start"].astimezone(WITA), event.values["end"].astimezone(WITA)
    text = text_of(fixture_site.soup(event.url).body)
    long_date = f"{HARI[start.weekday()]}, {start.day} {BULAN[start.month - 1]} {start.year}"
    assert long_date in text, f"{event.url} does not show {long_date!r}; page text:\n{text[:2000]}"
    after = text[text.index(long_date) :][:120]
    clock = f"{start:%H}.{start:%M}"
    assert re.search(rf"pukul {re.escape(clock)}\b.*WITA", after), (
        f"{event.url}: the start time 'pukul {clock} … WITA' does not follow {long_date!r}: {after!r}"
    )
    assert f"{end:%H}.{end:%M}" in text, f"{event.url} does not show the end time"


def test_event_page_has_machine_readable_times_in_wita(fixture_site):
    event = _event(fixture_site)
    times = fixture_site.soup(event.url).find_all("time", attrs={"datetime": True})
    values = [t["datetime"] for t in times]
    starts = [v for v in values if _parses_to(v, event.values["start"])]
    assert starts, f"{event.url}: no <time datetime> equal to the start; found {values}"
    assert all(v.endswith("+08:00") for v in starts), f"start not written in +08:00: {starts}"
    with_clock = [v for v in values if "T" in v or " " in v]
    wrong = [v for v in with_clock if not v.endswith("+08:00")]
    assert not wrong, f"{event.url}: <time datetime> not in WITA (+08:00): {wrong}"


def _parses_to(value: str, moment: dt.datetime) -> bool:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return parsed.tzinfo is not None and parsed == moment


# --- images --------------------------------------------------------------------------------


def test_post_images_are_responsive_with_alt_text(fixture_site):
    site = fixture_site
    with_images = [p for p in _published(site) if "image" in p.values]
    assert with_images, "the fixture has no post with an image"
    problems = []
    for post in with_images:
        stem = post.values["image"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        imgs = [
            img
            for img in site.soup(post.url).find_all("img")
            if stem in (img.get("src", "") + img.get("srcset", ""))
        ]
        if not imgs:
            problems.append(f"{post.url}: no <img> of {post.values['image']}")
            continue
        img = imgs[0]
        where = f"{post.url} <img src={img.get('src')!r}>"
        if img.get("alt", "").strip() != post.values["image_alt"]:
            problems.append(f"{where}: alt is {img.get('alt')!r}, not the post's image_alt")
        srcset = parse_srcset(img.get("srcset", ""))
        if len(srcset) < 2:
            problems.append(f"{where}: srcset has {len(srcset)} candidate(s)")
        if any(d.endswith("w") for _, d in srcset) and not img.get("sizes"):
            problems.append(f"{where}: srcset with widths but no sizes attribute")
        try:
            width, height = int(img.get("width")), int(img.get("height"))
        except (TypeError, ValueError):
            problems.append(
                f"{where}: width/height missing or not numbers ({img.get('width')!r}, {img.get('height')!r})"
            )
            width = height = None
        for url, descriptor in srcset + [(img.get("src", ""), "")]:
            path = local_path(post.url, url)
            file = site.file_for(path) if path else None
            if file is None or not file.is_file():
                problems.append(f"{where}: {url!r} is not a file in the output")
                continue
            with Image.open(file) as image:
                actual = image.size
            if descriptor.endswith("w") and int(descriptor[:-1]) != actual[0]:
                problems.append(f"{where}: {url} is {actual[0]} px wide, srcset says {descriptor}")
            if width and height and abs(width / height - actual[0] / actual[1]) > 0.01:
                problems.append(
                    f"{where}: width/height {width}x{height} do not match the "
                    f"shape of {url} ({actual[0]}x{actual[1]})"
                )
    assert not problems, "\n".join(problems)


# --- what is not published -----------------------------------------------------------------


def test_future_and_draft_posts_are_in_no_listing(fixture_site):
    site = fixture_site
    hidden = _unpublished(site)
    assert {"draft", "future"} <= {"draft" if p.values.get("status") == "draft" else "future" for p in hidden}
    from pelican.settings import read_settings

    draft_save_as = read_settings(str(SETTINGS))["DRAFT_SAVE_AS"]
    problems = []
    for post in hidden:
        if site.exists(post.url):
            problems.append(f"{post.path} is published at {post.url}")
        own_page = site.output / draft_save_as.format(slug=post.slug, category=post.kind)
        for file in site.html_files():
            if file == own_page:  # Pelican writes drafts to DRAFT_SAVE_AS, linked from nowhere
                continue
            soup = site.soup(file)
            url = site.url_for(file)
            if post.title in text_of(soup):
                problems.append(f"{url} shows the title of {post.path}")
            if any(post.slug in link for link in site.links(url, soup)):
                problems.append(f"{url} links to {post.path}")
    assert not problems, "\n".join(problems)


# --- the home page --------------------------------------------------------------------------


def test_home_lists_the_upcoming_event_before_the_latest_posts(fixture_site):
    site = fixture_site
    now = dt.datetime.fromisoformat(BUILD_NOW)
    events = [p for p in _published(site) if p.kind == "acara"]
    upcoming = [e for e in events if e.values["end"] >= now]
    others = [p for p in _published(site) if p not in upcoming]
    # The fixture makes the order mean something: the upcoming event was published
    # before every other post (so newest-first puts it last), and an event that has
    # already ended was published after it (so listing events newest-first does too).
    assert upcoming and any(e not in upcoming for e in events)
    assert all(u.values["date"] < o.values["date"] for u in upcoming for o in others)
    links = site.links("/")
    missing = [p.url for p in upcoming if p.url not in links]
    assert not missing, f"the home page does not link to the upcoming event(s) {missing}"
    latest = [o for o in others if o.url in links]
    assert latest, "the home page links to none of the latest posts"
    first_upcoming = min(links.index(u.url) for u in upcoming)
    first_latest = min(links.index(o.url) for o in latest)
    assert first_upcoming < first_latest, (
        "the home page lists a post before the upcoming event; its links in order:\n  " + "\n  ".join(links)
    )


@pytest.mark.parametrize("which", ["fixture", "sample"])
def test_home_page_weighs_under_60_kb(request, which):
    site = _site(request, which)
    soup = site.soup("/")
    parts = {"/": site.file_for("/").stat().st_size}
    external = []
    assets = [
        link["href"] for link in soup.find_all("link", href=True) if "stylesheet" in (link.get("rel") or [])
    ]
    assets += [script["src"] for script in soup.find_all("script", src=True)]
    for href in assets:
        path = local_path("/", href)
        if path is None:
            external.append(href)
            continue
        file = site.file_for(path)
        assert file.is_file(), f"the home page links {href!r}, which is not in the output"
        parts[path] = file.stat().st_size
    assert not external, f"the home page loads CSS/JS from other sites: {external}"
    total = sum(parts.values())
    detail = ", ".join(f"{p} {n} B" for p, n in parts.items())
    assert total < HOME_BUDGET, f"home page HTML+CSS+JS is {total} B (budget {HOME_BUDGET}): {detail}"


# --- a strict build that must stop ------------------------------------------------------------


def test_strict_build_stops_on_a_broken_post_and_writes_nothing(fixture_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    broken = content / "koleksi-baru" / "2026-11-19-buku-dengan-isbn-salah.md"
    good = next((fixture_content / "koleksi-baru").glob("*.md")).read_text(encoding="utf-8")
    broken.write_text(re.sub(r"(?m)^isbn:.*$", "isbn: 978-602-000-000-1", good), encoding="utf-8")
    output = tmp_path / "output"

    run = run_build(output, content=content, strict=True)

    said = run.stdout + run.stderr
    assert run.returncode != 0, run.log
    assert "content/koleksi-baru/2026-11-19-buku-dengan-isbn-salah.md" in said, run.log
    assert "kolom 'isbn'" in said, run.log
    assert "bukan ISBN yang sah" in said and "Cara memperbaiki" in said, run.log
    written = [p for p in output.rglob("*")] if output.exists() else []
    assert not written, f"the stopped build wrote {len(written)} file(s): {written[:10]}"
