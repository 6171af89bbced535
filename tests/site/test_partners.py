"""Partner pages (content/mitra/) in a built site: events listed on them, the index, the
event's page and JSON-LD, and no partner in any feed.

The fixture site gets one partner named by events on every side of BUILD_NOW
(2026-11-28 10:00 WITA), so the order of each list is known from the dates alone.
"""

from __future__ import annotations

import json
import textwrap

import pytest
from PIL import Image

from sitekit import FIXTURE_CONTENT, Site, copy_content, make_images, open_page, run_build

PARTNER = "mitra-uji"
OTHER = "mitra-lain"
# title -> (start, end, extra front matter); every one published before BUILD_NOW.
EVENTS = {
    "Bulan Lalu": ("2026-10-20 09:00", "2026-10-20 11:00", ""),
    "Kemarin": ("2026-11-27 09:00", "2026-11-27 11:00", ""),
    # a weekly series whose third session is going on at BUILD_NOW: it is upcoming, and first
    "Seri Berjalan": ("2026-11-14 09:00", "2026-11-14 11:00", "repeat: {every: week, count: 4}\n"),
    "Besok": ("2026-11-29 09:00", "2026-11-29 11:00", ""),
    "Pekan Depan": ("2026-12-05 09:00", "2026-12-05 11:00", ""),
}
# "Berdua" (2026-12-10) names both partners.
UPCOMING = ["Seri Berjalan", "Besok", "Pekan Depan", "Berdua"]  # by their next session
PAST = ["Kemarin", "Bulan Lalu"]  # the latest first


