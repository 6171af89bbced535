"""A build's moment: BUILD_NOW when given, else the clock; the build runner reads it once a build."""

from __future__ import annotations

import datetime as dt

from plugins._shared.clock import build_moment, pin_build_moment


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
