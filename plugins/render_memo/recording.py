"""Which inputs a template render reads: top-level names, and parts of some values.

Jinja resolves every name a template (its blocks, the templates it extends or
includes, macros imported with context, `pass_context` globals such as
head_meta) does not define itself through Context.resolve_or_missing. This
context class notes each such name while a recording is open.

Some values are handed to the template behind a proxy that notes which parts
are read, so a page depends on what it shows and not on all of it:

- an object of one of our plugins (the feed catalogue): its attributes, so
  `feeds.page` depends on the page's address, not on every feed item;
- Pelican's paginators (articles_page, articles_paginator): their attributes,
  and what their methods return (they only read the page and change nothing),
  so a listing's page 3 does not depend on the posts of page 1;
- a plain dict with string keys (latest_by_kind, listing_cards): `slug in d`
  and `d.get(slug)` / `d[slug]` depend on that key only;
- a list or tuple of content objects (articles, a page's object_list), or of
  lists and tuples that hold some (tags: (tag, posts) pairs): its length, and
  each item by its position, a content object traced by attribute, so a
  listing that filters all posts by kind depends on every post's kind, and
  only on the titles it shows;
- a moment handed to the template by name (BUILD_MOMENT): how it compares
  with each moment it is compared with, its parts (year) and what its plain
  methods return (weekday()), also in another zone (astimezone), so a page that
  marks past sessions depends on which sessions are past, not on the clock.
  Builds on the clock run at a new moment every time; without this every page
  (its footer reads the year) would be rendered again by every build. This
  one is a datetime itself (a subclass with every part and method traced):
  C code handed it (zoneinfo, Babel through it) reads its true fields.

What such a proxy hands out that is again of those kinds is traced in turn.
Any other use (printing, comparing, a method, a dunder) notes the whole value.
Proxies pass isinstance checks (they answer __class__).

A noted input is a path: the top-level name, then steps joined by SEP, each
"." + attribute, "[" + key (the item, MISSING when absent), "?" + key (whether
the key is there), "(" + the repr of a call's arguments (what it returned),
"#" (a sequence's or dict's length), "#" + position (that item, MISSING past the end),
after `fold`, "*" (the rest of the path for every item), and for moments a
comparison ("<", "{" for <=, ">", "}" for >=, "=", "!" for !=) with the other
moment (whether it holds: its wall time, zone key and fold, as two moments of one
zone compare by wall time) or "@" + a zone's key (the moment there).
`value_at` reads the value a path stands for.
"""

from __future__ import annotations

import ast
import contextlib
import contextvars
import datetime as dt
import enum
import functools
import operator
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from jinja2 import Environment
from jinja2.runtime import Context
from pelican.contents import Content
from pelican.paginator import Page as PaginatorPage
from pelican.paginator import Paginator
from pydantic import BaseModel

from plugins._shared.clock import untracked

_names: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("render_memo_names", default=None)

SEP = "\x1f"  # never in a Jinja name
CLASS = "__class__"  # the attribute noted when only an object's type was observed
ABSENT = object()  # what "[" + key stands for when the key is not there
EVERY = "*"  # the step fold puts for many positions of one sequence
FOLD_OVER = 8  # positions of one sequence read the same way before fold reads them all
# Classes whose methods only read the object and change nothing: a call is an input.
_PURE = (PaginatorPage, Paginator)
_CALL_ARGUMENTS = (int, str, bool, type(None))  # arguments a path can carry (repr, literal_eval)
# A moment's comparisons as steps: the method Python calls on the moment, and its step.
_COMPARED = {"__lt__": "<", "__le__": "{", "__gt__": ">", "__ge__": "}", "__eq__": "=", "__ne__": "!"}
_COMPARISONS = {step: getattr(operator, method) for method, step in _COMPARED.items()}  # replayed
_MOMENT_PARTS = frozenset(
    {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}
)
_MOMENT_QUERIES = frozenset(
    {"weekday", "isoweekday", "isocalendar", "date", "time", "timetz", "toordinal", "timestamp"}
    | {"isoformat", "strftime", "ctime", "utcoffset", "tzname", "dst"}
)
_MOMENT_WHOLE = frozenset(
    {"__str__", "__repr__", "__format__", "__hash__", "__add__", "__sub__", "__reduce__", "__reduce_ex__"}
    | {"replace", "timetuple", "utctimetuple"}
)


