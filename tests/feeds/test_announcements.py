"""Status notices and reminders: items of their own, each appearing once, at moving BUILD_NOW.

The hourly rebuild is played out: the same content is built at moments two days
before a session, the day before, an hour before an online one and after the
start. The specification (written here, from the events below):

- an event whose status is not terjadwal gets one notice item "<STATUS>: <title>"
  with its own guid (the event's URL + "#status-<status>-<status_changed>", and for a
  rescheduled event its new start), dated when the status was set (`status_changed`), in every
  feed that carries the event; in the auto-poster feed only for 14 days and until
  the event is over. The event's own item keeps its guid;
- each session of an event gets a reminder "Besok: <title>" from the same time the
  day before, and one with an online link "Hari ini: <title>" from an hour before,
  until the session starts, in the auto-poster feed only, with a card of its own;
  never for a cancelled or postponed event, nor with `reminders: false`, nor when
  FEEDS["reminders"] is off.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitekit import run_build, share_caches
from tests.feeds.feedkit import (
    ALL_ATOM,
    ALL_JSON,
    ALL_RSS,
    DEV_PUBLIC_URL,
    FOLDER,
    SOCIAL_ATOM,
    SOCIAL_RSS,
    FeedSite,
    rfc822,
    settings_file,
)

WITA = ZoneInfo("Asia/Makassar")
KIND_RSS = f"{FOLDER}/acara.xml"


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=WITA)


@dataclass(frozen=True)
class Event:
    slug: str
    title: str
    front: str  # the front matter after title/date/summary
    sessions: tuple[str, ...] = ()  # session starts ("YYYY-MM-DD HH:MM") that get reminders
    online: bool = False  # has an online link: a "Hari ini" reminder too
    notice: tuple[str, str, str] | None = None  # (title prefix, guid end, status_changed)


EVENTS = (
    Event(
        "diskusi-sabtu",
        "Diskusi Sabtu Pagi",
        "start: 2026-12-05 09:00\nend: 2026-12-05 11:00\nplace: Ruang Diskusi Lantai 2",
        sessions=("2026-12-05 09:00",),
    ),
    Event(
        "siaran-malam",
        "Siaran Malam Buku Baru",
        "start: 2026-12-05 19:00\nend: 2026-12-05 20:00\n"
        "online_url: https://www.youtube.com/@perpustakaankotamobagu/live",
        sessions=("2026-12-05 19:00",),
        online=True,
    ),
    Event(
        "lomba-batal",
        "Lomba Mendongeng Anak",
        "start: 2026-12-05 10:00\nend: 2026-12-05 12:00\nplace: Aula Lantai 1\n"
        "event_status: dibatalkan\nstatus_changed: 2026-12-01 08:00",
        notice=("DIBATALKAN", "dibatalkan-{since}", "2026-12-01 08:00"),
    ),
    Event(
        "bedah-buku-pindah",
        "Bedah Buku Sejarah Kota",
        "start: 2026-12-10 09:00\nend: 2026-12-10 11:00\nplace: Aula Lantai 1\n"
        "event_status: dijadwalkan-ulang\nprevious_start: 2026-12-03 09:00\nstatus_changed: 2026-12-02 12:00",
        sessions=("2026-12-10 09:00",),
        notice=("DIJADWALKAN ULANG", "dijadwalkan-ulang-{since}-2026-12-10T0900", "2026-12-02 12:00"),
    ),
    Event(
        "tanpa-pengingat",
        "Rapat Relawan Perpustakaan",
        "start: 2026-12-05 09:30\nend: 2026-12-05 10:30\nplace: Ruang Rapat\nreminders: false",
    ),
    Event(
        "kuis-daring",
        "Kuis Literasi Keluarga",
        "start: 2026-12-06 10:00\nend: 2026-12-06 11:00\nplace: Aula Lantai 1\n"
        "online_url: https://meet.google.com/abc-defg-hij\n"
        "event_status: pindah-daring\nstatus_changed: 2026-12-02 08:00",
        sessions=("2026-12-06 10:00",),
        online=True,
        notice=("PINDAH DARING", "pindah-daring-{since}", "2026-12-02 08:00"),
    ),
    Event(
        "pameran-tunda",
        "Pameran Foto Kotamobagu Lama",
        "start: 2027-01-20 09:00\nend: 2027-01-20 15:00\nplace: Lobi\n"
        "event_status: ditunda\nstatus_changed: 2026-11-10 08:00",
        notice=("DITUNDA", "ditunda-{since}", "2026-11-10 08:00"),
    ),
)
PUBLISHED = "2026-11-01 09:00"

# The hourly rebuild, played at these moments.
TWO_DAYS_BEFORE = "2026-12-03T10:00:00+08:00"
DAY_BEFORE = "2026-12-04T10:00:00+08:00"
NEXT_HOUR = "2026-12-04T11:00:00+08:00"
HOUR_BEFORE_ONLINE = "2026-12-05T18:30:00+08:00"
AFTER_START = "2026-12-05T19:30:00+08:00"
MOMENTS = (TWO_DAYS_BEFORE, DAY_BEFORE, NEXT_HOUR, HOUR_BEFORE_ONLINE, AFTER_START)
AUTO_POST_DAYS = 14


def url(event: Event) -> str:
    return f"{DEV_PUBLIC_URL}/acara/{event.slug}/"


def expected_reminders(now: str) -> dict[str, str]:
    """guid -> title of every reminder due at `now` whose session has not started."""
    moment = dt.datetime.fromisoformat(now)
    found = {}
    for event in EVENTS:
        for written in event.sessions:
            start = at(written)
            kinds = [("besok", "Besok", dt.timedelta(days=1))]
            if event.online:
                kinds.append(("hari-ini", "Hari ini", dt.timedelta(hours=1)))
            for key, label, before in kinds:
                if start - before <= moment < start:
                    guid = f"{url(event)}#pengingat-{start:%Y-%m-%dT%H%M}-{key}"
                    found[guid] = f"{label}: {event.title}"
    return found


def expected_notices(now: str, auto_post: bool) -> dict[str, tuple[str, dt.datetime]]:
    """guid -> (title, date) of every notice a feed holds at `now`."""
    moment = dt.datetime.fromisoformat(now)
    found = {}
    for event in EVENTS:
        if event.notice is None:
            continue
        prefix, key, since = event.notice
        set_at = at(since)
        over = moment > at(event.front.split("end: ")[1][:16])
        if set_at > moment or (auto_post and (moment - set_at > dt.timedelta(days=AUTO_POST_DAYS) or over)):
            continue
        guid = f"{url(event)}#status-" + key.format(since=f"{set_at:%Y-%m-%dT%H%M}")
        found[guid] = (f"{prefix}: {event.title}", set_at)
    return found


def write_events(content: Path) -> None:
    for event in EVENTS:
        (content / "acara" / f"2026-11-01-{event.slug}.md").write_text(
            f"---\ntitle: {event.title}\ndate: {PUBLISHED}\n"
            f"summary: Acara uji pemberitahuan dan pengingat untuk {event.title}.\n"
            f"hashtags: [UjiAcara]\n{event.front}\n---\n\nIsi acara.\n",
            encoding="utf-8",
        )


@dataclass
class Built:
    site: FeedSite
    cache: Path

    def manifest(self) -> dict:
        return json.loads((self.cache / "kartu-manifest.json").read_text(encoding="utf-8"))

    def rss(self, path: str = SOCIAL_RSS) -> dict[str, dict]:
        """guid -> {title, link, date, enclosure} of an RSS feed, failing on a guid seen twice."""
        items = {}
        for item in self.site.xml(path).findall("channel/item"):
            guid = item.findtext("guid")
            assert guid not in items, f"{path}: guid {guid} appears twice"
            enclosure = item.find("enclosure")
            items[guid] = {
                "title": item.findtext("title"),
                "link": item.findtext("link"),
                "date": rfc822(item.findtext("pubDate")),
                "enclosure": enclosure.get("url") if enclosure is not None else None,
                "description": item.findtext("description"),
            }
        return items


def build_at(folder: Path, content: Path, now: str, **settings) -> Built:
    cache = share_caches(folder / "cache")
    config = settings_file(folder / "settings", **settings)
    run = run_build(folder / "output", content=content, now=now, settings=config, cache=cache)
    if run.returncode != 0:
        pytest.fail(f"building at {now} failed (exit {run.returncode}):\n{run.log}", pytrace=False)
    return Built(FeedSite(folder / "output", run, content, DEV_PUBLIC_URL), cache)


@pytest.fixture(scope="module")
def announce_content(feed_content, tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("announce") / "content"
    shutil.copytree(feed_content, content)
    write_events(content)
    return content


@pytest.fixture(scope="module")
def builds(announce_content, tmp_path_factory) -> dict[str, Built]:
    return {now: build_at(tmp_path_factory.mktemp("at"), announce_content, now) for now in MOMENTS}


def _ours(items: dict[str, dict], role: str) -> dict[str, str]:
    """guid -> title of the test events' notices ("#status-") or reminders ("#pengingat-")."""
    mark = {"notice": "#status-", "reminder": "#pengingat-"}[role]
    pages = {url(e) for e in EVENTS}
    return {
        guid: item["title"] for guid, item in items.items() if mark in guid and guid.split("#")[0] in pages
    }


