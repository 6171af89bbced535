"""What a render is recorded to depend on: the parts of values the template reads."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
import pytest

from plugins._shared.fingerprint import FileDigests, Fingerprinter, Unfingerprintable
from plugins.render_memo import recording

SEP = recording.SEP


# Our plugins' objects are traced by attribute: the class must live under plugins.*.
@dataclass(frozen=True)
class Catalogue:
    page: str
    items: tuple


Catalogue.__module__ = "plugins.example"


def render(source: str, **values) -> tuple[str, set[str]]:
    environment = jinja2.Environment()
    recording.install(environment)
    with recording.recording() as names:
        text = environment.from_string(source).render(values)
    return text, names


def test_an_attribute_read_is_recorded_not_the_whole_object():
    catalogue = Catalogue("umpan/", ("a", "b"))
    text, names = render("{% if feeds %}{{ feeds.page }}{% endif %}", feeds=catalogue)
    assert text == "umpan/"
    assert names == {f"feeds{SEP}.__class__", f"feeds{SEP}.page"}
    assert recording.value_at(catalogue, ".page") == "umpan/"


def test_printing_or_iterating_an_object_depends_on_all_of_it():
    _text, names = render("{{ feeds }}", feeds=Catalogue("umpan/", ()))
    assert "feeds" in names


def test_a_dict_read_by_key_depends_on_that_key_only():
    latest = {"acara": ["x"], "tutorial": ["y"]}
    text, names = render("{{ 'acara' in latest }} {{ latest.get('tutorial')[0] }}", latest=latest)
    assert text == "True y"
    assert names == {f"latest{SEP}?acara", f"latest{SEP}[tutorial"}
    assert recording.value_at(latest, "?pengumuman") is False
    assert recording.value_at(latest, "[pengumuman") is recording.ABSENT


def test_a_templates_own_variables_are_no_input():
    _text, names = render("{% set x = 1 %}{{ x }}{{ y }}", y=2)
    assert names == {"y"}


def test_an_unknown_value_cannot_be_fingerprinted_so_its_page_is_always_rendered():
    class Foreign:
        pass

    with pytest.raises(Unfingerprintable):
        Fingerprinter(FileDigests()).of([Foreign()])


def test_equal_values_share_a_fingerprint_and_changed_ones_do_not():
    first = Fingerprinter(FileDigests()).of({"a": [1, "x"], "b": Catalogue("p", ())})
    same = Fingerprinter(FileDigests()).of({"a": [1, "x"], "b": Catalogue("p", ())})
    changed = Fingerprinter(FileDigests()).of({"a": [1, "y"], "b": Catalogue("p", ())})
    assert first == same != changed
