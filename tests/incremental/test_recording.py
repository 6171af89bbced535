"""What a render is recorded to depend on: the parts of values the template reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import jinja2
import pytest
from pelican.contents import Article
from pelican.paginator import Paginator
from pelican.settings import read_settings

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


# --- sequences of posts, Pelican's paginators, folding ------------------------------


def posts(count: int, kind_every: int = 3) -> list[Article]:
    settings = read_settings(None)
    return [
        Article(
            f"<p>Isi {n}</p>",
            {
                "title": f"Tulisan {n}",
                "slug": f"tulisan-{n}",
                "series": "aman" if n % kind_every == 0 else "lain",
            },
            settings=settings,
            source_path=f"/isi/tulisan-{n}.md",
        )
        for n in range(count)
    ]


def test_a_filter_over_every_post_depends_on_the_part_it_filters_by_and_the_posts_it_shows():
    articles = posts(12)
    source = "{% for a in articles|selectattr('series', 'equalto', 'aman') %}{{ a.title }};{% endfor %}"
    text, names = render(source, articles=articles)
    assert text == "Tulisan 0;Tulisan 3;Tulisan 6;Tulisan 9;"
    folded = recording.fold(names)
    assert f"articles{SEP}*{SEP}.series" in folded  # every post's series
    assert {f"articles{SEP}#{n}" for n in (0, 3, 6, 9)} <= folded  # the four shown, whole
    assert not any(name.endswith(".title") for name in folded)
    assert recording.value_at(articles, f"*{SEP}.series")[:2] == ("aman", "lain")
    assert recording.value_at(articles, f"*{SEP}.nothing")[0] is recording.Lacking.PART


def inputs(names: set[str], articles: list) -> dict[str, str]:
    """The fingerprint of every folded path over articles, as the memo would record it."""
    fingerprints = Fingerprinter(FileDigests())
    found = {}
    for name in recording.fold(names):
        _top, _sep, steps = name.partition(SEP)
        found[name] = fingerprints.of(recording.value_at(articles, steps) if steps else articles)
    return found


def test_only_a_change_to_a_post_the_page_shows_changes_its_inputs():
    source = "{% for a in articles if a.series == 'aman' %}{{ a.title }}{% endfor %}"
    _text, names = render(source, articles=posts(12))
    unshown, shown = posts(12), posts(12)
    unshown[1].title = "Judul baru"  # not in the series
    shown[3].title = "Judul baru"
    assert inputs(names, unshown) == inputs(names, posts(12))
    assert inputs(names, shown) != inputs(names, posts(12))


def test_the_length_of_a_sequence_is_an_input_of_its_loop():
    articles = posts(3)
    _text, names = render("{{ articles|length }}", articles=articles)
    assert names == {f"articles{SEP}#"}
    assert recording.value_at(articles, "#") == 3
    assert recording.value_at(articles, "#5") is recording.ABSENT


def test_a_paginators_method_results_are_inputs_not_all_its_posts():
    paginator = Paginator("index.html", "index.html", posts(30), read_settings(None), per_page=10)
    page = paginator.page(2)
    source = (
        "{% if page.has_next() %}{{ paginator.page(page.next_page_number()).url }}{% endif %}"
        "{% for a in page.object_list %}{{ a.slug }} {% endfor %}"
    )
    text, names = render(source, page=page, paginator=paginator)
    assert text.startswith("index3.html")
    assert f"page{SEP}.has_next{SEP}(()" in names
    assert f"paginator{SEP}.page{SEP}((3,){SEP}.url" in names
    assert "page" not in names and "paginator" not in names  # not every post of the listing
    assert recording.value_at(paginator, f".page{SEP}((3,){SEP}.url") == "index3.html"
    folded = recording.fold(names)
    assert f"page{SEP}.object_list{SEP}*{SEP}.slug" in folded  # all ten shown: that part of each


def test_a_dicts_truth_depends_on_its_length_only():
    latest = {"acara": posts(1)}
    _text, names = render("{% if latest %}ada{% endif %}", latest=latest)
    assert names == {f"latest{SEP}#"}
    assert recording.value_at(latest, "#") == 1


def test_a_part_of_a_value_read_whole_is_not_kept():
    folded = recording.fold({"pool", f"pool{SEP}#0{SEP}.title", f"feeds{SEP}.page"})
    assert folded == {"pool", f"feeds{SEP}.page"}


# --- the build's moment -----------------------------------------------------------

WITA = ZoneInfo("Asia/Makassar")
NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=WITA)


def test_a_moment_is_an_input_by_how_it_compares_not_by_its_value():
    ends = [dt.datetime(2026, 11, 30, 9, tzinfo=WITA), dt.datetime(2026, 12, 2, 9, tzinfo=WITA)]
    source = "{% for end in ends %}{% if end < now %}lalu {% else %}nanti {% endif %}{% endfor %}"
    text, names = render(source, now=NOON, ends=ends)
    assert text == "lalu nanti "
    steps = sorted(name.partition(SEP)[2] for name in names if name.startswith("now"))
    assert steps == [">2026-11-30T09:00:00 Asia/Makassar 0", ">2026-12-02T09:00:00 Asia/Makassar 0"]
    later = NOON + dt.timedelta(hours=5)  # no end passed: the same inputs
    assert [recording.value_at(later, step) for step in steps] == [True, False]
    next_day = NOON + dt.timedelta(days=1, hours=1)  # the second end passed: an input changed
    assert [recording.value_at(next_day, step) for step in steps] == [True, True]


def test_a_moments_parts_and_queries_are_inputs_also_in_another_zone():
    def weekday_in(moment, zone):  # as a filter does: Python code, not the template
        return moment.astimezone(zone).weekday()

    text, names = render(
        "© {{ now.year }} {{ day(now, zone) }}", now=NOON, day=weekday_in, zone=ZoneInfo("UTC")
    )
    assert text == "© 2026 1"
    assert f"now{SEP}.year" in names
    assert f"now{SEP}@UTC{SEP}.weekday{SEP}(()" in names
    assert "now" not in names
    assert recording.value_at(NOON, f"@UTC{SEP}.weekday{SEP}(()") == 1


def test_a_moment_printed_or_computed_with_is_an_input_whole():
    for source in ("{{ now }}", "{{ (now - start).days }}", "{{ now.replace(hour=1) }}"):
        _text, names = render(source, now=NOON, start=NOON - dt.timedelta(days=3))
        assert "now" in names, source


def test_a_moment_passes_for_a_datetime():
    text, _names = render("{{ is_moment(now) }}", now=NOON, is_moment=lambda m: isinstance(m, dt.datetime))
    assert text == "True"
    assert recording.value_at(NOON, f">{NOON.isoformat()}") is False


def test_every_part_and_method_of_a_datetime_is_traced():
    """A datetime attribute _Moment does not override would read the moment unrecorded."""
    constructors = {"combine", "fromisocalendar", "fromisoformat", "fromordinal", "fromtimestamp"}
    constructors |= {"now", "strptime", "today", "utcfromtimestamp", "utcnow", "max", "min", "resolution"}
    inherited = {
        name
        for name in set(dir(dt.datetime)) - constructors
        if not name.startswith("__") or name in vars(dt.datetime) or name in vars(dt.date)
    }
    inherited -= {"__doc__", "__new__", "__getattribute__"}
    assert inherited <= set(vars(recording._Moment)), sorted(inherited - set(vars(recording._Moment)))


def test_code_that_reads_a_datetimes_fields_gets_the_moments_own():
    """zoneinfo's C code reads year..second (through attributes) and fold (from the object)."""
    berlin = ZoneInfo("Europe/Berlin")
    repeated = dt.datetime(2026, 10, 25, 2, 30, tzinfo=berlin, fold=1)  # the second 02:30
    text, names = render("{{ zone.utcoffset(now) }} {{ zone.tzname(now) }}", now=repeated, zone=berlin)
    assert text == "1:00:00 CET"
    assert f"now{SEP}.hour" in names  # what it read is recorded


