"""Events (acara): book discussions, training, exhibitions; when, where, status, registration."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_datetime
from dateutil.rrule import DAILY, FREQNAMES, MONTHLY, WEEKLY, rrule

from plugins._shared.schema_org import SCHEMA, KindNodes, NodePage, library_id, postal_address
from plugins.indonesian_dates.formats import clock, long_date, long_datetime, time_range, zone_abbreviation

from ..fields import (
    Boolean,
    Choice,
    ChoiceList,
    DateList,
    DateTime,
    Integer,
    MovedSessions,
    Repeat,
    Text,
    TextList,
    Url,
)
from ..presentation import (
    Action,
    Audience,
    Detail,
    Notice,
    Presentation,
    PresentContext,
    Recurrence,
    Reminder,
    Schedule,
    Status,
)
from .base import COMMON_RULES, Field, Kind, common_fields, problem_on

STATUSES = {
    "terjadwal": Status("terjadwal", "Terjadwal", normal=True),
    "ditunda": Status(
        "ditunda", "Ditunda", headline=True, on_card=True, strikes_time=True, ical_status="TENTATIVE"
    ),
    "dibatalkan": Status(
        "dibatalkan", "Dibatalkan", headline=True, on_card=True, strikes_time=True, ical_status="CANCELLED"
    ),
    "pindah-daring": Status("pindah-daring", "Dipindah ke daring", on_card=True),
    "dijadwalkan-ulang": Status("dijadwalkan-ulang", "Dijadwalkan ulang", on_card=True),
}
JSONLD_STATUS = {
    "terjadwal": "EventScheduled",
    "ditunda": "EventPostponed",
    "dibatalkan": "EventCancelled",
    "pindah-daring": "EventMovedOnline",
    "dijadwalkan-ulang": "EventRescheduled",
}
ONLINE = "daring"
AUDIENCES = {"anak": "Anak-anak", "remaja": "Remaja", "dewasa": "Dewasa", "umum": "Umum"}
FREQUENCIES = {"day": DAILY, "week": WEEKLY, "month": MONTHLY}
MAX_SESSIONS = 100  # more is a rule written wrongly (until a year too far), not a real series


def _event_has_place(values, written):
    if not written & {"place", "online_url"}:
        return problem_on(
            "place",
            "acara tidak punya tempat maupun tautan daring.",
            "isi 'place' dengan tempat acara, atau 'online_url' dengan tautan "
            "siaran/rapat daring, atau keduanya.",
        )
    return []


def _moved_online_needs_link(values, written):
    if values.get("event_status") == "pindah-daring" and "online_url" not in written:
        return problem_on(
            "online_url",
            "acara dipindah ke daring, tetapi tautan daringnya belum ada.",
            "isi 'online_url' dengan tautan siaran atau rapat daring, agar peserta tahu cara mengikutinya.",
        )
    return []


def _event_ends_after_start(values, written):
    if "start" not in values or "end" not in values:
        return []
    if values.get("all_day"):
        if values["end"].date() < values["start"].date():
            return problem_on(
                "end",
                "tanggal selesai lebih awal dari tanggal mulai.",
                "isi 'end' dengan hari terakhir acara, sama dengan atau sesudah 'start'.",
            )
        return []
    if values["end"] <= values["start"]:
        return problem_on(
            "end",
            "waktu selesai tidak sesudah waktu mulai.",
            "isi 'end' dengan waktu sesudah 'start', misalnya dua jam kemudian.",
        )
    return []


def _repeat_has_an_end(values, written):
    rule = values.get("repeat")
    if rule is None:
        return []
    if rule.count is None and rule.until is None:
        return problem_on(
            "repeat",
            "aturan ulang tidak punya akhir, jadi pertemuannya tidak ada habisnya.",
            "tambahkan jumlah pertemuan atau tanggal terakhir, misalnya "
            "repeat: {every: week, count: 4} atau repeat: {every: week, until: 2027-01-30}.",
        )
    if "start" not in values:
        return []
    if rule.until is not None and rule.until < values["start"].date():
        return problem_on(
            "repeat",
            f"'until' ({rule.until.isoformat()}) lebih awal dari 'start'.",
            "isi until dengan tanggal pertemuan terakhir, sesudah 'start'.",
        )
    if len(series_starts(values, values["start"].tzinfo)) > MAX_SESSIONS:
        return problem_on(
            "repeat",
            f"aturan ulang menghasilkan lebih dari {MAX_SESSIONS} pertemuan.",
            "periksa count atau until; untuk kegiatan rutin tanpa akhir, buat satu tulisan per periode.",
        )
    return []


def _exceptions_are_series_dates(values, written):
    if "start" not in values or (rule := values.get("repeat")) is None:
        return [
            finding
            for name in ("skip", "moved")
            if name in values and "repeat" not in written
            for finding in problem_on(
                name,
                f"'{name}' hanya berlaku untuk acara berulang, tetapi 'repeat' belum ada atau salah.",
                "tambahkan repeat, misalnya repeat: {every: week, count: 4}, atau hapus "
                f"'{name}' dan ubah 'start'/'end' saja.",
            )
        ]
    if rule.count is None and rule.until is None:
        return []  # reported on `repeat`
    days = [start.date() for start in series_starts(values, values["start"].tzinfo)]
    shown = ", ".join(day.isoformat() for day in days[:6]) + (", ..." if len(days) > 6 else "")
    found = []
    for name, written_days in (("skip", values.get("skip", ())), ("moved", values.get("moved", {}))):
        strange = [day for day in written_days if day not in days]
        if strange:
            listed = ", ".join(day.isoformat() for day in strange)
            found += problem_on(
                name,
                f"tanggal {listed} bukan tanggal pertemuan acara berulang ini.",
                f"pakai tanggal pertemuan yang ada: {shown}.",
            )
    if not found and days and set(days) <= set(values.get("skip", ())):
        found += problem_on(
            "skip",
            "semua pertemuan dilewati, jadi acaranya tidak punya jadwal.",
            "hapus beberapa tanggal dari 'skip', atau ubah status menjadi dibatalkan.",
        )
    return found


def _deadline_before_start(values, written):
    deadline, start = values.get("registration_deadline"), values.get("start")
    if deadline is not None and start is not None and deadline >= start:
        return problem_on(
            "registration_deadline",
            "batas pendaftaran tidak sebelum waktu mulai acara.",
            "isi 'registration_deadline' dengan waktu sebelum 'start', misalnya sehari sebelumnya.",
        )
    return []


def _status_changed_after_date(values, written):
    changed, published = values.get("status_changed"), values.get("date")
    if changed is not None and published is not None and changed < published:
        return problem_on(
            "status_changed",
            "status acara diubah sebelum tulisannya terbit.",
            "isi 'status_changed' dengan waktu status diubah, sama dengan atau sesudah 'date'.",
        )
    return []


def _changed_status_needs_its_moment(values, written):
    # The feeds' notice is dated by it: without it, an old `date` would put the notice
    # outside the auto-poster feed's window, and nobody would hear of the change.
    status = STATUSES.get(values.get("event_status", "terjadwal"))
    if status is not None and not status.normal and "status_changed" not in written:
        return problem_on(
            "status_changed",
            f"status acara '{values['event_status']}' belum diberi waktu perubahannya.",
            "tulis status_changed: TTTT-BB-HH JJ:MM (WITA), waktu status diubah, agar "
            "pemberitahuannya terkirim ke media sosial pada hari itu.",
        )
    return []


def _rescheduled_needs_previous_start(values, written):
    if values.get("event_status") == "dijadwalkan-ulang" and "previous_start" not in written:
        return problem_on(
            "previous_start",
            "acara dijadwalkan ulang, tetapi jadwal lamanya belum ada.",
            "isi 'previous_start' dengan waktu mulai yang lama, TTTT-BB-HH JJ:MM, agar pembaca "
            "yang mencatat jadwal lama tahu acaranya pindah; 'start' berisi jadwal baru.",
        )
    return []


FIELDS = common_fields() + (
    Field(
        "start",
        DateTime(),
        True,
        "mulai acara, TTTT-BB-HH JJ:MM (WITA)",
        aliases=("mulai", "waktu_mulai", "jam_mulai"),
    ),
    Field(
        "end",
        DateTime(),
        True,
        "selesai acara, TTTT-BB-HH JJ:MM (WITA)",
        aliases=("selesai", "waktu_selesai", "jam_selesai"),
    ),
    Field(
        "place",
        Text(max_length=160),
        False,
        "tempat acara; kosongkan bila hanya daring",
        aliases=("tempat", "lokasi"),
    ),
    Field(
        "place_address",
        Text(max_length=160),
        False,
        "alamat jalan tempat acara bila di luar perpustakaan (opsional)",
        aliases=("alamat",),
    ),
    Field(
        "online_url",
        Url(),
        False,
        "tautan siaran langsung atau rapat daring (opsional)",
        aliases=("tautan_daring", "daring"),
    ),
    Field(
        "registration_url",
        Url(),
        False,
        "tautan formulir pendaftaran (opsional)",
        aliases=("pendaftaran", "daftar", "tautan_daftar"),
    ),
    Field(
        "price",
        Integer(minimum=0),
        False,
        "biaya ikut dalam rupiah, tanpa titik (kosongkan bila gratis)",
        aliases=("harga", "biaya", "tiket"),
    ),
    Field(
        "performers",
        TextList(),
        False,
        "pembicara, narasumber atau pengisi acara, satu nama per butir (opsional)",
        aliases=("pembicara", "narasumber", "pengisi_acara"),
    ),
    Field(
        "event_status",
        Choice({key: s.label for key, s in STATUSES.items()}),
        False,
        "status acara: terjadwal, ditunda, dibatalkan, pindah-daring atau dijadwalkan-ulang",
        aliases=("status_acara",),
    ),
    Field(
        "previous_start",
        DateTime(),
        False,
        "jadwal mulai lama bila acara dijadwalkan ulang, TTTT-BB-HH JJ:MM (WITA)",
        aliases=("jadwal_lama", "mulai_lama"),
    ),
    Field(
        "all_day",
        Boolean(),
        False,
        "true bila acara sepanjang hari: start dan end cukup tanggal, TTTT-BB-HH (opsional)",
        aliases=("sepanjang_hari", "seharian"),
    ),
    Field(
        "repeat",
        Repeat(),
        False,
        "acara berulang: {every: week, count: 4} atau {every: week, until: TTTT-BB-HH}; "
        "every: day, week atau month (opsional)",
        aliases=("ulang", "berulang", "pengulangan"),
    ),
    Field(
        "skip",
        DateList(),
        False,
        "tanggal pertemuan yang ditiadakan, misalnya [2026-12-26] (opsional)",
        aliases=("lewati", "libur", "kecuali"),
    ),
    Field(
        "moved",
        MovedSessions(),
        False,
        "pertemuan yang dipindah: {tanggal lama: waktu baru}, misalnya "
        "{2026-12-19: 2026-12-20 10:00} (opsional)",
        aliases=("dipindah", "pindah_jadwal"),
    ),
    Field(
        "registration_deadline",
        DateTime(),
        False,
        "batas akhir pendaftaran, TTTT-BB-HH JJ:MM (WITA), sebelum acara mulai (opsional)",
        aliases=("batas_pendaftaran", "batas_daftar", "tutup_pendaftaran"),
    ),
    Field(
        "full",
        Boolean(),
        False,
        "true bila kuota penuh: tombol Daftar disembunyikan (opsional)",
        aliases=("penuh", "kuota_penuh"),
    ),
    Field(
        "capacity",
        Integer(),
        False,
        "jumlah tempat untuk peserta (opsional)",
        aliases=("kapasitas", "kuota", "daya_tampung"),
    ),
    Field(
        "audience",
        ChoiceList(AUDIENCES),
        False,
        "untuk siapa: satu atau beberapa dari anak, remaja, dewasa, umum, misalnya [anak, remaja] (opsional)",
        aliases=("peserta", "sasaran", "untuk"),
    ),
    Field(
        "partners",
        TextList(),
        False,
        "mitra yang ikut menyelenggarakan: nama berkasnya di content/mitra/ tanpa .md, satu per butir, "
        "misalnya [sma-negeri-1-kotamobagu] (opsional)",
        aliases=("mitra", "mitra_acara", "kerja_sama", "penyelenggara_bersama"),
    ),
    Field(
        "status_changed",
        DateTime(),
        False,
        "kapan status acara diubah, TTTT-BB-HH JJ:MM (WITA): tanggal pemberitahuan di umpan "
        "(bila kosong: 'modified', lalu 'date')",
        aliases=("status_diubah", "tanggal_status", "status_sejak"),
    ),
    Field(
        "reminders",
        Boolean(),
        False,
        "false bila acara ini tidak perlu pengingat 'Besok' / 'Hari ini' di umpan media sosial (opsional)",
        aliases=("pengingat", "ingatkan"),
    ),
)


# --- what an event says -------------------------------------------------------------------


def _format(moment: dt.datetime, pattern: str) -> str:
    return format_datetime(moment, pattern, locale="id")


def card_when(start: dt.datetime, end: dt.datetime, zone) -> str:
    """'Sabtu, 5 Desember 2026 · 09.00 WITA'; an event over several days shows both dates."""
    time = f"{clock(start, zone)} {zone_abbreviation(start, zone)}"
    if start.date() == end.date():
        return f"{long_date(start, zone)} · {time}"
    last = _format(end, "d LLLL y")
    if (start.year, start.month) == (end.year, end.month):
        days = f"{start.day}–{last}"
    elif start.year == end.year:
        days = f"{_format(start, 'd LLLL')} – {last}"
    else:
        days = f"{_format(start, 'd LLLL y')} – {last}"
    return f"{days} · {time}"


def _first_times(fields: dict, zone) -> tuple[dt.datetime, dt.datetime]:
    """The written start and end; an all-day event runs from midnight to the midnight after its last day."""
    start, end = fields["start"].astimezone(zone), fields["end"].astimezone(zone)
    if fields.get("all_day"):
        start = dt.datetime.combine(start.date(), dt.time(), zone)
        end = dt.datetime.combine(end.date() + dt.timedelta(days=1), dt.time(), zone)
    return start, end


def series_starts(fields: dict, zone) -> list[dt.datetime]:
    """The starts a `repeat` rule gives, before skip and moved; the written start alone without one."""
    start = _first_times(fields, zone)[0]
    rule = fields.get("repeat")
    if rule is None:
        return [start]
    until = dt.datetime.combine(rule.until, dt.time.max) if rule.until else None
    count = rule.count if rule.count or until else 1  # no end: reported, never expanded forever
    starts = rrule(
        FREQUENCIES[rule.every],
        dtstart=start.replace(tzinfo=None),
        interval=rule.interval,
        count=count,
        until=until,
    )
    return [moment.replace(tzinfo=zone) for moment in starts[: MAX_SESSIONS + 1]]


def _held_sessions(fields: dict, zone) -> list[tuple[dt.datetime, tuple[dt.datetime, dt.datetime] | None]]:
    """Each start the rule gives, with the (start, end) held for it, moved or not; None when skipped."""
    first_start, first_end = _first_times(fields, zone)
    length = first_end - first_start
    skip, moved = set(fields.get("skip", ())), fields.get("moved", {})
    found = []
    for start in series_starts(fields, zone):
        held = moved[start.date()].astimezone(zone) if start.date() in moved else start
        found.append((start, None if start.date() in skip else (held, held + length)))
    return found


def session_times(fields: dict, zone) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
    """Every session as (start, end) in the site's zone, skipped dates left out, moved ones moved."""
    found = [held for _, held in _held_sessions(fields, zone) if held is not None]
    return tuple(sorted(found)) or (_first_times(fields, zone),)


