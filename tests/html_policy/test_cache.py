"""The policy's work is kept in CACHE_PATH by a digest of each body: its HTML and its removals."""

from __future__ import annotations

import shutil

import pytest

from plugins._shared import digest_cache
from plugins.content_model.check import check_tree
from plugins.html_policy import check as policy_check
from plugins.html_policy import sanitize as policy_sanitize
from plugins.html_policy.check import check_report
from plugins.html_policy.sanitize import CACHE_NAME, sanitized
from sitekit import WITA

from .test_check import HOSTILE

HOSTILE_HTML = '<p onclick="x()">Halo</p><script>alert(1)</script><p>&ldquo;kutipan&rdquo;</p>'


@pytest.fixture(autouse=True)
def fresh_caches():
    digest_cache.forget_open_caches()
    yield
    digest_cache.forget_open_caches()


def refuse(*args, **kwargs):
    raise AssertionError("worked out again")


def as_next_build(cache_path):
    """Save what this build cached and forget it, as a new process would."""
    digest_cache.cache_at(cache_path, CACHE_NAME).save(prune=True)
    digest_cache.forget_open_caches()
    return digest_cache.cache_at(cache_path, CACHE_NAME)


@pytest.fixture
def hostile_tree(hostile_content, tmp_path):
    """The fixture site with the hostile post, a copy of its own."""
    return shutil.copytree(hostile_content, tmp_path / "content", symlinks=True)


def test_removals_are_reported_from_the_cache_word_for_word(hostile_tree, settings, tmp_path, monkeypatch):
    """A second build names the same removals without rendering or sanitising the body."""
    build = {**settings, "CACHE_PATH": str(tmp_path / "cache")}
    first = check_report(check_tree(hostile_tree, WITA), build)
    assert first and first == check_report(check_tree(hostile_tree, WITA), {**settings, "CACHE_PATH": None})
    cache = as_next_build(build["CACHE_PATH"])
    monkeypatch.setattr(policy_check, "check_body", refuse)
    assert check_report(check_tree(hostile_tree, WITA), build) == first
    assert cache.stats.misses == 0 and cache.stats.hits == cache.stats.loaded > 1


def test_a_changed_body_is_checked_again(hostile_tree, settings, tmp_path):
    """Removing the script from the post removes its problem on the next build."""
    build = {**settings, "CACHE_PATH": str(tmp_path / "cache")}
    first = check_report(check_tree(hostile_tree, WITA), build)
    post = hostile_tree / "pengumuman" / HOSTILE.name
    text = post.read_text(encoding="utf-8")
    post.write_text("\n".join(line for line in text.splitlines() if "<script" not in line) + "\n")
    cache = as_next_build(build["CACHE_PATH"])
    second = check_report(check_tree(hostile_tree, WITA), build)
    assert cache.stats.misses == 1
    assert [p for p in first if "<script>" in p.message] and not [
        p for p in second if "<script>" in p.message
    ]


def test_sanitized_html_comes_from_the_cache(tmp_path, monkeypatch):
    """The body HTML a build sanitised once is not sanitised again, and is the same HTML."""
    first = sanitized(HOSTILE_HTML, tmp_path)
    assert first == policy_sanitize.sanitize(HOSTILE_HTML) and "<script" not in first
    as_next_build(tmp_path)
    monkeypatch.setattr(policy_sanitize, "sanitize", refuse)
    assert sanitized(HOSTILE_HTML, tmp_path) == first


def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path):
    """Garbage in the cache file: the HTML is sanitised again and the file is made whole."""
    first = sanitized(HOSTILE_HTML, tmp_path)
    cache = as_next_build(tmp_path)
    cache.path.write_bytes(b"rusak")
    digest_cache.forget_open_caches()
    assert sanitized(HOSTILE_HTML, tmp_path) == first
    cache = as_next_build(tmp_path)
    assert sanitized(HOSTILE_HTML, tmp_path) == first
    assert cache.stats.hits == 1 and not cache.stats.damaged
