"""What probe() finds is kept in CACHE_PATH per file version: an unchanged image is not decoded again."""

from __future__ import annotations

import os

import pytest
from PIL import Image

from plugins._shared import digest_cache, images
from plugins._shared.images import PROBE_CACHE, ImageProblem, probe, remember_probes


@pytest.fixture(autouse=True)
def fresh(tmp_path):
    """Each test starts as a new process would: no open cache, nothing probed in memory."""

    def as_new_process():
        digest_cache.save_open_caches()
        digest_cache.forget_open_caches()
        images._examine.cache_clear()
        remember_probes(tmp_path / "cache")
        return digest_cache.cache_at(tmp_path / "cache", PROBE_CACHE)

    as_new_process()
    yield as_new_process
    digest_cache.forget_open_caches()
    images._examine.cache_clear()
    images._probe_cache.clear()


def refuse(*args, **kwargs):
    raise AssertionError("image decoded again")


def photo(path, size=(64, 48)):
    Image.new("RGB", size, "teal").save(path)
    return path


def test_an_unchanged_image_is_not_decoded_by_the_next_build(tmp_path, fresh, monkeypatch):
    source = photo(tmp_path / "foto.jpg")
    first = probe(source, "gambar/foto.jpg")
    cache = fresh()
    monkeypatch.setattr(images, "_decode", refuse)
    assert probe(source, "gambar/foto.jpg") == first
    assert cache.stats.hits == 1


def test_a_changed_image_is_measured_again(tmp_path, fresh):
    source = photo(tmp_path / "foto.jpg")
    assert probe(source).size == (64, 48)
    fresh()
    photo(source, (80, 20))
    os.utime(source, ns=(1, 1))  # another time too, whatever the clock's resolution
    assert probe(source).size == (80, 20)


def test_a_refused_image_stays_refused_from_the_cache(tmp_path, fresh, monkeypatch):
    """A broken image is named with its problem on every build, cached or not."""
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"\xff\xd8 bukan gambar")
    with pytest.raises(ImageProblem) as first:
        probe(broken, "gambar/rusak.jpg")
    fresh()
    monkeypatch.setattr(images, "_decode", refuse)
    with pytest.raises(ImageProblem) as again:
        probe(broken, "gambar/rusak.jpg")
    assert (again.value.message, again.value.fix) == (first.value.message, first.value.fix)


def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path, fresh):
    source = photo(tmp_path / "foto.jpg")
    first = probe(source)
    cache = fresh()
    cache.path.write_bytes(b"rusak")
    digest_cache.forget_open_caches()
    images._examine.cache_clear()
    assert probe(source) == first
    cache = fresh()
    assert probe(source) == first
    assert cache.stats.hits == 1 and not cache.stats.damaged
