"""Nothing outside content/ is ever published, and nothing is written outside the output.

A copy of the fixture site gets every way out the issue found: an {attach}
link up to etc/hostname, a {static}/../x link, an absolute and a relative
symlink in gambar/, and a symlinked folder in unduhan/. The build must copy
none of those files' bytes, write nothing outside its output folder, and
name each file in a warning.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sitekit import ROOT, run_build

from .guardkit import output_files

POST = Path("pengumuman") / "2026-11-16-libur-hari-guru.md"
WARNING = "Berkas statis tidak disalin ke situs"


def _secret(path: Path, label: str) -> bytes:
    data = f"RAHASIA-{label}-{secrets.token_hex(16)}\n".encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def _tree(root: Path, skip: list[Path]) -> dict[str, int | None]:
    """Every path under root with its mtime (files) - except the folders in skip."""
    found = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if here / d not in skip]
        for name in dirs + files:
            path = here / name
            found[path.relative_to(root).as_posix()] = None if path.is_dir() else path.lstat().st_mtime_ns
    return found


def test_files_outside_content_are_never_published(content_copy, tmp_path):
    # tmp/a/b/content/pengumuman/../../../../etc/hostname is tmp/etc/hostname.
    content = content_copy("a", "b")
    secrets_planted = {
        "etc/hostname": _secret(tmp_path / "etc" / "hostname", "hostname"),
        "../x": _secret(content.parent / "x", "x"),
        "gambar/mutlak.txt": _secret(tmp_path / "luar" / "mutlak.txt", "mutlak"),
        "unduhan/luar": _secret(tmp_path / "luar" / "folder" / "isi.txt", "folder"),
        # A repository file, reached by a relative symlink.
        "gambar/relatif.py": (ROOT / "pelicanconf.py").read_bytes(),
    }
    with (content / POST).open("a", encoding="utf-8") as post:
        post.write("\n[Lampiran]({attach}../../../../etc/hostname) dan [x]({static}/../x).\n")
    images = content / "gambar"
    (images / "mutlak.txt").symlink_to(tmp_path / "luar" / "mutlak.txt")
    (images / "relatif.py").symlink_to(os.path.relpath(ROOT / "pelicanconf.py", images))
    (content / "unduhan").mkdir(exist_ok=True)
    (content / "unduhan" / "luar").symlink_to(tmp_path / "luar" / "folder", target_is_directory=True)
    # A symlink that stays inside content/ is still published.
    (images / "logo-lain.png").symlink_to("logo-perpustakaan.png")

    output = tmp_path / "build" / "out"
    output.parent.mkdir()
    caches = [output]
    before = _tree(tmp_path, caches)

    build = run_build(output, content=content)
    assert build.returncode == 0, build.log

    leaked = [
        (name, rel)
        for rel in sorted(output_files(output))
        for name, data in secrets_planted.items()
        if data in (output / rel).read_bytes()
    ]
    assert not leaked, f"outside files published (secret, output file): {leaked}"
    names = {Path(rel).name for rel in output_files(output)}
    assert not names & {"hostname", "x", "mutlak.txt", "relatif.py", "isi.txt"}, sorted(names)
    # A link inside content/ is published (as the cleaned copy every image becomes).
    assert (output / "gambar" / "logo-lain.png").read_bytes() == (
        output / "gambar" / "logo-perpustakaan.png"
    ).read_bytes()

    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]
    after = _tree(tmp_path, caches)
    assert after == before, "written outside the output folder: " + repr(
        sorted(set(after.items()) ^ set(before.items()))
    )

    # Pelican's log handler writes to stdout.
    warnings = [line for line in (build.stdout + build.stderr).splitlines() if WARNING in line]
    for name in secrets_planted:
        assert any(name in line for line in warnings), (
            f"no warning names {name!r}; warnings:\n" + "\n".join(warnings) + "\n" + build.log
        )
