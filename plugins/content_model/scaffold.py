"""Write a new post from the schema: every field of its kind, each with a comment.

Required fields that only a person can fill are left empty on purpose, so
`invoke check` points at each one until it is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pelican.utils import slugify

from .schema import KINDS, Field, Kind

SLUG_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


class ScaffoldError(ValueError):
    """The post cannot be created; the message says why, in Indonesian."""


def _yaml_value(value) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10000)
    return dumped.split("\n")[0]  # a scalar dump ends with a '...' document marker


def _line(spec: Field, value) -> str:
    shown = "" if value is None else " " + _yaml_value(value)
    required = "wajib; " if spec.required else ""
    return f"{spec.name}:{shown}  # {required}{spec.comment}"


def render(kind: Kind, title: str, now: dt.datetime) -> str:
    """The text of a new post of this kind."""
    filled = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"), "hashtags": []}
    if kind.slug == "acara":
        filled["event_status"] = "terjadwal"
    lines = ["---"]
    lines += [_line(spec, filled.get(spec.name)) for spec in kind.fields]
    lines += [
        "---",
        "",
        "Tulis isi tulisan di sini. Pakai '## ' untuk subjudul.",
        "",
    ]
    return "\n".join(lines)


def create(content_dir: Path, kind_slug: str, title: str, now: dt.datetime) -> Path:
    """Write the new post file and return its path; never overwrite a file."""
    kind = KINDS.get(kind_slug)
    if kind is None:
        raise ScaffoldError(
            f"jenis '{kind_slug}' tidak dikenal. Pilih salah satu: " + ", ".join(KINDS) + "."
        )
    if not title.strip():
        raise ScaffoldError("judul tidak boleh kosong.")
    slug = slugify(title, regex_subs=SLUG_SUBSTITUTIONS)
    if not slug:
        raise ScaffoldError("judul harus memuat paling sedikit satu huruf atau angka.")
    path = content_dir / kind.slug / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise ScaffoldError(f"berkas {path} sudah ada; pakai judul lain atau sunting berkas itu.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(kind, title.strip(), now), encoding="utf-8")
    return path
