"""Which setting names a build may carry: Pelican's, its command line's, and every declared one."""

from __future__ import annotations

import pytest
from pelican import get_config, parse_arguments
from pelican.settings import DEFAULT_CONFIG

from plugins._shared.settings import declared, known_names
from tests.settings.conftest import changed, problems


@pytest.mark.parametrize(
    "written, meant",
    [
        ("TIMEZOME", "TIMEZONE"),
        ("SOCIAL_CARD", "SOCIAL_CARDS"),
        ("FEED_MAX_ITEM", "FEED_MAX_ITEMS"),
        ("SHARE_KITS", "SHARE_KIT"),
        ("PUBLIC_ULR", "PUBLIC_URL"),
        ("LIBRARI", "LIBRARY"),
    ],
)
def test_an_unknown_setting_gets_its_nearest_spelling(project_settings, written, meant):
    """A typo Pelican would ignore silently stops the build and names the setting meant."""
    lines = problems(changed(project_settings, (written,), 1))
    assert (
        f"{written}: pengaturan ini tidak dikenal. Mungkin maksudnya '{meant}'? Hapus atau perbaiki ejaannya."
    ) in lines


def test_an_unknown_setting_far_from_every_name_gets_no_guess(project_settings):
    lines = problems(changed(project_settings, ("ZZQQ",), 1))
    assert "ZZQQ: pengaturan ini tidak dikenal. Hapus atau perbaiki ejaannya." in lines


@pytest.mark.parametrize(
    "argv",
    [
        ["content"],
        [
            "content",
            "-o",
            "/tmp/keluaran",
            "-t",
            "theme",
            "-d",
            "--ignore-cache",
            "--cache-path",
            "/tmp/cache",
            "--relative-urls",
            "-p",
            "8123",
            "-b",
            "0.0.0.0",
            "-D",
        ],
        ["content", "-e", 'SITEURL="https://contoh.go.id"', 'PUBLIC_URL="https://contoh.go.id"'],
    ],
)
def test_what_pelicans_command_line_writes_is_known(argv):
    """Every name Pelican's own command line puts into the settings passes the check (DEBUG, always)."""
    written = get_config(parse_arguments(argv))
    assert "DEBUG" in written
    assert set(written) <= known_names()


def test_the_command_line_names_the_notes_list_are_known():
    for name in (
        "PATH",
        "OUTPUT_PATH",
        "THEME",
        "DELETE_OUTPUT_DIRECTORY",
        "LOAD_CONTENT_CACHE",
        "CACHE_PATH",
        "RELATIVE_URLS",
        "PORT",
        "BIND",
        "DEBUG",
        "WRITE_SELECTED",
    ):
        assert name in known_names()


def test_pelican_defaults_and_every_declared_setting_are_known():
    assert set(DEFAULT_CONFIG) <= known_names()
    assert set(declared()) <= known_names()
    assert "PROFILE" in known_names()  # the parsed LIBRARY's second name


def test_each_plugin_declares_its_own_settings():
    """No central list: the module that owns a setting declares it."""
    owners = {name: d.owner for name, d in declared().items()}
    assert owners["LIBRARY"] == "plugins.site_profile.profile"
    assert owners["PUBLIC_URL"] == owners["BUILD_NOW"] == "plugins.site_profile.site"
    assert owners["FEEDS"] == owners["FEED_MAX_ITEMS"] == "plugins.feeds.settings"
    assert owners["SOCIAL_CARDS"] == "plugins.social_cards.settings"
    assert owners["SHARE_KIT"] == "plugins.share_kit.settings"
