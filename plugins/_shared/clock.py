"""'Now' for a build: BUILD_NOW when set (reproducible tests), else the clock, in WITA.

The moment a build hands out (build_moment) notes every use made of it, so the
build knows until when its output stays what it is (its horizon): a post is
published once its date is reached, an event is over once it ends, a listing
changes at midnight. Comparing the moment with another moment notes that
moment; a part of its date notes when that part next changes (the weekday at
midnight, the year on 1 January); its hour the next hour; anything else
(printing it, a method read whole) notes the moment itself, after which
nothing is known to stay. A build with nothing else changed before its
horizon makes the same output again (plugins/_shared/unchanged.py).
"""

from __future__ import annotations

import datetime as dt
import operator
from zoneinfo import ZoneInfo

from pelican.utils import SafeDatetime


def parse_build_now(value) -> dt.datetime | None:
    """BUILD_NOW as an aware datetime, or None when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def build_moment(settings: dict) -> dt.datetime:
    """The moment this build happens, in the site's time zone (a _Tracked moment)."""
    zone = ZoneInfo(settings["TIMEZONE"])
    fixed = settings.get("BUILD_NOW")
    moment = parse_build_now(fixed).astimezone(zone) if fixed else dt.datetime.now(zone)
    return _Tracked.of(moment, dt.timedelta(0))


def pin_build_moment(settings: dict) -> None:
    """Read the clock once for a build about to run with these settings (when BUILD_NOW is
    not given): every output (pages, feeds, calendars, cards, posters) then decides by the
    same moment, even when a session ends mid-build.

    For settings made for one build only (the project's build runner reads them anew for
    each): `pelican -r` runs every build with the same settings, which would keep the
    first moment for all of them.
    """
    if not settings.get("BUILD_NOW"):
        settings["BUILD_NOW"] = dt.datetime.now(ZoneInfo(settings["TIMEZONE"])).isoformat()


class Horizon:
    """The earliest moment after which some use of the build's moment may turn out otherwise."""

    def __init__(self) -> None:
        self.until: dt.datetime | None = None  # None: no use depends on when the build runs
        self.why = ""  # what set `until`, for a developer wondering why builds never skip

    def note(self, moment: dt.datetime, now: dt.datetime, why: str) -> None:
        """A use of the build's moment `now` turns out otherwise from `moment` on (one already
        past stays as it is: every later build is later still)."""
        if moment >= now and (self.until is None or moment < self.until):
            self.until, self.why = moment, why


_horizon = Horizon()


def watch_horizon() -> Horizon:
    """Start noting afresh (at the start of a build); the Horizon returned fills as it runs."""
    global _horizon
    _horizon = Horizon()
    return _horizon


def untracked(moment: dt.datetime) -> dt.datetime:
    """A moment as a plain datetime, read without noting anything."""
    return moment._plain if isinstance(moment, _Tracked) else moment


def _next_midnight(moment: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time(), moment.tzinfo)


def _next_month(moment: dt.datetime) -> dt.datetime:
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return dt.datetime(year, month, 1, tzinfo=moment.tzinfo)


def _next_year(moment: dt.datetime) -> dt.datetime:
    return dt.datetime(moment.year + 1, 1, 1, tzinfo=moment.tzinfo)


def _next_hour(moment: dt.datetime) -> dt.datetime:
    return moment.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)


