"""Settings declared once: each plugin declares its own, one handler parses them all.

A plugin declares the setting it owns next to the model that describes it:

    declare("FEEDS", FeedSettings)

At `initialized`, parse_settings() validates every declared setting, refuses a
name nobody knows (Pelican ignores a typo such as TIMEZOME silently), and
replaces each settings[NAME] with its parsed, frozen value. Code reads it back
typed with setting(settings, FeedSettings); templates read it by name
(FEEDS.folder). Every problem of every setting comes out in one BuildStopped,
in Indonesian, naming the key, what is wrong and the fix.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, ClassVar, TypeVar, Union, get_args, get_origin

from pelican.settings import DEFAULT_CONFIG
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from .errors import BuildStopped

T = TypeVar("T")
REQUIRED: Any = object()  # a declaration without a default: leaving it out is a mistake


class SettingsModel(BaseModel):
    """A setting's model: frozen once parsed, no unknown keys, no silent type coercion."""

    # strict: "30" is not 30 and 1 is not True; staff see the mistake instead of a guess.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    # How to write the whole setting, shown when it is missing or not a dict at all.
    fix: ClassVar[str] = ""


# A list in pelicanconf.py, a tuple once parsed; the items stay strict.
Items = Annotated[tuple[T, ...], Field(strict=False)]


def problem(what: str, fix: str) -> PydanticCustomError:
    """A validation error whose Indonesian text the renderer shows as it is."""
    return PydanticCustomError("serambi", f"{what} {fix}")


_FOLDER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FOLDER_FIX = "Pakai huruf kecil, angka dan tanda hubung saja, tanpa garis miring, misalnya 'bahan-staf'."


def _folder(value: str) -> str:
    if not _FOLDER.match(value):
        raise problem(f"'{value}' bukan satu nama folder.", _FOLDER_FIX)
    return value


# An output folder at the top of the site: one plain name, safe in URLs and paths.
Folder = Annotated[str, AfterValidator(_folder), Field(description=_FOLDER_FIX)]


@dataclass(frozen=True)
class Declaration:
    name: str
    schema: Any
    adapter: TypeAdapter
    default: Any  # the raw value used when the setting is left out or None
    alias: str | None  # a second name the parsed value is stored under
    owner: str  # the module that declared it


_DECLARED: dict[str, Declaration] = {}


def declare(name: str, schema: Any, *, default: Any = REQUIRED, alias: str | None = None) -> None:
    """Declare the setting `name` and the model or type it is parsed into."""
    owner = sys._getframe(1).f_globals.get("__name__", "?")  # the declaring module, for conflicts
    known = _DECLARED.get(name)
    if known is not None and known.owner != owner:  # the same module again is a re-import
        msg = f"{name} is declared twice, by {known.owner} and {owner}"
        raise ValueError(msg)
    is_model = isinstance(schema, type) and issubclass(schema, BaseModel)
    adapter = TypeAdapter(schema) if is_model else TypeAdapter(schema, config=ConfigDict(strict=True))
    _DECLARED[name] = Declaration(name, schema, adapter, default, alias, owner)


def declared() -> dict[str, Declaration]:
    """Every declared setting by name."""
    return dict(_DECLARED)


# Documented Pelican settings that have no entry in DEFAULT_CONFIG.
PELICAN_WITHOUT_DEFAULT = frozenset(
    {
        "AUTHOR",
        "TIMEZONE",
        "FEED_DOMAIN",
        "SITESUBTITLE",
        "SITELOGO",
        "ARCHIVES_URL",
        "ARCHIVES_SAVE_AS",
        "AUTHORS_URL",
        "AUTHORS_SAVE_AS",
        "CATEGORIES_URL",
        "CATEGORIES_SAVE_AS",
        "TAGS_URL",
        "TAGS_SAVE_AS",
        "FEED_RSS",
        "FEED_ALL_RSS",
        "CATEGORY_FEED_RSS",
        "TAG_FEED_ATOM",
        "TAG_FEED_RSS",
        "TRANSLATION_FEED_RSS",
        "YEAR_ARCHIVE_URL",
        "MONTH_ARCHIVE_URL",
        "DAY_ARCHIVE_URL",
    }
)
# What the `pelican` command line writes into the settings (pelican.get_config);
# DEBUG always, WRITE_SELECTED from older command lines (Pelican warns itself).
PELICAN_COMMAND_LINE = frozenset(
    {
        "PATH",
        "OUTPUT_PATH",
        "THEME",
        "DELETE_OUTPUT_DIRECTORY",
        "LOAD_CONTENT_CACHE",
        "CACHE_PATH",
        "RELATIVE_URLS",
        "PORT",
        "BIND",
        "DEBUG",
        "WRITE_SELECTED",
    }
)


