"""Events (acara): book discussions, training, exhibitions; when, where, status, registration."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_datetime

from plugins._shared.schema_org import SCHEMA, KindNodes, NodePage, library_id, postal_address
from plugins.indonesian_dates.formats import clock, long_date, long_datetime, time_range, zone_abbreviation

from ..fields import Choice, DateTime, Integer, Text, TextList, Url
from ..presentation import Action, Detail, Presentation, PresentContext, Schedule, Status
from ..problems import FieldError
from .base import COMMON_RULES, Field, Kind, common_fields

STATUSES = {
    "terjadwal": Status("terjadwal", "Terjadwal", normal=True),
    "ditunda": Status("ditunda", "Ditunda", headline=True, on_card=True, strikes_time=True),
    "dibatalkan": Status("dibatalkan", "Dibatalkan", headline=True, on_card=True, strikes_time=True),
    "pindah-daring": Status("pindah-daring", "Dipindah ke daring", on_card=True),
}
JSONLD_STATUS = {
    "terjadwal": "EventScheduled",
    "ditunda": "EventPostponed",
    "dibatalkan": "EventCancelled",
    "pindah-daring": "EventMovedOnline",
}
ONLINE = "daring"


def _event_has_place(values, written):
    if not written & {"place", "online_url"}:
        return [
            (
                "place",
                FieldError(
                    "acara tidak punya tempat maupun tautan daring.",
                    "isi 'place' dengan tempat acara, atau 'online_url' dengan tautan "
                    "siaran/rapat daring, atau keduanya.",
                ),
            )
        ]
    return []


def _moved_online_needs_link(values, written):
    if values.get("event_status") == "pindah-daring" and "online_url" not in written:
        return [
            (
                "online_url",
                FieldError(
                    "acara dipindah ke daring, tetapi tautan daringnya belum ada.",
                    "isi 'online_url' dengan tautan siaran atau rapat daring, agar peserta "
                    "tahu cara mengikutinya.",
                ),
            )
        ]
    return []


def _event_ends_after_start(values, written):
    if "start" in values and "end" in values and values["end"] <= values["start"]:
        return [
            (
                "end",
                FieldError(
                    "waktu selesai tidak sesudah waktu mulai.",
                    "isi 'end' dengan waktu sesudah 'start', misalnya dua jam kemudian.",
                ),
            )
        ]
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
        "status acara: terjadwal, ditunda, dibatalkan atau pindah-daring",
        aliases=("status_acara",),
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


def schedule(fields: dict, zone) -> Schedule:
    start, end = fields["start"].astimezone(zone), fields["end"].astimezone(zone)
    card = card_when(start, end, zone)
    alt = long_datetime(start, zone) if start.date() == end.date() else card.replace(" · ", ", mulai pukul ")
    return Schedule(start, end, time_range(start, end, zone), card, alt)


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


def present(fields: dict, ctx: PresentContext) -> Presentation:
    status = STATUSES[fields.get("event_status") or "terjadwal"]
    when = schedule(fields, ctx.zone)
    place = where(fields, ctx.library_name)
    card_place = where(fields, ctx.library_name, short=True)
    actions = []
    if status.key != "dibatalkan":
        if fields.get("registration_url"):
            actions.append(Action("Daftar", fields["registration_url"], while_on=True))
        if fields.get("online_url"):
            actions.append(Action("Ikuti secara daring", fields["online_url"], while_on=True))
    start = when.start
    return Presentation(
        status=status,
        schedule=when,
        where=place,
        details=(Detail("Waktu", when.text, struck=status.strikes_time), Detail("Tempat", place)),
        actions=tuple(actions),
        card_texts={
            "datetime": when.card_text,
            "place": card_place,
            "status": status.label if status.on_card else "",
            "day": str(start.day),
            "month": _format(start, "LLL").rstrip(".").upper(),
            "weekday": _format(start, "EEEE"),
            "month_year": _format(start, "LLLL y"),
        },
        card_alt_details=(when.alt_text, card_place),
        shown_fields={"place": card_place},
        caption_lines=(f"Waktu: {when.text}", f"Tempat: {place}"),
    )


def jsonld(fields: dict, facts, page: NodePage) -> KindNodes:
    """A schema.org Event with its status, attendance mode and location."""
    status = facts.status.key
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
        "startDate": fields["start"].isoformat(),
        "endDate": fields["end"].isoformat(),
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
    if page.image_url:
        node["image"] = page.image_url
    # Google's event results want an offer even for a free event: price 0 in rupiah.
    node["offers"] = {
        "@type": "Offer",
        "price": fields.get("price", 0),
        "priceCurrency": "IDR",
        "url": fields.get("registration_url") or page.url,
        "availability": f"{SCHEMA}/InStock",
        "validFrom": fields["date"].isoformat(),
    }
    if fields.get("performers"):
        node["performer"] = [{"@type": "Person", "name": name} for name in fields["performers"]]
    return KindNodes((node,))


KIND = Kind(
    slug="acara",
    label="Acara",
    description="Diskusi buku, pelatihan, pameran dan kegiatan lain di perpustakaan.",
    fields=FIELDS,
    rules=COMMON_RULES + (_event_has_place, _moved_online_needs_link, _event_ends_after_start),
    present=present,
    jsonld=jsonld,
    lists_upcoming=True,
    announce_before="start",
    scaffold_values={"event_status": "terjadwal"},
)
