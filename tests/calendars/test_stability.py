"""What calendar apps compare: the same UID across builds and edits, a new SEQUENCE after an edit."""

from __future__ import annotations

import datetime as dt

from sitekit import WITA
from tests.calendars.calkit import EDITED_MODIFIED, EDITED_TITLE, EVENT, EVERYTHING, uid


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
        if relative.name in (f"{EVENT['slug']}.ics", "semua.ics"):
            continue
        assert (edited_site.output / relative).read_bytes() == file.read_bytes()
