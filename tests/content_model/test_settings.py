"""Settings and the library profile: a mistake stops the build and names the key."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from pelican.settings import read_settings

import plugins.content_model  # noqa: F401 - importing the plugins declares their settings
import plugins.feeds  # noqa: F401
import plugins.share_kit  # noqa: F401
import plugins.social_cards  # noqa: F401
from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_one, parse_settings
from plugins.site_profile.profile import contrast_with_white, parse_profile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def test_project_settings_are_valid(settings):
    """The committed pelicanconf.py and LIBRARY pass every check."""
    parsed = dict(settings)
    parse_settings(parsed)
    profile = parsed["PROFILE"]
    assert profile.name == "Perpustakaan Kota Kotamobagu"
    assert profile.opening_hours[0].schema_days[0] == "Monday"


def test_unknown_setting_is_named_with_a_suggestion(settings):
    """A misspelt setting stops the build instead of silently using a default."""
    broken = dict(settings, TIMEZOME="Asia/Makassar")
    with pytest.raises(
        BuildStopped, match="TIMEZOME: pengaturan ini tidak dikenal. Mungkin maksudnya 'TIMEZONE'"
    ):
        parse_settings(broken)


def test_malformed_settings_are_all_named(settings):
    """Every malformed setting is reported in one message."""
    broken = dict(settings, TIMEZONE="Mars/Olympus", IMAGE_WIDTHS=[10], BUILD_NOW="besok")
    with pytest.raises(BuildStopped) as stopped:
        parse_settings(broken)
    message = str(stopped.value)
    assert "TIMEZONE" in message and "IMAGE_WIDTHS" in message and "BUILD_NOW" in message


def test_profile_mistakes_are_all_reported(settings):
    """Unknown keys, bad colours, bad hours and a missing logo are named together."""
    raw = copy.deepcopy(settings["LIBRARY"])
    raw["nama"] = "typo"
    raw["colors"]["primary"] = "#88ccaa"
    raw["opening_hours"][0]["opens"] = "8 pagi"
    raw["logo"] = "gambar/tidak-ada.png"
    with pytest.raises(BuildStopped) as stopped:
        parse_profile(raw, ROOT / "content")
    message = str(stopped.value)
    assert "LIBRARY['nama']: kunci ini tidak dikenal. Mungkin maksudnya 'name'?" in message
    assert "LIBRARY['colors']['primary']: kontras" in message
    assert "LIBRARY['opening_hours'][0]['opens']" in message
    assert "LIBRARY['logo']" in message


def test_contrast_matches_wcag_reference_values():
    """Black on white is 21:1 and white on white 1:1."""
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)


def test_build_now_must_carry_a_zone(settings):
    """A fixed build time without an offset would be ambiguous, so it is refused."""
    assert parse_one("BUILD_NOW", dict(settings, BUILD_NOW="2026-11-28T10:00:00+08:00"))
    with pytest.raises(BuildStopped, match="BUILD_NOW"):
        parse_one("BUILD_NOW", dict(settings, BUILD_NOW=dt.datetime(2026, 11, 28).isoformat()))


@pytest.mark.parametrize("days", [None, 5, "senin", [1, 2]])
def test_opening_hours_of_the_wrong_type_are_named_not_a_crash(settings, days):
    """`days: None` or `5` was a TypeError reported as a plugin bug."""
    raw = copy.deepcopy(settings["LIBRARY"])
    raw["opening_hours"][0]["days"] = days
    raw["opening_hours"].append(5)
    with pytest.raises(BuildStopped) as stopped:
        parse_profile(raw, ROOT / "content")
    message = str(stopped.value)
    assert "LIBRARY['opening_hours'][0]['days']" in message
    assert f"LIBRARY['opening_hours'][{len(raw['opening_hours']) - 1}]:" in message


@pytest.mark.parametrize("logo", ["../README.md", "/etc/hostname", "gambar/../../tasks.py", 12])
def test_logo_outside_content_is_refused(settings, logo):
    raw = copy.deepcopy(settings["LIBRARY"])
    raw["logo"] = logo
    with pytest.raises(BuildStopped, match=r"LIBRARY\['logo'\]"):
        parse_profile(raw, ROOT / "content")


def test_logo_through_a_symlink_leaving_content_is_refused(settings, tmp_path):
    content = tmp_path / "content"
    (content / "gambar").mkdir(parents=True)
    (tmp_path / "logo.png").write_bytes((ROOT / "content" / settings["LIBRARY"]["logo"]).read_bytes())
    (content / "gambar" / "logo.png").symlink_to(tmp_path / "logo.png")
    raw = dict(copy.deepcopy(settings["LIBRARY"]), logo="gambar/logo.png")
    with pytest.raises(BuildStopped, match="symlink"):
        parse_profile(raw, content)


@pytest.mark.parametrize(
    "url",
    [
        'https://x.org/"><script>alert(1)</script>',
        "https://x.org/",
        "javascript:alert(1)",
        "https://u:p@x.org",
        "https://x.org/?a=1",
        5,
    ],
)
def test_public_url_must_be_a_plain_url(settings, url):
    with pytest.raises(BuildStopped, match="PUBLIC_URL"):
        parse_one("PUBLIC_URL", dict(settings, PUBLIC_URL=url))


def test_public_url_with_a_path_or_port_passes(settings):
    url = "https://kotamobagukota.go.id/perpustakaan"
    assert parse_one("PUBLIC_URL", dict(settings, PUBLIC_URL=url)) == url
    assert (
        parse_one("PUBLIC_URL", dict(settings, PUBLIC_URL="http://127.0.0.1:8123")) == "http://127.0.0.1:8123"
    )


@pytest.mark.parametrize("cname", ["https://x.org", "x.org/", 5, "<b>x</b>.org"])
def test_publish_cname_must_be_a_domain(settings, cname):
    with pytest.raises(BuildStopped, match="PUBLISH_CNAME"):
        parse_one("PUBLISH_CNAME", dict(settings, PUBLISH_CNAME=cname))