@pytest.mark.parametrize("now", MOMENTS)
def test_reminders_are_in_the_auto_poster_feed_exactly_while_due(builds, now):
    social = builds[now].rss()
    assert _ours(social, "reminder") == expected_reminders(now)
    atom_ids = [entry.id for entry in builds[now].site.parse(SOCIAL_ATOM).entries]
    assert len(atom_ids) == len(set(atom_ids))
    assert {i for i in atom_ids if "#pengingat-" in i and i.split("#")[0] in {url(e) for e in EVENTS}} == set(
        expected_reminders(now)
    )
    for guid in expected_reminders(now):
        item = social[guid]
        event = next(e for e in EVENTS if guid.startswith(url(e)))
        assert item["link"] == url(event), "a reminder links to the event"
        start = guid.split("#pengingat-")[1][:15]
        due_before = dt.timedelta(hours=1) if guid.endswith("hari-ini") else dt.timedelta(days=1)
        assert item["date"] == dt.datetime.strptime(start, "%Y-%m-%dT%H%M").replace(tzinfo=WITA) - due_before
        assert "Waktu:" in item["description"] and "Tempat:" in item["description"]


def test_the_moments_cover_each_case(builds):
    """Two days before: none; the day before: Besok; an hour before online: Hari ini; after: gone."""
    assert expected_reminders(TWO_DAYS_BEFORE) == {}
    assert "Besok: Diskusi Sabtu Pagi" in expected_reminders(DAY_BEFORE).values()
    assert "Hari ini: Siaran Malam Buku Baru" in expected_reminders(HOUR_BEFORE_ONLINE).values()
    assert not any("Siaran Malam" in t for t in expected_reminders(AFTER_START).values())


