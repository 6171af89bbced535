"""The poster's layout with the longest texts staff may write: everything stays on the page, readable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from types import SimpleNamespace

from plugins._shared.colors import contrast_of
from plugins.content_model.fields import Recurrence
from plugins.content_model.presentation import Detail
from plugins.posters.content import Library, make_spec, rows_of
from plugins.posters.generator import poster_palette
from plugins.posters.layout import HEIGHT, WIDTH, Fill, Text, layout
from sitekit import ROOT, WITA, post_facts

NOW = dt.datetime(2026, 11, 28, 10, tzinfo=WITA)
URL = (
    "https://perpustakaan.kotamobagukota.go.id/acara/kelas-bahasa-inggris-untuk-anak-belajar-sambil-bermain/"
)


def longest_event():
    return post_facts(
        "acara",
        {
            "title": "Kelas Bahasa Inggris untuk Anak-anak dan Remaja Kotamobagu: "
            "Belajar Sambil Bermain, Bernyanyi",
            "summary": "Tiga puluh pertemuan belajar bahasa Inggris dengan lagu, permainan, buku cerita "
            "bergambar dan drama pendek untuk anak usia 8–12 tahun dan remaja, bersama relawan "
            "pengajar dari kampus.",
            "start": dt.datetime(2026, 12, 2, 15, tzinfo=WITA),
            "end": dt.datetime(2026, 12, 2, 16, 30, tzinfo=WITA),
            "repeat": Recurrence(every="week", count=30),
            "place": "Ruang Baca Anak dan Aula Serbaguna Lantai 1, Perpustakaan Kota Kotamobagu",
            "place_address": "Jl. Ahmad Yani No. 12, Kelurahan Gogagoman, Kotamobagu Barat",
            "online_url": "https://meet.google.com/abc-defg-hij?authuser=perpustakaan.kotamobagu",
            "registration_url": "https://docs.google.com/forms/d/e/1FAIpQLSd-Kelas-Bahasa-Inggris-Anak/viewform",
            "registration_deadline": dt.datetime(2026, 11, 30, 16, tzinfo=WITA),
            "audience": ["anak", "remaja"],
            "capacity": 25,
            "event_status": "dijadwalkan-ulang",
            "previous_start": dt.datetime(2026, 11, 25, 15, tzinfo=WITA),
            "status_changed": dt.datetime(2026, 11, 20, 9, tzinfo=WITA),
        },
    )


def spec_of(facts, profile):
    library = Library(
        profile.name,
        profile.tagline,
        profile.address.one_line,
        "Telp. 1",
        str(ROOT / "content" / profile.logo),
    )
    return make_spec(facts, URL, NOW, library, poster_palette(profile))


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def text_box(shape: Text):
    return (shape.x, shape.y, shape.x + shape.block.width, shape.y + shape.block.height)


def test_the_longest_texts_stay_on_the_page_and_off_the_qr_code(profile):
    drawn = layout(spec_of(longest_event(), profile))
    texts = [shape for shape in drawn.shapes if isinstance(shape, Text)]
    assert texts
    for shape in texts:
        box = text_box(shape)
        left, top, right, bottom = box
        assert left >= 0 and right <= WIDTH and top >= 0 and bottom <= HEIGHT, shape.block.lines
        assert not overlaps(box, drawn.qr_box), [line.text for line in shape.block.lines]
    for first, second in zip(texts, texts[1:], strict=False):
        if first.x == second.x:  # one column: each block starts below the one before
            assert second.y >= first.y + first.block.height - 1


def test_every_text_reads_at_4_5_to_1_against_what_is_under_it(profile):
    drawn = layout(spec_of(longest_event(), profile))
    fills = [shape for shape in drawn.shapes if isinstance(shape, Fill) and not shape.round]
    for shape in (s for s in drawn.shapes if isinstance(s, Text)):
        box = text_box(shape)
        under = [fill for fill in fills if overlaps(fill.box, box)]
        assert under
        assert contrast_of(shape.colour, under[-1].colour) >= 4.5, [line.text for line in shape.block.lines]


def test_a_long_series_is_cut_to_its_first_sessions(profile):
    spec = spec_of(longest_event(), profile)
    (sessions,) = [row for row in spec.rows if row.label.startswith("Waktu")]
    assert sessions.label == "Waktu · 30 pertemuan"
    assert sessions.lines[-1] == "dan 26 pertemuan lagi" and len(sessions.lines) == 5


def test_partners_are_named_once(profile):
    facts = longest_event()
    partners = (
        SimpleNamespace(name="SMA Negeri 1 Kotamobagu"),
        SimpleNamespace(name="Komunitas Baca Totabuan"),
    )
    with_partners = dataclasses.replace(
        facts, presentation=dataclasses.replace(facts.presentation, partners=partners)
    )
    assert [row.lines for row in rows_of(with_partners) if row.label == "Mitra"] == [
        ("SMA Negeri 1 Kotamobagu, Komunitas Baca Totabuan",)
    ]
    # A kind that names them in a detail already: the poster does not say it twice.
    said = Detail("Mitra", "SMA Negeri 1 Kotamobagu dan Komunitas Baca Totabuan")
    in_details = dataclasses.replace(
        with_partners,
        presentation=dataclasses.replace(
            with_partners.presentation, details=(*with_partners.presentation.details, said)
        ),
    )
    assert [row.label for row in rows_of(in_details)].count("Mitra") == 1


DRAW_IN_A_NEW_PROCESS = """
import datetime as dt, hashlib, sys
sys.path[:0] = ['.', 'tests/site']
from pelican.settings import read_settings
from plugins.posters.layout import layout
from plugins.posters.pdf import pdf_bytes
from plugins.posters.png import png_bytes
from plugins.site_profile.profile import parse_profile
from sitekit import ROOT
from tests.posters.test_layout import longest_event, spec_of
profile = parse_profile(read_settings(str(ROOT / 'pelicanconf.py'))['LIBRARY'], ROOT / 'content')
spec = spec_of(longest_event(), profile)
shapes = layout(spec)
moment = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
print(hashlib.sha256(pdf_bytes(shapes, spec.title, profile.name, moment) + png_bytes(shapes)).hexdigest())
"""


def test_the_same_poster_has_the_same_bytes_in_every_process():
    """A cold cache draws the poster again: its bytes (and so its copy in the output) must not change."""
    digests = set()
    for seed in ("1", "2"):  # string hashing, and so set order, differs between the two
        run = subprocess.run(
            [sys.executable, "-c", DRAW_IN_A_NEW_PROCESS],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        digests.add(run.stdout.strip())
    assert len(digests) == 1
