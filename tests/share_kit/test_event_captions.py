"""Share-kit captions of scheduled posts, read from the built share pages.

The sample content plus six events is built as the public site (its real link
length) at BUILD_NOW (2026-11-28 10:00 WITA). Each platform's caption is the
<textarea> of the post's share page; it is counted by the platform's own rule.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

from plugins.share_kit.captions import INSTAGRAM_LINK_LINE, PLATFORMS
from sitekit import SAMPLE_CONTENT, read_posts, run_build

PUBLISH_SETTINGS = Path(__file__).resolve().parents[2] / "publishconf.py"
FOLDER = "bagikan"
EVENTS = {
    "daftar-dibuka": "start: 2026-12-05 09:00\nend: 2026-12-05 11:00\nplace: Aula Lantai 2\n"
    "registration_url: https://forms.example.org/dibuka\nregistration_deadline: 2026-12-03 17:00",
    "judul-panjang": "start: 2026-12-08 09:00\nend: 2026-12-08 11:00\nplace: Aula Lantai 2\n"
    "registration_url: https://forms.example.org/panjang",
    "daftar-ditutup": "start: 2026-12-06 09:00\nend: 2026-12-06 11:00\nplace: Ruang Rapat\n"
    "registration_url: https://forms.example.org/ditutup\nregistration_deadline: 2026-11-27 17:00",
    "kuota-penuh": "start: 2026-12-07 09:00\nend: 2026-12-07 11:00\nplace: Ruang Baca Anak\n"
    "registration_url: https://forms.example.org/penuh\nfull: true",
    "lomba-dibatalkan": "start: 2026-12-06 10:00\nend: 2026-12-06 12:00\nplace: Aula Lantai 1\n"
    "registration_url: https://forms.example.org/lomba\n"
    "event_status: dibatalkan\nstatus_changed: 2026-11-25 08:00",
    "kelas-pindah-daring": "start: 2026-12-09 19:00\nend: 2026-12-09 20:00\n"
    "online_url: https://meet.example.org/kelas\nregistration_url: https://forms.example.org/daring\n"
    "event_status: pindah-daring\nstatus_changed: 2026-11-26 08:00",
}
# A title long enough that X cannot hold every line: what goes first is the rule under test.
LONG_TITLE = (
    "Pelatihan Menulis Cerita Anak dan Remaja Bersama Para Penulis, Ilustrator dan Penerbit Sulawesi Utara"
)
assert len(LONG_TITLE) <= 110  # the title field's limit


def write_events(content: Path) -> None:
    for slug, front in EVENTS.items():
        title = LONG_TITLE if slug == "judul-panjang" else slug.replace("-", " ").title()
        (content / "acara" / f"2026-11-20-{slug}.md").write_text(
            f"---\ntitle: {title}\ndate: 2026-11-20 09:00\nsummary: Ringkasan acara uji untuk keterangan.\n"
            f"hashtags: [UjiKeterangan]\naudience: [remaja, dewasa]\n{front}\n---\n\nIsi acara.\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keterangan-acara")
    content = folder / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    write_events(content)
    run = run_build(folder / "output", content=content, settings=PUBLISH_SETTINGS)
    if run.returncode != 0:
        pytest.fail(f"building failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    posts, _, problems = read_posts(content)
    assert not problems, problems
    public_url = read_settings(str(PUBLISH_SETTINGS))["PUBLIC_URL"].rstrip("/")
    return folder / "output", [p for p in posts if p.is_published], public_url


def captions(output: Path, post) -> dict[str, str]:
    """platform key -> the caption as staff copy it from the share page."""
    page = output / FOLDER / post.kind / post.slug / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = {box["id"].removeprefix("teks-"): box.get_text() for box in soup.select("textarea.sk-text")}
    assert set(found) == {p.key for p in PLATFORMS}, page
    return found


def ours(site) -> dict[str, dict[str, str]]:
    output, posts, _ = site
    return {p.slug: captions(output, p) for p in posts if p.kind == "acara" and p.slug in EVENTS}


def calendar_line(public_url: str, slug: str) -> str:
    return f"Tambahkan ke kalender: {public_url}/kalender/acara/{slug}.ics"


def test_open_registration_gives_its_link_in_every_caption_and_the_calendar_where_it_fits(site):
    output, _, public_url = site
    line = calendar_line(public_url, "daftar-dibuka")
    ics = output / urlsplit(line.split(": ", 1)[1]).path.lstrip("/")
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR"), ics
    found = ours(site)["daftar-dibuka"]
    for key, text in found.items():
        if key == "instagram":  # no link works there: the bio's page has both
            assert "http" not in text and INSTAGRAM_LINK_LINE in text
        else:
            assert "Daftar: https://forms.example.org/dibuka" in text, key
    # The calendar link outranks hashtags and the other event lines: every caption with
    # working links has it.
    assert [key for key, text in found.items() if line in text] == ["x", "mastodon", "bluesky", "facebook"]


def test_the_registration_line_outranks_the_event_lines(site):
    """A long title leaves no room for every line: event lines go, the registration stays."""
    output, _, _ = site
    found = ours(site)["judul-panjang"]
    # Bluesky counts links in full: its last event line goes.
    assert "Untuk: Remaja, Dewasa" not in found["bluesky"] and "Untuk: Remaja, Dewasa" in found["mastodon"]
    assert "baris keterangan" in note(output, "judul-panjang", "bluesky")
    for key, text in found.items():
        assert "Daftar: https://forms.example.org/panjang" in text or key == "instagram", key


def note(output: Path, slug: str, key: str) -> str:
    page = BeautifulSoup((output / FOLDER / "acara" / slug / "index.html").read_text(), "html.parser")
    return page.select_one(f"#catatan-{key}").get_text()


def test_a_deadline_passed_gives_no_registration_link_but_the_calendar(site):
    _, _, public_url = site
    for key, text in ours(site)["daftar-ditutup"].items():
        assert "forms.example.org" not in text, key
        assert (calendar_line(public_url, "daftar-ditutup") in text) == (key != "instagram"), key


def test_a_full_event_says_so_and_gives_no_registration_link(site):
    for key, text in ours(site)["kuota-penuh"].items():
        assert "Pendaftaran penuh" in text, key
        assert "forms.example.org" not in text, key


def test_a_changed_status_comes_first(site):
    found = ours(site)
    for key, text in found["lomba-dibatalkan"].items():
        assert text.startswith("Dibatalkan: Lomba Dibatalkan"), (key, text)
        assert "forms.example.org" not in text and "Tambahkan ke kalender" not in text, key
    for key, text in found["kelas-pindah-daring"].items():
        assert text.startswith("Dipindah ke daring: Kelas Pindah Daring"), (key, text)
        assert "Daftar: https://forms.example.org/daring" in text or key == "instagram", key


def test_posts_without_a_schedule_have_no_link_lines(site):
    output, posts, _ = site
    others = [p for p in posts if p.kind != "acara"]
    assert others
    for post in others:
        for key, text in captions(output, post).items():
            assert "Tambahkan ke kalender" not in text and "Daftar:" not in text, (post.slug, key)


def test_every_caption_fits_its_platform_by_its_own_count(site):
    output, posts, _ = site
    for post in posts:
        for platform in PLATFORMS:
            text = captions(output, post)[platform.key]
            assert platform.measure(text) <= platform.limit, (post.slug, platform.key)
