"""Every problem of every setting comes out in one BuildStopped, before any content is read."""

from __future__ import annotations

import pytest

from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_settings
from tests.settings.conftest import changed, problems


def test_mistakes_across_four_plugins_come_out_together(project_settings):
    """LIBRARY, FEEDS, SOCIAL_CARDS and SHARE_KIT mistakes are all named in one message."""
    broken = changed(project_settings, ("LIBRARY", "colors", "primary"), "#88ccaa")
    broken = changed(broken, ("LIBRARY", "nama"), "typo")
    broken = changed(broken, ("FEEDS", "utm"), {"utm_sorce": "umpan"})
    broken = changed(broken, ("SOCIAL_CARDS", "max_bytes"), "300 KB")
    broken = changed(broken, ("SHARE_KIT", "folder"), "tagar")
    broken = changed(broken, ("TIMEZOME",), "Asia/Makassar")
    with pytest.raises(BuildStopped) as stopped:
        parse_settings(dict(broken))
    message = str(stopped.value)
    for named in (
        "LIBRARY['colors']['primary']: kontras",
        "LIBRARY['nama']: kunci ini tidak dikenal",
        "FEEDS['utm']['utm_sorce']: kunci ini tidak dikenal",
        "FEEDS['utm']['utm_source']: belum diisi",
        "SOCIAL_CARDS['max_bytes']: '300 KB'",
        "SHARE_KIT['folder']: 'tagar' sudah dipakai",
        "TIMEZOME: pengaturan ini tidak dikenal",
    ):
        assert f"\n  - {named}" in message, message
    assert message.startswith("Pengaturan situs bermasalah")
    assert message.count("Pengaturan situs bermasalah") == 1


def test_a_failed_parse_changes_no_setting(project_settings):
    """Nothing is replaced when anything is wrong, so no half-parsed settings reach a plugin."""
    broken = changed(project_settings, ("SOCIAL_CARDS", "workers"), 0)
    before = dict(broken)
    with pytest.raises(BuildStopped):
        parse_settings(broken)
    assert broken == before


def test_several_mistakes_in_one_setting_are_all_listed(project_settings):
    """Three mistakes in SHARE_KIT are three lines."""
    raw = {"folder": "A/B", "library_hashtags": 1, "lain": 2}
    lines = problems(changed(project_settings, ("SHARE_KIT",), raw))
    assert len([line for line in lines if line.startswith("SHARE_KIT")]) == 3, lines
