"""POSTERS: optional, parsed once, a mistake stops the build in Indonesian; its folder is the site's."""

from __future__ import annotations

import pytest

from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_one
from plugins.content_model.check import project_settings
from plugins.content_model.folders import site_folders
from plugins.posters.settings import PosterSettings
from plugins.share_kit.settings import parse_share_kit_settings


def test_no_setting_means_the_default_folder_and_one_worker_per_core():
    assert parse_one("POSTERS", {}) == PosterSettings(folder="poster", workers=None)
    assert parse_one("POSTERS", {"POSTERS": {"workers": 2}}).workers == 2


@pytest.mark.parametrize("workers", [0, -1, "dua"])
def test_workers_that_are_not_a_count_stop_the_build(workers):
    with pytest.raises(BuildStopped, match=r"POSTERS\['workers'\]: .*bilangan bulat 1 ke atas"):
        parse_one("POSTERS", {"POSTERS": {"workers": workers}})


@pytest.mark.parametrize("folder", ["", "Poster", "poster/a4", "../luar"])
def test_a_folder_that_is_not_one_plain_name_stops_the_build(folder):
    with pytest.raises(BuildStopped, match=r"POSTERS\['folder'\]: .* bukan satu nama folder"):
        parse_one("POSTERS", {"POSTERS": {"folder": folder}})


def test_the_posters_folder_is_a_folder_of_the_public_site():
    folders = site_folders({**project_settings(), "POSTERS": {"folder": "cetak"}})
    assert "cetak" in folders.public and "cetak" in folders.taken
    assert "poster" in site_folders({**project_settings(), "POSTERS": None}).public


def test_the_share_kit_may_not_take_the_posters_folder():
    with pytest.raises(BuildStopped, match="sudah dipakai situs publik"):
        parse_share_kit_settings({"folder": "poster"})
