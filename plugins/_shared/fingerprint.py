"""Fingerprints: short digests that change whenever what they describe changes.

Used to skip work whose inputs are the same as last time (plugins/render_memo
skips rendering pages; feeds, calendars, share kits and cards can skip theirs
the same way). A fingerprint may change when nothing relevant did (the cost is
redoing the work), never the other way round: a value this module cannot
describe raises Unfingerprintable, and the caller must then redo the work.

- FileDigests: sha256 of files, remembered by their stat (files.stat_signature) in memory and
  in a JSON file under CACHE_PATH, so an unchanged file is not read again.
- code_fingerprint: the theme, our plugins' code, settings and library versions.
- Fingerprinter: one build's digests of template values (content objects, lists,
  dicts, dataclasses, ...), each value computed once per build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import hashlib
import json
import os
import sys
import types
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.contents import Content, Static
from pelican.paginator import Page as PaginatorPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pydantic import BaseModel

from .files import stat_signature, write_atomically

DIGEST_BYTES = 16


class Unfingerprintable(Exception):
    """A value whose changes this module cannot see: redo whatever depends on it."""


def digest(*parts: bytes | str) -> str:
    """A short hex digest of parts, each length-prefixed so ("ab", "c") != ("a", "bc")."""
    hasher = hashlib.blake2b(digest_size=DIGEST_BYTES)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


# --- files ------------------------------------------------------------------------


def _stamp(stat: os.stat_result) -> list[int]:
    return list(stat_signature(stat))  # a list: as it comes back from the JSON file


class FileDigests:
    """sha256 of files, read again only when a file's stat changed (size, mtime, inode, ctime).

    Editors and git write a changed file with a new mtime (and usually a new
    inode), and any write moves ctime, which no tool sets back (`cp -p` keeps
    the size and mtime): git's index trusts the same stamp.
    """

    def __init__(self, store: Path | None = None):
        self.store = store
        self._known: dict[str, tuple[list[int], str]] = {}
        self._dirty = False
        if store is not None:
            try:
                loaded = json.loads(store.read_text(encoding="utf-8"))
                self._known = {path: (stamp, sha) for path, (stamp, sha) in loaded.items()}
            except (OSError, ValueError, TypeError):
                self._known = {}

    def of(self, path: str | Path) -> str:
        """The file's sha256 (hex); "missing" for a file that is not there."""
        key = os.path.abspath(path)
        try:
            stat = os.stat(key)
        except OSError:
            return "missing"
        stamp = _stamp(stat)
        known = self._known.get(key)
        if known is not None and known[0] == stamp:
            return known[1]
        with open(key, "rb") as handle:
            sha = hashlib.file_digest(handle, "sha256").hexdigest()
        self._known[key] = (stamp, sha)
        self._dirty = True
        return sha

    def save(self) -> None:
        if self.store is None or not self._dirty:
            return
        self.store.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({path: list(known) for path, known in self._known.items()})
        write_atomically(self.store, data.encode("utf-8"))
        self._dirty = False


