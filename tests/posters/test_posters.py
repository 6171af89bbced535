"""Every event's posters, read back: an A4 PDF with the event's text, a PNG whose QR code opens it."""

from __future__ import annotations

import re

import pypdf
import pytest
from babel.dates import format_date
from PIL import Image

from plugins.content_model.frontmatter import parse_document
from plugins.posters.content import SESSIONS_SHOWN
from sitekit import WITA, local_path
from tests.posters.posterkit import (
    A4,
    CANCELLED_SLUG,
    CM_PER_INCH,
    FULL_SLUG,
    LONG_SERIES_COUNT,
    LONG_SERIES_SLUG,
    PUBLIC_URL,
    RESCHEDULED_SLUG,
    embedded_fonts,
    page_fonts,
    pdf_page_image,
    pdf_text,
    qr_width,
    read_qr,
)

SMALLEST_QR_CM = 4.0  # read from about a metre away by a phone camera
PNG_SIZE = (1131, 1600)


def by_slug(site, slug):
    return next(post for post in site.events() if post.slug == slug)


def test_the_sample_and_the_extra_events_are_all_there(poster_site):
    slugs = {post.slug for post in poster_site.events()}
    assert {CANCELLED_SLUG, RESCHEDULED_SLUG, LONG_SERIES_SLUG, FULL_SLUG} <= slugs
    assert len(slugs) >= 10


def test_every_event_has_a_one_page_a4_pdf(poster_site):
    for post in poster_site.events():
        reader = pypdf.PdfReader(poster_site.pdf_path(post))
        assert len(reader.pages) == 1, post.slug
        box = reader.pages[0].mediabox
        assert float(box.width) == pytest.approx(A4[0], abs=1), post.slug
        assert float(box.height) == pytest.approx(A4[1], abs=1), post.slug
        assert reader.metadata.title == post.title


def test_every_pdf_says_the_title_date_and_place(poster_site):
    for post in poster_site.events():
        text = pdf_text(poster_site.pdf_path(post))
        day = format_date(post.values["start"].astimezone(WITA), "d MMMM y", locale="id")
        place = post.values.get("place") or "Daring"
        for expected in (" ".join(post.title.split()), day, place):
            assert expected in text, f"{post.slug}: {expected!r} not in the PDF's text: {text!r}"


def test_the_pdf_embeds_every_font_it_uses_and_no_other(poster_site):
    for post in poster_site.events():
        path = poster_site.pdf_path(post)
        page = pypdf.PdfReader(path).pages[0]
        fonts = page["/Resources"]["/Font"]
        assert fonts, post.slug
        for name, ref in fonts.items():
            descendant = ref.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], f"{post.slug}: {name} is not embedded"
        assert embedded_fonts(path) == page_fonts(path), f"{post.slug}: a font is embedded but never used"


def test_every_png_has_a_qr_code_that_opens_the_event_page(poster_site):
    for post in poster_site.events():
        with Image.open(poster_site.png_path(post)) as image:
            assert image.size == PNG_SIZE
            found = read_qr(image.convert("L"))
        assert [code.text for code in found] == [f"{PUBLIC_URL}{post.url}"], post.slug


def test_the_printed_qr_code_opens_the_event_page_and_is_large_enough(poster_site):
    dpi = 150
    for post in poster_site.events():
        page = pdf_page_image(poster_site.pdf_path(post), dpi)
        found = read_qr(page.convert("L"))
        assert [code.text for code in found] == [f"{PUBLIC_URL}{post.url}"], post.slug
        printed_cm = qr_width(found[0]) / dpi * CM_PER_INCH
        assert printed_cm >= SMALLEST_QR_CM, f"{post.slug}: the QR code is {printed_cm:.1f} cm wide"


def test_a_cancelled_event_says_so_and_the_others_do_not(poster_site):
    for post in poster_site.events():
        cancelled = post.values.get("event_status") == "dibatalkan"
        assert ("DIBATALKAN" in pdf_text(poster_site.pdf_path(post))) == cancelled, post.slug
    assert by_slug(poster_site, CANCELLED_SLUG).values["event_status"] == "dibatalkan"


def test_a_rescheduled_event_shows_its_old_date(poster_site):
    post = by_slug(poster_site, RESCHEDULED_SLUG)
    text = pdf_text(poster_site.pdf_path(post))
    old_day = format_date(post.values["previous_start"].astimezone(WITA), "d MMMM y", locale="id")
    assert "DIJADWALKAN ULANG" in text and old_day in text


def test_a_long_series_lists_its_first_sessions_and_counts_the_rest(poster_site):
    post = by_slug(poster_site, LONG_SERIES_SLUG)
    text = pdf_text(poster_site.pdf_path(post))
    assert f"{LONG_SERIES_COUNT} PERTEMUAN" in text  # the label, in capitals
    assert f"dan {LONG_SERIES_COUNT - SESSIONS_SHOWN} pertemuan lagi" in text
    assert "DAFTAR forms.gle/KelasInggrisAnakKotamobagu2026" in text
    assert "paling lambat" in text and "30 November 2026" in text


def test_a_full_event_says_penuh_and_offers_no_registration(poster_site):
    post = by_slug(poster_site, FULL_SLUG)
    text = pdf_text(poster_site.pdf_path(post))
    assert "Penuh" in text
    assert "forms.gle" not in text and not re.search(r"\bDAFTAR\b", text)  # PENDAFTARAN is the detail


def test_the_share_kit_links_both_posters(poster_site):
    for post in poster_site.events():
        page = f"/bagikan/{post.kind}/{post.slug}/"
        soup = poster_site.soup(page)
        links = {" ".join(a.get_text(" ").split()): a for a in soup.select("a[download]")}
        for label, file in (
            ("Unduh poster A4 (PDF)", poster_site.pdf_path(post)),
            ("Poster untuk WhatsApp (PNG)", poster_site.png_path(post)),
        ):
            assert label in links, f"{page} has no link {label!r}"
            target = poster_site.file_for(local_path(page, links[label]["href"]))
            assert target.is_file() and target.read_bytes() == file.read_bytes(), f"{page}: {label}"


def test_a_post_without_a_schedule_has_no_poster_link(poster_site):
    soup = poster_site.soup("/bagikan/tutorial/cara-mendaftar-menjadi-anggota-perpustakaan/")
    assert soup.select("a[download]") and "poster" not in " ".join(a["href"] for a in soup.select("a[href]"))


def test_a_second_build_draws_no_poster(poster_site, warm_site):
    first, second = poster_site.manifest(), warm_site.manifest()
    assert second["drawn"] == []
    assert sorted(second["cached"]) == sorted(first["drawn"] + first["cached"])
    assert len(second["cached"]) == len(poster_site.events())
    for post in warm_site.events():
        assert warm_site.pdf_path(post).read_bytes() == poster_site.pdf_path(post).read_bytes()
        assert warm_site.png_path(post).read_bytes() == poster_site.png_path(post).read_bytes()


def test_an_event_names_each_of_its_partners_once(poster_site):
    def partner_name(slug):
        path = poster_site.content / "mitra" / f"{slug}.md"
        return parse_document(path.read_text(encoding="utf-8")).metadata["title"]

    with_partners = [post for post in poster_site.events() if post.values.get("partners")]
    assert with_partners, "the sample has no event with partners"
    for post in with_partners:
        text = pdf_text(poster_site.pdf_path(post))
        for slug in post.values["partners"]:
            assert text.count(partner_name(slug)) == 1, f"{post.slug}: {slug}"
