"""The cache through real builds (a subprocess each): unchanged cards are never drawn again.

One copy of the fixture site is built four times: cold; again unchanged; after
one post's title changed; after another post's title gained a script no font has.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from plugins.social_cards.layout import SIZES
from sitekit import FIXTURE_CONTENT, BuildRun, copy_content, make_images, run_build

RENAMED = "acara/2026-11-05-lomba-mewarnai-anak.md"
RENAMED_KEY = "acara/lomba-mewarnai-anak"
FOREIGN = "pengumuman/2026-11-16-libur-hari-guru.md"
FOREIGN_KEY = "pengumuman/libur-hari-guru"
SUMMARY = re.compile(r"Kartu media sosial: (\d+) digambar, (\d+) dari cache")


@dataclass
class Step:
    build: BuildRun
    manifest: dict

    @property
    def drawn(self) -> set[str]:
        return set(self.manifest["drawn"])

    def summary(self) -> tuple[int, int]:
        found = SUMMARY.search(self.build.stdout)
        assert found, self.build.log
        return int(found.group(1)), int(found.group(2))

    def urls(self, key: str) -> dict[str, str]:
        return self.manifest["cards"][key]


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")


@pytest.fixture(scope="module")
def steps(tmp_path_factory) -> dict[str, Step]:
    root = tmp_path_factory.mktemp("cards-site")
    content = copy_content(FIXTURE_CONTENT, root / "content")
    make_images(content)
    output = root / "output"
    manifest = root / ".cache" / "kartu-manifest.json"

    def build() -> Step:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("COLUMNS", "500")  # Pelican's log lines unwrapped, to read them whole
            run = run_build(output, content=content, cache=root / ".cache", full=True)  # a build that runs
        assert run.returncode == 0, run.log
        return Step(run, json.loads(manifest.read_text(encoding="utf-8")))

    def cache_files() -> dict[str, int]:
        """Card files in the cache with their inode, seen from outside the plugin.

        A drawn card is written to a scratch file and renamed into place, so it gets
        a new inode; a reused card is only touched (mtime) to keep it from pruning.
        """
        return {p.name: p.stat().st_ino for p in (root / ".cache" / "kartu").glob("*.jpg")}

    found = {"cold": build()}
    found["cache_cold"] = cache_files()
    found["warm"] = build()
    found["cache_warm"] = cache_files()
    found["page_before"] = (output / "acara" / "lomba-mewarnai-anak" / "index.html").read_text(
        encoding="utf-8"
    )
    retitle(content / RENAMED, "Lomba Mewarnai Tokoh Cerita Rakyat untuk Anak")
    found["renamed"] = build()
    found["cache_renamed"] = cache_files()
    found["page_after"] = (output / "acara" / "lomba-mewarnai-anak" / "index.html").read_text(
        encoding="utf-8"
    )
    retitle(content / FOREIGN, "Layanan Tetap Buka pada Hari Guru 東京")
    found["foreign"] = build()
    found["output"] = output
    return found


def test_the_built_cards_are_kept_for_a_person_to_look_at(steps, save_card):
    """Every card of the last build goes to test-results/cards/build/."""
    for cards in steps["foreign"].manifest["cards"].values():
        for url in cards.values():
            save_card(f"build/{Path(url).name}", (steps["output"] / url).read_bytes())


def test_a_cold_build_draws_every_card(steps):
    """The first build draws every card and says so in one line."""
    cold = steps["cold"]
    every = {Path(url).name for cards in cold.manifest["cards"].values() for url in cards.values()}
    assert cold.drawn == every and not cold.manifest["cached"]
    assert cold.summary() == (len(every), 0)


def test_an_unchanged_build_draws_no_card(steps):
    """A second build with nothing changed takes every card from the cache."""
    warm = steps["warm"]
    assert warm.drawn == set()
    assert warm.summary() == (0, len(steps["cold"].drawn))
    assert warm.manifest["cards"] == steps["cold"].manifest["cards"]
    # Not only the plugin's word for it: no card file was written again.
    assert steps["cache_warm"] == steps["cache_cold"]


def test_a_changed_title_redraws_exactly_that_posts_cards_under_new_urls(steps):
    """Only the edited post's cards are drawn again, each under a new URL; the old URLs are gone from it."""
    before, after = steps["warm"], steps["renamed"]
    old, new = before.urls(RENAMED_KEY), after.urls(RENAMED_KEY)
    assert set(old) == set(new) == set(SIZES)  # the post is in the feeds' window
    assert after.drawn == {Path(url).name for url in new.values()}
    # Seen from outside: the new cache files are exactly the post's new cards, and
    # every other card file is untouched.
    written = {n for n, t in steps["cache_renamed"].items() if steps["cache_warm"].get(n) != t}
    assert written == {Path(url).name for url in new.values()}
    assert not set(old.values()) & set(new.values())
    others = {k: v for k, v in after.manifest["cards"].items() if k != RENAMED_KEY}
    assert others == {k: v for k, v in before.manifest["cards"].items() if k != RENAMED_KEY}
    for url in old.values():
        assert url not in steps["page_after"]
    if "kartu/" in steps["page_before"]:  # the page head shows its card (plugins/page_meta)
        assert new["link"] in steps["page_after"]


def test_every_card_is_a_jpeg_of_its_size_under_300_kb(steps):
    """Each card file exists in the output with the exact platform size, as JPEG, under 300 KB."""
    for cards in steps["foreign"].manifest["cards"].values():  # the output holds the last build's
        for size, url in cards.items():
            data = (steps["output"] / url).read_bytes()
            assert len(data) < 300_000, url
            with Image.open(io.BytesIO(data)) as image:
                assert (image.format, image.size) == ("JPEG", SIZES[size]), url


def test_listing_pages_and_pages_get_link_cards(steps):
    """Home, archives, hashtags, 404, each kind and each hashtag have a card; pages have one too."""
    cards = steps["cold"].manifest["cards"]
    assert {"index", "archives", "tags", "404", "halaman/tentang"} <= set(cards)
    assert {
        f"category:{k}"
        for k in ("acara", "infografis", "koleksi-baru", "pengumuman", "tutorial", "literasi-digital")
    } <= set(cards)
    assert any(k.startswith("tag:") for k in cards)
    for key, sizes in cards.items():
        if ":" in key or key in ("index", "archives", "tags", "404") or key.startswith("halaman/"):
            assert set(sizes) == {"link"}, key


def test_a_title_in_a_script_no_font_has_warns_naming_the_file(steps):
    """The build warns about characters no card font can draw, with the file and the characters."""
    log = steps["foreign"].build.stderr + steps["foreign"].build.stdout
    assert f"content/{FOREIGN}" in log
    assert "'東' (U+6771)" in log and "'京' (U+4EAC)" in log
    assert "tidak ada di fon kartu" in log
    assert "content/" + RENAMED not in log


def test_the_output_holds_exactly_the_last_builds_cards(steps):
    """Cards of earlier builds leave the output (publish carries the published ones over)."""
    published = {
        Path(url).name for cards in steps["foreign"].manifest["cards"].values() for url in cards.values()
    }
    assert {p.name for p in (steps["output"] / "kartu").iterdir()} == published
    renamed_before = set(steps["warm"].urls(RENAMED_KEY).values()) - set(
        steps["foreign"].urls(RENAMED_KEY).values()
    )
    assert renamed_before and not any((steps["output"] / url).exists() for url in renamed_before)