def known_names() -> frozenset[str]:
    """Every setting name a build may carry: Pelican's, its command line's, and the declared."""
    ours = {d.name for d in _DECLARED.values()} | {d.alias for d in _DECLARED.values() if d.alias}
    return frozenset(DEFAULT_CONFIG) | PELICAN_WITHOUT_DEFAULT | PELICAN_COMMAND_LINE | ours


def parse_settings(settings: dict) -> None:
    """Replace every declared setting by its parsed value, or raise one BuildStopped naming all problems.

    Running it again is harmless: a parsed model passes through unchanged.
    """
    lines = _unknown_names(settings)
    parsed: dict[str, Any] = {}
    for declaration in _DECLARED.values():
        value, problems = _parse(declaration, settings)
        lines += problems
        parsed[declaration.name] = value
    if lines:
        raise BuildStopped(_report(lines))
    for name, value in parsed.items():
        settings[name] = value
        if _DECLARED[name].alias:
            settings[_DECLARED[name].alias] = value


def on_initialized(pelican) -> None:
    """Pelican's `initialized` handler: parse every declared setting before content is read."""
    parse_settings(pelican.settings)


def setting(settings: dict, schema: type[T]) -> T:
    """The parsed setting declared with `schema`; parsed on the spot when still raw."""
    declaration = next((d for d in _DECLARED.values() if d.schema is schema), None)
    if declaration is None:
        msg = f"no setting is declared with {schema!r}"
        raise LookupError(msg)
    value = settings.get(declaration.name)
    if isinstance(value, schema):
        return value
    return parse_one(declaration.name, settings)


def parse_one(name: str, settings: dict) -> Any:
    """The declared setting `name` parsed from settings, or BuildStopped naming its problems."""
    value, problems = _parse(_DECLARED[name], settings)
    if problems:
        raise BuildStopped(_report(problems))
    return value


def _parse(declaration: Declaration, settings: dict) -> tuple[Any, list[str]]:
    """The parsed value and no lines, or None and the lines naming its problems."""
    name = declaration.name
    if name not in settings and declaration.default is REQUIRED:
        fix = _hint_at(declaration.schema, ())
        return None, [f"{name}: belum diisi. {fix or 'Tambahkan pengaturan ini.'}".rstrip()]
    raw = settings.get(name)
    if raw is None and declaration.default is not REQUIRED:
        raw = declaration.default
    try:
        # Validators that need another setting (the logo needs PATH) read it from the context.
        return declaration.adapter.validate_python(raw, context={"settings": settings}), []
    except ValidationError as error:
        return None, [_line(declaration, item) for item in _meaningful(error.errors(include_url=False))]


def _meaningful(errors: list[dict]) -> list[dict]:
    """The errors without "too few items" on a list whose items are already named as wrong."""

    # pydantic counts only the valid items, so ['jumaat'] would also read as "empty".
    def has_item_errors(loc: tuple) -> bool:
        return any(len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == loc for e in errors)

    return [e for e in errors if not (e["type"] == "too_short" and has_item_errors(tuple(e["loc"])))]


def _unknown_names(settings: dict) -> list[str]:
    known = known_names()
    lines = []
    for name in sorted(set(settings) - known, key=str):
        lines.append(
            f"{name}: pengaturan ini tidak dikenal.{_guess(str(name), known)} Hapus atau perbaiki ejaannya."
        )
    return lines


def _guess(written: str, known: Any) -> str:
    guess = difflib.get_close_matches(written, sorted(known), n=1)
    return f" Mungkin maksudnya '{guess[0]}'?" if guess else ""