def test_reminders_are_only_in_the_auto_poster_feed(builds):
    for path in (ALL_RSS, KIND_RSS, f"{FOLDER}/instagram.xml"):
        assert _ours(builds[HOUR_BEFORE_ONLINE].rss(path), "reminder") == {}, path
    assert not any(
        "#pengingat-" in item["id"] for item in builds[HOUR_BEFORE_ONLINE].site.json(ALL_JSON)["items"]
    )


def test_a_reminder_keeps_its_guid_across_hourly_rebuilds(builds):
    first, second = _ours(builds[DAY_BEFORE].rss(), "reminder"), _ours(builds[NEXT_HOUR].rss(), "reminder")
    assert first and first == second
    assert (
        builds[DAY_BEFORE].rss()[next(iter(first))]["date"]
        == builds[NEXT_HOUR].rss()[next(iter(first))]["date"]
    )


@pytest.mark.parametrize("now", MOMENTS)
def test_notices_appear_once_in_every_feed_that_carries_the_event(builds, now):
    built = builds[now]
    for path, auto_post in ((SOCIAL_RSS, True), (ALL_RSS, False), (KIND_RSS, False)):
        items = built.rss(path)
        expected = expected_notices(now, auto_post)
        assert _ours(items, "notice") == {guid: title for guid, (title, _) in expected.items()}, path
        for guid, (_, set_at) in expected.items():
            assert items[guid]["date"] == set_at, f"{path}: a notice is dated when the status was set"
            assert items[guid]["link"] == guid.split("#")[0]
            assert items[guid]["enclosure"], "a notice carries the event's card (with its status band)"
    json_ids = [item["id"] for item in built.site.json(ALL_JSON)["items"]]
    assert set(expected_notices(now, False)) <= set(json_ids) and len(json_ids) == len(set(json_ids))
    atom_ids = [entry.id for entry in built.site.parse(ALL_ATOM).entries]
    assert set(expected_notices(now, False)) <= set(atom_ids)


def test_notice_window_and_the_events_own_guid(builds):
    built = builds[DAY_BEFORE]
    postponed = next(e for e in EVENTS if e.slug == "pameran-tunda")
    # Set 24 days before: past the auto-poster feed's 14 days, still in the main feeds.
    assert f"{url(postponed)}#status-ditunda-2026-11-10T0800" not in built.rss(SOCIAL_RSS)
    assert f"{url(postponed)}#status-ditunda-2026-11-10T0800" in built.rss(ALL_RSS)
    everything = built.rss(ALL_RSS)
    for event in EVENTS:  # the event's own item is there, under its own URL, whatever its status
        assert everything[url(event)]["title"] == event.title
    cancelled = next(e for e in EVENTS if e.slug == "lomba-batal")
    assert f"{url(cancelled)}#status-dibatalkan-2026-12-01T0800" in built.rss(SOCIAL_RSS)
    # After the cancelled event's time, its notice leaves the auto-poster feed.
    assert f"{url(cancelled)}#status-dibatalkan-2026-12-01T0800" not in builds[AFTER_START].rss(SOCIAL_RSS)
    assert f"{url(cancelled)}#status-dibatalkan-2026-12-01T0800" in builds[AFTER_START].rss(ALL_RSS)