def _traced_object(value) -> bool:
    """Objects of our plugins' own classes; settings models and containers are taken whole."""
    return isinstance(value, _PURE) or (
        type(value).__module__.startswith("plugins.")
        and not isinstance(value, (BaseModel, dict, list, tuple, set, frozenset, str, type))
        and not callable(value)
    )


def _traced_mapping(value) -> bool:
    return type(value) is dict and all(isinstance(key, str) for key in value)


def _traced_sequence(value, depth: int = 3) -> bool:
    """A list or tuple holding content objects, or lists and tuples that do (tags: (tag, posts))."""
    if depth == 0 or type(value) not in (list, tuple):
        return False
    return any(isinstance(item, Content) or _traced_sequence(item, depth - 1) for item in value)


def traced(value, path: str, names: set[str]):
    """The value as handed to the template: behind a proxy when its parts can be traced."""
    # the build's moment (a tracked datetime, clock.py) too: untracked() gives its plain self
    if type(untracked(value)) is dt.datetime and SEP not in path and value.tzinfo is not None:
        return _Moment(value, path, names)
    if _traced_mapping(value):
        return _Mapping(value, path, names)
    if _traced_sequence(value):
        return _Sequence(value, path, names)
    if _traced_object(value):
        return _Attributes(value, path, names)
    names.add(path)
    return value


class RecordingContext(Context):
    def resolve_or_missing(self, key: str):
        value = super().resolve_or_missing(key)
        if key in self.vars:  # a template's own {% set %} is not an input
            return value
        names = _names.get()
        if names is None or isinstance(value, (_Proxy, _Moment)):  # the latter: seen through an include
            return value
        return traced(value, key, names)


class _Proxy:
    __slots__ = ("_target", "_path", "_names")

    def __init__(self, target, path: str, names: set[str]):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_names", names)

    def _note(self, step: str | None = None) -> None:
        path = object.__getattribute__(self, "_path")
        object.__getattribute__(self, "_names").add(path if step is None else path + SEP + step)

    def _hand_out(self, step: str, value):
        path = object.__getattribute__(self, "_path") + SEP + step
        return traced(value, path, object.__getattribute__(self, "_names"))

    @property
    def __class__(self):
        self._note("." + CLASS)
        return type(object.__getattribute__(self, "_target"))

    def __setattr__(self, attribute: str, value) -> None:
        setattr(object.__getattribute__(self, "_target"), attribute, value)


def _whole(method: str):
    def use(self, *args, **kwargs):
        _Proxy._note(self)
        return getattr(object.__getattribute__(self, "_target"), method)(*args, **kwargs)

    use.__name__ = method
    return use


_WHOLE = [
    "__str__",
    "__repr__",
    "__eq__",
    "__ne__",
    "__hash__",
    "__iter__",
    "__len__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__format__",
    "__call__",
    "__reversed__",
]


class _Attributes(_Proxy):
    __slots__ = ()

    def __getattr__(self, attribute: str):
        target = object.__getattribute__(self, "_target")
        if attribute.startswith("__"):
            self._note()
            return getattr(target, attribute)
        try:
            value = getattr(target, attribute)
        except AttributeError:
            self._note("." + attribute)  # its absence is an input too
            raise
        if getattr(value, "__self__", None) is target:  # a method reads the object as it likes
            if isinstance(target, _PURE):
                return _Call(value, self, "." + attribute)
            self._note()
            return value
        return self._hand_out("." + attribute, value)

    def __bool__(self) -> bool:
        target = object.__getattribute__(self, "_target")
        if hasattr(type(target), "__bool__") or hasattr(type(target), "__len__"):
            self._note()
            return bool(target)
        self._note("." + CLASS)  # an object without __bool__ or __len__ is always true
        return True

    def __contains__(self, item) -> bool:
        self._note()
        return item in object.__getattribute__(self, "_target")

    def __getitem__(self, key):
        target = object.__getattribute__(self, "_target")
        if not hasattr(type(target), "__getitem__"):  # Jinja tries obj[name] before obj.name
            self._note("." + CLASS)
            raise TypeError(f"{type(target).__name__} object is not subscriptable")
        self._note()
        return target[key]


