"""An unchanged picture costs a next build only stats: no image is hashed, decoded or copied again."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from plugins.responsive_images import resize
from plugins.responsive_images.resize import cropped_picture, picture
from tests.shared.digestkit import Remembered
from tests.shared.imagekit import content_photo

WIDTHS = [120, 240]  # small: these tests are about files, not pixels


@pytest.fixture
def remembered(tmp_path, monkeypatch):
    memo = Remembered(tmp_path / "cache", monkeypatch)
    yield memo
    memo.close()


@pytest.fixture
def photo(tmp_path) -> Path:
    return content_photo(tmp_path, (400, 300))


def make(source: Path, root: Path, run=None):
    return picture(source, "gambar/foto.jpg", "", WIDTHS, root / "out", root / "cache", run)


def refuse(*args, **kwargs):
    raise AssertionError("image decoded again")


def output_files(root: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in (root / "out" / resize.OUTPUT_FOLDER).iterdir()}


def test_an_unchanged_picture_reads_no_file_in_the_next_build(photo, tmp_path, remembered, monkeypatch):
    first = make(photo, tmp_path)
    remembered.next_build()
    assert make(photo, tmp_path) == first  # files made in the build before: read once more
    kept = output_files(tmp_path)
    remembered.next_build()
    monkeypatch.setattr(resize.Image, "open", refuse)
    assert make(photo, tmp_path) == first
    assert remembered.reads == []
    assert output_files(tmp_path) == kept  # nothing copied again


def test_a_changed_photo_gets_new_copies_while_the_old_is_remembered(photo, tmp_path, remembered):
    first = make(photo, tmp_path)
    remembered.next_build()
    make(photo, tmp_path)
    remembered.next_build()
    Image.effect_noise((400, 300), 80).convert("RGB").save(photo, quality=90)  # same file, new bytes
    second = make(photo, tmp_path)
    assert {v.url for v in second.variants[:-1]}.isdisjoint(v.url for v in first.variants[:-1])
    for variant in second.variants[:-1]:
        with Image.open(tmp_path / "out" / variant.url) as image:
            assert image.size == (variant.width, variant.height)


def test_copies_checked_in_this_run_are_not_checked_again(photo, tmp_path, remembered):
    """Many posts share a photo: its copies are checked once a build, only their names asked again."""
    run = resize.Run()
    first = make(photo, tmp_path, run)  # made just now: nothing is known by its stat yet
    card = cropped_picture(photo, "gambar/foto.jpg", "", WIDTHS, tmp_path / "out", tmp_path / "cache")
    remembered.reads.clear()
    assert make(photo, tmp_path) == first
    assert len(remembered.reads) > 1  # each copy and its output read again
    remembered.reads.clear()
    assert make(photo, tmp_path, run) == first
    assert set(remembered.reads) == {"foto.jpg"}  # only the photo, for its copies' names
    assert run.checked >= {Path(v.url).name for v in first.variants[:-1]}
    assert not run.checked & {Path(v.url).name for v in card.variants}  # the 16:9 crop is other files


def test_posts_sharing_a_photo_at_once_encode_each_copy_once(photo, tmp_path, monkeypatch):
    """Threads of one build asking for the same photo: one makes its copies, the others wait for them."""
    encoded = []
    real_encode = resize.encode.encode

    def counted(image, fmt, limit=None):
        encoded.append((fmt.name, image.size))
        return real_encode(image, fmt, limit)

    monkeypatch.setattr(resize.encode, "encode", counted)
    run, start = resize.Run(), threading.Barrier(4)

    def post(_):
        start.wait()
        return make(photo, tmp_path, run)

    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(post, range(4)))
    assert all(picture == made[0] for picture in made)
    assert sorted(encoded) == sorted(set(encoded))
    assert len(encoded) == len(list((tmp_path / "out" / resize.OUTPUT_FOLDER).iterdir()))


def test_a_run_that_may_not_encode_says_so_and_makes_nothing(photo, tmp_path):
    """give_pictures' first pass: a picture with a copy to encode is left for the threads."""
    with pytest.raises(resize.EncodingNeeded):
        make(photo, tmp_path, resize.Run(may_encode=False))
    assert not (tmp_path / "out" / resize.OUTPUT_FOLDER).exists()
    first = make(photo, tmp_path, resize.Run())
    # Every copy made: the same picture again needs no encoding.
    assert make(photo, tmp_path, resize.Run(may_encode=False)) == first