def test_the_reminder_card_says_besok_or_hari_ini(builds):
    built = builds[HOUR_BEFORE_ONLINE]
    manifest = built.manifest()
    social = built.rss()
    for guid, title in expected_reminders(HOUR_BEFORE_ONLINE).items():
        page, reminder = guid.split("#pengingat-")
        owner = f"acara/{page.rstrip('/').rsplit('/', 1)[1]}#pengingat-{reminder}"
        assert manifest["inputs"][owner]["reminder"] == title.split(":")[0]
        card = manifest["cards"][owner]["link"]
        assert social[guid]["enclosure"] == f"{DEV_PUBLIC_URL}/{card}"
        assert (built.site.output / card).is_file()
        event_card = manifest["cards"][owner.split("#")[0]]["link"]
        assert card != event_card, "a reminder has a card of its own"
        assert "reminder" not in manifest["inputs"][owner.split("#")[0]]
    assert {v.split(":")[0] for v in expected_reminders(HOUR_BEFORE_ONLINE).values()} == {"Besok", "Hari ini"}


def test_the_site_setting_turns_reminders_off(announce_content, builds, tmp_path):
    off = build_at(tmp_path, announce_content, HOUR_BEFORE_ONLINE, FEEDS={"reminders": False})
    assert not [guid for guid in off.rss() if "#pengingat-" in guid]
    assert not [owner for owner in off.manifest()["cards"] if "#pengingat-" in owner]
    # Notices stay: the setting is about reminders only.
    assert _ours(off.rss(), "notice") == _ours(builds[HOUR_BEFORE_ONLINE].rss(), "notice") != {}


def test_the_event_field_turns_its_reminders_off(builds):
    quiet = next(e for e in EVENTS if e.slug == "tanpa-pengingat")
    # Its session (09:30) is as due at DAY_BEFORE (10:00) as the other event's (09:00).
    assert not [guid for guid in builds[DAY_BEFORE].rss() if guid.startswith(url(quiet) + "#")]
    assert f"{url(EVENTS[0])}#pengingat-2026-12-05T0900-besok" in builds[DAY_BEFORE].rss()


def _edit(content: Path, slug: str, *changes: tuple[str, str]) -> None:
    source = content / "acara" / f"2026-11-01-{slug}.md"
    text = source.read_text(encoding="utf-8")
    for before, after in changes:
        assert before in text, f"{slug}: {before!r}"
        text = text.replace(before, after)
    source.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def changed_again(announce_content, tmp_path_factory) -> Built:
    """At DAY_BEFORE, after two events changed again (each its own, so one build serves
    both): bedah-buku-pindah moved a second time, pameran-tunda postponed a second time."""
    folder = tmp_path_factory.mktemp("changed-again")
    content = folder / "content"
    shutil.copytree(announce_content, content)
    _edit(
        content,
        "bedah-buku-pindah",
        ("start: 2026-12-10 09:00", "start: 2026-12-17 09:00"),
        ("end: 2026-12-10 11:00", "end: 2026-12-17 11:00"),
        ("status_changed: 2026-12-02 12:00", "status_changed: 2026-12-04 08:00"),
    )
    # Postponed, back on, postponed again.
    _edit(content, "pameran-tunda", ("status_changed: 2026-11-10 08:00", "status_changed: 2026-12-03 08:00"))
    return build_at(folder / "again", content, DAY_BEFORE)


def test_rescheduling_again_makes_a_second_notice(builds, changed_again):
    moved = next(e for e in EVENTS if e.slug == "bedah-buku-pindah")
    before = builds[DAY_BEFORE].rss(ALL_RSS)
    after = changed_again.rss(ALL_RSS)
    first = f"{url(moved)}#status-dijadwalkan-ulang-2026-12-02T1200-2026-12-10T0900"
    second = f"{url(moved)}#status-dijadwalkan-ulang-2026-12-04T0800-2026-12-17T0900"
    assert first in before and second not in before
    assert second in after and first not in after
    assert after[second]["date"] == at("2026-12-04 08:00")
    assert after[url(moved)]["title"] == before[url(moved)]["title"], "the event's own item stays"


def test_a_status_set_again_makes_a_new_notice(builds, changed_again):
    """Postponed, back on, postponed again: the second postponement is announced too, in
    the auto-poster feed (its window holds it) and in the whole feed, in place of the first."""
    postponed = next(e for e in EVENTS if e.slug == "pameran-tunda")
    first = f"{url(postponed)}#status-ditunda-2026-11-10T0800"
    second = f"{url(postponed)}#status-ditunda-2026-12-03T0800"
    assert second in changed_again.rss(SOCIAL_RSS)
    assert first in builds[DAY_BEFORE].rss(ALL_RSS)
    assert second in changed_again.rss(ALL_RSS) and first not in changed_again.rss(ALL_RSS)