def test_a_comparison_in_one_zone_replays_as_it_was_seen():
    """Python compares two moments of one zone by wall time (fold aside), others by instant;
    the replay of a recorded comparison must answer as the render did (25 Oct 2026 in
    Berlin: 02:10 in the second, winter hour is later than 02:50 in the first, summer hour)."""
    berlin = ZoneInfo("Europe/Berlin")
    end = dt.datetime(2026, 10, 25, 2, 50, tzinfo=berlin)  # fold 0: summer time
    now = dt.datetime(2026, 10, 25, 2, 10, tzinfo=berlin, fold=1)
    source = "{% for end in ends %}{{ 'lalu' if end < now else 'nanti' }}{% endfor %}"
    text, names = render(source, now=now, ends=[end])
    [step] = [name.partition(SEP)[2] for name in names if name.startswith(f"now{SEP}")]
    assert recording.value_at(now, step) == (text == "lalu")
    later = dt.datetime(2026, 10, 25, 3, 0, tzinfo=berlin)
    assert recording.value_at(later, step) is True  # 03:00 is past 02:50 by wall time too


def test_the_sites_date_filters_take_the_moment_and_depend_on_what_they_show():
    from plugins.indonesian_dates import formats

    def inputs_at(moment, names):
        return [recording.value_at(moment, name.partition(SEP)[2]) for name in sorted(names) if SEP in name]

    for name in ("long_date", "month_year", "clock", "zone_abbreviation", "long_datetime", "iso"):
        text, names = render("{{ f(now, zone) }}", now=NOON, f=getattr(formats, name), zone=WITA)
        assert text == getattr(formats, name)(NOON, WITA), name
        assert "now" not in names, name  # each read part by part, through Babel and zoneinfo
    _text, names = render("{{ f(now, zone) }}", now=NOON, f=formats.month_year, zone=WITA)
    assert inputs_at(NOON, names) == inputs_at(NOON + dt.timedelta(days=3), names)  # "Desember 2026"
    assert inputs_at(NOON, names) != inputs_at(NOON + dt.timedelta(days=31), names)
