"""What probe() finds is kept in CACHE_PATH per file version: an unchanged image is not decoded again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from plugins._shared import digest_cache, files, image_probes, images
from plugins._shared.image_probes import probe
from plugins._shared.images import ImageProblem
from tests.shared.digestkit import Remembered, changed_in_place


@pytest.fixture
def builds(tmp_path, monkeypatch):
    """Builds as new processes, seconds apart; `examined` lists every image decoded."""
    memo = Remembered(tmp_path / "cache", monkeypatch)
    memo.examined = []
    real_examine = images.examine

    def counted(path):
        memo.examined.append(os.path.basename(path))
        return real_examine(path)

    monkeypatch.setattr(images, "examine", counted)
    next_build = memo.next_build

    def next_process():
        next_build()
        image_probes._finding.cache_clear()

    memo.next_build = next_process
    image_probes._finding.cache_clear()
    yield memo
    image_probes._finding.cache_clear()
    memo.close()


def photo(path, size=(64, 48), colour="teal"):
    Image.new("RGB", size, colour).save(path)
    return path


def test_an_unchanged_image_is_not_decoded_by_the_next_build(tmp_path, builds):
    source = photo(tmp_path / "foto.png")
    first = probe(source, "gambar/foto.png")
    builds.next_build()
    assert probe(source, "gambar/foto.png") == first  # decoded again: it was new a moment ago
    builds.next_build()
    builds.examined.clear()
    assert probe(source, "gambar/foto.png") == first
    assert probe(tmp_path / "." / "foto.png") == first  # another name for the same file
    assert builds.examined == []


def test_a_changed_image_is_measured_again(tmp_path, builds):
    source = photo(tmp_path / "foto.png")
    assert probe(source).size == (64, 48)
    builds.next_build()
    photo(source, (80, 20))
    assert probe(source).size == (80, 20)


def test_a_picture_copied_over_another_with_its_size_and_time_is_measured_again(tmp_path, builds):
    """`cp -p` and `rsync -t` keep the mtime, and photos of one camera often share a size in bytes."""
    source = photo(tmp_path / "foto.bmp", (64, 48))  # uncompressed: 64x48 and 48x64 take the same bytes
    turned = photo(tmp_path / "tegak.bmp", (48, 64), "navy")
    assert os.path.getsize(turned) == os.path.getsize(source)
    assert probe(source).size == (64, 48)
    builds.next_build()
    builds.next_build()
    assert probe(source).size == (64, 48)  # known by its stat
    changed_in_place(source, turned.read_bytes())  # as `cp -p` writes: same inode, size and mtime
    builds.next_build()
    assert probe(source).size == (48, 64)


def test_a_refused_image_stays_refused_from_the_cache(tmp_path, builds):
    """A broken image is named with its problem on every build, cached or not."""
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"\xff\xd8 bukan gambar")
    with pytest.raises(ImageProblem) as first:
        probe(broken, "gambar/rusak.jpg")
    builds.next_build()
    with pytest.raises(ImageProblem):  # still new last build: decoded again
        probe(broken, "gambar/rusak.jpg")
    builds.next_build()
    builds.examined.clear()
    with pytest.raises(ImageProblem) as again:
        probe(broken, "other/name.jpg")
    assert builds.examined == []
    assert again.value.message == first.value.message.replace("gambar/rusak.jpg", "other/name.jpg")
    assert again.value.fix == first.value.fix


def test_a_missing_image_is_named_as_unreadable(tmp_path, builds):
    with pytest.raises(ImageProblem) as refused:
        probe(tmp_path / "tidak-ada.jpg", "gambar/tidak-ada.jpg")
    assert "gambar/tidak-ada.jpg" in refused.value.message


def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path, builds):
    source = photo(tmp_path / "foto.png")
    first = probe(source)
    builds.next_build()
    assert probe(source) == first
    digest_cache.save_open_caches()
    cache = digest_cache.cache_at(tmp_path / "cache", files.DIGEST_CACHE)
    cache.path.write_bytes(b"rusak")
    digest_cache.forget_open_caches()  # a new process: the damaged file is all it finds
    image_probes._finding.cache_clear()
    assert probe(source) == first
    builds.next_build()
    builds.examined.clear()
    assert probe(source) == first
    assert builds.examined == []


def test_a_change_to_how_images_are_measured_measures_them_again(tmp_path, builds, monkeypatch):
    source = photo(tmp_path / "foto.png")
    probe(source)
    builds.next_build()
    probe(source)
    builds.next_build()
    edited = tmp_path / "images.py"
    edited.write_text(Path(images.__file__).read_text(encoding="utf-8") + "\n# fixed\n", encoding="utf-8")
    monkeypatch.setattr(images, "__file__", str(edited))
    image_probes._finding_kind.cache_clear()
    builds.examined.clear()
    try:
        probe(source)
    finally:
        image_probes._finding_kind.cache_clear()
    assert builds.examined == ["foto.png"]
