"""The dev server's warm-up: what the first preview of a saved event would load, loaded ahead."""

from __future__ import annotations

from pelican.settings import read_settings

from plugins._shared import one_post
from plugins.posters import pdf
from plugins.posters.generator import warm_up_posters
from sitekit import ROOT


def test_each_warm_up_runs_once_a_process(monkeypatch):
    monkeypatch.setattr(one_post, "_steps", {})
    monkeypatch.setattr(one_post, "_warm_ups", {})
    monkeypatch.setattr(one_post, "_warmed", set())
    loaded = []

    def step(post, previous, context, settings):
        return None

    one_post.add_step(10, step, warm_up=lambda settings: loaded.append(settings["SITENAME"]))
    one_post.warm_up({"SITENAME": "a"})
    one_post.warm_up({"SITENAME": "b"})
    assert loaded == ["a"]


def test_the_posters_warm_up_loads_the_fonts_and_logo_and_leaves_no_file(tmp_path):
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"CACHE_PATH": str(tmp_path / "cache"), "OUTPUT_PATH": str(tmp_path / "output")},
    )
    pdf._parsed_font.cache_clear()
    pdf._read_logo.cache_clear()
    warm_up_posters(settings)
    assert pdf._parsed_font.cache_info().currsize >= 2  # the title's and the body's fonts
    assert pdf._read_logo.cache_info().currsize == 1
    assert not (tmp_path / "cache").exists() and not (tmp_path / "output").exists()
