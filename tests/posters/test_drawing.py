"""Posters drawn cheaply and alike: fonts and logo read once a process, many posters on every core.

The PDF of a poster must keep the bytes fpdf2 gives it when every document reads
its fonts and logo itself (its own add_font and image), whatever was drawn before
it in the same process; posters drawn by worker processes must be the ones this
process draws.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF

from plugins._shared.errors import BuildStopped
from plugins.posters import drawing, store
from plugins.posters import pdf as poster_pdf
from plugins.posters.drawing import PosterJob, draw_all
from plugins.posters.layout import Text, layout
from plugins.posters.png import open_logo
from plugins.social_cards.fonts import EMOJI, FONTS_DIR, STACKS
from sitekit import WITA, post_facts
from tests.posters.posterkit import embedded_fonts, page_fonts
from tests.posters.test_layout import longest_event, spec_of

MOMENT = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
ALL_FONTS = sorted({name for stack in STACKS.values() for name in stack})
# Drawn by the fallback fonts of the stack (Noto Sans Symbols 2, DejaVu Sans) and by the emoji font.
SYMBOLS = "🎉 ★ ♫"


def short_event():
    return post_facts(
        "acara",
        {
            "title": f"Malam Puisi {SYMBOLS} di Taman Baca",
            "summary": "Membaca puisi bersama di halaman perpustakaan.",
            "start": dt.datetime(2026, 12, 5, 19, tzinfo=WITA),
            "end": dt.datetime(2026, 12, 5, 21, tzinfo=WITA),
            "place": "Halaman Perpustakaan Kota Kotamobagu",
        },
    )


@pytest.fixture(scope="module")
def specs(profile):
    """The longest poster, one with symbols and an emoji, then the longest again."""
    long, short = spec_of(longest_event(), profile), spec_of(short_event(), profile)
    return [long, short, long]


def fpdf_add_font(pdf: FPDF, family: str, path: Path) -> None:
    pdf.add_font(family, "", str(path))


def pdf_of(spec) -> bytes:
    return poster_pdf.pdf_bytes(layout(spec), spec.title, spec.library.name, MOMENT)


def faces_used(spec) -> set[int]:
    return {
        run.face
        for shape in layout(spec).shapes
        if isinstance(shape, Text)
        for line in shape.block.lines
        for run in line.runs
    }


def test_the_pdf_has_the_bytes_of_fpdf2_reading_fonts_and_logo_itself(specs, monkeypatch):
    assert {EMOJI, 1, 2} <= faces_used(specs[1]), "the symbols no longer reach the fallback fonts"
    ours = [pdf_of(spec) for spec in specs]
    with monkeypatch.context() as patch:
        patch.setattr(poster_pdf, "_add_font", fpdf_add_font)
        patch.setattr(poster_pdf, "_logo", lambda pdf, path: open_logo(path))
        own_reading = [pdf_of(spec) for spec in specs]
    assert ours == own_reading
    assert ours[0] == ours[2]  # nothing the second poster set carried over into the third
    page = pypdf.PdfReader(io.BytesIO(ours[1])).pages[0]
    assert "★" in page.extract_text() and "♫" in page.extract_text()
    assert page["/Resources"]["/XObject"], "the logo and the emoji are not placed as images"


def font_name(name: str) -> str:
    """The name a PDF gives the font file `name` (fpdf2: its full name without spaces)."""
    return TTFont(FONTS_DIR / name)["name"].getBestFullName().replace(" ", "")


def test_a_poster_embeds_only_the_fonts_its_text_is_set_in(specs):
    for spec in specs[:2]:
        files = {
            STACKS[shape.block.stack][run.face]
            for shape in layout(spec).shapes
            if isinstance(shape, Text)
            for line in shape.block.lines
            for run in line.runs
            if run.face != EMOJI and not run.text.isspace()
        }
        document = pdf_of(spec)
        assert embedded_fonts(document) == page_fonts(document) == sorted(font_name(name) for name in files)
    assert len(files) >= 3, "the symbols no longer reach the fallback fonts"
    assert len(files) < len(ALL_FONTS), "the poster uses every font: it cannot show that others are left out"


@pytest.mark.parametrize("name", ALL_FONTS)
def test_each_font_is_embedded_as_fpdf2_embeds_it(name):
    """Letters with kerning pairs too (DejaVu's kern table must go exactly when fpdf2 drops it)."""

    def document(add_font) -> bytes:
        pdf = FPDF()
        pdf.set_creation_date(MOMENT)
        add_font(pdf, "font", FONTS_DIR / name)
        pdf.add_page()
        pdf.set_font("font", size=20)
        pdf.text(10, 20, "AVATAR To Yy LT Wa 12:30")
        return bytes(pdf.output())

    assert document(poster_pdf._add_font) == document(fpdf_add_font)


def test_posters_drawn_by_workers_are_the_ones_drawn_here(specs, tmp_path, monkeypatch):
    jobs = [PosterJob(f"poster-{number}", spec, MOMENT) for number, spec in enumerate(specs)]
    here, workers = tmp_path / "here", tmp_path / "workers"
    draw_all(here, jobs, workers=2)  # fewer than POOL_FROM: drawn in this process
    monkeypatch.setattr(drawing, "POOL_FROM", 1)
    draw_all(workers, jobs, workers=2)
    names = sorted(path.name for path in here.iterdir())
    assert names == sorted(path.name for path in workers.iterdir())
    assert len(names) == 2 * len(jobs) * 2  # a PDF and a PNG, each with its record
    for name in names:
        assert (here / name).read_bytes() == (workers / name).read_bytes(), name
    assert all(store.is_cached(workers, job.name) for job in jobs)


def test_a_poster_that_cannot_be_drawn_stops_the_build_naming_it(specs, tmp_path):
    broken = dataclasses.replace(
        specs[1], library=dataclasses.replace(specs[1].library, logo=str(tmp_path / "hilang.png"))
    )
    with pytest.raises(BuildStopped, match="Poster acara-rusak gagal dibuat"):
        draw_all(tmp_path / "cache", [PosterJob("acara-rusak", broken, MOMENT)], workers=1)
    assert not any((tmp_path / "cache").glob("acara-rusak*"))
