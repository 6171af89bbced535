"""An event's JSON-LD: its status, audience, capacity, availability, and a series with its sessions."""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.content_model.fields import Recurrence
from plugins.content_model.kinds import DEFAULT
from sitekit import post_facts

from .test_jsonld_nodes import EVENT, PAGE, WITA

SCHEMA = "https://schema.org"


def _nodes(**fields):
    values = {**EVENT, **fields}
    return DEFAULT.posts["acara"].jsonld(values, post_facts("acara", values), PAGE).nodes


def _event(**fields):
    return _nodes(**fields)[0]


@pytest.mark.parametrize(
    ("status", "extra", "expected"),
    [
        ("terjadwal", {}, "EventScheduled"),
        ("ditunda", {}, "EventPostponed"),
        ("dibatalkan", {}, "EventCancelled"),
        ("pindah-daring", {"online_url": "https://meet.example/x"}, "EventMovedOnline"),
        (
            "dijadwalkan-ulang",
            {"previous_start": dt.datetime(2026, 11, 28, 9, tzinfo=WITA)},
            "EventRescheduled",
        ),
    ],
)
def test_each_status_has_its_schema_org_event_status(status, extra, expected):
    assert _event(event_status=status, **extra)["eventStatus"] == f"{SCHEMA}/{expected}"


def test_a_rescheduled_event_names_its_previous_start():
    node = _event(event_status="dijadwalkan-ulang", previous_start=dt.datetime(2026, 11, 28, 9, tzinfo=WITA))
    assert node["previousStartDate"] == "2026-11-28T09:00:00+08:00"
    assert node["startDate"] == "2026-12-05T09:00:00+08:00"
    assert "previousStartDate" not in _event()


def test_a_full_event_is_sold_out():
    assert _event(full=True)["offers"]["availability"] == f"{SCHEMA}/SoldOut"
    assert _event()["offers"]["availability"] == f"{SCHEMA}/InStock"


def test_capacity_and_audience_are_given():
    node = _event(capacity=40, audience=("anak",))
    assert node["maximumAttendeeCapacity"] == 40
    assert node["audience"] == {"@type": "Audience", "audienceType": "Anak-anak"}
    assert [a["audienceType"] for a in _event(audience=("remaja", "dewasa"))["audience"]] == [
        "Remaja",
        "Dewasa",
    ]


def test_an_all_day_event_gives_days():
    node = _event(all_day=True, end=dt.datetime(2026, 12, 6, tzinfo=WITA))
    assert (node["startDate"], node["endDate"]) == ("2026-12-05", "2026-12-06")


def test_a_single_event_has_no_series():
    assert [node["@type"] for node in _nodes()] == ["Event"]


def test_a_series_is_an_event_series_with_each_session_a_sub_event():
    event, series = _nodes(
        repeat=Recurrence("week", count=3),
        moved={dt.date(2026, 12, 12): dt.datetime(2026, 12, 13, 10, tzinfo=WITA)},
    )
    assert series["@type"] == "EventSeries"
    assert event["superEvent"] == {"@id": series["@id"]}
    assert [(s["@type"], s["startDate"], s["endDate"]) for s in series["subEvent"]] == [
        ("Event", "2026-12-05T09:00:00+08:00", "2026-12-05T11:00:00+08:00"),
        ("Event", "2026-12-13T10:00:00+08:00", "2026-12-13T12:00:00+08:00"),
        ("Event", "2026-12-19T09:00:00+08:00", "2026-12-19T11:00:00+08:00"),
    ]
    assert (series["startDate"], series["endDate"]) == (
        "2026-12-05T09:00:00+08:00",
        "2026-12-19T11:00:00+08:00",
    )
    assert all(s["location"] == event["location"] for s in series["subEvent"])
    assert (event["startDate"], event["endDate"]) == (
        "2026-12-05T09:00:00+08:00",
        "2026-12-05T11:00:00+08:00",
    )
