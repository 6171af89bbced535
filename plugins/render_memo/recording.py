"""Which inputs a template render reads: top-level names, and parts of some values.

Jinja resolves every name a template (its blocks, the templates it extends or
includes, macros imported with context, `pass_context` globals such as
head_meta) does not define itself through Context.resolve_or_missing. This
context class notes each such name while a recording is open.

Two kinds of values are handed to the template behind a proxy that notes which
parts are read, so a page depends on what it shows and not on all of it:

- an object of one of our plugins (the feed catalogue): its attributes, so
  `feeds.page` depends on the page's address, not on every feed item;
- a plain dict with string keys (latest_by_kind, listing_cards): `slug in d`
  and `d.get(slug)` / `d[slug]` depend on that key only.

What such a proxy hands out that is again of those kinds is traced in turn.
Any other use (printing, comparing, iterating, len, a method, a dunder) notes
the whole value. Proxies pass isinstance checks (they answer __class__).

A noted input is a path: the top-level name, then steps joined by SEP, each
"." + attribute, "[" + key (the item, MISSING when absent) or "?" + key (whether
the key is there). `value_at` reads the value a path stands for.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from jinja2 import Environment
from jinja2.runtime import Context
from pydantic import BaseModel

_names: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("render_memo_names", default=None)

SEP = "\x1f"  # never in a Jinja name
CLASS = "__class__"  # the attribute noted when only an object's type was observed
ABSENT = object()  # what "[" + key stands for when the key is not there


def _traced_object(value) -> bool:
    """Objects of our plugins' own classes; settings models and containers are taken whole."""
    return (
        type(value).__module__.startswith("plugins.")
        and not isinstance(value, (BaseModel, dict, list, tuple, set, frozenset, str, type))
        and not callable(value)
    )


def _traced_mapping(value) -> bool:
    return type(value) is dict and all(isinstance(key, str) for key in value)


def traced(value, path: str, names: set[str]):
    """The value as handed to the template: behind a proxy when its parts can be traced."""
    if _traced_mapping(value):
        return _Mapping(value, path, names)
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
        if names is None or isinstance(value, _Proxy):  # the latter: seen through an include
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
        self._note()
        return object.__getattribute__(self, "_target")[key]


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
        self._note()
        return bool(object.__getattribute__(self, "_target"))

    def __getattr__(self, attribute: str):  # keys(), items(), values(), copy(), ...
        self._note()
        return getattr(object.__getattribute__(self, "_target"), attribute)


for _method in _WHOLE:
    setattr(_Attributes, _method, _whole(_method))
    setattr(_Mapping, _method, _whole(_method))


def value_at(value, steps: str):
    """The value a path's steps (after its top-level name) stand for; ABSENT for a missing item."""
    for step in steps.split(SEP):
        op, arg = step[0], step[1:]
        if op == ".":
            value = type(value) if arg == CLASS else getattr(value, arg)
        elif op == "[":
            value = value.get(arg, ABSENT) if isinstance(value, dict) else ABSENT
        else:  # "?"
            return isinstance(value, dict) and arg in value
        if value is ABSENT:
            return value
    return value


def install(environment: Environment) -> None:
    """Make the environment's renders recordable (once; idempotent)."""
    current = environment.context_class
    if not issubclass(current, RecordingContext):
        environment.context_class = type("Recording" + current.__name__, (RecordingContext, current), {})


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """The paths read by the renders inside the block."""
    names: set[str] = set()
    token = _names.set(names)
    try:
        yield names
    finally:
        _names.reset(token)
