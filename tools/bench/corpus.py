"""A synthetic, deterministic corpus: N posts across every kind, with images, plus the sample pages.

Every field comes from the kind registry (plugins.content_model.kinds): the
required fields of each kind always, optional fields of a type this module
can fill about half the time. A kind with a required field of a type unknown
here stops the bench with its name, rather than producing posts the checker
refuses. The same seed always writes the same files (image bytes included).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from PIL import Image, ImageDraw

from plugins.content_model import fields as types
from plugins.content_model.kinds import DEFAULT, KindRegistry

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CONTENT = ROOT / "content"
WITA = ZoneInfo("Asia/Makassar")
# The first build's "now" (BUILD_NOW; runners moves it on); every post is dated before it.
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=WITA)
FIRST_DATE = dt.datetime(2019, 1, 1, 8, 0, tzinfo=WITA)
IMAGE_FOLDER = "gambar"
GENERATED_PREFIX = "sintetis-"
IMAGE_SIZE = (1280, 720)  # wide enough for a sharp 1200x630 card
IMAGE_SHARE = 0.7  # posts with an image, where the kind does not require one
GENERATED_SHARE = 0.4  # of those, a picture drawn for the post (else a sample one reused)
OPTIONAL_SHARE = 0.5
# Optional fields left out: they change what a post is (draft, own slug, hand-made card)
# rather than how much work it is.
SKIPPED_OPTIONAL = {
    "slug",
    "status",
    "card_title",
    "card_layout",
    "card_background",
    "card_focus",
    "card_image",
    "card_image_alt",
    "modified",
}

HASHTAG_POOL = [
    "KotamobaguMembaca",
    "LiterasiDigital",
    "BacaBuku",
    "KoleksiBaru",
    "DiskusiBuku",
    "AmanBerinternet",
    "CekFakta",
    "PerpustakaanUntukSemua",
    "DongengAnak",
    "MenulisKreatif",
    "PelajarMembaca",
    "Bolmong",
    "SulawesiUtara",
    "BukuElektronik",
    "iPusnas",
    "LayananPerpustakaan",
    "UMKMDigital",
    "SastraIndonesia",
    "CeritaRakyat",
    "KelasGratis",
    "PameranSeni",
    "KartuAnggota",
    "JamLayanan",
    "PojokInternet",
    "PerpustakaanKeliling",
    "TantanganBaca",
    "Infografis",
    "TipsDigital",
    "KataSandi",
    "Hoaks",
    "Novel",
    "BukuAnak",
    "Sejarah",
    "Budaya",
    "Pendidikan",
    "Keluarga",
    "Relawan",
    "Komunitas",
    "Pustakawan",
    "Kotamobagu",
]
WORDS = [
    "buku",
    "cerita",
    "anak",
    "pelajar",
    "warga",
    "kelas",
    "diskusi",
    "pameran",
    "layanan",
    "katalog",
    "digital",
    "aman",
    "internet",
    "sejarah",
    "budaya",
    "keluarga",
    "membaca",
    "menulis",
    "sastra",
    "perpustakaan",
    "koleksi",
    "pinjam",
    "kartu",
    "anggota",
    "komunitas",
    "relawan",
    "tips",
    "panduan",
    "informasi",
    "jadwal",
    "kegiatan",
    "pustakawan",
    "ruang",
    "baca",
    "dongeng",
    "novel",
    "puisi",
]
TITLE_OPENERS = {
    "acara": ["Diskusi", "Kelas", "Pelatihan", "Pameran", "Lomba", "Temu", "Bincang"],
    "tutorial": ["Cara", "Panduan", "Langkah Mudah", "Belajar"],
    "infografis": ["Mengenal", "Lima Langkah", "Fakta", "Serba-serbi"],
    "literasi-digital": ["Waspada", "Tips", "Aman", "Cek Dulu"],
    "pengumuman": ["Pengumuman", "Jadwal", "Perubahan", "Info"],
    "koleksi-baru": ["Novel", "Buku", "Kumpulan Cerita", "Ensiklopedia"],
}
SENTENCES = [
    "Perpustakaan Kota Kotamobagu mengajak warga untuk datang dan membaca bersama.",
    "Kegiatan ini gratis dan terbuka untuk umum, dari anak-anak sampai orang tua.",
    "Pustakawan kami siap membantu di meja layanan setiap hari kerja.",
    "Koleksi baru sudah bisa dipinjam di meja sirkulasi lantai satu.",
    "Bawa kartu anggota, atau daftar gratis dengan KTP atau kartu pelajar.",
    "Jangan lupa mengembalikan buku tepat waktu agar warga lain bisa ikut membaca.",
    "Periksa kembali setiap pesan berantai sebelum membagikannya kepada keluarga.",
    "Ruang baca anak dibuka dengan buku bergambar dan mainan edukatif.",
    "Informasi lengkap bisa ditanyakan lewat telepon atau pesan WhatsApp perpustakaan.",
    "Kami berterima kasih kepada relawan dan komunitas pembaca yang ikut membantu.",
    "Bila ada pertanyaan, sampaikan kepada petugas; tidak ada pertanyaan yang salah.",
    "Buku-buku ini dipilih bersama komunitas pembaca dan guru di Kotamobagu.",
]
STEP_TEXTS = [
    "Buka situs katalog daring perpustakaan.",
    "Masuk dengan nomor anggota Anda.",
    "Ketik judul atau nama pengarang di kolom pencarian.",
    "Pilih buku, lalu tekan Pinjam.",
    "Catat nomor panggil, lalu ambil bukunya di rak.",
    "Tunjukkan kartu anggota di meja sirkulasi.",
]
NAMES = [
    "Rahmawati Mokodompit",
    "Andi Paputungan",
    "Siti Mamonto",
    "Yusuf Damopolii",
    "Maria Lantong",
    "Hendra Manoppo",
    "Fitri Gobel",
    "Rudi Korompot",
]
PLACES = [
    "Ruang Diskusi Lantai 2, Perpustakaan Kota Kotamobagu",
    "Aula Perpustakaan Kota Kotamobagu",
    "Ruang Baca Anak, Perpustakaan Kota Kotamobagu",
    "Taman Kota Kotamobagu",
]
PALETTE = ["#0b5d4b", "#9c3d12", "#e3a535", "#3b7896", "#7a4b76", "#2f8a70", "#c8602c", "#efe1c8"]


@dataclass
class Corpus:
    """What was written, for the runners and the report."""

    content: Path
    posts: list[Path] = field(default_factory=list)  # every post, oldest first
    kinds: Counter = field(default_factory=Counter)
    images_generated: int = 0
    images_reused: int = 0
    hashtags: int = 0
    partners: list[str] = field(default_factory=list)  # slugs events may name

    @property
    def newest(self) -> Path:
        return self.posts[-1]


class CorpusError(Exception):
    """A kind needs a field this generator cannot fill."""


def generate(target: Path, posts: int, seed: int = 10, kinds: KindRegistry = DEFAULT) -> Corpus:
    """Write `posts` posts (spread evenly over the kinds), their images and the sample pages."""
    rng = random.Random(seed)
    target.mkdir(parents=True)
    corpus = Corpus(target)
    _copy_samples(target, kinds)
    samples = sorted(p.name for p in (target / IMAGE_FOLDER).glob("*.jpg"))
    corpus.partners = sorted(
        page.stem for kind in kinds.partner_kinds for page in (target / kind.slug).glob("*.md")
    )
    slugs = list(kinds.posts)
    span = (NOW - dt.timedelta(days=1) - FIRST_DATE).total_seconds()
    moments = sorted(FIRST_DATE + dt.timedelta(seconds=rng.uniform(0, span)) for _ in range(posts))
    order = [slugs[i % len(slugs)] for i in range(posts)]
    rng.shuffle(order)
    written: list[str] = []  # "kind/file.md" of earlier posts, for internal links
    tags_used: set[str] = set()
    for number, (slug, moment) in enumerate(zip(order, moments, strict=True), start=1):
        kind = kinds.posts[slug]
        moment = moment.replace(
            hour=7 + moment.hour % 13, minute=(moment.minute // 15) * 15, second=0, microsecond=0
        )
        post = _Post(rng, kind, number, moment)
        values = post.values(corpus, samples, target)
        tags_used.update(values.get("hashtags", []))
        name = f"{moment:%Y-%m-%d}-{post.slug}.md"
        path = target / slug / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(_front_matter(values) + _body(rng, written), encoding="utf-8")
        corpus.posts.append(path)
        corpus.kinds[slug] += 1
        written.append(f"{slug}/{name}")
    corpus.hashtags = len(tags_used)
    return corpus


def _copy_samples(target: Path, kinds: KindRegistry) -> None:
    """The sample pages and directories (partners), and every sample image (reused by posts,
    the logo, the pages' images)."""
    for folder in kinds.page_folders:
        if (SAMPLE_CONTENT / folder).is_dir():
            shutil.copytree(SAMPLE_CONTENT / folder, target / folder)
    shutil.copytree(SAMPLE_CONTENT / IMAGE_FOLDER, target / IMAGE_FOLDER)
    downloads = SAMPLE_CONTENT / "unduhan"
    if downloads.is_dir():
        shutil.copytree(downloads, target / "unduhan")


class _Post:
    def __init__(self, rng: random.Random, kind, number: int, moment: dt.datetime) -> None:
        self.rng, self.kind, self.number, self.moment = rng, kind, number, moment
        opener = rng.choice(TITLE_OPENERS.get(kind.slug, [kind.label]))
        words = " ".join(rng.sample(WORDS, rng.randint(2, 5)))
        self.title = f"{opener} {words.capitalize()} {number}"  # the number keeps titles unique
        self.slug = "-".join(self.title.lower().split())

    def values(self, corpus: Corpus, samples: list[str], content: Path) -> dict:
        rng, kind = self.rng, self.kind
        values: dict = {}
        for spec in kind.fields:
            if not spec.required:
                if spec.name in SKIPPED_OPTIONAL or spec.name == "image_alt":
                    continue
                if spec.name != "image" and rng.random() >= OPTIONAL_SHARE:
                    continue
                if spec.name == "image" and rng.random() >= IMAGE_SHARE:
                    continue
            value = self._value(spec, corpus, samples, content)
            if value is None:
                if spec.required:
                    raise CorpusError(
                        f"kind '{kind.slug}': no generator for required field "
                        f"'{spec.name}' ({type(spec.type).__name__}); add one to "
                        "tools/bench/corpus.py"
                    )
                continue
            values[spec.name] = value
        if "image" in values and kind.field("image_alt"):
            values["image_alt"] = f"Ilustrasi untuk tulisan {self.title}: bentuk berwarna di latar polos."
        self._satisfy_rules(values)
        return values

    def _satisfy_rules(self, values: dict) -> None:
        """Cross-field rules (kinds' `rules`) the per-field values alone do not meet."""
        if self.kind.field("start") and not values.keys() & {"place", "online_url"}:
            values["place"] = self.rng.choice(PLACES)
        if values.get("event_status") == "pindah-daring":
            values.setdefault("online_url", f"https://meet.example.id/acara-{self.number}")
        if values.get("event_status", "terjadwal") != "terjadwal":
            values["status_changed"] = values["date"]
        if self.kind.field("steps") and not values.keys() & {"steps", "video_url"}:
            values["steps"] = self.rng.sample(STEP_TEXTS, 3)

    def _value(self, spec, corpus: Corpus, samples: list[str], content: Path):  # noqa: C901
        rng, name, kind_type = self.rng, spec.name, spec.type
        if name == "title":
            return self.title
        if name == "date":
            return f"{self.moment:%Y-%m-%d %H:%M}"
        if name == "start":
            start = (self.moment + dt.timedelta(days=rng.randint(3, 40))).replace(hour=9, minute=0)
            self._start = start
            return f"{start:%Y-%m-%d %H:%M}"
        if name == "end":
            return f"{self._start + dt.timedelta(hours=rng.choice([2, 3])):%Y-%m-%d %H:%M}"
        if name == "summary":
            return _clip(f"{self.title}: " + " ".join(rng.sample(SENTENCES, 2)), kind_type.max_length)
        if name == "author":
            return rng.choice(NAMES)
        if name == "hashtags":
            return rng.sample(HASHTAG_POOL, rng.randint(1, 4))
        if name == "event_status":
            return rng.choices(["terjadwal", "ditunda", "dibatalkan", "pindah-daring"], [85, 5, 5, 5])[0]
        if name == "place":
            return rng.choice(PLACES)
        if name == "isbn":
            return _isbn(rng)
        if name == "call_number":
            shelf = rng.choice(["HIR", "LIY", "TOE", "DEE"])
            return f"899.221 {rng.randint(1, 9)} {shelf} {rng.choice('abhln')}"
        if name == "transcript":
            return "\n".join(rng.sample(SENTENCES, 5)) + "\n"
        if isinstance(kind_type, types.ImagePath):
            return self._image(corpus, samples, content)
        if isinstance(kind_type, types.Url):
            return f"https://example.id/{self.kind.slug}/{name.replace('_', '-')}/{self.number}"
        if isinstance(kind_type, types.Isbn):
            return _isbn(rng)
        if isinstance(kind_type, types.Choice):
            return next(iter(kind_type.options))
        if isinstance(kind_type, types.Integer):
            low = max(kind_type.minimum, 1990) if kind_type.minimum >= 1000 else kind_type.minimum
            return rng.randint(low, low + 30)
        if name == "partners":  # slugs of the partner pages copied from the sample
            return rng.sample(corpus.partners, min(2, len(corpus.partners))) or None
        if isinstance(kind_type, types.TextList):
            return rng.sample(NAMES if "perform" in name else STEP_TEXTS, 2)
        if isinstance(kind_type, types.Text):
            text = " ".join(rng.sample(WORDS, 4)).title()
            return _clip(text, kind_type.max_length)
        return None

    def _image(self, corpus: Corpus, samples: list[str], content: Path) -> str:
        if self.rng.random() < GENERATED_SHARE:
            name = f"{GENERATED_PREFIX}{self.number:05d}.jpg"
            _draw_image(random.Random(self.number * 7919), content / IMAGE_FOLDER / name)
            corpus.images_generated += 1
            return f"{IMAGE_FOLDER}/{name}"
        corpus.images_reused += 1
        return f"{IMAGE_FOLDER}/{self.rng.choice(samples)}"


def _clip(text: str, limit: int | None) -> str:
    if not limit or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",:;") + "."


