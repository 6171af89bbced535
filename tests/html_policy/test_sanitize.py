"""The sanitiser against the policy: what is removed, and what must survive as written."""

from __future__ import annotations

import lxml.html
import pytest

from plugins.html_policy.sanitize import sanitize

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=abc&amp;start=30"
YOUTUBE_EMBED = (
    f'<iframe width="560" height="315" src="{YOUTUBE}" title="Tur perpustakaan" '
    'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; '
    'gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" '
    "allowfullscreen></iframe>"
)


def tree(html: str):
    return lxml.html.fragment_fromstring(html, create_parent="div")


def urls(html: str) -> list[str]:
    return [
        value
        for element in tree(html).iter()
        if isinstance(element.tag, str)
        for name, value in element.attrib.items()
        if name in ("href", "src", "cite")
    ]


def test_script_is_removed_with_its_content():
    clean = sanitize("<p>Halo</p><script>alert('x')</script><p>lagi</p>")
    assert "<script" not in clean and "alert" not in clean
    assert clean == "<p>Halo</p><p>lagi</p>"


def test_youtube_nocookie_embed_is_kept_with_its_safe_attributes():
    clean = sanitize(YOUTUBE_EMBED)
    iframe = tree(clean).find("iframe")
    assert iframe is not None
    assert iframe.get("src") == YOUTUBE.replace("&amp;", "&")
    for name in ("title", "width", "height", "allow", "allowfullscreen", "referrerpolicy"):
        assert name in iframe.attrib, name


def test_vimeo_player_embed_is_kept():
    clean = sanitize(
        '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" title="Video"></iframe>'
    )
    assert tree(clean).find("iframe").get("src").startswith("https://player.vimeo.com/video/")


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/embed/x",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",  # not the privacy-enhanced host
        "http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",  # not https
        "https://www.youtube-nocookie.com.evil.example/embed/x",
        "https://www.youtube-nocookie.com/watch?v=x",
        "javascript:alert(1)",
        "",
    ],
)
def test_iframe_from_another_source_is_removed_entirely(src):
    clean = sanitize(f'<p>a</p><iframe src="{src}">cadangan <b>x</b></iframe><p>b</p>')
    assert "iframe" not in clean
    assert clean == "<p>a</p><p>b</p>"


def test_iframe_fallback_markup_and_unsafe_attributes_are_dropped():
    clean = sanitize(
        YOUTUBE_EMBED.replace(
            "></iframe>", ' onload="x()" srcdoc="<b>x</b>"><script>alert(1)</script></iframe>'
        )
    )
    iframe = tree(clean).find("iframe")
    assert iframe is not None and not iframe.text and len(iframe) == 0
    assert "onload" not in clean and "srcdoc" not in clean and "script" not in clean


def test_iframe_allow_with_camera_or_microphone_is_removed():
    clean = sanitize(YOUTUBE_EMBED.replace('allow="', 'allow="camera; microphone; '))
    assert "allow=" not in clean.replace("allowfullscreen", "")


@pytest.mark.parametrize(
    "html",
    [
        '<img src="x.jpg" alt="a" onerror="alert(1)">',
        '<p onclick="alert(1)">teks</p>',
        '<a href="https://a.id" onmouseover="alert(1)">t</a>',
        '<svg onload="alert(1)"><circle/></svg>',
        '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    ],
)
def test_event_handlers_are_removed(html):
    clean = sanitize(html)
    assert "alert" not in clean and " on" not in clean


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java&#x0A;script:alert(1)",
        "jav&#x61;script:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "javascript&colon;alert(1)",
        "&#x01;javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
    ],
)
def test_dangerous_link_schemes_are_removed(href):
    clean = sanitize(f'<p><a href="{href}">klik</a></p>')
    assert urls(clean) == []
    assert "klik" in clean  # the text of the link stays


def test_data_images_are_dropped_and_quotations_lose_the_url():
    # An image without a source shows nothing and is invalid HTML: it goes entirely.
    clean = sanitize(
        '<p>a<img src="data:image/png;base64,iVBORw0KGgo=" alt="titik">b</p>'
        '<p><img src="javascript:alert(1)" alt="j"></p>'
        '<blockquote cite="javascript:alert(1)">kutipan</blockquote>'
    )
    assert clean == "<p>ab</p><p></p><blockquote>kutipan</blockquote>"