# SafeDatetime is Pelican's: a subclass of it is a subclass of every datetime type a post's
# date may have, so `post.date <= now` asks this class first (Python tries a subclass's
# reflected comparison before the left operand's own).
class _Tracked(SafeDatetime):
    """The build's moment shifted by `_offset` (now + 7 days is one too): a real datetime
    (the same fields) that notes each use in the Horizon watched."""

    __slots__ = ("_plain", "_offset")

    @classmethod
    def of(cls, plain: dt.datetime, offset: dt.timedelta) -> _Tracked:
        fields = (plain.year, plain.month, plain.day, plain.hour, plain.minute, plain.second)
        self = dt.datetime.__new__(cls, *fields, plain.microsecond, plain.tzinfo, fold=plain.fold)
        self._plain, self._offset = (
            dt.datetime(*fields, plain.microsecond, plain.tzinfo, fold=plain.fold),
            offset,
        )
        return self

    def _note_at(self, shifted: dt.datetime, why: str) -> None:
        """Note the build moment at which this shifted moment reaches `shifted`."""
        _horizon.note(shifted - self._offset, self._plain - self._offset, why)

    def _note_whole(self, why: str) -> None:
        now = self._plain - self._offset
        _horizon.note(now, now, why)

    # --- comparisons: with a fixed moment, the result turns at that moment ---------------

    def _compare(self, other, compare):
        if isinstance(other, _Tracked):  # both move with the build's moment: no turn
            return compare(self._plain, other._plain)
        if isinstance(other, dt.datetime):
            if other.tzinfo is not None:
                self._note_at(other, f"compared with {other.isoformat()}")
            else:
                self._note_whole("compared with a naive datetime")
        return compare(self._plain, other)

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    def __eq__(self, other):
        return self._compare(other, operator.eq)

    def __ne__(self, other):
        return self._compare(other, operator.ne)

    def __hash__(self):
        self._note_whole("hashed")
        return hash(self._plain)

    # --- arithmetic: shifted by a duration it is still tracked -------------------------

    def __add__(self, other):
        if isinstance(other, dt.timedelta):
            return _Tracked.of(self._plain + other, self._offset + other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, dt.timedelta):
            return _Tracked.of(self._plain - other, self._offset - other)
        if isinstance(other, _Tracked):
            return self._plain - other._plain
        if isinstance(other, dt.datetime):
            self._note_whole("a duration from a fixed moment")
            return self._plain - other
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, dt.datetime):
            self._note_whole("a duration to a fixed moment")
            return other - self._plain
        return NotImplemented

    def astimezone(self, tz=None):
        return _Tracked.of(self._plain.astimezone(tz), self._offset)

    # --- parts: each lasts until the next midnight, month, year or hour ---------------

    def _day_part(name: str):  # noqa: N805 - a factory run in the class body
        def read(self, *args, **kwargs):
            self._note_at(_next_midnight(self._plain), name)
            return getattr(self._plain, name)(*args, **kwargs)

        read.__name__ = name
        return read

    date = _day_part("date")
    weekday = _day_part("weekday")
    isoweekday = _day_part("isoweekday")
    isocalendar = _day_part("isocalendar")
    toordinal = _day_part("toordinal")

    def _date_field(name: str, lasts_until):  # noqa: N805
        def read(self):
            self._note_at(lasts_until(self._plain), name)
            return getattr(self._plain, name)

        return property(read)

    year = _date_field("year", _next_year)  # the footer's year: one full build a year, not a day
    month = _date_field("month", _next_month)
    day = _date_field("day", _next_midnight)

    @property
    def hour(self):
        self._note_at(_next_hour(self._plain), "hour")
        return self._plain.hour

    # --- anything else shows the moment itself ----------------------------------------

    def _whole(name: str):  # noqa: N805
        def read(self, *args, **kwargs):
            self._note_whole(name)
            return getattr(self._plain, name)(*args, **kwargs)

        read.__name__ = name
        return read

    for _name in (
        "__str__", "__repr__", "__format__", "__reduce__", "__reduce_ex__", "isoformat",
        "strftime", "ctime", "timestamp", "time", "timetz", "timetuple", "utctimetuple",
        "replace", "utcoffset", "dst", "tzname",
    ):  # fmt: skip
        locals()[_name] = _whole(_name)
    del _name

    def _whole_field(name: str):  # noqa: N805
        def read(self):
            self._note_whole(name)
            return getattr(self._plain, name)

        return property(read)

    minute = _whole_field("minute")
    second = _whole_field("second")
    microsecond = _whole_field("microsecond")