def _isbn(rng: random.Random) -> str:
    digits = [9, 7, 8, 6, 0, 2] + [rng.randint(0, 9) for _ in range(6)]
    check = (10 - sum((3 if i % 2 else 1) * d for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits + [check]))


def _draw_image(rng: random.Random, path: Path) -> None:
    """A flat picture with detail (shapes of several colours), so cards have a real background."""
    image = Image.new("RGB", IMAGE_SIZE, rng.choice(PALETTE))
    draw = ImageDraw.Draw(image)
    width, height = IMAGE_SIZE
    for _ in range(14):
        x, y = rng.randint(-100, width), rng.randint(-100, height)
        size = rng.randint(60, 420)
        box = (x, y, x + size, y + size * rng.uniform(0.5, 1.5))
        shape = rng.choice((draw.rectangle, draw.ellipse))
        shape(box, fill=rng.choice(PALETTE))
    image.save(path, "JPEG", quality=82)


class _Literal(str):
    """A text YAML writes as a block (`|`), as staff write transcripts."""


def _literal(dumper, text):
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")


class _Dumper(yaml.SafeDumper):
    pass


class _Flow(list):
    """A list YAML writes on one line (`[a, b]`), as staff write hashtags."""


def _flow(dumper, items):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_Dumper.add_representer(_Literal, _literal)
_Dumper.add_representer(_Flow, _flow)


