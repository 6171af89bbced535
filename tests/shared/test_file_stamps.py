"""Every cache that trusts a file's stat sees a file rewritten as `cp -p` and `rsync -t` rewrite it:
in place, with its size and mtime kept (only ctime moves)."""

from __future__ import annotations

from plugins._shared import digest_cache
from plugins._shared.fingerprint import FileDigests
from plugins.social_cards import cache as card_cache

from .digestkit import Remembered, changed_in_place


def test_file_digests_read_a_file_rewritten_with_its_size_and_mtime_again(tmp_path):
    path = tmp_path / "tema.html"
    path.write_bytes(b"<p>lama</p>")
    store = tmp_path / "cache" / "digests.json"
    digests = FileDigests(store)
    old = digests.of(path)
    digests.save()
    assert FileDigests(store).of(path) == old
    changed_in_place(path, b"<p>BARU</p>")
    assert FileDigests(store).of(path) != old
    assert digests.of(path) != old  # and the one still open


def test_a_consulted_file_rewritten_with_its_size_and_mtime_is_a_change(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"logo lama")
    consulted = digest_cache.Consulted("hasil", ((str(logo), digest_cache.file_signature(logo)),))
    assert consulted.unchanged()
    changed_in_place(logo, b"logo BARU")
    assert not consulted.unchanged()


def test_a_card_picture_rewritten_with_its_size_and_mtime_gets_a_new_digest(tmp_path, monkeypatch):
    builds = Remembered(tmp_path / "cache", monkeypatch)
    try:
        photo = tmp_path / "foto.jpg"
        photo.write_bytes(b"\xff\xd8 foto lama")
        old = card_cache.file_digest(photo)
        builds.next_build()
        assert card_cache.file_digest(photo) == old  # read again: it was new a moment ago
        builds.next_build()
        assert card_cache.file_digest(photo) == old
        assert builds.reads == []  # known by its stat
        changed_in_place(photo, b"\xff\xd8 foto BARU")
        builds.next_build()
        assert card_cache.file_digest(photo) != old
    finally:
        builds.close()
