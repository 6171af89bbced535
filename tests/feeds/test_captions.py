"""A post whose auto-post would not fit in 500 characters is named before publishing."""

from __future__ import annotations

import shutil

from sitekit import run_build

LONG_POST = """---
title: {title}
date: 2026-11-20 09:00
summary: {summary}
hashtags:
  - TantanganMembacaBulanDesember
  - KomunitasPembacaKotamobagu
  - LiterasiKeluargaIndonesia
  - PerpustakaanDigitalSulawesiUtara
---

Isi.
"""


def test_a_too_long_caption_warns_in_a_build_and_stops_a_strict_one(feed_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(feed_content, content)
    post = content / "pengumuman" / "2026-11-20-kabar-yang-terlalu-panjang.md"
    post.write_text(
        LONG_POST.format(
            title="Kabar " + "panjang " * 12 + "sekali",
            summary="Ringkasan " + "yang panjang " * 14 + "sekali.",
        ),
        encoding="utf-8",
    )

    run = run_build(tmp_path / "output", content=content)
    assert run.returncode == 0, run.log
    said = "".join((run.stdout + run.stderr).split())  # the log wraps long lines anywhere
    assert "2026-11-20-kabar-yang-terlalu-panjang.md" in said and "500" in said, run.log

    strict = run_build(tmp_path / "strict", content=content, strict=True)
    assert strict.returncode == 1, strict.log
    assert "kabar-yang-terlalu-panjang" in strict.stderr and "summary" in strict.stderr
    assert not (tmp_path / "strict" / "index.html").exists(), "a stopped build wrote pages"