def recurrence_of(fields: dict, zone) -> Recurrence | None:
    """A series' rule with its skipped and moved sessions, as calendars write it; None for one event."""
    rule = fields.get("repeat")
    if rule is None:
        return None
    all_day = bool(fields.get("all_day"))
    held = _held_sessions(fields, zone)
    first_start, first_end = _first_times(fields, zone)
    return Recurrence(
        first=session_schedule(first_start, first_end, zone, all_day),
        freq=FREQNAMES[FREQUENCIES[rule.every]],
        interval=rule.interval,
        # RFC 5545 allows COUNT or UNTIL, not both: the rule's own last start says either.
        count=rule.count if rule.until is None else None,
        until=held[-1][0] if rule.until is not None or rule.count is None else None,
        skipped=tuple(start for start, session in held if session is None),
        moved={
            start: session_schedule(*session, zone, all_day)
            for start, session in held
            if session is not None and session[0] != start
        },
    )


def _last_day(end: dt.datetime) -> dt.datetime:
    return end - dt.timedelta(days=1)


def session_schedule(start: dt.datetime, end: dt.datetime, zone, all_day: bool = False) -> Schedule:
    """One session (or a whole event) in words: with times, or whole days."""
    if all_day:
        last = _last_day(end)
        if start.date() == last.date():
            text = long_date(start, zone)
            return Schedule(start, end, text, text, text, all_day=True)
        text = f"{long_date(start, zone)} sampai {long_date(last, zone)}"
        return Schedule(start, end, text, card_when(start, last, zone).split(" · ")[0], text, all_day=True)
    card = card_when(start, end, zone)
    alt = long_datetime(start, zone) if start.date() == end.date() else card.replace(" · ", ", mulai pukul ")
    return Schedule(start, end, time_range(start, end, zone), card, alt)


