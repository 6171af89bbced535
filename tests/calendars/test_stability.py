"""What calendar apps compare: one UID across builds and edits, a new SEQUENCE after an edit, only then."""

from __future__ import annotations

import datetime as dt

from sitekit import WITA
from tests.calendars.calkit import (
    AUDIENCES,
    EDITED_MODIFIED,
    EDITED_TITLE,
    EVENT,
    EVERYTHING,
    SERIES_EDITED_MOVED_START,
    SERIES_SLUG,
    TWO_DAYS_AFTER,
    uid,
)

(SERIES_AUDIENCE,) = AUDIENCES[SERIES_SLUG]


def test_a_rebuild_writes_the_same_bytes(calendar_site, rebuilt_site):
    """Two builds of the same content write byte-identical calendars."""
    first = {f.relative_to(calendar_site.output): f.read_bytes() for f in calendar_site.ics_files()}
    again = {f.relative_to(rebuilt_site.output): f.read_bytes() for f in rebuilt_site.ics_files()}
    assert first == again


def test_uid_survives_a_new_title(calendar_site, edited_site):
    """A new title keeps the event's UID (in its own .ics and in the whole calendar)."""
    before, after = calendar_site.vevent(EVENT["slug"]), edited_site.vevent(EVENT["slug"])
    assert str(after["SUMMARY"]) == EDITED_TITLE
    assert str(before["UID"]) == str(after["UID"]) == uid(EVENT["slug"])
    uids = [str(e["UID"]) for e in edited_site.calendar(EVERYTHING).walk("VEVENT")]
    assert uids.count(uid(EVENT["slug"])) == 1


def test_a_later_modified_raises_sequence_and_last_modified(calendar_site, edited_site):
    """Setting a later `modified` raises SEQUENCE and moves LAST-MODIFIED and DTSTAMP to it."""
    before, after = calendar_site.vevent(EVENT["slug"]), edited_site.vevent(EVENT["slug"])
    modified = dt.datetime.fromisoformat(EDITED_MODIFIED).replace(tzinfo=WITA)
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("LAST-MODIFIED") == modified
    assert after.decoded("DTSTAMP") == modified
    assert before.decoded("LAST-MODIFIED") < after.decoded("LAST-MODIFIED")


def test_other_events_do_not_change_with_an_edit(calendar_site, edited_site):
    """Editing one event leaves every other event's .ics as it was."""
    for file in calendar_site.ics_files():
        relative = file.relative_to(calendar_site.output)
        if relative.name in (f"{EVENT['slug']}.ics", "semua.ics"):  # no audience: in no other
            continue
        assert (edited_site.output / relative).read_bytes() == file.read_bytes()


def _files(site) -> dict:
    return {f.relative_to(site.output): f.read_bytes() for f in site.ics_files()}


def test_an_edit_calendars_do_not_show_keeps_every_version(calendar_site, body_edited_site):
    """A day later, in the same cache, with only a body edited: every .ics byte-identical."""
    assert _files(body_edited_site) == _files(calendar_site)


def test_a_new_time_without_modified_raises_sequence(body_edited_site, time_edited_site):
    """A moved session's new hour, `modified` untouched: the series' SEQUENCE rises and
    LAST-MODIFIED and DTSTAMP become the build's moment; the UID and RECURRENCE-ID stay."""
    before_master, (before_moved,) = body_edited_site.series(SERIES_SLUG)
    after_master, (after_moved,) = time_edited_site.series(SERIES_SLUG)
    assert after_moved.decoded("DTSTART") == SERIES_EDITED_MOVED_START
    assert after_moved.decoded("RECURRENCE-ID") == before_moved.decoded("RECURRENCE-ID")
    assert str(after_master["UID"]) == str(before_master["UID"]) == uid(SERIES_SLUG)
    build_moment = dt.datetime.fromisoformat(TWO_DAYS_AFTER).astimezone(dt.UTC)
    for before, after in ((before_master, after_master), (before_moved, after_moved)):
        assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
        assert after.decoded("LAST-MODIFIED") == after.decoded("DTSTAMP") == build_moment
    assert time_edited_site.expanded(EVERYTHING)[uid(SERIES_SLUG)][2][0] == SERIES_EDITED_MOVED_START


def test_a_new_time_changes_only_its_events_calendars(body_edited_site, time_edited_site):
    """The other events' own .ics stay byte-identical; the calendars holding the series change."""
    before, after = _files(body_edited_site), _files(time_edited_site)
    changed = {path.as_posix() for path in before if before[path] != after[path]}
    assert changed == {
        f"kalender/acara/{SERIES_SLUG}.ics",
        EVERYTHING,
        f"kalender/untuk-{SERIES_AUDIENCE}.ics",
    }
