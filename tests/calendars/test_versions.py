"""The version ledger (plugins/calendars/versions.py): a new version only for new calendar text."""

from __future__ import annotations

import datetime as dt
import json
import logging

from plugins.calendars.versions import LEDGER, Ledger, sequence_at

UID = "acara/klub@x.example"
WRITTEN = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)  # the post's `modified`
FIRST_BUILD = dt.datetime(2026, 11, 21, 2, 0, tzinfo=dt.UTC)
LATER_BUILD = dt.datetime(2026, 11, 22, 3, 0, tzinfo=dt.UTC)


def _first(cache):
    ledger = Ledger(cache)
    version = ledger.version(UID, "a", WRITTEN, FIRST_BUILD)
    ledger.save()
    return version


def test_a_new_event_is_versioned_by_its_modified(tmp_path):
    version = _first(tmp_path)
    assert version.changed == WRITTEN
    assert version.sequence == sequence_at(WRITTEN)
    assert json.loads((tmp_path / LEDGER).read_text())[UID]["digest"] == "a"


def test_the_same_text_keeps_its_version_whatever_modified_says(tmp_path):
    first = _first(tmp_path)
    again = Ledger(tmp_path).version(UID, "a", WRITTEN + dt.timedelta(days=3), LATER_BUILD)
    assert again == first


def test_new_text_without_a_newer_modified_is_dated_by_the_build(tmp_path):
    first = _first(tmp_path)
    changed = Ledger(tmp_path).version(UID, "b", WRITTEN, LATER_BUILD)
    assert changed.changed == LATER_BUILD
    assert changed.sequence > first.sequence


def test_new_text_with_a_newer_modified_is_dated_by_it(tmp_path):
    first = _first(tmp_path)
    edited = dt.datetime(2026, 11, 22, 0, 30, tzinfo=dt.UTC)
    changed = Ledger(tmp_path).version(UID, "b", edited, LATER_BUILD)
    assert changed.changed == edited
    assert changed.sequence == sequence_at(edited) > first.sequence


def test_a_change_in_the_same_minute_still_raises_sequence(tmp_path):
    first = _first(tmp_path)
    changed = Ledger(tmp_path).version(UID, "b", WRITTEN, WRITTEN + dt.timedelta(seconds=20))
    assert changed.sequence == first.sequence + 1


def test_a_lost_ledger_never_gives_new_text_a_lower_sequence(tmp_path):
    """Without the ledger the version comes from `modified` again; the next change is dated later."""
    _first(tmp_path)
    changed = Ledger(tmp_path)
    seen = changed.version(UID, "b", WRITTEN, LATER_BUILD)
    changed.save()
    (tmp_path / LEDGER).unlink()
    rebuilt = Ledger(tmp_path)
    same_text = rebuilt.version(UID, "b", WRITTEN, LATER_BUILD + dt.timedelta(hours=1))
    rebuilt.save()
    assert same_text.sequence <= seen.sequence  # the text subscribers already have
    newer = Ledger(tmp_path).version(UID, "c", WRITTEN, LATER_BUILD + dt.timedelta(hours=2))
    assert newer.sequence > seen.sequence


def test_an_unreadable_ledger_is_rebuilt(tmp_path, caplog):
    (tmp_path / LEDGER).parent.mkdir(parents=True)
    (tmp_path / LEDGER).write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        version = Ledger(tmp_path).version(UID, "a", WRITTEN, FIRST_BUILD)
    assert version.changed == WRITTEN
    assert "tidak terbaca" in caplog.text


def test_events_left_out_of_a_build_keep_their_versions(tmp_path):
    first = _first(tmp_path)
    other = Ledger(tmp_path)
    other.version("acara/lain@x.example", "z", WRITTEN, LATER_BUILD)
    other.save()
    assert Ledger(tmp_path).version(UID, "a", WRITTEN, LATER_BUILD) == first