def series_schedule(sessions: tuple[Schedule, ...], zone) -> Schedule:
    """A series from its first start to its last end: '4 pertemuan, Sabtu, 5 ... sampai Sabtu, 26 ...'."""
    first, last = sessions[0], sessions[-1]
    last_day = _last_day(last.end) if first.all_day else last.end
    days = f"{len(sessions)} pertemuan, {long_date(first.start, zone)} sampai {long_date(last_day, zone)}"
    hours = {(clock(s.start, zone), clock(s.end, zone)) for s in sessions}
    same_day = all(s.start.date() == s.end.date() for s in sessions)
    if first.all_day or not (same_day and len(hours) == 1):
        text = days
    else:
        hour = f"{clock(first.start, zone)}–{clock(first.end, zone)} {zone_abbreviation(first.start, zone)}"
        text = f"{days}, pukul {hour}"
    card = card_when(first.start, last_day, zone)
    card = card.split(" · ")[0] if first.all_day else card
    alt = f"{len(sessions)} pertemuan, mulai {first.alt_text}"
    return Schedule(first.start, last.end, text, card, alt, all_day=first.all_day)


def schedule(fields: dict, zone) -> Schedule:
    """The whole event: one session's time, or a series' first start to its last end."""
    sessions = sessions_of(fields, zone)
    return sessions[0] if len(sessions) == 1 else series_schedule(sessions, zone)


