"""The project's settings as Pelican reads them, with every plugin's declarations loaded."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from pelican.settings import read_settings

import plugins.content_model  # noqa: F401 - importing the plugins declares their settings
import plugins.feeds  # noqa: F401
import plugins.share_kit  # noqa: F401
import plugins.site_profile  # noqa: F401
import plugins.social_cards  # noqa: F401
from plugins._shared.errors import BuildStopped
from plugins._shared.settings import parse_settings

ROOT = Path(__file__).resolve().parents[2]
DELETE = object()  # as a value in changed(): remove the key


@pytest.fixture(scope="module")
def project_settings() -> dict:
    """pelicanconf.py read by Pelican, never parsed (tests copy it before changing it)."""
    return read_settings(str(ROOT / "pelicanconf.py"))


def changed(settings: dict, path: tuple, value: Any) -> dict:
    """A copy of settings with the value at path (a setting name, then keys) replaced or deleted."""
    result = dict(settings)
    name, *keys = path
    if not keys:
        if value is DELETE:
            result.pop(name, None)
        else:
            result[name] = value
        return result
    result[name] = top = copy.deepcopy(settings.get(name) or {})
    for key in keys[:-1]:
        top = top[key]
    if value is DELETE:
        del top[keys[-1]]
    else:
        top[keys[-1]] = value
    return result


def problems(settings: dict) -> list[str]:
    """The lines of the one BuildStopped these settings give, [] when they parse."""
    try:
        parse_settings(dict(settings))
    except BuildStopped as stop:
        head, *lines = str(stop).split("\n  - ")
        assert head.startswith("Pengaturan situs bermasalah")
        return lines
    return []