def _front_matter(values: dict) -> str:
    shaped = {
        k: _Literal(v) if isinstance(v, str) and "\n" in v else _Flow(v) if k == "hashtags" else v
        for k, v in values.items()
    }
    text = yaml.dump(
        shaped, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False
    )
    return f"---\n{text}---\n\n"


def _body(rng: random.Random, earlier: list[str]) -> str:
    """Three to six paragraphs, a subheading or two, sometimes a list and a link to an earlier post."""
    parts = [" ".join(rng.sample(SENTENCES, rng.randint(2, 4)))]
    for _ in range(rng.randint(1, 2)):
        parts.append(f"## {' '.join(rng.sample(WORDS, 3)).capitalize()}")
        parts.append(" ".join(rng.sample(SENTENCES, rng.randint(2, 4))))
    if rng.random() < 0.5:
        items = (f"- **{w.capitalize()}**: {rng.choice(SENTENCES)}" for w in rng.sample(WORDS, 3))
        parts.append("\n".join(items))
    if earlier and rng.random() < 0.4:
        target = rng.choice(earlier)
        parts.append(f"Baca juga [tulisan kami sebelumnya]({{filename}}/{target}) tentang topik ini.")
    parts.append(" ".join(rng.sample(SENTENCES, rng.randint(1, 3))))
    return "\n\n".join(parts) + "\n"
