"""Text that always fits: measured wrapping, shrinking before breaking, ellipsis last, every glyph drawn."""

from __future__ import annotations

import pytest
from PIL import Image

from plugins.social_cards import fonts
from plugins.social_cards.text import ELLIPSIS, Style, draw_block, fit, run_width

TITLE = Style(stack="bold", size_min=40, size_max=72, line_height=1.12, max_lines=4, balance=True)
WIDTH, HEIGHT = 900, 400

LONG_TITLE = (
    "Pengumuman Penting tentang Perubahan Jadwal Layanan Perpustakaan Kota Kotamobagu selama "
    "Bulan Ramadan, Libur Hari Raya Idulfitri, dan Pekan Literasi Daerah yang Diadakan Bersama "
    "Sekolah-Sekolah serta Komunitas Pembaca di Seluruh Kecamatan"
)


def widths_ok(block, width) -> bool:
    return all(line.width <= width + 0.5 for line in block.lines)


def test_a_title_of_200_characters_is_cut_with_an_ellipsis_inside_the_box():
    """A very long title shrinks to the minimum size, then ends in an ellipsis on its last allowed line."""
    assert len(LONG_TITLE) > 200
    block = fit(LONG_TITLE, TITLE, WIDTH, HEIGHT)
    assert block.truncated
    assert block.size == TITLE.size_min
    assert len(block.lines) <= TITLE.max_lines
    assert block.lines[-1].text.endswith(ELLIPSIS)
    assert block.height <= HEIGHT and widths_ok(block, WIDTH)


def test_a_one_word_title_is_set_at_the_largest_size():
    """A short title is not shrunk: it takes the largest size the layout allows."""
    block = fit("Perpustakaan", TITLE, WIDTH, HEIGHT)
    assert block.size == TITLE.size_max and len(block.lines) == 1 and not block.truncated


def test_a_word_that_fits_at_a_smaller_size_is_shrunk_not_broken():
    """Shrinking comes before breaking: a long word stays whole when a smaller size fits it."""
    word = "Ketidakberesan-kelembagaan"
    at_max = run_width(word, 0, "bold", TITLE.size_max)
    width = int(at_max * 0.8)
    block = fit(word, TITLE, width, HEIGHT)
    assert [line.text for line in block.lines] == [word]
    assert block.size < TITLE.size_max


def test_a_single_huge_word_is_broken_between_characters_as_a_last_resort():
    """A word wider than the box even at the minimum size is broken, never overflowing."""
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
    block = fit(word, TITLE, 500, HEIGHT)
    assert len(block.lines) > 1
    assert "".join(line.text for line in block.lines).rstrip(ELLIPSIS) in word
    assert widths_ok(block, 500)


def test_a_url_breaks_after_its_punctuation():
    """A URL wider than the box breaks after / . ? & = rather than mid-word."""
    url = "https://opac.perpusnas.go.id/ResultListOpac.aspx?pDataItem=9789793062792&pType=Isbn"
    block = fit(f"Katalog: {url}", TITLE, 700, HEIGHT)
    assert widths_ok(block, 700) and not block.truncated
    broken = [line.text for line in block.lines if "/" in line.text or "?" in line.text][:-1]
    assert broken and all(text[-1] in "/.?&=-_#:" for text in broken)
    assert "".join(line.text for line in block.lines).replace(" ", "") == f"Katalog:{url}"


def test_indonesian_punctuation_is_drawn_by_noto_sans_itself():
    """Curly quotes, dashes and the ellipsis come from the primary font, not a fallback."""
    pieces, missing = fonts.assign("“Laskar Pelangi” — ‘kisah’ Belitung – 2005…", "bold")
    assert not missing
    assert {p.face for p in pieces} == {0}