class _Call:
    """A method of a _PURE object or a moment: what a call with plain arguments returns is the input."""

    __slots__ = ("_method", "_owner", "_step")

    def __init__(self, method, owner: _Proxy | _Moment, step: str):
        self._method, self._owner, self._step = method, owner, step

    def __call__(self, *args, **kwargs):
        if kwargs or any(type(arg) not in _CALL_ARGUMENTS for arg in args):
            _Proxy._note(self._owner)
            return self._method(*args, **kwargs)
        return self._owner._hand_out(self._step + SEP + "(" + repr(args), self._method(*args))


class _Sequence(_Proxy):
    """A list or tuple holding content objects: its length, and its items by position."""

    __slots__ = ()

    def _item(self, index: int):
        path = object.__getattribute__(self, "_path") + SEP + f"#{index}"
        item = object.__getattribute__(self, "_target")[index]
        names = object.__getattribute__(self, "_names")
        return _Attributes(item, path, names) if isinstance(item, Content) else traced(item, path, names)

    def _length(self) -> int:
        self._note("#")
        length = len(object.__getattribute__(self, "_target"))
        names = object.__getattribute__(self, "_names")
        if isinstance(names, Reads):
            names.lengths[object.__getattribute__(self, "_path")] = length
        return length

    def __len__(self) -> int:
        return self._length()

    def __bool__(self) -> bool:
        return self._length() > 0

    def __iter__(self):
        return (self._item(index) for index in range(self._length()))

    def __reversed__(self):
        return (self._item(index) for index in reversed(range(self._length())))

    def __getitem__(self, key):
        positions = range(self._length())
        if isinstance(key, slice):
            return type(object.__getattribute__(self, "_target"))(self._item(i) for i in positions[key])
        if isinstance(key, int) and not isinstance(key, bool):
            return self._item(positions[key])
        self._note()
        return object.__getattribute__(self, "_target")[key]

    def __contains__(self, item) -> bool:
        self._note()
        return item in object.__getattribute__(self, "_target")

    def __getattr__(self, attribute: str):  # index(), count(), ...
        self._note()
        return getattr(object.__getattribute__(self, "_target"), attribute)


class _Mapping(_Proxy):
    __slots__ = ()

    def __contains__(self, key) -> bool:
        target = object.__getattribute__(self, "_target")
        if not isinstance(key, str):
            self._note()
        else:
            self._note("?" + key)
        return key in target

    def __getitem__(self, key):
        target = object.__getattribute__(self, "_target")
        if not isinstance(key, str):
            self._note()
            return target[key]
        if key not in target:
            self._note("?" + key)
            raise KeyError(key)
        return self._hand_out("[" + key, target[key])

    def get(self, key, default=None):
        target = object.__getattribute__(self, "_target")
        if not isinstance(key, str):
            self._note()
            return target.get(key, default)
        if key not in target:
            self._note("?" + key)
            return default
        return self._hand_out("[" + key, target[key])

    def __bool__(self) -> bool:
        return len(self) > 0

    def __len__(self) -> int:
        self._note("#")
        return len(object.__getattribute__(self, "_target"))

    def __getattr__(self, attribute: str):  # keys(), items(), values(), copy(), ...
        self._note()
        return getattr(object.__getattribute__(self, "_target"), attribute)


class _Moment(dt.datetime):
    """An aware moment handed to the template by name: its comparisons, parts and queries.

    A real datetime (the same fields), not a wrapper: C code that reads a datetime's
    fields directly (zoneinfo's utcoffset, datetime.combine) then reads true values
    instead of a wrapper's memory. Every method and part a datetime has is overridden
    here, so each use notes its step or the whole moment. Not noted: what C code reads
    from the fields themselves, datetime.combine(moment, time) (its date) and zoneinfo
    (fold, which only a zone with daylight saving time needs).
    """

    __slots__ = ("_target", "_path", "_names")

    def __new__(cls, moment: dt.datetime, path: str, names: set[str]):
        plain = untracked(moment)  # its fields, not a use of the build's moment (clock.py)
        fields = (plain.year, plain.month, plain.day, plain.hour, plain.minute, plain.second)
        self = super().__new__(cls, *fields, plain.microsecond, plain.tzinfo, fold=plain.fold)
        self._target, self._path, self._names = moment, path, names
        return self

    _note = _Proxy._note
    _hand_out = _Proxy._hand_out

    def astimezone(self, zone=None):
        if isinstance(zone, ZoneInfo) and zone.key:
            return _Moment(self._target.astimezone(zone), self._path + SEP + "@" + zone.key, self._names)
        self._note()
        return self._target.astimezone(zone)


