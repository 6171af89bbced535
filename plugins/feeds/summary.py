"""The plain-text summary of a post's feed item: the post's own, then its schedule line.

Auto-posters put the summary into the post ({summary}), so a scheduled post's
item says when, where and how to register right there, short enough for a
phone, in the card's words: "Sabtu, 5 Desember 2026 · 09.00 WITA · Aula
Lantai 2 · Daftar: https://...". Everything comes from the post's facts at the
build's moment: a series names its next session, registration only while it
is open, a cancelled or postponed event says so before its old time.
"""

from __future__ import annotations

import datetime as dt

SEPARATOR = " · "


def schedule_line(facts, now: dt.datetime) -> str:
    """When, where and what to do, in one line; '' for a post without a schedule."""
    whole = facts.schedule
    if whole is None:
        return ""
    upcoming = facts.next_session(now)
    count = len(facts.sessions)
    # A series is announced by the session to come; once all are over, by its whole span.
    when = (upcoming or whole).card_text + (f" ({count} pertemuan)" if count > 1 else "")
    place = [words] if (words := facts.short_where or facts.where) else []
    status = facts.status
    if status is None or status.normal:
        parts = [when, *place, *_open_actions(facts, now)]
    elif status.strikes_time:
        # The time no longer holds (cancelled, postponed): nothing to register for yet.
        parts = [f"{status.label}, semula {when}", *place]
    else:
        parts = [status.label, when, *place, *_open_actions(facts, now)]
    return SEPARATOR.join(parts)


def _open_actions(facts, now: dt.datetime) -> list[str]:
    """'Daftar: <url>' while registration is open; 'Pendaftaran penuh' and such while it is on."""
    found = [f"{action.label}: {action.url}" for action in facts.actions_at(now) if action.in_summary]
    return found + (list(facts.summary_notes) if not facts.is_over(now) else [])


def item_summary(article, now: dt.datetime) -> str:
    """The post's summary as written, and its schedule line on a line of its own."""
    written = article.fields.get("summary") or article.summary
    line = schedule_line(article.facts, now)
    return f"{written}\n{line}" if line else written
