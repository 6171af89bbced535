"""Pelican reads each Markdown header from the checker's parse: the same values, YAML parsed once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pelican.plugins import yaml_metadata
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.readers import Readers

from plugins.content_model import frontmatter
from plugins.content_model import plugin as content_plugin
from plugins.content_model.check import check_tree, project_settings
from plugins.content_model.reader import SharedParseReader

from .conftest import WITA, write_post

SAMPLE = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture
def settings():
    return project_settings()


def sample_posts() -> list[Path]:
    return sorted(SAMPLE.rglob("*.md"))


def test_the_reader_reads_what_the_plugins_own_reader_reads(settings):
    """Every sample post: the same HTML and metadata (dates, tags, authors) as pelican-yaml-metadata's."""
    check_tree(SAMPLE, WITA)
    ours, theirs = SharedParseReader(settings), YAMLMetadataReader(settings)
    posts = sample_posts()
    assert len(posts) > 20
    for path in posts:
        assert ours.read(str(path)) == theirs.read(str(path)), path


def test_a_checked_header_is_not_parsed_again(settings, monkeypatch):
    """After the check, reading a post builds its values from the check's nodes: no YAML parse."""
    check_tree(SAMPLE, WITA)
    expected = {str(p): YAMLMetadataReader(settings).read(str(p)) for p in sample_posts()}
    check_tree(SAMPLE, WITA)

    def refuse(*args, **kwargs):
        raise AssertionError("YAML parsed again")

    monkeypatch.setattr(yaml, "safe_load", refuse)
    monkeypatch.setattr(yaml, "compose", refuse)
    reader = SharedParseReader(settings)
    for path in sample_posts():
        assert reader.read(str(path)) == expected[str(path)]


def test_an_unchecked_header_is_parsed_by_the_reader(settings, tmp_path):
    """A header the check did not see (or saw in another build) is read as yaml.safe_load reads it."""
    frontmatter.forget_composed()
    path = write_post(
        tmp_path,
        "pengumuman/2026-08-17-libur.md",
        """
        title: Libur
        date: 2026-08-10 09:00
        tags: [Satu, Dua]
        judul: sama
        judul: dua kali
        """,
    )
    assert SharedParseReader(settings).read(str(path)) == YAMLMetadataReader(settings).read(str(path))


def test_a_header_with_a_key_written_twice_reads_as_before(settings, tmp_path):
    """The check refuses the duplicate; the reader still keeps the last value, as PyYAML does."""
    content = tmp_path / "content"
    path = write_post(
        content,
        "pengumuman/2026-08-17-libur.md",
        """
        title: Libur
        date: 2026-08-10
        summary: Satu.
        summary: Dua.
        """,
    )
    report = check_tree(content, WITA)
    assert report.problems
    assert SharedParseReader(settings).read(str(path)) == YAMLMetadataReader(settings).read(str(path))


def test_markdown_files_are_read_by_the_shared_reader(settings):
    """Registered in PLUGINS order, the content plugin's reader replaces the YAML plugin's for .md."""
    yaml_metadata.register()
    content_plugin.register()
    assert Readers(settings).reader_classes["md"] is SharedParseReader


def test_a_later_build_reads_headers_from_the_cache(settings, tmp_path, monkeypatch):
    """With the build's CACHE_PATH, an unchanged header's values come from the cache: no YAML parsed."""
    from plugins._shared import digest_cache
    from plugins.content_model.reader import CACHE_NAME

    digest_cache.forget_open_caches()
    build = {**settings, "CACHE_PATH": str(tmp_path / "cache")}
    expected = {str(p): YAMLMetadataReader(settings).read(str(p)) for p in sample_posts()}
    reader = SharedParseReader(build)
    assert {str(p): reader.read(str(p)) for p in sample_posts()} == expected
    digest_cache.save_open_caches()
    digest_cache.forget_open_caches()
    frontmatter.forget_composed()

    def refuse(*args, **kwargs):
        raise AssertionError("YAML parsed again")

    monkeypatch.setattr(yaml, "safe_load", refuse)
    monkeypatch.setattr(yaml, "compose", refuse)
    assert {str(p): SharedParseReader(build).read(str(p)) for p in sample_posts()} == expected
    cache = digest_cache.cache_at(build["CACHE_PATH"], CACHE_NAME)
    assert cache.stats.misses == 0 and cache.stats.hits == len(expected)
    digest_cache.forget_open_caches()