def _plain(value):
    """The moment behind a _Moment, read whole (two moments met); any other value as it is."""
    if type(value) is _Moment:
        value._note()
        return value._target
    return value


def _described(moment) -> str | None:
    """A moment as a comparison step's text, which `_rebuilt` turns back into the same moment
    (wall time, zone and fold: two moments in one zone compare by wall time); None if it can't."""
    if type(moment) is not dt.datetime or moment.tzinfo is None:
        return None
    zone = moment.tzinfo
    if isinstance(zone, ZoneInfo):
        return f"{moment.replace(tzinfo=None).isoformat()} {zone.key} {moment.fold}" if zone.key else None
    return moment.isoformat() if isinstance(zone, dt.timezone) else None


def _rebuilt(text: str) -> dt.datetime:
    wall, _, rest = text.partition(" ")
    if not rest:
        return dt.datetime.fromisoformat(wall)
    key, _, fold = rest.partition(" ")
    return dt.datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(key), fold=int(fold))


def _compared(method: str, step: str):
    compare_with = getattr(operator, method)

    def compare(self, other):
        other = _plain(other)
        result = compare_with(self._target, other)
        described = _described(other)
        # What value_at will replay must be what was seen: anything else counts as the whole moment.
        if described is not None and compare_with(self._target, _rebuilt(described)) == result:
            self._note(step + described)
        else:
            self._note()
        return result

    compare.__name__ = method
    return compare


def _part(name: str):
    return property(lambda self: self._hand_out("." + name, getattr(self._target, name)))


def _query(name: str):
    """A plain method (weekday, isoformat): a _Call, as for a _PURE object's methods."""
    return property(lambda self: _Call(getattr(self._target, name), self, "." + name))


def _whole_moment(name: str, reflected: bool = False):
    """A use that shows the whole moment (printing, arithmetic, pickling): done on the plain one."""

    def use(self, *args, **kwargs):
        self._note()
        args = tuple(_plain(arg) for arg in args)
        if reflected:  # other - moment
            return getattr(operator, name.replace("__r", "__", 1))(args[0], self._target)
        return getattr(self._target, name)(*args, **kwargs)

    use.__name__ = name
    return use


for _method, _step in _COMPARED.items():
    setattr(_Moment, _method, _compared(_method, _step))
for _name in _MOMENT_PARTS:
    setattr(_Moment, _name, _part(_name))
for _name in _MOMENT_QUERIES:
    setattr(_Moment, _name, _query(_name))
for _name in _MOMENT_WHOLE:
    setattr(_Moment, _name, _whole_moment(_name))
for _name in ("__radd__", "__rsub__"):
    setattr(_Moment, _name, _whole_moment(_name, reflected=True))

for _proxy in (_Attributes, _Mapping, _Sequence):
    for _method in _WHOLE + ["__add__", "__radd__", "__mul__", "__rmul__"]:
        if _method not in vars(_proxy):
            setattr(_proxy, _method, _whole(_method))


def value_at(value, steps: str, known: dict | None = None):
    """The value a path's steps (after its top-level name) stand for; ABSENT for a missing item.

    known, when given, keeps each item's part of an EVERY path by rest and item: the posts of
    a listing page show up in several listings, and a post's url takes a while to work out.
    """
    parts = steps.split(SEP)
    for at, step in enumerate(parts):
        op, arg = step[0], step[1:]
        if op == ".":
            value = type(value) if arg == CLASS else getattr(value, arg)
        elif op == "[":
            value = value.get(arg, ABSENT) if isinstance(value, dict) else ABSENT
        elif op == "?":
            return isinstance(value, dict) and arg in value
        elif op == "(":
            value = value(*_arguments(arg))
        elif op in _COMPARISONS:
            return _COMPARISONS[op](value, _rebuilt(arg))
        elif op == "@":
            value = value.astimezone(ZoneInfo(arg))
        elif step == "#":
            return len(value) if isinstance(value, (list, tuple, dict)) else ABSENT
        elif not isinstance(value, (list, tuple)):  # a position or EVERY on what is no longer a sequence
            return ABSENT
        elif op == EVERY:
            rest = SEP.join(parts[at + 1 :])
            if known is None:
                return tuple(_part_of(item, rest) for item in value)
            return tuple(_known_part_of(item, rest, known) for item in value)
        else:
            value = value[int(arg)] if int(arg) < len(value) else ABSENT
        if value is ABSENT:
            return value
    return value


