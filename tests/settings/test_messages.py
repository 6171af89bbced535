"""Every declared setting: a malformed value gives one Indonesian line naming the key and the fix."""

from __future__ import annotations

import pytest

from tests.settings.conftest import DELETE, changed, problems

CASES = [
    # LIBRARY (plugins/site_profile)
    (
        ("LIBRARY",),
        "perpustakaan",
        "LIBRARY: 'perpustakaan' harus berupa kamus (dict). Salin contoh LIBRARY dari README.md.",
    ),
    (("LIBRARY",), DELETE, "LIBRARY: belum diisi. Salin contoh LIBRARY dari README.md."),
    (("LIBRARY", "name"), "  ", "LIBRARY['name']: kosong. Tulis teksnya di antara tanda kutip."),
    (("LIBRARY", "phone"), 62434, "LIBRARY['phone']: 62434 harus teks di antara tanda kutip."),
    (("LIBRARY", "tagline"), DELETE, "LIBRARY['tagline']: belum diisi; tambahkan kunci ini."),
    (("LIBRARY", "address", "region"), DELETE, "LIBRARY['address']['region']: belum diisi"),
    (
        ("LIBRARY", "address", "kota"),
        "Kotamobagu",
        "LIBRARY['address']['kota']: kunci ini tidak dikenal. Hapus atau perbaiki ejaannya. Kunci yang "
        "dikenal: street, ",
    ),
    (
        ("LIBRARY", "geo", "latitude"),
        100,
        "LIBRARY['geo']['latitude']: 100 terlalu besar (paling besar 90). Isi angka antara -90 dan 90",
    ),
    (("LIBRARY", "geo", "longitude"), "124.3", "LIBRARY['geo']['longitude']: '124.3' harus angka."),
    (
        ("LIBRARY", "map_url"),
        "http://osm.org/x",
        "LIBRARY['map_url']: 'http://osm.org/x' bukan alamat web https yang lengkap.",
    ),
    (
        ("LIBRARY", "opening_hours"),
        [],
        "LIBRARY['opening_hours']: [] terlalu sedikit isinya (paling sedikit 1).",
    ),
    (
        ("LIBRARY", "opening_hours", 0, "days", 0),
        "senen",
        "LIBRARY['opening_hours'][0]['days'][0]: hari 'senen' tidak dikenal. Mungkin maksudnya 'senin'? "
        "Pakai: senin,",
    ),
    (
        ("LIBRARY", "opening_hours", 0, "days"),
        "senin",
        "LIBRARY['opening_hours'][0]['days']: 'senin' harus daftar [ ]. Tulis daftar hari di antara [ ]",
    ),
    (
        ("LIBRARY", "opening_hours", 1, "closes"),
        "11.30",
        "LIBRARY['opening_hours'][1]['closes']: '11.30' bukan jam. Tulis JJ:MM di antara tanda kutip, "
        "misalnya '08:00'.",
    ),
    (
        ("LIBRARY", "opening_hours", 2),
        "sabtu 09-14",
        "LIBRARY['opening_hours'][2]: 'sabtu 09-14' harus berupa kamus (dict). Tulis seperti {'days': "
        "['senin', 'selasa']",
    ),
    (
        ("LIBRARY", "email"),
        "perpustakaan",
        "LIBRARY['email']: 'perpustakaan' bukan alamat surel. Tulis seperti nama@domain.go.id.",
    ),
    (
        ("LIBRARY", "social", "facebok"),
        "https://facebook.com/x",
        "LIBRARY['social']['facebok']: kunci ini tidak dikenal. Mungkin maksudnya 'facebook'? Hapus atau "
        "perbaiki ejaannya.",
    ),
    (
        ("LIBRARY", "social", "x"),
        "x.com/perpus",
        "LIBRARY['social']['x']: 'x.com/perpus' bukan alamat web https yang lengkap.",
    ),
    (
        ("LIBRARY", "hashtags", 0),
        "Literasi Digital",
        "LIBRARY['hashtags'][0]: tagar 'Literasi Digital' tidak sah. Tulis tagar satu kata, tanpa spasi "
        "atau tanda hubung, misalnya 'LiterasiDigital'.",
    ),
    (
        ("LIBRARY", "logo"),
        "gambar/tidak-ada.png",
        "LIBRARY['logo']: berkas 'gambar/tidak-ada.png' tidak ditemukan di folder content/.",
    ),
    (("LIBRARY", "logo"), "../README.md", "LIBRARY['logo']: '../README.md' menunjuk ke luar folder content/"),
    (
        ("LIBRARY", "logo"),
        "halaman/tentang.md",
        "LIBRARY['logo']: berkas logo 'halaman/tentang.md' bukan gambar PNG/JPG",
    ),
    (
        ("LIBRARY", "colors", "accent"),
        "#ffcc00",
        "LIBRARY['colors']['accent']: kontras #ffcc00 dengan putih hanya 1.5:1, kurang dari 4.5:1 yang "
        "diminta WCAG. Pilih warna yang lebih gelap.",
    ),
    (
        ("LIBRARY", "colors", "primary"),
        "hijau",
        "LIBRARY['colors']['primary']: 'hijau' bukan kode warna. Tulis seperti #0b5d4b.",
    ),
    # Site-wide settings (plugins/site_profile/site.py)
    (
        ("PUBLIC_URL",),
        "https://contoh.go.id/",
        "PUBLIC_URL: 'https://contoh.go.id/' bukan alamat situs yang polos. Tulis alamat lengkap",
    ),
    (("PUBLIC_URL",), DELETE, "PUBLIC_URL: belum diisi. Tulis alamat lengkap tanpa garis miring di akhir"),
    (
        ("BUILD_NOW",),
        "2026-11-28T10:00:00",
        "BUILD_NOW: '2026-11-28T10:00:00' bukan waktu ISO dengan zona waktu. Isi None, atau misalnya "
        "'2026-11-28T10:00:00+08:00'.",
    ),
    (("STRICT_CONTENT",), "ya", "STRICT_CONTENT: 'ya' harus True atau False. Isi True atau False."),
    (
        ("IMAGE_WIDTHS",),
        [360, 50],
        "IMAGE_WIDTHS[1]: 50 terlalu kecil (paling kecil 100). Isi daftar lebar gambar",
    ),
    (("IMAGE_WIDTHS",), [], "IMAGE_WIDTHS: [] terlalu sedikit isinya (paling sedikit 1)."),
    (
        ("PUBLISH_CNAME",),
        "https://contoh.go.id",
        "PUBLISH_CNAME: 'https://contoh.go.id' bukan nama domain. Isi None, atau nama domain saja",
    ),
    (("TIMEZONE",), "WITA", "TIMEZONE: 'WITA' bukan zona waktu. Pakai 'Asia/Makassar' (WITA)."),
    (
        ("DEFAULT_LANG",),
        "en",
        "DEFAULT_LANG: 'en' bukan bahasa situs ini: situs ini berbahasa Indonesia. Isi dengan 'id'.",
    ),
    # FEEDS and FEED_MAX_ITEMS (plugins/feeds/settings.py)
    (("FEEDS",), ["utm"], "FEEDS: ['utm'] harus berupa kamus (dict). Tulis seperti {'utm': None"),
    (
        ("FEEDS", "utm"),
        {"utm_source": "umpan", "utm_sorce": "x"},
        "FEEDS['utm']['utm_sorce']: kunci ini tidak dikenal. Mungkin maksudnya 'utm_source'? Hapus atau "
        "perbaiki ejaannya.",
    ),
    (
        ("FEEDS", "utm"),
        {"utm_medium": "sosial"},
        "FEEDS['utm']['utm_source']: belum diisi; tambahkan kunci ini.",
    ),
    (
        ("FEEDS", "utm"),
        {"utm_source": "dua kata"},
        "FEEDS['utm']['utm_source']: 'dua kata' bukan satu kata. Tulis satu kata tanpa spasi",
    ),
    (("FEEDS", "library_hashtags"), "ya", "FEEDS['library_hashtags']: 'ya' harus True atau False."),
    (("FEEDS", "folder"), "umpan/", "FEEDS['folder']: 'umpan/' bukan satu nama folder."),
    (
        ("FEED_MAX_ITEMS",),
        0,
        "FEED_MAX_ITEMS: 0 terlalu kecil (paling kecil 1). Isi bilangan bulat 1 sampai 500",
    ),
    (("FEED_MAX_ITEMS",), "30", "FEED_MAX_ITEMS: '30' harus bilangan bulat."),
    (
        ("FEED_ALL_ATOM",),
        "feeds/all.atom.xml",
        "FEED_ALL_ATOM: umpan bawaan Pelican harus mati. Isi dengan None; umpan situs ini dibuat plugin "
        "feeds",
    ),
    (("TAG_FEED_RSS",), "feeds/{slug}.rss.xml", "TAG_FEED_RSS: umpan bawaan Pelican harus mati."),
    # SOCIAL_CARDS (plugins/social_cards/settings.py)
    (
        ("SOCIAL_CARDS", "jpeg_quality"),
        99,
        "SOCIAL_CARDS['jpeg_quality']: 99 terlalu besar (paling besar 95). Isi bilangan bulat 40-95",
    ),
    (
        ("SOCIAL_CARDS", "max_bytes"),
        "300 KB",
        "SOCIAL_CARDS['max_bytes']: '300 KB' harus bilangan bulat. Isi jumlah byte 50000-5000000",
    ),
    (("SOCIAL_CARDS", "workers"), 0, "SOCIAL_CARDS['workers']: 0 terlalu kecil (paling kecil 1). Isi None"),
    (("SOCIAL_CARDS", "workers"), True, "SOCIAL_CARDS['workers']: True harus bilangan bulat."),
    (("SOCIAL_CARDS", "folder"), "Kartu", "SOCIAL_CARDS['folder']: 'Kartu' bukan satu nama folder."),
    (
        ("SOCIAL_CARDS", "jpeg_quallity"),
        80,
        "SOCIAL_CARDS['jpeg_quallity']: kunci ini tidak dikenal. Mungkin maksudnya 'jpeg_quality'?",
    ),
    # SHARE_KIT (plugins/share_kit/settings.py)
    (
        ("SHARE_KIT",),
        "bagikan",
        "SHARE_KIT: 'bagikan' harus berupa kamus (dict). Tulis seperti {'folder': 'bagikan'}",
    ),
    (
        ("SHARE_KIT", "folder"),
        "acara",
        "SHARE_KIT['folder']: 'acara' sudah dipakai situs publik. Pilih nama lain",
    ),
    (("SHARE_KIT", "folder"), "../luar", "SHARE_KIT['folder']: '../luar' bukan satu nama folder."),
    (("SHARE_KIT", "library_hashtags"), 1, "SHARE_KIT['library_hashtags']: 1 harus True atau False."),
]


@pytest.mark.parametrize("path, value, expected", CASES, ids=[" ".join(map(str, c[0])) for c in CASES])
def test_a_malformed_value_is_named_with_its_fix(project_settings, path, value, expected):
    """The one line about this key says what is wrong and how to fix it, in Indonesian."""
    lines = problems(changed(project_settings, path, value))
    assert [line for line in lines if line.startswith(expected)], "\n".join(lines)


def test_a_malformed_value_gives_exactly_one_line(project_settings):
    """One mistake is one line: no echo from pydantic's union or length checks."""
    lines = problems(changed(project_settings, ("LIBRARY", "opening_hours", 0, "days"), ["senen", 3]))
    about_hours = [line for line in lines if line.startswith("LIBRARY['opening_hours']")]
    assert len(about_hours) == 2, about_hours  # one per wrong day, none for "too few days"


def test_no_line_is_english(project_settings):
    """pydantic's own English messages never reach staff."""
    lines = problems(changed(project_settings, ("SOCIAL_CARDS",), {"workers": "dua", "max_bytes": 1.5}))
    assert lines
    assert not [line for line in lines if "Input should" in line or "valid" in line]
