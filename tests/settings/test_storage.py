"""Parsed settings live in one place: settings[NAME] holds the frozen value, read with setting()."""

from __future__ import annotations

import pydantic
import pytest

from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_settings, setting
from plugins.feeds.settings import FeedSettings
from plugins.share_kit.settings import ShareKitSettings
from plugins.site_profile import LibraryProfile
from plugins.social_cards.settings import CardOptions
from tests.settings.conftest import DELETE, changed


@pytest.fixture
def parsed(project_settings) -> dict:
    settings = dict(project_settings)
    parse_settings(settings)
    return settings


def test_each_setting_is_replaced_by_its_parsed_value(parsed):
    assert isinstance(parsed["LIBRARY"], LibraryProfile)
    assert isinstance(parsed["FEEDS"], FeedSettings)
    assert isinstance(parsed["SOCIAL_CARDS"], CardOptions)
    assert isinstance(parsed["SHARE_KIT"], ShareKitSettings)
    assert parsed["IMAGE_WIDTHS"] == (360, 720, 1080)


def test_setting_reads_the_parsed_value_typed(parsed):
    assert setting(parsed, FeedSettings) is parsed["FEEDS"]
    assert setting(parsed, LibraryProfile) is parsed["LIBRARY"]


def test_profile_is_the_parsed_library_under_the_name_templates_read(parsed):
    assert parsed["PROFILE"] is parsed["LIBRARY"]
    assert parsed["PROFILE"].opening_hours[0].schema_days[0] == "Monday"
    assert parsed["PROFILE"].colors["primary"] == "#0b5d4b"
    assert [account.network for account in parsed["PROFILE"].social] == ["facebook", "instagram", "x"]


def test_parsed_settings_are_frozen(parsed):
    with pytest.raises(pydantic.ValidationError):
        parsed["SOCIAL_CARDS"].jpeg_quality = 10


def test_parsing_twice_keeps_the_same_objects(parsed):
    """The handler may run twice (social_cards calls it too): parsed values pass through."""
    before = dict(parsed)
    parse_settings(parsed)
    assert all(parsed[name] is before[name] for name in ("LIBRARY", "FEEDS", "SOCIAL_CARDS", "SHARE_KIT"))


def test_a_plugin_setting_left_out_or_none_means_its_defaults(project_settings):
    settings = changed(changed(project_settings, ("SHARE_KIT",), DELETE), ("FEEDS",), None)
    parse_settings(settings)
    assert settings["SHARE_KIT"] == ShareKitSettings()
    assert settings["FEEDS"] == FeedSettings()


def test_the_output_folders_have_defaults(parsed):
    assert parsed["SOCIAL_CARDS"].folder == "kartu"
    assert parsed["FEEDS"].folder == "umpan"
    assert parsed["SHARE_KIT"].folder == "bagikan"


def test_utm_pairs_keep_the_standard_order(project_settings):
    settings = changed(project_settings, ("FEEDS",), {"utm": {"utm_campaign": "c", "utm_source": "s"}})
    parse_settings(settings)
    assert setting(settings, FeedSettings).utm == (("utm_source", "s"), ("utm_campaign", "c"))


def test_setting_parses_a_raw_value_on_the_spot():
    """Outside a build (a test, a task) a raw dict is parsed, or its mistakes stop with the same message."""
    assert setting({"SOCIAL_CARDS": {"jpeg_quality": 80}}, CardOptions).jpeg_quality == 80
    with pytest.raises(BuildStopped, match=r"SOCIAL_CARDS\['workers'\]"):
        setting({"SOCIAL_CARDS": {"workers": 0}}, CardOptions)