def sessions_of(fields: dict, zone) -> tuple[Schedule, ...]:
    all_day = bool(fields.get("all_day"))
    return tuple(session_schedule(start, end, zone, all_day) for start, end in session_times(fields, zone))


def is_online_only(fields: dict) -> bool:
    return fields.get("event_status") == "pindah-daring" or not fields.get("place")


def where(fields: dict, library_name: str = "", short: bool = False) -> str:
    """Where, in one wording for every output: 'Aula Lantai 2, Jl. Merdeka 5 dan daring'.

    `short` (cards) leaves out the street and the library's own name.
    """
    if is_online_only(fields):
        return ONLINE.capitalize()
    place = fields["place"].strip()
    if short:
        place = place.removesuffix(f", {library_name}") if library_name else place
    elif fields.get("place_address"):
        place = f"{place}, {fields['place_address']}"
    return f"{place} dan {ONLINE}" if fields.get("online_url") else place


def audience_labels(fields: dict) -> tuple[str, ...]:
    return tuple(AUDIENCES[key] for key in fields.get("audience", ()))


def audiences_of(fields: dict) -> tuple[Audience, ...]:
    """Who the event is for, youngest first whatever order it was written in."""
    order = list(AUDIENCES)
    keys = sorted(set(fields.get("audience", ())), key=order.index)
    return tuple(Audience(key, AUDIENCES[key], order.index(key)) for key in keys)


