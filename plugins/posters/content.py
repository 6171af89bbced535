"""What a poster says: plain data taken from a post's facts, never from its kind's name.

A post gets a poster when its facts have a `schedule` (an event). The poster
shows the facts as every output shows them: the status, the title, the
summary, the kind's labelled details (struck ones struck), every session of a
series (or the first few and how many more), the partners when the facts carry
them, the actions still offered (registration, the online link) and the page's
address, which the QR code holds too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from plugins.content_model.presentation import PostFacts

# A series with more sessions than this lists the first SESSIONS_SHOWN and how many follow.
SESSIONS_LISTED = 6
SESSIONS_SHOWN = 4


@dataclass(frozen=True)
class Row:
    """One labelled block of the poster: 'Tempat' and its text; a series' sessions are several lines."""

    label: str
    lines: tuple[str, ...]
    struck: bool = False  # no longer valid (the date of a cancelled event): drawn struck out


@dataclass(frozen=True)
class Action:
    label: str  # "Daftar"
    address: str  # the link as a reader types it: without https:// and a final slash


@dataclass(frozen=True)
class Library:
    name: str
    tagline: str
    address: str  # one line: street, town, region, postal code
    contact: str  # "Telp. ... · surel"
    logo: str  # absolute path of the logo file


@dataclass(frozen=True)
class Palette:
    primary: str  # the library's colour: header and footer bands
    accent: str  # labels and strike-outs (4.5:1 on white, checked by site_profile)
    badge: str  # the status band
    ink: str  # text on white and on the badge
    light: str  # small text on the primary band


@dataclass(frozen=True)
class PosterSpec:
    """Everything one poster is drawn from; its digest names the poster's files."""

    title: str
    kind_label: str  # "Acara"
    status: str  # "Dibatalkan"; empty when the event goes ahead as planned
    summary: str
    rows: tuple[Row, ...]
    actions: tuple[Action, ...]
    url: str  # the page, absolute: what the QR code holds
    library: Library
    palette: Palette


def typed_address(url: str) -> str:
    """'perpustakaan.example/acara/x' for 'https://perpustakaan.example/acara/x/'."""
    return url.split("://", 1)[-1].rstrip("/")


def _restates_a_session(text: str, facts: PostFacts) -> bool:
    return text == facts.schedule.text or any(text == session.text for session in facts.sessions)


def session_row(facts: PostFacts) -> Row:
    """'Waktu · 4 pertemuan' and each session; a long series its first few and 'dan N pertemuan lagi'."""
    texts = [session.text for session in facts.sessions]
    if len(texts) > SESSIONS_LISTED:
        texts = [*texts[:SESSIONS_SHOWN], f"dan {len(texts) - SESSIONS_SHOWN} pertemuan lagi"]
    struck = facts.status is not None and facts.status.strikes_time
    return Row(f"Waktu · {len(facts.sessions)} pertemuan", tuple(texts), struck)


def partner_names(facts: PostFacts) -> tuple[str, ...]:
    """The partners' names when the facts carry partners (objects with a name or title, or text)."""
    partners = getattr(facts, "partners", None) or ()
    return tuple(
        str(getattr(partner, "name", None) or getattr(partner, "title", None) or partner)
        for partner in partners
    )


def rows_of(facts: PostFacts) -> tuple[Row, ...]:
    """The kind's details in its order; a series lists its sessions instead of restating its span."""
    rows = []
    if len(facts.sessions) > 1:
        rows.append(session_row(facts))
    for detail in facts.details:
        if len(facts.sessions) > 1 and _restates_a_session(detail.text, facts):
            continue
        rows.append(Row(detail.label, (detail.text,), detail.struck))
    names = partner_names(facts)
    # The kind may name its partners in a detail already: then they are not said twice.
    if names and not any(all(name in detail.text for name in names) for detail in facts.details):
        rows.append(Row("Mitra", (", ".join(names),)))
    return tuple(rows)


def make_spec(
    facts: PostFacts, url: str, now: dt.datetime, library: Library, palette: Palette
) -> PosterSpec | None:
    """The poster of a post, or None when the post has no schedule."""
    if facts.schedule is None:
        return None
    status = facts.status
    return PosterSpec(
        title=facts.title,
        kind_label=facts.kind.label,
        status=status.label if status is not None and not status.normal else "",
        summary=facts.summary,
        rows=rows_of(facts),
        actions=tuple(Action(action.label, typed_address(action.url)) for action in facts.actions_at(now)),
        url=url,
        library=library,
        palette=palette,
    )


def library_of(profile, content_dir: Path) -> Library:
    """The library as posters show it, from LIBRARY (plugins/site_profile)."""
    return Library(
        name=profile.name,
        tagline=profile.tagline,
        address=profile.address.one_line,
        contact=f"Telp. {profile.phone} · {profile.email}",
        logo=str(content_dir / profile.logo),
    )