@functools.lru_cache(maxsize=1024)
def _arguments(text: str) -> tuple:
    """A call step's arguments (few distinct ones, read for every page checked)."""
    return ast.literal_eval(text)


def _known_part_of(item, steps: str, known: dict):
    by_item = known.get(steps)
    if by_item is None:
        by_item = known[steps] = {}
    key = id(item)  # the caller keeps the items alive while known is used
    if key not in by_item:
        by_item[key] = _part_of(item, steps)
    return by_item[key]


class Lacking(enum.Enum):
    """What an item lacking the part of an EVERY path stands as (an enum: fingerprinted by name)."""

    PART = "lacking"


def _part_of(item, steps: str):
    """One item's part in an EVERY path, or Lacking.PART."""
    try:
        found = value_at(item, steps)
    except AttributeError:
        return Lacking.PART
    return Lacking.PART if found is ABSENT else found


def fold(paths: set[str]) -> set[str]:
    """Fewer paths that cover the same: one part read of every item of a sequence, or of more
    than FOLD_OVER, becomes that part of every item; an attribute of fewer items, those items
    whole; and a part of a value read whole goes.

    `articles #3 .kind .slug`, `articles #4 .kind .slug`, ... become `articles * .kind .slug`
    (a filter looked at every post's kind); `pages #2 .url` becomes `pages #2`.
    """
    return _uncovered(_every(_uncovered(paths), getattr(paths, "lengths", {})))


def _uncovered(paths: set[str]) -> set[str]:
    """The paths no other path of the set is a beginning of: a value's fingerprint covers its parts."""
    return {
        path for path in paths if not any(path[:at] in paths for at in range(len(path)) if path[at] == SEP)
    }


def _every(paths: set[str], lengths: dict[str, int]) -> set[str]:
    """A part read of every item or of many becomes that part of every item; an attribute of
    a few, those items whole (each fingerprinted once per build, cheaper to check than parts)."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for path in paths:
        steps = path.split(SEP)
        for at, step in enumerate(steps):
            if step[:1] == "#" and step[1:].isdigit():
                item = SEP.join(steps[: at + 1])
                groups.setdefault((SEP.join(steps[:at]), SEP.join(steps[at + 1 :])), []).append((path, item))
                break
    folded = set(paths)
    for (sequence, rest), members in groups.items():
        everywhere = len(members) == lengths.get(sequence)  # a filter, or a whole listing shown
        if rest and (everywhere or len(members) > FOLD_OVER):
            folded.difference_update(path for path, _item in members)
            folded.add(sequence + SEP + EVERY + SEP + rest)
        elif rest.startswith("."):  # an attribute of a few items (posts shown): those items whole
            folded.difference_update(path for path, _item in members)
            folded.update(item for _path, item in members)
    for (sequence, rest), members in groups.items():
        if not rest and len(members) > FOLD_OVER:  # many items whole: the sequence whole
            folded.difference_update(item for _path, item in members)
            folded.add(sequence)
    return folded


def install(environment: Environment) -> None:
    """Make the environment's renders recordable (once; idempotent)."""
    current = environment.context_class
    if not issubclass(current, RecordingContext):
        environment.context_class = type("Recording" + current.__name__, (RecordingContext, current), {})


class Reads(set):
    """The paths a render read, and the length of each sequence it went through."""

    def __init__(self, *args):
        super().__init__(*args)
        self.lengths: dict[str, int] = {}


@contextlib.contextmanager
def recording() -> Iterator[Reads]:
    """The paths read by the renders inside the block."""
    names = Reads()
    token = _names.set(names)
    try:
        yield names
    finally:
        _names.reset(token)
