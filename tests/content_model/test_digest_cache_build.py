"""A build served from the digest caches (checker, YAML, HTML policy, captions) writes the
same site, byte for byte, as a build that worked everything out."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from plugins._shared.digest_cache import FOLDER
from sitekit import run_build, share_caches


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_build_from_the_digest_caches_writes_the_same_site(tmp_path):
    first_cache = share_caches(tmp_path / "cache-1")
    first = run_build(tmp_path / "output-1", cache=first_cache)
    assert first.returncode == 0, first.log
    kept = first_cache / FOLDER
    # The caches of results by content digest. The others beside them are keyed by where
    # files are (digests and image probes by stat, outputs kept per output folder), so a second folder
    # writes its own entries there by design.
    names = [
        "kebijakan-html.pickle",
        "keterangan.pickle",
        "pemeriksa.pickle",
        "yaml.pickle",
    ]
    assert set(names) <= {p.name for p in kept.glob("*.pickle")}

    # Only the digest caches carry over: Pelican's own cache and the render memo start empty.
    second_cache = share_caches(tmp_path / "cache-2")
    shutil.copytree(kept, second_cache / FOLDER)
    second = run_build(tmp_path / "output-2", cache=second_cache)
    assert second.returncode == 0, second.log

    # Every result was found: a cache that missed anything would have been written again.
    for name in names:
        assert filecmp.cmp(kept / name, second_cache / FOLDER / name, shallow=False), name
    one, two = files_under(tmp_path / "output-1"), files_under(tmp_path / "output-2")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
