"""Split a Markdown file into its YAML front matter and body, as the reader does.

The header pattern is the one pelican-yaml-metadata uses, so the checker sees
exactly what the build reads. Unlike the reader, a YAML mistake here becomes a
problem in Indonesian with the line to edit, and the fields around it are still
read (one top-level field at a time) so that their problems are named too.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE

from plugins._shared.digest_cache import DigestCache, digest

from .fields import hashtag_list
from .lines import INDENTED_FIELD, Chunk, chunks, cut_values, strip_comment
from .problems import FieldError

# The fix every YAML problem ends with when nothing more precise can be said.
GENERAL_FIX = (
    "setiap kolom ditulis pada barisnya sendiri sebagai 'nama: nilai', mulai dari tepi "
    "kiri; beri tanda kutip pada nilai yang memuat ': ' atau '#', dan pakai spasi "
    "(bukan tab) untuk menjorok."
)


@dataclass(frozen=True)
class Document:
    metadata: dict[str, Any]
    body: str
    body_first_line: int
    lines: Mapping[str, int] = field(default_factory=dict)  # field -> its line in the file


@dataclass(frozen=True)
class Reading:
    """A document as far as it could be read, and what stood in the way."""

    document: Document
    mistakes: tuple[tuple[str | None, FieldError], ...] = ()  # (field, error): YAML that does not parse
    cuts: tuple[tuple[str, FieldError], ...] = ()  # (field, error): a value cut short at '#'
    unreadable: frozenset[str] = frozenset()  # fields written whose value could not be read


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a key written twice (PyYAML keeps the last)
    and leaves dates as text, so a bad date is reported on its own field by the
    field parser instead of failing the whole header.

    It reads the header into nodes exactly as yaml.safe_load does (the same
    resolvers): only building values from them differs, so the reader can build
    its own values from the same nodes (safe_metadata).
    """


