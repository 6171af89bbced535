"""A build's moment: BUILD_NOW when given, else the clock, read once for the whole build."""

from __future__ import annotations

import datetime as dt

from plugins._shared.clock import build_moment


def test_without_build_now_the_clock_is_read_once_for_the_build():
    settings = {"TIMEZONE": "Asia/Makassar", "BUILD_NOW": None}
    before = dt.datetime.now(dt.UTC)
    first = build_moment(settings)
    assert before <= first <= dt.datetime.now(dt.UTC)
    assert str(first.tzinfo) == "Asia/Makassar"
    assert build_moment(settings) == first  # a later reader in the same build: the same moment
    assert dt.datetime.fromisoformat(settings["BUILD_NOW"]) == first


def test_a_given_build_now_is_the_moment_in_the_sites_zone():
    settings = {"TIMEZONE": "Asia/Makassar", "BUILD_NOW": "2026-11-21T03:00:00+00:00"}
    moment = build_moment(settings)
    assert moment.isoformat() == "2026-11-21T11:00:00+08:00"
    assert settings["BUILD_NOW"] == "2026-11-21T03:00:00+00:00"
