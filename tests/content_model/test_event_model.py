"""Events: all-day and repeating sessions, registration, audience, rescheduling; and their mistakes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plugins.content_model.check import check_tree
from plugins.content_model.facts import build_facts
from plugins.content_model.kinds import DEFAULT
from plugins.content_model.presentation import PresentContext

from .conftest import WITA, write_post

EVENT = "acara/2026-11-20-diskusi-buku.md"
BASE = """
    title: Klub Baca Sabtu
    date: 2026-11-20 10:00
    summary: Membaca bersama setiap Sabtu.
    start: 2026-12-05 09:00
    end: 2026-12-05 11:00
    place: Ruang Diskusi Lantai 2
"""


def _write(content: Path, extra: str = "") -> None:
    write_post(content, EVENT, BASE + "\n".join(f"    {line}" for line in extra.strip().splitlines()))


def _facts(content: Path, extra: str = ""):
    _write(content, extra)
    report = check_tree(content, WITA)
    entry = report.entry_for(content / EVENT)
    assert [p.message for p in entry.problems] == []
    return build_facts(entry.kind, entry.values, PresentContext("Perpustakaan Kota Kotamobagu", WITA))


def _problems(content: Path, extra: str) -> list[tuple[str, str, str]]:
    _write(content, extra)
    report = check_tree(content, WITA)
    return [(p.field, p.message, p.fix) for p in report.entry_for(content / EVENT).problems]


def _at(day: str, time: str = "09:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {time}").replace(tzinfo=WITA)


def _starts(facts) -> list[dt.datetime]:
    return [session.start for session in facts.sessions]


def test_an_event_without_repeat_is_one_session(content):
    facts = _facts(content)
    assert [(s.start, s.end) for s in facts.sessions] == [(_at("2026-12-05"), _at("2026-12-05", "11:00"))]
    assert facts.schedule.text == "Sabtu, 5 Desember 2026, pukul 09.00–11.00 WITA"


def test_a_weekly_series_of_four_counts_four_saturdays(content):
    facts = _facts(content, "repeat: {every: week, count: 4}")
    assert _starts(facts) == [_at(d) for d in ("2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26")]
    assert all(s.end - s.start == dt.timedelta(hours=2) for s in facts.sessions)
    assert (facts.schedule.start, facts.schedule.end) == (_at("2026-12-05"), _at("2026-12-26", "11:00"))
    assert facts.schedule.text.startswith("4 pertemuan, Sabtu, 5 Desember 2026 sampai Sabtu, 26 Desember")


def test_until_includes_its_own_day_and_interval_skips_weeks(content):
    facts = _facts(content, "repeat: {every: week, interval: 2, until: 2027-01-02}")
    assert _starts(facts) == [_at(d) for d in ("2026-12-05", "2026-12-19", "2027-01-02")]


def test_indonesian_words_work_in_a_repeat_rule(content):
    facts = _facts(content, "repeat: {setiap: bulan, kali: 3}")
    assert _starts(facts) == [_at(d) for d in ("2026-12-05", "2027-01-05", "2027-02-05")]


def test_skip_removes_a_date_and_moved_moves_one_session(content):
    facts = _facts(
        content,
        "repeat: {every: week, count: 4}\nskip: [2026-12-26]\nmoved: {2026-12-19: 2026-12-20 10:00}",
    )
    assert [(s.start, s.end) for s in facts.sessions] == [
        (_at("2026-12-05"), _at("2026-12-05", "11:00")),
        (_at("2026-12-12"), _at("2026-12-12", "11:00")),
        (_at("2026-12-20", "10:00"), _at("2026-12-20", "12:00")),
    ]


def test_the_next_session_follows_the_build_moment(content):
    facts = _facts(content, "repeat: {every: week, count: 4}")
    assert facts.next_session(_at("2026-11-28")).start == _at("2026-12-05")
    assert facts.next_session(_at("2026-12-05", "10:00")).start == _at("2026-12-05")  # going on
    assert facts.next_session(_at("2026-12-05", "12:00")).start == _at("2026-12-12")
    assert facts.next_session(_at("2026-12-27")) is None
    assert not facts.is_over(_at("2026-12-20")) and facts.is_over(_at("2026-12-27"))


def test_an_all_day_event_shows_days_without_times(content):
    facts = _facts(content, "all_day: true").presentation  # end 2026-12-05 09:00: the same day
    assert facts.schedule.text == "Sabtu, 5 Desember 2026"
    assert facts.schedule.all_day
    assert facts.schedule.end == _at("2026-12-06", "00:00")


def test_an_all_day_event_over_several_days_names_first_and_last(content):
    write_post(
        content,
        EVENT,
        BASE.replace("start: 2026-12-05 09:00", "start: 2026-12-05").replace(
            "end: 2026-12-05 11:00", "end: 2026-12-07\n    all_day: true"
        ),
    )
    entry = check_tree(content, WITA).entry_for(content / EVENT)
    assert entry.problems == []
    facts = build_facts(entry.kind, entry.values, PresentContext("P", WITA))
    assert facts.schedule.text == "Sabtu, 5 Desember 2026 sampai Senin, 7 Desember 2026"
    assert facts.schedule.card_text == "5–7 Desember 2026"


def test_a_full_event_offers_no_registration(content):
    facts = _facts(content, "registration_url: https://forms.example.org/d\nfull: true\ncapacity: 30")
    assert [a.label for a in facts.actions_at(_at("2026-11-28"))] == []
    assert ("Pendaftaran", "Penuh; pendaftaran ditutup") in [(d.label, d.text) for d in facts.details]
    assert ("Kapasitas", "30 orang") in [(d.label, d.text) for d in facts.details]


def test_registration_closes_at_its_deadline(content):
    facts = _facts(
        content, "registration_url: https://forms.example.org/d\nregistration_deadline: 2026-12-03 17:00"
    )
    assert [a.label for a in facts.actions_at(_at("2026-12-03", "16:00"))] == ["Daftar"]
    assert facts.actions_at(_at("2026-12-03", "17:00")) == ()


def test_the_audience_is_named_in_indonesian(content):
    facts = _facts(content, "audience: [anak, remaja]")
    assert ("Untuk", "Anak-anak, Remaja") in [(d.label, d.text) for d in facts.details]


def test_a_rescheduled_event_keeps_its_old_time_struck(content):
    facts = _facts(
        content,
        "event_status: dijadwalkan-ulang\nprevious_start: 2026-11-28 09:00\nstatus_changed: 2026-11-21 08:00",
    )
    assert facts.status.label == "Dijadwalkan ulang"
    assert facts.previous_time == "Sabtu, 28 November 2026 pukul 09.00 WITA"
    old = next(d for d in facts.details if d.label == "Jadwal lama")
    assert old.struck


# --- mistakes: each named, all in one report ---------------------------------------------------


def test_a_repeat_rule_without_an_end_is_reported(content):
    ((field, message, fix),) = _problems(content, "repeat: {every: week}")
    assert field == "repeat" and "tidak punya akhir" in message and "count: 4" in fix


def test_an_unknown_repeat_unit_names_the_units(content):
    ((field, message, fix),) = _problems(content, "repeat: {every: year, count: 2}")
    assert field == "repeat" and "day" in fix and "week" in fix and "month" in fix


def test_an_exception_on_a_date_the_series_lacks_is_reported(content):
    found = _problems(
        content, "repeat: {every: week, count: 4}\nskip: [2026-12-25]\nmoved: {2026-12-18: 2026-12-20 10:00}"
    )
    assert [field for field, _, _ in found] == ["skip", "moved"]
    assert "2026-12-25" in found[0][1] and "2026-12-05, 2026-12-12, 2026-12-19, 2026-12-26" in found[0][2]


def test_skip_without_repeat_is_reported(content):
    ((field, message, _),) = _problems(content, "skip: [2026-12-05]")
    assert field == "skip" and "acara berulang" in message


def test_a_deadline_after_the_start_is_reported(content):
    ((field, message, _),) = _problems(content, "registration_deadline: 2026-12-06 09:00")
    assert field == "registration_deadline" and "sebelum waktu mulai" in message


def test_rescheduled_without_previous_start_is_reported(content):
    ((field, message, fix),) = _problems(
        content, "event_status: dijadwalkan-ulang\nstatus_changed: 2026-11-21 08:00"
    )
    assert field == "previous_start" and "jadwal lama" in message and "previous_start" in fix


def test_an_unknown_audience_names_the_choices(content):
    ((field, message, fix),) = _problems(content, "audience: [anak, lansia]")
    assert field == "audience" and "'lansia'" in message
    assert "anak, remaja, dewasa, umum" in fix


def test_an_end_before_the_start_is_still_reported(content):
    write_post(content, EVENT, BASE.replace("end: 2026-12-05 11:00", "end: 2026-12-05 08:00"))
    found = [(p.field, p.message) for p in check_tree(content, WITA).entry_for(content / EVENT).problems]
    assert found == [("end", "waktu selesai tidak sesudah waktu mulai.")]


def test_every_mistake_comes_in_one_report(content):
    found = _problems(
        content,
        "repeat: {every: week}\nregistration_deadline: 2026-12-06 09:00\n"
        "event_status: dijadwalkan-ulang\nstatus_changed: 2026-11-21 08:00\naudience: [lansia]",
    )
    assert sorted(field for field, _, _ in found) == [
        "audience",
        "previous_start",
        "registration_deadline",
        "repeat",
    ]


def test_an_alias_points_to_the_field_name(content):
    found = _problems(content, "kapasitas: 30")
    assert [field for field, _, _ in found] == ["kapasitas"]
    assert "capacity" in found[0][1] + found[0][2]


def test_the_kind_declares_its_new_fields():
    names = DEFAULT.posts["acara"].field_names
    for name in (
        "all_day",
        "repeat",
        "skip",
        "moved",
        "registration_deadline",
        "full",
        "capacity",
        "audience",
    ):
        assert name in names


def test_a_changed_status_needs_the_moment_it_changed(content):
    """The feeds' notice is dated by it: without it nobody would hear of a cancellation."""
    ((field, message, fix),) = _problems(content, "event_status: dibatalkan")
    assert field == "status_changed" and "'dibatalkan'" in message
    assert "status_changed: TTTT-BB-HH JJ:MM" in fix
    assert _problems(content, "event_status: dibatalkan\nstatus_changed: 2026-11-21 08:00") == []
