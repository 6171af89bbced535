"""Card layouts: the TOML files in theme/cards/, read, merged and checked once.

A layout file has one table per card size ([link], [square], [portrait],
[story]); in each, one table per element, drawn in order of `layer` and then
of the file. `extends = "teks"` starts from another layout and changes only
what it names. A mistake stops the build with the file and the key named.
theme/cards/README.md describes every key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plugins._shared.errors import BuildStopped
from plugins.content_model.kinds import DEFAULT as DEFAULT_KINDS

from .colors import HEX, MIN_CONTRAST, contrast_of
from .text import Style, lines_that_fit

SIZES: dict[str, tuple[int, int]] = {
    "link": (1200, 630),
    "square": (1080, 1080),
    "portrait": (1080, 1350),
    "story": (1080, 1920),
}
LISTING = "daftar"  # the "kind" of listing pages (home, archives, tags, ...)
ANY_POST = "*"  # in default_for: every kind of post that no other layout names


def layout_kinds(kinds=DEFAULT_KINDS) -> tuple[str, ...]:
    """What default_for may name: each kind of post, pages, and listings."""
    return (*kinds.posts, kinds.page.slug, LISTING)


TEXT_SOURCES = (
    "site_name",
    "tagline",
    "address",
    "hashtags",
    "label",
    "title",
    "summary",
    "datetime",
    "old_datetime",
    "place",
    "status",
    "reminder",
    "partners",
    "day",
    "month",
    "weekday",
    "month_year",
    "book_title",
    "book_author",
    "book_details",
    "series",
    "excerpt",
)
IMAGE_SOURCES = ("image", "background")
FACTS = TEXT_SOURCES + IMAGE_SOURCES

TOP_KEYS = {"description", "extends", "default_for", "photo", *SIZES}

# Elements drawn under the others unless they say otherwise (layer).
DEFAULT_LAYERS = {
    "fill": 0,
    "pattern": 5,
    "image": 10,
    "gradient": 20,
    "shape": 30,
    "logo": 50,
    "text": 50,
    "stack": 50,
}
# Elements that carry content: they must never overlap each other.
FOREGROUND = {"text", "stack", "logo"}


# --- what each element type accepts ------------------------------------------------


@dataclass(frozen=True)
class Key:
    kind: str  # box, color, number, fraction, int, bool, choice, text, pair, sizes, names, facts
    default: Any = None
    required: bool = False
    choices: tuple = ()
    low: float = 0
    high: float = 10_000


COMMON = {
    "type": Key("choice", required=True, choices=tuple(DEFAULT_LAYERS)),
    "requires": Key("facts", ()),
    "unless": Key("facts", ()),
    "show": Key("bool", True),
    "layer": Key("int", None, low=-100, high=100),
}
TYPES: dict[str, dict[str, Key]] = {
    "fill": {"box": Key("box"), "color": Key("color", required=True), "opacity": Key("fraction", 1.0)},
    "shape": {
        "box": Key("box", required=True),
        "color": Key("color", required=True),
        "opacity": Key("fraction", 1.0),
        "shape": Key("choice", "rect", choices=("rect", "ellipse")),
        "radius": Key("int", 0, high=2000),
    },
    "pattern": {
        "box": Key("box", required=True),
        "color": Key("color", required=True),
        "opacity": Key("fraction", 1.0),
        "motif": Key("choice", "stripes", choices=("stripes", "dots", "lines", "grid")),
        "spacing": Key("int", 40, low=4, high=1000),
        "weight": Key("int", 8, low=1, high=500),
    },
    "gradient": {
        "box": Key("box", required=True),
        "color": Key("color", required=True),
        "direction": Key("choice", "right", choices=("right", "left", "down", "up")),
        "from": Key("fraction", 1.0),
        "to": Key("fraction", 0.0),
        "start": Key("fraction", 0.0),
    },
    "image": {
        "box": Key("box", required=True),
        "source": Key("choice", required=True, choices=IMAGE_SOURCES),
        "fit": Key("choice", "cover", choices=("cover", "contain")),
        "focus": Key("pair", None, high=1),  # none: the post's card_focus, else the most detailed part
        "align": Key("choice", "center", choices=("center", "left", "right", "top", "bottom")),
        "shadow": Key("bool", False),
        "radius": Key("int", 0, high=500),
        "frame": Key("color", None),
        "frame_width": Key("int", 0, high=100),
    },
    "logo": {
        "box": Key("box", required=True),
        "backdrop": Key("color", None),
        "padding": Key("int", 0, high=500),
    },
    "text": {
        "box": Key("box"),
        "source": Key("choice", None, choices=TEXT_SOURCES),
        "text": Key("text", None),
        "font": Key("choice", "regular", choices=("regular", "bold")),
        "size": Key("sizes", required=True),
        "color": Key("color", "white"),
        "max_lines": Key("int", 3, low=1, high=20),
        "align": Key("choice", "left", choices=("left", "center", "right")),
        "valign": Key("choice", "top", choices=("top", "center", "bottom")),
        "uppercase": Key("bool", False),
        "line_height": Key("number", 1.2, low=0.8, high=2.5),
        "balance": Key("bool", False),
        "pill": Key("color", None),
        "wide": Key("bool", False),  # the pill spans the whole box: a band
        "strike": Key("bool", False),  # a line through each line: a time that no longer holds
        "padding": Key("pair", (0, 0), high=200),
        "grow": Key("bool", False),
        "yields": Key("bool", False),  # in a stack: left out while the title would be cut
        "breaks": Key("bool", False),
    },
    "stack": {
        "box": Key("box", required=True),
        "items": Key("names", required=True),
        "gap": Key("int", 16, high=1000),
        "valign": Key("choice", "top", choices=("top", "center", "bottom")),
    },
}


@dataclass(frozen=True)
class Layout:
    """One layout after `extends` is applied: each size as plain, checked dicts."""

    name: str
    file: str
    description: str
    default_for: tuple[str, ...]
    photo: bool | None
    sizes: dict[str, dict[str, dict[str, Any]]]  # size -> element name -> keys (defaults filled)


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, key: str, what: str) -> None:
        line = f"theme/cards/{file}: {key}: {what}"
        if line not in self.items:
            self.items.append(line)


# --- loading ----------------------------------------------------------------------------


def load_layouts(folder: Path, colors: dict[str, str], kinds=DEFAULT_KINDS) -> dict[str, Layout]:
    """Read every layout of the folder, or raise BuildStopped naming each mistake."""
    named = layout_kinds(kinds)
    problems = _Problems()
    raw: dict[str, dict] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            raw[path.stem] = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.add(path.name, "(berkas)", f"bukan TOML yang sah: {error}.")
    if not raw and not problems.items:
        problems.add("", "(folder)", "tidak ada satu pun tata letak kartu (*.toml).")
    layouts = {}
    for name in raw:
        layout = _build(name, raw, colors, named, problems)
        if layout is not None:
            layouts[name] = layout
    if not problems.items:
        _check_defaults(layouts, named, set(kinds.posts), problems)
    if problems.items:
        raise BuildStopped(
            "Tata letak kartu media sosial bermasalah:\n  - "
            + "\n  - ".join(problems.items)
            + "\nPerbaiki berkasnya (keterangan setiap kunci ada di theme/cards/README.md)."
        )
    return layouts


def _chain(name: str, raw: dict[str, dict], problems: _Problems) -> list[str] | None:
    """The layout and the ones it extends, base first."""
    chain = [name]
    while True:
        parent = raw[chain[0]].get("extends")
        if parent is None:
            return chain
        if not isinstance(parent, str) or parent not in raw:
            problems.add(
                f"{chain[0]}.toml",
                "extends",
                f"'{parent}' bukan tata letak yang ada; pilih dari: {', '.join(sorted(raw))}.",
            )
            return None
        if parent in chain:
            problems.add(f"{name}.toml", "extends", "tata letak saling mewarisi dalam lingkaran.")
            return None
        chain.insert(0, parent)


def _build(
    name: str, raw: dict[str, dict], colors: dict[str, str], named: tuple[str, ...], problems: _Problems
) -> Layout | None:
    file = f"{name}.toml"
    data = raw[name]
    for key in sorted(set(data) - TOP_KEYS):
        problems.add(file, key, "kunci ini tidak dikenal; yang dikenal: " + ", ".join(sorted(TOP_KEYS)) + ".")
    chain = _chain(name, raw, problems)
    if chain is None:
        return None
    default_for = data.get("default_for", [])
    if not isinstance(default_for, list) or any(k not in (*named, ANY_POST) for k in default_for):
        problems.add(
            file,
            "default_for",
            "harus daftar jenis dari: "
            + ", ".join(named)
            + f", atau '{ANY_POST}' (semua jenis tulisan yang tidak disebut tata letak lain).",
        )
        default_for = []
    photo = data.get("photo")
    if photo is not None and not isinstance(photo, bool):
        problems.add(file, "photo", "harus true atau false (atau dihapus: berlaku dengan atau tanpa foto).")
        photo = None
    sizes = {}
    for size, (width, height) in SIZES.items():
        merged: dict[str, dict] = {}
        for link in chain:
            section = raw[link].get(size, {})
            if not isinstance(section, dict):
                problems.add(f"{link}.toml", size, "harus berupa tabel elemen.")
                continue
            for element, keys in section.items():
                if not isinstance(keys, dict):
                    problems.add(
                        f"{link}.toml", f"{size}.{element}", "harus berupa tabel, misalnya [link.judul]."
                    )
                    continue
                merged[element] = {**merged.get(element, {}), **keys}
        if not merged:
            problems.add(file, size, f"ukuran {width}x{height} belum punya elemen.")
            continue
        where = file if len(chain) == 1 else f"{file} (mewarisi {', '.join(c + '.toml' for c in chain[:-1])})"
        sizes[size] = _check_section(where, size, (width, height), merged, colors, problems)
    return Layout(name, file, str(data.get("description", "")), tuple(default_for), photo, sizes)


def _check_section(
    file: str,
    size: str,
    canvas: tuple[int, int],
    elements: dict[str, dict],
    colors: dict[str, str],
    problems: _Problems,
) -> dict[str, dict]:
    checked: dict[str, dict] = {}
    hidden: set[str] = set()
    for name, keys in elements.items():
        element = _check_element(file, f"{size}.{name}", keys, canvas, colors, problems)
        if element is not None and element["show"]:
            checked[name] = element
        elif element is not None:
            hidden.add(name)
    for element in checked.values():  # a stack leaves out what show = false hides
        if element["type"] == "stack":
            element["items"] = tuple(i for i in element["items"] if i not in hidden)
    stacked = _check_stacks(file, size, checked, problems)
    for name, element in checked.items():
        if element["type"] == "text" and name not in stacked:
            if element["box"] is None:
                problems.add(
                    file,
                    f"{size}.{name}.box",
                    "teks di luar tumpukan (stack) butuh box "
                    "[x, y, lebar, tinggi]; bila tidak dipakai, tulis show = false.",
                )
            elif lines_that_fit(style_of(element), element["size"][0], element["box"][3]) < 1:
                problems.add(
                    file, f"{size}.{name}.box", "terlalu pendek untuk satu baris pada ukuran huruf terkecil."
                )
        if element["type"] == "fill" and element["box"] is None:
            element["box"] = (0, 0, *canvas)
    _check_overlaps(file, size, checked, stacked, problems)
    return checked


def _check_element(file, where, keys, canvas, colors, problems) -> dict | None:
    kind = keys.get("type")
    if kind not in TYPES:
        problems.add(file, f"{where}.type", "harus salah satu dari: " + ", ".join(TYPES) + ".")
        return None
    spec = {**COMMON, **TYPES[kind]}
    element: dict[str, Any] = {}
    for key in sorted(set(keys) - set(spec)):
        problems.add(
            file,
            f"{where}.{key}",
            f"kunci ini tidak dikenal untuk elemen {kind}; yang dikenal: " + ", ".join(sorted(spec)) + ".",
        )
    for key, rule in spec.items():
        if key not in keys:
            if rule.required:
                problems.add(file, f"{where}.{key}", "wajib diisi.")
                return None
            element[key] = colors[rule.default] if rule.kind == "color" and rule.default else rule.default
            continue
        value, error = _value(rule, keys[key], canvas, colors)
        if error:
            problems.add(file, f"{where}.{key}", error)
            return None
        element[key] = value
    box = element.get("box")
    if box and _must_stay_inside(element) and not _inside(box, canvas):
        problems.add(
            file,
            f"{where}.box",
            f"kotak {list(box)} keluar dari kartu {canvas[0]}x{canvas[1]}; "
            "teks, logo dan gambar utuh harus di dalam kartu.",
        )
        return None
    if element["layer"] is None:
        element["layer"] = DEFAULT_LAYERS[kind]
    if kind == "text":
        if (element["source"] is None) == (element["text"] is None):
            problems.add(
                file, f"{where}.source", "isi tepat satu dari source (data tulisan) atau text (teks tetap)."
            )
            return None
        if element["pill"] and contrast_of(element["color"], element["pill"]) < MIN_CONTRAST:
            ratio = contrast_of(element["color"], element["pill"])
            problems.add(
                file,
                f"{where}.pill",
                f"kontras teks dengan latarnya hanya {ratio:.1f}:1, "
                f"kurang dari {MIN_CONTRAST}:1; pilih warna yang lebih gelap atau lebih terang.",
            )
            return None
    return element


def _value(rule: Key, value: Any, canvas: tuple[int, int], colors: dict[str, str]) -> tuple[Any, str | None]:
    number = (int, float)
    kind = rule.kind
    if kind == "box":
        if not (isinstance(value, list) and len(value) == 4 and all(_is_int(v) for v in value)):
            return None, "harus empat bilangan bulat [x, y, lebar, tinggi]."
        x, y, w, h = value
        if w <= 0 or h <= 0 or x >= canvas[0] or y >= canvas[1] or x + w <= 0 or y + h <= 0:
            return (
                None,
                f"kotak {value} tidak berukuran atau seluruhnya di luar kartu {canvas[0]}x{canvas[1]}.",
            )
        return tuple(value), None
    if kind == "color":
        if isinstance(value, str) and (value in colors or HEX.match(value)):
            return colors.get(value, value.lower()), None
        return None, f"'{value}' bukan warna; pakai #rrggbb atau salah satu nama: {', '.join(colors)}."
    if kind in ("number", "fraction"):
        high = 1 if kind == "fraction" else rule.high
        if isinstance(value, number) and not isinstance(value, bool) and rule.low <= value <= high:
            return float(value), None
        return None, f"harus angka antara {rule.low} dan {high}."
    if kind == "int":
        if _is_int(value) and rule.low <= value <= rule.high:
            return value, None
        return None, f"harus bilangan bulat antara {rule.low:g} dan {rule.high:g}."
    if kind == "bool":
        return (value, None) if isinstance(value, bool) else (None, "harus true atau false.")
    if kind == "choice":
        if value in rule.choices:
            return value, None
        return None, "harus salah satu dari: " + ", ".join(rule.choices) + "."
    if kind == "text":
        if isinstance(value, str) and value.strip():
            return value, None
        return None, "harus teks yang tidak kosong."
    if kind == "pair":
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, number) and 0 <= v <= rule.high for v in value)
        ):
            return tuple(value), None
        return None, f"harus dua angka antara 0 dan {rule.high:g}, misalnya [0.5, 0.5]."
    if kind == "sizes":
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) for v in value)
            and 8 <= value[0] <= value[1] <= 400
        ):
            return tuple(value), None
        return None, "harus dua ukuran huruf [terkecil, terbesar] dalam piksel (8-400), misalnya [40, 72]."
    if kind == "facts":
        if isinstance(value, list) and all(v in FACTS for v in value):
            return tuple(value), None
        return None, "harus daftar nama data dari: " + ", ".join(FACTS) + "."
    if kind == "names":
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return tuple(value), None
        return None, 'harus daftar nama elemen teks, misalnya ["label", "judul"].'
    raise AssertionError(kind)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_stacks(file, size, elements, problems) -> set[str]:
    stacked: set[str] = set()
    for name, element in elements.items():
        if element["type"] != "stack":
            continue
        grow = 0
        for item in element["items"]:
            target = elements.get(item)
            key = f"{size}.{name}.items"
            if target is None or target["type"] != "text":
                problems.add(file, key, f"'{item}' bukan elemen teks di [{size}].")
            elif item in stacked:
                problems.add(file, key, f"'{item}' sudah ada di tumpukan lain.")
            elif target["box"] is not None:
                problems.add(
                    file, f"{size}.{item}.box", "elemen di dalam tumpukan tidak memakai box; hapus kuncinya."
                )
            else:
                stacked.add(item)
                grow += target["grow"]
        if grow > 1:
            problems.add(file, f"{size}.{name}.items", "hanya satu elemen yang boleh grow = true.")
    for name, element in elements.items():
        if element["type"] == "text" and element["grow"] and name not in stacked:
            problems.add(file, f"{size}.{name}.grow", "grow hanya berlaku di dalam tumpukan (stack).")
        if element["type"] == "text" and element["yields"] and name not in stacked:
            problems.add(file, f"{size}.{name}.yields", "yields hanya berlaku di dalam tumpukan (stack).")
    return stacked


def _exclusive(a: dict, b: dict) -> bool:
    """True when the two elements can never be drawn on one card."""
    return bool(set(a["requires"]) & set(b["unless"]) or set(a["unless"]) & set(b["requires"]))


def _check_overlaps(file, size, elements, stacked, problems) -> None:
    boxed = [
        (n, e)
        for n, e in elements.items()
        if _must_stay_inside(e) and n not in stacked and e.get("box") is not None
    ]
    for index, (name, element) in enumerate(boxed):
        for other, second in boxed[index + 1 :]:
            if not _exclusive(element, second) and _intersects(element["box"], second["box"]):
                problems.add(
                    file,
                    f"{size}.{name}.box",
                    f"bertumpuk dengan {size}.{other}; teks, logo dan gambar utuh "
                    "tidak boleh saling menutupi.",
                )
    # The logo never sits on a picture: a cover-cropped photo may bleed, but not under the logo.
    logos = [(n, e) for n, e in elements.items() if e["type"] == "logo"]
    covers = [(n, e) for n, e in elements.items() if e["type"] == "image" and e["fit"] == "cover"]
    for name, logo in logos:
        for other, cover in covers:
            if not _exclusive(logo, cover) and _intersects(logo["box"], cover["box"]):
                problems.add(
                    file,
                    f"{size}.{name}.box",
                    f"logo menutupi gambar {size}.{other}; letakkan logo di luar kotak gambar "
                    "(misalnya di pita atau panel teksnya).",
                )


def _must_stay_inside(element: dict) -> bool:
    """Content stays on the card; backgrounds (fills, shapes, gradients, cover photos) may bleed."""
    return element["type"] in FOREGROUND or (element["type"] == "image" and element["fit"] == "contain")


def _inside(box, canvas) -> bool:
    x, y, w, h = box
    return x >= 0 and y >= 0 and x + w <= canvas[0] and y + h <= canvas[1]


def _intersects(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def style_of(element: dict) -> Style:
    return Style(
        stack=element["font"],
        size_min=element["size"][0],
        size_max=element["size"][1],
        line_height=element["line_height"],
        max_lines=element["max_lines"],
        align=element["align"],
        balance=element["balance"],
    )


def _defaults(layouts: dict[str, Layout], kind: str, photo: bool, post_kinds: set[str]) -> list[str]:
    """The layouts that are the default of this kind: those naming it, else the '*' ones for posts."""

    def named(name: str) -> list[str]:
        return [
            lay.name for lay in layouts.values() if name in lay.default_for and lay.photo in (None, photo)
        ]

    found = named(kind)
    if not found and kind in post_kinds:
        found = named(ANY_POST)
    return found


def _check_defaults(
    layouts: dict[str, Layout], named: tuple[str, ...], post_kinds: set[str], problems: _Problems
) -> None:
    for kind in named:
        for photo in (True, False) if kind != LISTING else (False,):  # listings have no photo
            found = _defaults(layouts, kind, photo, post_kinds)
            state = "dengan foto" if photo else "tanpa foto"
            if not found:
                problems.add("", "default_for", f"belum ada tata letak bawaan untuk '{kind}' {state}.")
            elif len(found) > 1:
                problems.add(
                    ", ".join(f + ".toml" for f in found),
                    "default_for",
                    f"lebih dari satu tata letak bawaan untuk '{kind}' {state}.",
                )


def default_layout(layouts: dict[str, Layout], kind: str, photo: bool) -> Layout:
    """The layout a post of this kind uses when it names none (checked at start-up)."""
    post_kinds = {kind} if kind != LISTING else set()
    return layouts[_defaults(layouts, kind, photo, post_kinds)[0]]