def _extra_details(fields: dict, status: Status, zone) -> tuple[Detail, ...]:
    """What follows time and place: the old time, who it is for, places, registration."""
    found = []
    if status.key == "dijadwalkan-ulang" and fields.get("previous_start"):
        found.append(Detail("Jadwal lama", long_datetime(fields["previous_start"], zone), struck=True))
    if fields.get("audience"):
        found.append(Detail("Untuk", ", ".join(audience_labels(fields))))
    if fields.get("capacity"):
        found.append(Detail("Kapasitas", f"{fields['capacity']} orang"))
    if fields.get("full"):
        found.append(Detail("Pendaftaran", "Penuh; pendaftaran ditutup"))
    elif fields.get("registration_deadline"):
        found.append(
            Detail("Pendaftaran", f"paling lambat {long_datetime(fields['registration_deadline'], zone)}")
        )
    return tuple(found)


# A changed status's feed notice: its title's prefix, and the sentence it says.
NOTICES = {
    "dibatalkan": ("DIBATALKAN", "Acara {when}, {place}, dibatalkan."),
    "ditunda": ("DITUNDA", "Acara {when}, {place}, ditunda; jadwal baru diumumkan di halaman acara."),
    "pindah-daring": ("PINDAH DARING", "Acara {when} dipindah ke daring; tautannya ada di halaman acara."),
    "dijadwalkan-ulang": ("DIJADWALKAN ULANG", "Jadwal baru: {when}, {place} (semula {previous})."),
}
DAY_BEFORE = dt.timedelta(days=1)  # like the calendars' alarm: same time, the day before
HOUR_BEFORE = dt.timedelta(hours=1)  # online events: the link, just before it starts