@pytest.mark.parametrize(
    "text",
    [
        "Diskusi “Buku” — ‘Laskar’ – Pelangi…",
        "Baca 📚 bersama 👩🏽‍💻 di 🇮🇩 ❤️ 1️⃣",
        "Ελληνικά, Кириллица, € ½ × → ★ ✓ №",
    ],
)
def test_every_character_is_drawn_by_a_font_that_has_it(text):
    """No .notdef box: each cluster goes to a font whose character map has all its code points."""
    pieces, missing = fonts.assign(text, "bold")
    assert not missing
    for piece in pieces:
        name = fonts.EMOJI_FONT if piece.face == fonts.EMOJI else fonts.STACKS["bold"][piece.face]
        needed = {ord(c) for c in piece.text} - {0x200D, 0xFE0F, 0xFE0E}
        if piece.face == fonts.EMOJI:
            needed = {ord(piece.text[0])}
        assert needed <= fonts.coverage(name), (piece, name)


def test_emoji_sequences_stay_whole():
    """A skin tone, a ZWJ sequence, a flag and a keycap are each one cluster."""
    assert fonts.clusters("👩🏽‍💻🇮🇩1️⃣❤️") == ["👩🏽‍💻", "🇮🇩", "1️⃣", "❤️"]


def test_emoji_are_drawn_in_colour(save_card):
    """Emoji come from Noto Color Emoji, scaled to the line: coloured pixels, not a box or a silhouette."""
    style = Style(stack="bold", size_min=60, size_max=60, max_lines=1)
    block = fit("📚🇮🇩", style, 1000, 200)
    assert {r.face for line in block.lines for r in line.runs} == {fonts.EMOJI}
    canvas = Image.new("RGBA", (400, 120), (255, 255, 255, 255))
    ink = draw_block(canvas, block, 10, 10, 380, "left", (0, 0, 0))
    save_card("emoji.png", canvas.convert("RGB"))
    assert ink is not None
    colours = canvas.convert("RGB").crop(ink).getcolors(1_000_000)
    saturated = sum(n for n, (r, g, b) in colours if max(r, g, b) - min(r, g, b) > 80)
    assert saturated > 500
    red = sum(n for n, (r, g, b) in colours if r > 180 and g < 80 and b < 80)
    assert red > 100  # the Indonesian flag's red half


def test_a_script_no_font_has_is_reported_not_drawn():
    """Characters of a script the fonts lack are returned as missing (the build warns), never boxed."""
    pieces, missing = fonts.assign("Kunjungan ke 東京 dan ᜊᜌ᜔ᜊᜌᜒᜈ᜔", "bold")
    assert "東" in missing and "京" in missing
    assert all("東" not in p.text for p in pieces)
    assert fonts.missing_characters("Diskusi Buku “Laskar Pelangi” 📚") == []


def test_balanced_lines_leave_no_lonely_last_word():
    """Where greedy wrapping would leave one word alone, a balanced title evens its lines."""
    style = Style(stack="bold", size_min=60, size_max=60, max_lines=3, balance=True)
    width = round(run_width("Membaca Buku Bersama", 0, "bold", 60)) + 4
    block = fit("Membaca Buku Bersama Anak", style, width, HEIGHT)
    assert [line.text for line in block.lines] == ["Membaca Buku", "Bersama Anak"]
    unbalanced = fit(
        "Membaca Buku Bersama Anak", Style(stack="bold", size_min=60, size_max=60), width, HEIGHT
    )
    assert [line.text for line in unbalanced.lines] == ["Membaca Buku Bersama", "Anak"]


def test_unjoined_zwj_sequence_is_measured_as_drawn():
    """A ZWJ pair the emoji font does not join takes the width of the glyphs drawn."""
    from plugins.social_cards.fonts import EMOJI_SIZE, emoji_face
    from plugins.social_cards.text import EMOJI, emoji_bitmap, run_width

    cat_pizza = "\\U0001F408\\u200d\\U0001F355"  # not a real sequence: two glyphs
    one = run_width("\\U0001F408", EMOJI, "body", EMOJI_SIZE)
    two = run_width(cat_pizza, EMOJI, "body", EMOJI_SIZE)
    assert two > 1.5 * one
    assert abs(two - emoji_bitmap(cat_pizza).width) <= 1
    assert emoji_face().getlength(cat_pizza) == two
