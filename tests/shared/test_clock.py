"""A build's moment: BUILD_NOW when given, else the clock; the build runner reads it once a build."""

from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

from plugins._shared.clock import Horizon, build_moment, pin_build_moment, untracked, watch_horizon


def test_pinned_the_clock_is_read_once_for_the_build():
    settings = {"TIMEZONE": "Asia/Makassar", "BUILD_NOW": None}
    before = dt.datetime.now(dt.UTC)
    pin_build_moment(settings)
    first = build_moment(settings)
    assert before <= first <= dt.datetime.now(dt.UTC)
    assert str(first.tzinfo) == "Asia/Makassar"
    assert build_moment(settings) == first  # a later reader in the same build: the same moment


def test_unpinned_settings_are_left_as_they_are():
    """`pelican -r` builds again and again with one settings dict: each build its own moment."""
    settings = {"TIMEZONE": "Asia/Makassar", "BUILD_NOW": None}
    first = build_moment(settings)
    assert settings["BUILD_NOW"] is None
    assert build_moment(settings) >= first


def test_a_given_build_now_is_the_moment_in_the_sites_zone_and_is_not_pinned_again():
    settings = {"TIMEZONE": "Asia/Makassar", "BUILD_NOW": "2026-11-21T03:00:00+00:00"}
    pin_build_moment(settings)
    assert build_moment(settings).isoformat() == "2026-11-21T11:00:00+08:00"
    assert settings["BUILD_NOW"] == "2026-11-21T03:00:00+00:00"


# --- the horizon: until when every use of the build's moment turns out the same ---------

WITA = ZoneInfo("Asia/Makassar")
AT_TEN = {"TIMEZONE": "Asia/Makassar", "BUILD_NOW": "2026-12-02T10:00:00+08:00"}


def wita(*fields) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=WITA)


def watched() -> tuple[Horizon, dt.datetime]:
    return watch_horizon(), build_moment(AT_TEN)


def test_a_comparison_with_a_later_moment_lasts_until_that_moment_from_either_side():
    horizon, now = watched()
    assert not (wita(2026, 12, 5, 9) <= now)  # the event's start on the left: still noted
    assert horizon.until == wita(2026, 12, 5, 9)
    assert now < wita(2026, 12, 4, 18)
    assert horizon.until == wita(2026, 12, 4, 18)


def test_moments_already_past_never_end_the_horizon():
    horizon, now = watched()
    assert wita(2026, 11, 1) <= now and now != wita(2026, 8, 1)
    assert horizon.until is None


def test_the_moment_shifted_by_a_duration_is_still_watched():
    """`now - 14 days <= post.date`: the post leaves the window 14 days after its date."""
    horizon, now = watched()
    window_start = now - dt.timedelta(days=14)
    assert window_start <= wita(2026, 11, 25, 15)
    assert horizon.until == wita(2026, 12, 9, 15)
    assert (now + dt.timedelta(hours=1)).astimezone(dt.UTC) < wita(2026, 12, 2, 12)
    assert horizon.until == wita(2026, 12, 2, 11)


def test_parts_of_the_date_last_until_they_change():
    horizon, now = watched()
    assert now.year == 2026
    assert horizon.until == wita(2027, 1, 1)
    assert now.weekday() == 2  # today's opening hours: until midnight
    assert horizon.until == wita(2026, 12, 3)
    assert now.hour == 10
    assert horizon.until == wita(2026, 12, 2, 11)


def test_the_moment_shown_whole_lasts_no_longer_than_itself():
    for use in (str, repr, lambda m: m.isoformat(), lambda m: f"{m:%H.%M}", hash, lambda m: m.minute):
        horizon, now = watched()
        use(now)
        assert horizon.until == wita(2026, 12, 2, 10), use


def test_two_moments_that_move_together_do_not_end_the_horizon():
    horizon, now = watched()
    assert now - dt.timedelta(days=7) < now
    assert now - (now - dt.timedelta(days=1)) == dt.timedelta(days=1)
    assert horizon.until is None


def test_copied_or_pickled_the_moment_is_a_plain_datetime_and_noted():
    horizon, now = watched()
    copied = pickle.loads(pickle.dumps(now))
    assert type(copied) is dt.datetime and copied == untracked(now)
    assert horizon.until == untracked(now)
