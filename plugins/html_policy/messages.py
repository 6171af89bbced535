"""Staff messages (Indonesian) for removals: what was removed, why, and what to write instead."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from . import policy
from .diff import Removal
from .sanitize import url_allowed

SCRIPT_TAGS = frozenset({"script", "noscript", "template"})
EMBED_TAGS = frozenset({"iframe", "object", "embed", "applet", "frame", "frameset", "portal"})
FORM_TAGS = frozenset(
    {
        "form",
        "input",
        "button",
        "select",
        "option",
        "optgroup",
        "textarea",
        "label",
        "fieldset",
        "legend",
        "output",
        "datalist",
    }
)

_PLAYERS = " dan ".join(f"{host}{path}..." for host, path in policy.EMBED_HOSTS.items())
_SCHEMES = ", ".join(f"{scheme}:" for scheme in sorted(policy.URL_SCHEMES))

# category -> (why it was removed, how to fix it)
REASONS = {
    "script": (
        "situs tidak menerbitkan skrip",
        "hapus kode itu dari tulisan. Untuk video, tempel kode sematan YouTube (Bagikan > "
        "Sematkan) atau Vimeo; untuk hal lain, tulis tautan biasa: [teks](https://...).",
    ),
    "embed": (
        f"hanya video dari {_PLAYERS} yang boleh disematkan",
        "di YouTube pilih Bagikan > Sematkan, centang 'Aktifkan mode privasi yang "
        "ditingkatkan' (alamatnya menjadi www.youtube-nocookie.com/embed/...), lalu salin "
        "kodenya; atau tulis tautan biasa ke videonya: [Tonton videonya](https://...).",
    ),
    "url": (
        f"hanya alamat {_SCHEMES} dan alamat di situs ini yang diizinkan (bukan javascript: atau data:)",
        "tulis alamat lengkap yang diawali https://; gambar dan berkas disimpan di "
        "content/gambar/ atau content/unduhan/ lalu ditulis {static}/gambar/nama-berkas.jpg.",
    ),
    "style": (
        "tampilan tulisan diatur oleh tema situs",
        "hapus gaya itu; pakai format Markdown: **tebal**, *miring*, '## ' untuk subjudul, "
        "'- ' untuk daftar.",
    ),
    "form": (
        "formulir tidak bisa dipasang di dalam tulisan",
        "tautkan formulirnya (misalnya Google Formulir) dengan tautan biasa: "
        "[Isi formulir pendaftaran](https://...).",
    ),
    "tag": (
        "tag itu tidak termasuk HTML yang diizinkan di tulisan",
        "pakai format Markdown atau tag yang diizinkan (lihat README.md, bagian 'HTML di dalam tulisan').",
    ),
    "attribute": (
        "atribut itu tidak diizinkan di tulisan",
        "hapus atribut itu; tautan, gambar, tabel dan judul dari Markdown sudah lengkap "
        "tanpa atribut tambahan.",
    ),
}


@dataclass(frozen=True)
class Description:
    category: str  # a key of REASONS
    subject: str  # what was removed, e.g. "tag <script>"
    needles: list[str]  # texts to look for in the Markdown, best first


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _element(removal: Removal) -> Description:
    tag, attributes = removal.tag, dict(removal.attributes)
    opening = f"<{tag}"
    if tag in SCRIPT_TAGS:
        return Description("script", f"tag <{tag}>", [opening])
    if tag == "img" and not url_allowed(attributes.get("src", "")):
        return describe(Removal(tag, "src", attributes["src"]))  # dropped for its URL
    if tag in EMBED_TAGS:
        src = attributes.get("src") or attributes.get("data") or ""
        host = urlsplit(src.strip()).hostname if src else None
        subject = f"sematan <{tag}>" + (f" dari {host}" if host else "")
        return Description("embed", subject, [src, opening])
    if tag == "style":
        return Description("style", "tag <style>", [opening])
    category = "form" if tag in FORM_TAGS else "tag"
    return Description(category, f"tag <{tag}>", [opening])


def describe(removal: Removal) -> Description:
    if removal.attribute is None:
        return _element(removal)
    tag, name, value = removal.tag, removal.attribute, removal.value
    where = f"pada <{tag}>"
    if name.startswith("on"):
        return Description("script", f"atribut {name} {where}", [name])
    if name in policy.URL_ATTRIBUTES:
        return Description("url", f"alamat '{_short(value)}' {where}", [value, value.strip()[:40], name])
    if name == "style":
        return Description("style", f"atribut style {where}", ["style"])
    if name == "class":
        return Description("attribute", f"kelas '{value}' {where}", value.split()[:1])
    return Description("attribute", f"atribut {name} {where}", [name])


def group(located: list[tuple[int | None, Removal]]) -> list[tuple[str, str]]:
    """(message, fix) per line and category, in line order; unlocated ones last."""
    grouped: dict[tuple[int | None, str], list[str]] = {}
    for line, removal in located:
        description = describe(removal)
        subjects = grouped.setdefault((line, description.category), [])
        if description.subject not in subjects:
            subjects.append(description.subject)
    result = []
    for (line, category), subjects in sorted(
        grouped.items(), key=lambda item: (item[0][0] is None, item[0][0] or 0)
    ):
        reason, fix = REASONS[category]
        where = f"baris {line}: " if line is not None else ""
        result.append((f"{where}{_join(subjects)} dihapus karena {reason}.", fix))
    return result


def _join(subjects: list[str]) -> str:
    """ "tag <form>, <input>" rather than "tag <form>, tag <input>"."""
    shown = subjects[:1]
    for previous, subject in zip(subjects, subjects[1:], strict=False):
        same_word = subject.split()[0] == previous.split()[0] == "tag"
        shown.append(subject.removeprefix("tag ") if same_word else subject)
    return ", ".join(shown)