def test_an_image_keeps_its_place_when_only_an_attribute_goes():
    clean = sanitize('<p><img src="{static}/gambar/a.jpg" alt="a" onerror="x()"></p>')
    assert clean == '<p><img src="{static}/gambar/a.jpg" alt="a"></p>'


def test_style_attributes_and_elements_are_removed():
    clean = sanitize('<p style="color:red">merah</p><style>body{display:none}</style>')
    assert clean == "<p>merah</p>"


@pytest.mark.parametrize(
    "html",
    [
        '<object data="x.swf"></object>',
        '<embed src="x.swf">',
        '<form action="https://x.id"><input name="a"><button>Kirim</button></form>',
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=x">',
    ],
)
def test_objects_forms_and_document_tags_are_removed(html):
    clean = tree(sanitize(html))
    assert [e.tag for e in clean.iter() if isinstance(e.tag, str)] == ["div"]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="{filename}/acara/2026-11-20-diskusi-buku.md">Diskusi</a></p>',
        '<p><a href="{filename}../halaman/tentang.md#jam-buka">Jam buka</a></p>',
        '<p><img alt="Ruang baca" src="{static}/gambar/ruang-baca.jpg"></p>',
        '<p><a href="{attach}unduhan/formulir.pdf">Formulir</a></p>',
        '<p><a href="/acara/">Acara</a> <a href="#bagian">Bagian</a> <a href="../x/">X</a></p>',
        '<p><a href="mailto:perpustakaan@kotamobagukota.go.id">Surel</a> '
        '<a href="tel:+6243421234">Telepon</a> <a href="http://a.id/?a=1&amp;b=2">Web</a></p>',
    ],
)
def test_allowed_and_placeholder_urls_are_kept_as_written(html):
    assert sanitize(html) == html


def test_markdown_output_is_kept_byte_for_byte(markdown_html):
    html = markdown_html(
        '## Jam buka\n\nTeks[^1] tentang *HTML* dan "kutipan".\n\n'
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\nIstilah\n: arti\n\n"
        '```python\nx = "<b>" & y\n```\n\n<perpustakaan@kotamobagukota.go.id>\n\n'
        "*[HTML]: HyperText Markup Language\n\n[^1]: Catatan kaki.\n"
    )
    assert 'id="jam-buka"' in html and 'class="footnote"' in html and "&ldquo;" in html
    assert 'style="text-align: center;"' in html and "<abbr" in html and "<dl>" in html
    assert sanitize(html) == html


def test_toc_ids_footnotes_and_figures_are_kept():
    html = (
        '<h2 id="jam-buka">Jam</h2><p>x<sup id="fnref:1"><a class="footnote-ref" '
        'href="#fn:1">1</a></sup></p><figure><img src="{static}/gambar/a.jpg" alt="a">'
        '<figcaption>Keterangan</figcaption></figure><div class="footnote"><hr><ol>'
        '<li id="fn:1"><p>c <a class="footnote-backref" href="#fnref:1" title="Kembali">'
        "&#8617;</a></p></li></ol></div>"
    )
    assert sanitize(html) == html


def test_unknown_classes_and_ids_are_removed_known_ones_kept():
    clean = sanitize(
        '<div class="footnote sembunyi"><p class="x" id="y">t</p></div>'
        '<pre><code class="language-python">x</code></pre>'
    )
    assert clean == ('<div class="footnote"><p>t</p></div><pre><code class="language-python">x</code></pre>')


def test_links_get_no_rel_added():
    assert sanitize('<a href="https://a.id">a</a>') == '<a href="https://a.id">a</a>'


def test_a_reference_for_markup_is_not_mistaken_for_markup():
    # "&lt;b&gt;" is text; written as "<b>" it would be a tag: never the same.
    clean = sanitize("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert clean == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert tree(clean).find(".//script") is None