def _timestamp_as_text(loader, node):
    return loader.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class _DuplicateKey(yaml.constructor.ConstructorError):
    def __init__(self, key, first_mark, mark):
        super().__init__(None, None, f"duplicate key {key!r}", mark)
        self.key, self.first_mark = key, first_mark


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise _DuplicateKey(key, seen[key], key_node.start_mark)
        seen[key] = key_node.start_mark
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct(node, loader_class):
    """Values from composed nodes, as yaml.load with loader_class builds them."""
    if node is None:
        return None
    loader = loader_class("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _load(text: str):
    return _construct(yaml.compose(text, Loader=_StrictLoader), _StrictLoader)


# Headers the checker composed in this build, waiting for the reader (taken once each).
_COMPOSED: dict[str, Any] = {}


def forget_composed() -> None:
    """Drop headers the reader never took (a new check starts: nothing piles up between builds)."""
    _COMPOSED.clear()


def _load_header(text: str):
    node = yaml.compose(text, Loader=_StrictLoader)
    _COMPOSED[text] = node
    return _construct(node, _StrictLoader)


def safe_metadata(header: str, cache: DigestCache | None = None):
    """yaml.safe_load(header), from the nodes the checker composed of it when it did (one parse).

    With a cache (the build's), kept by a digest of the header: a warm build parses no YAML.
    """

    def parse():
        node = _COMPOSED.pop(header, None)
        return yaml.safe_load(header) if node is None else _construct(node, yaml.SafeLoader)

    if cache is None:
        return parse()
    # A copy: the values go into the article's metadata, where nothing may change the cache's.
    return copy.deepcopy(cache.remember(digest("safe_load", yaml.__version__, header), parse))


def read_document(text: str) -> Reading:
    """The front matter (every field that can be read), the body and each mistake with its line.

    Raises FieldError only when there is no front matter at all.
    """
    match = HEADER_RE.fullmatch(text)
    if not match:
        raise FieldError(
            "berkas tidak diawali bagian keterangan (front matter) YAML.",
            "mulai berkas dengan baris '---', tulis kolom-kolomnya, lalu tutup dengan "
            "baris '---' sebelum isi tulisan. Buat berkas baru dengan 'invoke new' "
            "untuk melihat contohnya.",
        )
    header = match.group("metadata")
    first_line = text[: match.start("metadata")].count("\n") + 1
    parts = chunks(header, first_line)
    lines: dict[str, int] = {}
    for chunk in parts:
        if chunk.key:
            lines.setdefault(chunk.key, chunk.first_line)
    mistakes: list[tuple[str | None, FieldError]] = []
    unreadable: set[str] = set()
    try:
        metadata = _load_header(header)
    except yaml.YAMLError as error:
        metadata = _read_by_field(parts, mistakes, unreadable)
        if not mistakes:  # only the whole header fails: say what YAML says, in Indonesian
            mistakes.append(
                (None, explain(error, Chunk(None, first_line, tuple(header.splitlines()) or ("",))))
            )
    if not isinstance(metadata, dict):
        raise FieldError(
            "bagian keterangan YAML tidak berisi kolom 'nama: nilai'.",
            "tulis setiap kolom pada barisnya sendiri, misalnya 'title: Judul Tulisan'.",
        )
    metadata = {str(k).lower(): v for k, v in metadata.items()}
    cuts = []
    for chunk in parts:
        if chunk.key in metadata:
            found = cut_values(chunk)
            if chunk.key == "hashtags":
                found = found[:1]  # one problem for the field; its fix lists every tag written
            for cut in found:
                cuts.append((chunk.key, _cut_error(chunk, cut)))
                unreadable.add(chunk.key)
    for name in unreadable:
        metadata.pop(name, None)
    body_first_line = text[: match.start("content")].count("\n") + 1
    document = Document(metadata, match.group("content"), body_first_line, lines)
    return Reading(document, tuple(mistakes), tuple(cuts), frozenset(unreadable))


def parse_document(text: str) -> Document:
    """Return the front matter and body of a post; raise FieldError if its YAML does not parse."""
    reading = read_document(text)
    if reading.mistakes:
        raise reading.mistakes[0][1]
    return reading.document


def _read_by_field(parts: list[Chunk], mistakes: list, unreadable: set) -> dict:
    """Read each top-level field on its own; every one that fails becomes a mistake."""
    metadata: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for chunk in parts:
        if chunk.key in seen:
            mistakes.append((chunk.key, _duplicate_error(chunk.key, seen[chunk.key], chunk.first_line)))
            continue
        if chunk.key:
            seen[chunk.key] = chunk.first_line
        text = chunk.text
        if chunk.lines[0][:1].isspace():  # a field pushed right: say so, and still read it
            mistakes.append((chunk.key, _indented_error(chunk)))
            text = text.lstrip(" \t")
        try:
            value = _load(text)
        except yaml.YAMLError as error:
            mistakes.append((chunk.key, explain(error, chunk)))
            if chunk.key:
                unreadable.add(chunk.key)
            continue
        if not isinstance(value, dict):
            mistakes.append(
                (
                    None,
                    FieldError(
                        f"baris {chunk.first_line} tidak berbentuk 'nama: nilai', jadi tidak bisa dibaca.",
                        "bila baris itu lanjutan nilai di atasnya, tulis nilainya pada satu baris; "
                        "bila bukan, tambahkan nama kolom dan ': ' di depannya, atau hapus baris itu.",
                    ),
                )
            )
            continue
        metadata.update({str(k).lower(): v for k, v in value.items()})
    return metadata


# --- PyYAML's English, explained in Indonesian with the line to edit ----------------------


def quoted(value: str) -> str:
    """The value in quotes YAML reads back as written: double, or single when it holds '"' or '\\'."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _mark_line(chunk: Chunk, mark) -> int:
    return chunk.first_line + mark.line if mark is not None else chunk.first_line


def _field(chunk: Chunk) -> str:
    return f"kolom '{chunk.key}'" if chunk.key else "nilai ini"


def _quote_fix(chunk: Chunk) -> str:
    value = chunk.plain_value()
    if not chunk.key or not value:
        return "beri tanda kutip pada seluruh nilainya."
    one_line = " pada satu baris" if len(chunk.lines) > 1 else ""
    return f"beri tanda kutip pada seluruh nilainya{one_line}: {chunk.key}: {quoted(value)}"


# Characters that mean something to YAML when a value starts with them.
_INDICATORS = "!&*?|>-,@`%[{\"'"


def explain(error: yaml.YAMLError, chunk: Chunk) -> FieldError:
    """What went wrong, in Indonesian, naming the line to edit (not always PyYAML's)."""
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line = _mark_line(chunk, mark)
    if isinstance(error, yaml.reader.ReaderError):
        line = chunk.first_line + chunk.text[: error.position].count("\n")
        return FieldError(
            f"baris {line} memuat karakter tak terlihat (U+{ord(str(error.character)[:1] or ' '):04X}) "
            "yang tidak boleh ada di bagian keterangan.",
            "ketik ulang baris itu, atau salin teksnya sebagai teks biasa tanpa format.",
        )
    if isinstance(error, _DuplicateKey):
        return _duplicate_error(error.key, _mark_line(chunk, error.first_mark), line)
    if "'\\t'" in problem:
        return FieldError(
            f"baris {line} memakai karakter tab, yang tidak boleh ada di bagian keterangan.",
            f"hapus tab di baris {line} dan pakai spasi untuk menjorok (atau tanpa jorokan "
            "untuk nama kolom).",
        )
    if "escape character" in problem:
        return FieldError(
            f"baris {line}: garis miring terbalik (\\) di dalam tanda kutip ganda dibaca sebagai "
            "kode khusus, jadi nilainya tidak bisa dibaca.",
            "pakai garis miring biasa (/) untuk lokasi berkas, atau ganti tanda kutip ganda "
            "dengan tanda kutip tunggal ('...').",
        )
    if "quoted scalar" in context:
        start = _mark_line(chunk, context_mark)
        return FieldError(
            f"tanda kutip yang dibuka di baris {start} belum ditutup, jadi semua baris sesudahnya "
            "ikut terbaca sebagai nilainya.",
            f"tambahkan tanda kutip penutup di akhir nilai pada baris {start}.",
        )
    if "flow " in context:
        opened = [n for n, text in enumerate(chunk.lines) if "[" in text or "{" in text]
        start = chunk.first_line + opened[0] if opened else _mark_line(chunk, context_mark)
        if "#" in chunk.text:
            return FieldError(
                f"baris {start}: tanda '#' di dalam [ ] dibaca sebagai awal komentar, sehingga "
                "sisa baris (termasuk ']') terbuang.",
                "tulis tagar tanpa tanda #, misalnya hashtags: [BedahBuku, Ronggeng]; teks lain "
                "yang memuat '#' diberi tanda kutip.",
            )
        closing = "}" if "mapping" in context else "]"
        return FieldError(
            f"daftar yang dibuka di baris {start} belum ditutup dengan '{closing}'.",
            f"tutup daftarnya dengan '{closing}' di akhir baris {start}, misalnya [BedahBuku, Ronggeng].",
        )
    if "mapping values are not allowed" in problem:
        if line > chunk.first_line and _keylike(chunk.lines[line - chunk.first_line]):
            return FieldError(
                f"baris {line} diawali spasi, sehingga kolomnya terbaca sebagai bagian dari "
                f"{_field(chunk)} di baris {chunk.first_line}.",
                f"hapus spasi di awal baris {line}: setiap kolom ditulis mulai dari tepi kiri.",
            )
        return FieldError(
            f"baris {chunk.first_line}: {_field(chunk)} memuat tanda ': ' (titik dua lalu spasi) "
            "di dalam nilainya, yang terbaca sebagai awal kolom baru.",
            _quote_fix(chunk),
        )
    value = strip_comment(chunk.value)
    if value and value[0] in _INDICATORS and chunk.key:
        return FieldError(
            f"baris {chunk.first_line}: nilai {_field(chunk)} diawali atau memuat tanda "
            f"'{value[:1]}' yang punya arti khusus di YAML, jadi tidak terbaca sebagai teks.",
            _quote_fix(chunk),
        )
    if "block end" in context + problem or "block mapping" in context:
        return FieldError(
            f"baris {line} tidak sejajar dengan baris di atasnya (jorokannya salah).",
            "tulis nama kolom mulai dari tepi kiri, dan setiap butir daftar ('- ') dengan "
            "jumlah spasi yang sama di depannya.",
        )
    if "could not find expected ':'" in problem:
        start = _mark_line(chunk, context_mark)
        return FieldError(
            f"baris {start} tidak berbentuk 'nama: nilai', jadi tidak bisa dibaca.",
            "bila baris itu lanjutan nilai di atasnya, tulis nilainya pada satu baris; bila "
            "bukan, tambahkan nama kolom dan ': ' di depannya, atau hapus baris itu.",
        )
    return FieldError(f"baris {line} tidak bisa dibaca sebagai 'nama: nilai'.", GENERAL_FIX)


def _keylike(text: str) -> bool:
    """An indented line that looks like a field of its own: '  date: ...' (field names are lowercase)."""
    return bool(INDENTED_FIELD.match(text))


def _indented_error(chunk: Chunk) -> FieldError:
    what = (
        "karakter tab"
        if "\t" in chunk.lines[0][: len(chunk.lines[0]) - len(chunk.lines[0].lstrip())]
        else "spasi"
    )
    return FieldError(
        f"baris {chunk.first_line} diawali {what}, sehingga kolom '{chunk.key}' terbaca sebagai "
        "bagian dari kolom di atasnya.",
        f"hapus {what} di awal baris {chunk.first_line}: setiap kolom ditulis mulai dari tepi kiri.",
    )


def _duplicate_error(key: str, first: int, again: int) -> FieldError:
    return FieldError(
        f"kolom '{key}' ditulis dua kali (baris {first} dan {again}).",
        f"hapus salah satunya; simpan satu baris '{key}: ...' saja.",
    )


def _cut_error(chunk: Chunk, cut) -> FieldError:
    rest = cut.written[len(cut.kept) :].strip()
    item = cut.line != chunk.first_line
    what = (
        f"yang terbaca hanya '{cut.kept}'"
        if cut.kept
        else "butir itu terbaca kosong"
        if item
        else "seluruh nilainya dibaca sebagai komentar, jadi kolomnya kosong"
    )
    message = (
        f"baris {cut.line}: tanda '#' tanpa tanda kutip dibaca sebagai awal komentar, "
        f"sehingga '{rest}' terbuang; {what}."
    )
    if chunk.key == "hashtags":
        every = " ".join([chunk.value] + [line.strip().lstrip("-") for line in chunk.lines[1:]])
        return FieldError(
            message, f"tulis tagar tanpa tanda #, sebagai daftar: hashtags: {hashtag_list(every)}"
        )
    if item:
        return FieldError(message, f"beri tanda kutip pada butir itu: - {quoted(cut.written)}")
    return FieldError(message, f"beri tanda kutip pada seluruh nilainya: {chunk.key}: {quoted(cut.written)}")
