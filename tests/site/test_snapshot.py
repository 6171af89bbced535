"""What the sample site says, compared with the committed snapshot.

tests/fixtures/golden/sample.json is tools/snapshot.py's reading of the built
sample site: every page's head tags, JSON-LD, main text, images and links;
every feed's items; the texts each card was drawn from. A refactor must leave
it unchanged; an intended change writes it again with `invoke snapshot`, and
the diff of that file shows what readers, crawlers and auto-posters now get.
"""

from __future__ import annotations

import json
import sys

import pytest

from sitekit import ROOT, shared_build

GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "sample.json"
sys.path.insert(0, str(ROOT / "tools"))
from snapshot import snapshot  # noqa: E402


def _flat(data, prefix=""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _flat(value, f"{prefix}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _flat(value, f"{prefix}[{index}]")
    else:
        yield prefix, data


@pytest.fixture(scope="module")
def fresh() -> dict:
    build = shared_build()  # the session's sample build; its cache holds its card manifest
    assert build.returncode == 0, build.log
    return snapshot(build.output, build.cache / "kartu-manifest.json")


def test_the_sample_site_says_what_the_snapshot_says(fresh):
    golden = dict(_flat(json.loads(GOLDEN.read_text(encoding="utf-8"))))
    now = dict(_flat(json.loads(json.dumps(fresh))))
    changed = [
        (key, golden.get(key), now.get(key))
        for key in sorted(set(golden) | set(now))
        if golden.get(key) != now.get(key)
    ]
    shown = "\n".join(f"{key}\n  - {old!r:.300}\n  + {new!r:.300}" for key, old, new in changed[:25])
    assert not changed, (
        f"{len(changed)} differences from {GOLDEN.relative_to(ROOT)}; after an "
        f"intended change run `invoke snapshot` and read its diff:\n{shown}"
    )
