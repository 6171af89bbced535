"""Every calendar read by a second, independent parser (ical, PyPI), which expands the rules itself.

ical has its own RFC 5545 reader and recurrence expansion (RRULE, EXDATE, RECURRENCE-ID);
what it finds is compared with the sessions staff expect and with every event's sessions
as the content model gives them (read from the content, never from the output).
"""

from __future__ import annotations

import datetime as dt

from sitekit import post_facts
from tests.calendars.calkit import (
    EVERYTHING,
    SERIES_SESSIONS,
    SERIES_SLUG,
    WHOLE_DAY_SESSIONS,
    WHOLE_DAY_SLUG,
    uid,
)


def _model_sessions(post) -> list[tuple]:
    """The sessions the content model gives the post, as (start, end); whole days as dates."""
    facts = post_facts(post.kind, post.values)
    return [
        (s.start.date(), s.end.date()) if s.all_day else (s.start, s.end) for s in facts.presentation.sessions
    ]


def test_the_series_expand_to_the_known_sessions(calendar_site):
    """ical finds the moved session on its new day and no session on the skipped one."""
    found = calendar_site.expanded(EVERYTHING)
    assert found[uid(SERIES_SLUG)] == SERIES_SESSIONS
    assert found[uid(WHOLE_DAY_SLUG)] == WHOLE_DAY_SESSIONS


def test_every_event_expands_to_its_model_sessions(calendar_site):
    """In the whole calendar and in its own .ics, each event's sessions are the model's, in WITA."""
    posts = calendar_site.event_posts()
    everything = calendar_site.expanded(EVERYTHING)
    assert set(everything) == {uid(p.slug, p.kind) for p in posts}
    for post in posts:
        expected = _model_sessions(post)
        assert everything[uid(post.slug, post.kind)] == expected
        own = calendar_site.expanded(f"kalender/{post.kind}/{post.slug}.ics")
        assert own == {uid(post.slug, post.kind): expected}
        for start, _ in expected:
            if isinstance(start, dt.datetime):
                assert start.utcoffset() == dt.timedelta(hours=8)  # read through the VTIMEZONE