def _report(lines: list[str]) -> str:
    return "Pengaturan situs bermasalah (pelicanconf.py, publishconf.py atau -e):\n  - " + "\n  - ".join(
        lines
    )


# --- turning pydantic's errors into Indonesian lines ------------------------------------

_REASONS = {
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "bool_type": "harus True atau False",
    "string_type": "harus teks di antara tanda kutip",
    "float_type": "harus angka",
    "tuple_type": "harus daftar [ ]",
    "list_type": "harus daftar [ ]",
    "dict_type": "harus berupa kamus (dict)",
    "model_type": "harus berupa kamus (dict)",
    "model_attributes_type": "harus berupa kamus (dict)",
    "greater_than_equal": "terlalu kecil (paling kecil {ge})",
    "less_than_equal": "terlalu besar (paling besar {le})",
    "greater_than": "terlalu kecil (harus lebih dari {gt})",
    "less_than": "terlalu besar (harus kurang dari {lt})",
    "too_short": "terlalu sedikit isinya (paling sedikit {min_length})",
    "string_too_short": "terlalu pendek (paling sedikit {min_length} karakter)",
    "string_too_long": "terlalu panjang (paling banyak {max_length} karakter)",
    "string_pattern_mismatch": "tidak sesuai bentuk yang diminta",
    "literal_error": "harus salah satu dari {expected}",
    "none_required": "harus None",
}


def _line(declaration: Declaration, error: dict) -> str:
    """One Indonesian line for one pydantic error: where, what is wrong, the fix."""
    loc = tuple(error["loc"])
    where = declaration.name + "".join(f"[{p}]" if isinstance(p, int) else f"['{p}']" for p in loc)
    kind = error["type"]
    if kind == "serambi":
        return f"{where}: {error['msg']}"
    if kind in ("value_error", "assertion_error"):
        return f"{where}: {error['ctx']['error']}"
    if kind == "extra_forbidden":
        keys = _keys_at(declaration.schema, loc[:-1])
        hint = _guess(str(loc[-1]), keys) if keys else ""
        known = f" Kunci yang dikenal: {', '.join(keys)}." if keys and not hint else ""
        return f"{where}: kunci ini tidak dikenal.{hint} Hapus atau perbaiki ejaannya.{known}"
    fix = _hint_at(declaration.schema, loc)
    if kind == "missing":
        return f"{where}: belum diisi; tambahkan kunci ini. {fix}".rstrip()
    reason = _REASONS.get(kind)
    if reason is None:
        reason = "tidak sah"
    else:
        reason = reason.format(**{k: _number(v) for k, v in (error.get("ctx") or {}).items()})
    return f"{where}: {_shown(error.get('input'))} {reason}. {fix}".rstrip()


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def _unwrap(annotation: Any) -> tuple[Any, str]:
    """The type inside Annotated and Optional, and the fix text found on the way."""
    fix = ""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *metadata = get_args(annotation)
            # Nested Annotated are flattened, innermost first: the outermost text wins.
            fix = next(
                (m.description for m in reversed(metadata) if isinstance(m, FieldInfo) and m.description), fix
            )
        elif origin in (Union, UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation, fix
            annotation = members[0]
        else:
            if isinstance(annotation, type) and issubclass(annotation, SettingsModel):
                fix = fix or annotation.fix
            return annotation, fix


def _walk(schema: Any, loc: tuple) -> tuple[Any, str]:
    """The type at loc inside schema and the most specific fix text on the way."""
    current, fix = _unwrap(schema)
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
            if field is None:
                return None, fix
            current, inner = _unwrap(field.annotation)
            fix = field.description or inner or fix
        elif isinstance(part, int) and get_origin(current) in (tuple, list):
            current, inner = _unwrap(get_args(current)[0])
            fix = inner or fix
        elif get_origin(current) is dict and isinstance(part, str):
            current, inner = _unwrap(get_args(current)[1])
            fix = inner or fix
        else:
            return None, fix
    return current, fix


def _hint_at(schema: Any, loc: tuple) -> str:
    return _walk(schema, loc)[1]


def _keys_at(schema: Any, loc: tuple) -> list[str]:
    model, _ = _walk(schema, loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [field.alias or name for name, field in model.model_fields.items()]
    return []