def _day_texts(start: dt.datetime) -> dict[str, str]:
    """The calendar leaf of a card: day, month, weekday."""
    return {
        "day": str(start.day),
        "month": _format(start, "LLL").rstrip(".").upper(),
        "weekday": _format(start, "EEEE"),
        "month_year": _format(start, "LLLL y"),
    }


def _notice(fields: dict, status: Status, when: Schedule, place: str, previous: str | None) -> Notice | None:
    """The one feed notice of a changed status; each new change (a new status_changed, or a
    new start when rescheduled again) makes a new one, so it is announced again."""
    if status.normal:
        return None
    label, sentence = NOTICES[status.key]
    # A rule requires status_changed with a changed status; only facts made without the
    # checker (a unit test's) can lack it.
    since = fields.get("status_changed") or fields["date"]
    key = f"{status.key}-{since:%Y-%m-%dT%H%M}"
    if status.key == "dijadwalkan-ulang":
        key += f"-{when.start:%Y-%m-%dT%H%M}"
    return Notice(key, label, sentence.format(when=when.text, place=place, previous=previous or ""), since)


def _reminders(fields: dict, status: Status, sessions, place: str) -> tuple[Reminder, ...]:
    """'Besok' a day before each session, and 'Hari ini' an hour before one with an online link."""
    if status.strikes_time or fields.get("reminders") is False:
        return ()
    found = []
    for session in sessions:
        summary = f"Waktu: {session.text}. Tempat: {place}."
        texts = {"datetime": session.card_text, "old_datetime": "", **_day_texts(session.start)}
        found.append(
            Reminder(
                "besok", "Besok", session.start - DAY_BEFORE, session, summary, {**texts, "reminder": "Besok"}
            )
        )
        if fields.get("online_url"):
            found.append(
                Reminder(
                    "hari-ini",
                    "Hari ini",
                    session.start - HOUR_BEFORE,
                    session,
                    summary,
                    {**texts, "reminder": "Hari ini"},
                )
            )
    return tuple(found)


