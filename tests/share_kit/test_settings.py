"""SHARE_KIT: optional, parsed once, and a mistake stops the build in Indonesian."""

from __future__ import annotations

import pytest

from plugins._shared.errors import BuildStopped
from plugins.share_kit.plugin import robots_txt
from plugins.share_kit.settings import ShareKitSettings, parse_share_kit_settings


def test_no_setting_means_the_defaults():
    assert parse_share_kit_settings(None) == ShareKitSettings(folder="bagikan", library_hashtags=True)
    assert parse_share_kit_settings({}) == ShareKitSettings()


def test_known_keys_are_read():
    parsed = parse_share_kit_settings({"folder": "staf-bagikan", "library_hashtags": False})
    assert parsed == ShareKitSettings(folder="staf-bagikan", library_hashtags=False)


def test_parsed_settings_pass_through_unchanged():
    parsed = ShareKitSettings(folder="lain")
    assert parse_share_kit_settings(parsed) is parsed


def test_an_unknown_key_stops_the_build_naming_it():
    expected = r"SHARE_KIT\['foldr'\]: kunci ini tidak dikenal. Mungkin maksudnya 'folder'\?"
    with pytest.raises(BuildStopped, match=expected):
        parse_share_kit_settings({"foldr": "bagikan"})


@pytest.mark.parametrize("folder", ["", "Bagikan", "bagikan/", "../luar", "a b", 3])
def test_a_folder_that_is_not_one_plain_name_stops_the_build(folder):
    with pytest.raises(BuildStopped, match=r"SHARE_KIT\['folder'\]"):
        parse_share_kit_settings({"folder": folder})


@pytest.mark.parametrize("folder", ["acara", "tagar", "umpan", "gambar"])
def test_a_folder_the_public_site_uses_stops_the_build(folder):
    with pytest.raises(BuildStopped, match="sudah dipakai situs publik"):
        parse_share_kit_settings({"folder": folder})


def test_library_hashtags_must_be_true_or_false():
    with pytest.raises(BuildStopped, match="harus True atau False"):
        parse_share_kit_settings({"library_hashtags": "ya"})


def test_every_mistake_is_reported_at_once():
    with pytest.raises(BuildStopped) as stopped:
        parse_share_kit_settings({"folder": "A/B", "library_hashtags": 1, "lain": 2})
    message = str(stopped.value)
    assert message.count("\n  - ") == 3


def test_a_setting_that_is_not_a_dict_stops_the_build():
    with pytest.raises(BuildStopped, match="harus berupa kamus"):
        parse_share_kit_settings(["bagikan"])


def test_robots_txt_keeps_every_crawler_out_of_the_given_paths():
    assert robots_txt(["/bagikan/"]) == "User-agent: *\nDisallow: /bagikan/\n"
    assert robots_txt([]) == "User-agent: *\n"