def tree_files(root: str | Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    """Every file under root (sorted), optionally only those ending in one of suffixes."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if suffixes is None or name.endswith(suffixes):
                found.append(Path(folder) / name)
    return found


def files_fingerprint(paths: Iterable[Path], files: FileDigests, base: Path | None = None) -> str:
    """One digest of many files: their names (relative to base) and contents."""
    parts = []
    for path in paths:
        shown = str(path.relative_to(base)) if base is not None else str(path)
        parts += [shown, files.of(path)]
    return digest(*parts)


# --- code and settings ------------------------------------------------------------


def installed_distributions() -> list[str]:
    """Names and versions of every installed distribution (from the dist-info folder names)."""
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.update(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def stable(value, seen: frozenset = frozenset()) -> str:
    """A text that is the same for equal settings values across runs; raises Unfingerprintable."""
    if id(value) in seen:
        raise Unfingerprintable("a settings value refers to itself")
    seen = seen | {id(value)}
    if value is None or isinstance(value, (bool, int, float, str, bytes, decimal.Decimal, enum.Enum)):
        return repr(value)
    if isinstance(value, (dt.date, dt.time, dt.timedelta, ZoneInfo)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__}[{','.join(stable(v, seen) for v in value)}]"
    if isinstance(value, (set, frozenset)):
        return f"set[{','.join(sorted(stable(v, seen) for v in value))}]"
    if isinstance(value, dict):
        items = ",".join(f"{stable(k, seen)}:{stable(v, seen)}" for k, v in value.items())
        return f"{type(value).__name__}{{{items}}}"
    if isinstance(value, BaseModel):
        return f"{type(value).__qualname__}{stable(dict(value), seen)}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return f"{type(value).__qualname__}{stable(fields, seen)}"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type, types.ModuleType)):
        # Code: its text is in the code fingerprint; here only which one.
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value.__name__)}"
    if isinstance(value, functools.partial):
        return (
            f"partial({stable(value.func, seen)},{stable(value.args, seen)},{stable(value.keywords, seen)})"
        )
    if isinstance(value, Path):
        return repr(value)
    raise Unfingerprintable(type(value).__qualname__)


def settings_fingerprint(settings: dict, per_run: Iterable[str]) -> str:
    """Every setting except per_run ones (each read by name where it matters)."""
    skipped = set(per_run)
    parts = []
    for name in sorted(settings):
        if name not in skipped:
            try:
                parts.append(f"{name}={stable(settings[name])}")
            except Unfingerprintable as error:
                raise Unfingerprintable(f"{name} ({error})") from None
    return digest(*parts)


def code_fingerprint(roots: Iterable[Path], files: FileDigests) -> str:
    """Python and library versions, and every file under roots (plugins, theme, settings file)."""
    parts = [sys.version, *installed_distributions()]
    for root in roots:
        paths = tree_files(root) if root.is_dir() else [root]
        parts += [str(root), files_fingerprint(paths, files, root if root.is_dir() else None)]
    return digest(*parts)


# --- template values ---------------------------------------------------------------

# Content attributes left out: the whole context and the settings (in the build's
# global fingerprint), the body before its links are resolved (the resolved body is
# in instead) and a flag Pelican sets when the URL is read (as fingerprinting does).
_SKIPPED_ATTRIBUTES = {"_context", "settings", "_content", "_output_location_referenced"}
_SCALARS = (type(None), bool, int, float, str, bytes, decimal.Decimal, enum.Enum)
_TIMES = (dt.date, dt.time, dt.timedelta, ZoneInfo)
_PLAIN = _SCALARS + _TIMES  # described by their repr (Markup is a str)
_EXACT_PLAIN = frozenset({str, int, bool, float, type(None)})  # the most common, found without isinstance
_SEPARATOR = "\x00"  # between tokens; a repr never holds it unescaped


class Fingerprinter:
    """Digests of one build's template values; each object is digested once per build.

    Objects are remembered by id, and kept alive here so an id is never reused
    within the build. A content object (post, page, static file) is digested from
    its source file's bytes, its attributes and its resolved body; content objects
    it refers to (translations, neighbours set by plugins) join by their own digest,
    so references that form cycles are still described completely.
    """

    def __init__(self, files: FileDigests, kind_type: type | None = None):
        self.files = files
        self.kind_type = kind_type  # plugins.content_model's Kind: described by its slug
        self._memo: dict[int, str] = {}
        self._own: dict[int, tuple[str, set[int]]] = {}
        self._objects: dict[int, Content] = {}  # every content object met, by id
        self._records: dict[int, str | tuple[str, frozenset[int]]] = {}  # _record's tokens, by id
        self._alive: list = []

    def of(self, value) -> str:
        """The digest of a value; raises Unfingerprintable for a value it cannot describe."""
        if isinstance(value, _PLAIN):
            return digest(type(value).__name__, repr(value))
        key = id(value)
        known = self._memo.get(key)
        if known is None:
            known = self._memo[key] = self._compute(value)
            self._alive.append(value)
        return known

    def _compute(self, value) -> str:
        if isinstance(value, Content):
            return self._content(value)
        refs: set[int] = set()
        out: list[str] = []
        self._encode(value, refs, set(), out)
        own = digest(_SEPARATOR.join(out))
        if not refs:
            return own
        return digest(own, *(self.of(self._objects[ref]) for ref in sorted(refs, key=self._ref_order)))

    # Content objects are digested in two steps: their own data with references to other
    # content objects kept aside (refs), then that and the own data of every content
    # object reachable through refs, in a fixed order.
    def _content(self, content: Content) -> str:
        reached, queue = {id(content)}, [content]
        while queue:
            current = queue.pop()
            for ref in self._own_of(current)[1]:
                if ref not in reached:
                    reached.add(ref)
                    queue.append(self._objects[ref])
        ordered = sorted(reached, key=self._ref_order)
        return digest(*(self._own_of(self._objects[ref])[0] for ref in ordered))

    def _ref_order(self, ref: int) -> str:
        content = self._objects[ref]
        return f"{type(content).__name__}:{content.source_path}:{getattr(content, 'lang', '')}"

    def _own_of(self, content: Content) -> tuple[str, set[int]]:
        key = id(content)
        self._objects[key] = content
        known = self._own.get(key)
        if known is not None:
            return known
        self._alive.append(content)
        refs: set[int] = set()
        out = [type(content).__qualname__, self.files.of(content.source_path)]
        attributes = vars(content)
        for name in sorted(attributes):
            if name not in _SKIPPED_ATTRIBUTES:
                out.append(name)
                self._encode(attributes[name], refs, {key}, out)
        out += ["url", repr(str(content.url)), "save_as", repr(str(content.save_as))]
        if not isinstance(content, Static) and isinstance(content._content, str):
            out += ["content", repr(content.content)]  # links to other content resolved
        refs.discard(key)
        known = self._own[key] = (digest(_SEPARATOR.join(out)), refs)
        return known

    def _encode(self, value, refs: set[int], seen: set[int], out: list[str]) -> None:
        """Append tokens that describe a value inside another; content objects go to refs.

        Every token is an identifier, a marker, a repr (which escapes the separator) or
        the digest of a record's own tokens. seen holds the containers being described.
        """
        kind = type(value)
        if kind in _EXACT_PLAIN or isinstance(value, _PLAIN):
            out.append(f"{kind.__name__}:{value!r}")
            return
        if isinstance(value, Content):
            self._objects[id(value)] = value
            refs.add(id(value))
            out.append(f"ref:{kind.__name__}:{value.source_path!r}")
            return
        key = id(value)
        if key in seen:
            raise Unfingerprintable(f"{kind.__qualname__} refers to itself")
        if (kind is list or kind is tuple) and all(type(item) in _EXACT_PLAIN for item in value):
            out.append(f"{kind.__name__}:{value!r}")  # the repr of plain items says it all
            return
        if kind is dict and all(
            type(k) in _EXACT_PLAIN and type(v) in _EXACT_PLAIN for k, v in value.items()
        ):
            out.append(f"dict:{value!r}")
            return
        seen.add(key)
        try:
            if kind is list or kind is tuple or isinstance(value, (list, tuple)):
                out.append(f"({kind.__name__}")
                for item in value:
                    if type(item) in _EXACT_PLAIN:  # most items: no call
                        out.append(f"{type(item).__name__}:{item!r}")
                    else:
                        self._encode(item, refs, seen, out)
                out.append(")")
            elif isinstance(value, dict):
                out.append(f"{{{kind.__name__}")
                for name, item in value.items():
                    self._encode(name, refs, seen, out)
                    if type(item) in _EXACT_PLAIN:
                        out.append(f"{type(item).__name__}:{item!r}")
                    else:
                        self._encode(item, refs, seen, out)
                out.append("}")
            elif isinstance(value, (set, frozenset)):
                items = []
                for item in value:
                    tokens: list[str] = []
                    self._encode(item, refs, seen, tokens)
                    items.append(_SEPARATOR.join(tokens))
                out += ["(set", *sorted(items), ")"]
            else:
                out.append(self._record(value, refs, seen))
        finally:
            seen.discard(key)

    def _record(self, value, refs: set[int], seen: set[int]) -> str:
        """The token of an object that is not a container: records (dataclasses, models, our
        plugins' objects) by the digest of their own tokens, worked out once per build since
        many are shared (a platform by every caption, a kind by every post)."""
        key = id(value)
        known = self._records.get(key)
        if known is None:
            own_refs: set[int] = set()
            tokens: list[str] = []
            self._describe(value, own_refs, seen, tokens)
            token = f"record:{digest(_SEPARATOR.join(tokens))}"
            # Most records refer to no content object: kept as a bare string, which the
            # garbage collector need not look at (tens of thousands per build).
            known = self._records[key] = (token, frozenset(own_refs)) if own_refs else token
            self._alive.append(value)
        if isinstance(known, str):
            return known
        refs |= known[1]
        return known[0]

    def _describe(self, value, refs: set[int], seen: set[int], out: list[str]) -> None:
        kind = type(value)
        if self.kind_type is not None and isinstance(value, self.kind_type):
            out.append(f"kind:{value.slug!r}")  # its code is in the code fingerprint
        elif isinstance(value, URLWrapper):
            out.append(f"{kind.__name__}:{value.name!r}:{value.slug!r}:{str(value.url)!r}")
        elif isinstance(value, (PaginatorPage, Paginator)):
            out.append(kind.__qualname__)
            self._encode({k: v for k, v in vars(value).items() if k != "settings"}, refs, seen, out)
        elif isinstance(value, BaseModel):
            out.append(kind.__qualname__)
            self._encode(dict(value), refs, seen, out)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            # Its fields' names and order are code (in the code fingerprint): the values say the rest.
            out.append(f"{kind.__module__}.{kind.__qualname__}")
            self._encode(tuple(getattr(value, name) for name in _field_names(kind)), refs, seen, out)
        elif isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type, types.ModuleType)):
            out.append(f"code:{getattr(value, '__module__', '')}.{value.__qualname__}")
        elif isinstance(value, Path):
            out.append(f"Path:{str(value)!r}")
        elif kind.__module__.startswith("plugins.") and hasattr(value, "__dict__"):
            # One of our plugins' plain classes: its code is in the code fingerprint.
            out.append(kind.__qualname__)
            self._encode(dict(vars(value)), refs, seen, out)
        else:
            raise Unfingerprintable(f"{kind.__module__}.{kind.__qualname__}")


@functools.cache
def _field_names(dataclass_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(dataclass_type))