def present(fields: dict, ctx: PresentContext) -> Presentation:
    status = STATUSES[fields.get("event_status") or "terjadwal"]
    sessions = sessions_of(fields, ctx.zone)
    when = sessions[0] if len(sessions) == 1 else series_schedule(sessions, ctx.zone)
    first = sessions[0]
    place = where(fields, ctx.library_name)
    card_place = where(fields, ctx.library_name, short=True)
    actions = []
    if status.key != "dibatalkan":
        if fields.get("registration_url") and not fields.get("full"):
            deadline = fields.get("registration_deadline")
            actions.append(
                Action("Daftar", fields["registration_url"], while_on=True, until=deadline, in_summary=True)
            )
        if fields.get("online_url"):
            actions.append(Action("Ikuti secara daring", fields["online_url"], while_on=True))
    start = when.start
    series = len(sessions) > 1
    first_detail = (Detail("Pertemuan pertama", first.text, struck=status.strikes_time),) if series else ()
    # Unknown slugs never get here: the checker reports them (check.py, unknown_partners).
    partners = tuple(ctx.partners[slug] for slug in fields.get("partners", ()) if slug in ctx.partners)
    partner_names = _and_list([partner.name for partner in partners])
    details = (
        Detail("Waktu", when.text, struck=status.strikes_time),
        *first_detail,
        Detail("Tempat", place),
        *_extra_details(fields, status, ctx.zone),
        *((Detail("Mitra", partner_names),) if partners else ()),
    )
    previous = fields.get("previous_start") if status.key == "dijadwalkan-ulang" else None
    previous_time = long_datetime(previous, ctx.zone) if previous else None
    # The card strikes a time that no longer holds: the announced one, or a rescheduled event's old one.
    old_card_time = card_when(previous, previous, ctx.zone) if previous else ""
    return Presentation(
        status=status,
        schedule=when,
        where=place,
        details=details,
        actions=tuple(actions),
        sessions=sessions,
        previous_time=previous_time,
        notice=_notice(fields, status, when, place, previous_time),
        reminders=_reminders(fields, status, sessions, place),
        audiences=audiences_of(fields),
        recurrence=recurrence_of(fields, ctx.zone),
        partners=partners,
        card_texts={
            "datetime": "" if status.strikes_time else when.card_text,
            "old_datetime": when.card_text if status.strikes_time else old_card_time,
            "place": card_place,
            "status": status.label if status.on_card else "",
            **_day_texts(start),
            # a series only: its first session and how many there are ("4 pertemuan")
            **(
                {"first_session": first.card_text, "sessions": f"{len(sessions)} pertemuan"} if series else {}
            ),
            # an event with partners only: "Bersama SMA Negeri 1 Kotamobagu dan Komunitas ..."
            **({"partners": f"Bersama {partner_names}"} if partners else {}),
        },
        short_where=card_place,
        # A full event offers no 'Daftar': short announcements say it is full instead.
        summary_notes=("Pendaftaran penuh",) if fields.get("full") and status.key != "dibatalkan" else (),
        card_alt_details=(when.alt_text, card_place),
        shown_fields={"place": card_place},
        caption_lines=(  # by importance: captions keep the first two (when, where) longest
            f"Waktu: {when.text}",
            f"Tempat: {place}",
            *((f"Pertemuan pertama: {first.text}",) if series else ()),
            *(f"{d.label}: {d.text}" for d in details if d.label in ("Untuk", "Pendaftaran", "Mitra")),
        ),
    )


def _jsonld_time(moment: dt.datetime, all_day: bool, end: bool = False) -> str:
    """ISO 8601; an all-day event gives days, its end the last day itself."""
    if not all_day:
        return moment.isoformat()
    return (_last_day(moment) if end else moment).date().isoformat()