def _event(content, title: str, start: str, end: str, extra: str, partners: list[str]) -> None:
    slug = title.lower().replace(" ", "-")
    (content / "acara" / f"2026-10-01-{slug}.md").write_text(
        textwrap.dedent(f"""\
        ---
        title: {title}
        date: 2026-10-01 08:00
        summary: Acara uji {title}.
        start: {start}
        end: {end}
        place: Aula Lantai 1
        partners: [{", ".join(partners)}]
        """)
        + extra
        + "---\n\nIsi acara.\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def partner_site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("partners")
    content = copy_content(FIXTURE_CONTENT, root / "content")
    make_images(content)
    Image.new("RGB", (96, 96), (20, 60, 140)).save(content / "gambar" / "logo-mitra-uji.png")
    (content / "mitra").mkdir()
    (content / "mitra" / f"{PARTNER}.md").write_text(
        textwrap.dedent("""\
        ---
        title: Sanggar Uji Kotamobagu
        partner_type: komunitas
        summary: Sanggar seni pelajar di Kotamobagu.
        logo: gambar/logo-mitra-uji.png
        logo_alt: Logo Sanggar Uji Kotamobagu
        website: https://sanggar.example.org/
        ---

        Sanggar ini melatih tari dan teater.
        """),
        encoding="utf-8",
    )
    (content / "mitra" / f"{OTHER}.md").write_text(
        "---\ntitle: Abadi Percetakan\npartner_type: perusahaan\nsummary: Percetakan di Kotamobagu.\n---\n",
        encoding="utf-8",
    )
    for title, (start, end, extra) in EVENTS.items():
        _event(content, title, start, end, extra, [PARTNER])
    _event(content, "Hanya Mitra Lain", "2026-12-01 09:00", "2026-12-01 11:00", "", [OTHER])
    _event(content, "Berdua", "2026-12-10 09:00", "2026-12-10 11:00", "", [OTHER, PARTNER])
    build = run_build(root / "output", content=content, strict=True)
    assert build.returncode == 0, build.log
    return Site(root / "output", build, content)


def _titles(section) -> list[str]:
    return [a.get_text(strip=True) for a in section.select("a.post-item-title")]


def _section(soup, heading_id: str):
    return soup.find(id=heading_id).find_parent("section")


def test_a_partner_page_lists_its_upcoming_then_its_past_events(partner_site):
    soup = partner_site.soup(f"/mitra/{PARTNER}/")
    assert soup.find("h1").get_text(strip=True) == "Sanggar Uji Kotamobagu"
    assert _titles(_section(soup, "acara-akan-datang")) == UPCOMING
    assert _titles(_section(soup, "acara-berlalu")) == PAST
    links = {a["href"] for a in _section(soup, "acara-akan-datang").select("a.post-item-title")}
    assert "/acara/besok/" in links and all(partner_site.exists(link) for link in links)


def test_a_partner_page_shows_its_facts(partner_site):
    soup = partner_site.soup(f"/mitra/{PARTNER}/")
    box = _section(soup, "tentang-mitra")
    logo = box.find("img", class_="partner-logo")
    assert logo["alt"] == "Logo Sanggar Uji Kotamobagu" and partner_site.exists(logo["src"])
    assert "Sanggar seni pelajar di Kotamobagu." in box.get_text()
    assert [dd.get_text(strip=True) for dd in box.select("dl.details dd")] == ["Komunitas"]
    assert box.find("a", string="Kunjungi situs mitra")["href"] == "https://sanggar.example.org/"
    assert "melatih tari dan teater" in soup.find(class_="prose").get_text()


def test_the_index_lists_every_partner_by_name(partner_site):
    soup = partner_site.soup("/mitra/")
    listed = [(a.get_text(strip=True), a["href"]) for a in soup.select(".partner-list a.post-item-title")]
    assert listed == [
        ("Abadi Percetakan", f"/mitra/{OTHER}/"),
        ("Sanggar Uji Kotamobagu", f"/mitra/{PARTNER}/"),
    ]


def test_the_event_page_names_its_partners_with_logos_and_links(partner_site):
    soup = partner_site.soup("/acara/berdua/")
    items = soup.select("ul.partners li")
    assert [li.find("a")["href"] for li in items] == [f"/mitra/{OTHER}/", f"/mitra/{PARTNER}/"]
    assert [li.find("a").get_text(strip=True) for li in items] == [
        "Abadi Percetakan",
        "Sanggar Uji Kotamobagu",
    ]
    assert items[0].find("img") is None  # no logo given, none drawn
    assert items[1].find("img")["src"] == "/gambar/logo-mitra-uji.png"


def test_the_events_json_ld_keeps_the_library_as_organizer_and_names_partners_as_contributors(partner_site):
    def event_of(path: str) -> dict:
        script = partner_site.soup(path).find("script", type="application/ld+json")
        return next(node for node in json.loads(script.string)["@graph"] if node.get("@type") == "Event")

    event = event_of("/acara/berdua/")
    assert event["organizer"]["@id"].endswith("/#perpustakaan")  # the Library node, alone
    other, partner = event["contributor"]
    assert (other["@type"], other["name"]) == ("Organization", "Abadi Percetakan") and "logo" not in other
    assert partner["name"] == "Sanggar Uji Kotamobagu" and partner["sameAs"] == "https://sanggar.example.org/"
    assert partner["url"].endswith(f"/mitra/{PARTNER}/") and partner["@id"] == partner["url"] + "#mitra"
    assert partner["logo"].endswith("/gambar/logo-mitra-uji.png")
    assert "contributor" not in event_of("/acara/lomba-mewarnai-anak/")  # an event without partners


def test_partners_are_in_no_feed_and_no_list_of_posts(partner_site):
    import feedparser

    feeds = sorted((partner_site.output / "umpan").rglob("*.xml"))
    assert feeds
    for feed in feeds:
        assert not [e.link for e in feedparser.parse(feed.read_bytes()).entries if "/mitra/" in e.link], feed
    for feed in (partner_site.output / "umpan").rglob("*.json"):
        items = json.loads(feed.read_text(encoding="utf-8")).get("items", [])
        assert not [i["url"] for i in items if "/mitra/" in i["url"]], feed
    for listing in ("/", "/arsip/", "/acara/"):
        assert not [h for h in partner_site.links(listing) if h.startswith("/mitra/") and h != "/mitra/"], (
            listing
        )


@pytest.mark.browser
@pytest.mark.parametrize("path", [f"/mitra/{PARTNER}/", "/mitra/", "/acara/berdua/"])
def test_partner_pages_fit_a_360_px_screen_and_pass_axe(page, serve_folder, partner_site, path):
    from sitekit import assert_fits_and_passes_axe

    visit = open_page(page, serve_folder(partner_site.output), path, 360)
    assert visit.status == 200
    assert_fits_and_passes_axe(page)