def jsonld(fields: dict, facts, page: NodePage) -> KindNodes:
    """A schema.org Event with its status, attendance mode and location; a series adds an EventSeries."""
    status = facts.status.key
    sessions = facts.sessions or (facts.schedule,)
    first = sessions[0]
    online = fields.get("online_url")
    in_person = not is_online_only(fields)
    locations = []
    if in_person:
        locations.append(
            {
                "@type": "Place",
                "name": fields["place"],
                "address": postal_address(page.profile, fields.get("place_address")),
            }
        )
    if online:
        locations.append({"@type": "VirtualLocation", "url": online})
    if in_person and online:
        mode = "MixedEventAttendanceMode"
    elif in_person:
        mode = "OfflineEventAttendanceMode"
    else:
        mode = "OnlineEventAttendanceMode"
    node = {
        "@type": "Event",
        "@id": f"{page.url}#acara",
        "name": page.title,  # in full, without a status prefix: that is eventStatus
        "description": page.description,
        "url": page.url,
        "startDate": _jsonld_time(first.start, first.all_day),
        "endDate": _jsonld_time(first.end, first.all_day, end=True),
        "eventStatus": f"{SCHEMA}/{JSONLD_STATUS[status]}",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {
            "@id": library_id(page.public_url),
            "name": page.profile.name,
            "url": f"{page.public_url}/",
        },
        "inLanguage": "id",
    }
    if status == "dijadwalkan-ulang" and fields.get("previous_start"):
        node["previousStartDate"] = _jsonld_time(fields["previous_start"], first.all_day)
    if fields.get("audience"):
        audiences = [{"@type": "Audience", "audienceType": label} for label in audience_labels(fields)]
        node["audience"] = audiences[0] if len(audiences) == 1 else audiences
    if fields.get("capacity"):
        node["maximumAttendeeCapacity"] = fields["capacity"]
    if page.shaped_image_urls or page.image_url:
        node["image"] = list(page.shaped_image_urls) or page.image_url  # 16:9, 4:3, 1:1 when made
    # Google's event results want an offer even for a free event: price 0 in rupiah.
    node["offers"] = {
        "@type": "Offer",
        "price": fields.get("price", 0),
        "priceCurrency": "IDR",
        "url": fields.get("registration_url") or page.url,
        "availability": f"{SCHEMA}/{'SoldOut' if fields.get('full') else 'InStock'}",
        "validFrom": fields["date"].isoformat(),
    }
    if fields.get("performers"):
        node["performer"] = [{"@type": "Person", "name": name} for name in fields["performers"]]
    if facts.partners:
        # The library stays the organizer (Google's "organization hosting the event"); partners
        # co-host, not fund: schema.org's contributor ("a secondary contributor to the Event").
        node["contributor"] = [_partner_node(partner, page) for partner in facts.partners]
    if len(sessions) == 1:
        return KindNodes((node,))
    return KindNodes((node, _series_node(node, sessions, page)))


def _and_list(names: list[str]) -> str:
    """'A', 'A dan B', 'A, B dan C'."""
    return " dan ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))


def _partner_node(partner, page: NodePage) -> dict:
    """A partner as an Organization: its page on this site, its own site and its logo."""
    own_page = f"{page.public_url}/{partner.url}"
    node = {"@type": "Organization", "@id": f"{own_page}#mitra", "name": partner.name, "url": own_page}
    if partner.website:
        node["sameAs"] = partner.website
    if partner.logo:
        node["logo"] = f"{page.public_url}/{partner.logo}"
    return node


def _series_node(event: dict, sessions, page: NodePage) -> dict:
    """An EventSeries whose subEvents are the sessions, each an Event at its own time."""
    event["superEvent"] = {"@id": f"{page.url}#seri"}
    shared = {key: event[key] for key in ("eventStatus", "eventAttendanceMode", "location", "organizer")}
    sub_events = [
        {
            "@type": "Event",
            "@id": f"{page.url}#pertemuan-{number}",
            "name": f"{page.title} (pertemuan {number})",
            "url": page.url,
            "startDate": _jsonld_time(session.start, session.all_day),
            "endDate": _jsonld_time(session.end, session.all_day, end=True),
            **shared,
        }
        for number, session in enumerate(sessions, start=1)
    ]
    return {
        "@type": "EventSeries",
        "@id": f"{page.url}#seri",
        "name": page.title,
        "description": page.description,
        "url": page.url,
        "startDate": sub_events[0]["startDate"],
        "endDate": sub_events[-1]["endDate"],
        **shared,
        "inLanguage": "id",
        "subEvent": sub_events,
    }


KIND = Kind(
    slug="acara",
    label="Acara",
    description="Diskusi buku, pelatihan, pameran dan kegiatan lain di perpustakaan.",
    fields=FIELDS,
    rules=COMMON_RULES
    + (
        _event_has_place,
        _moved_online_needs_link,
        _event_ends_after_start,
        _repeat_has_an_end,
        _exceptions_are_series_dates,
        _deadline_before_start,
        _rescheduled_needs_previous_start,
        _status_changed_after_date,
        _changed_status_needs_its_moment,
    ),
    present=present,
    jsonld=jsonld,
    lists_upcoming=True,
    announce_before="start",
    scaffold_values={"event_status": "terjadwal"},
)
