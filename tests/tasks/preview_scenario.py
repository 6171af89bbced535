"""The dev server's builds, in a process of their own: `python -m tests.tasks.preview_scenario OUT`.

Run in a copy of the project (test_devserver_preview.py). A DevSite builds the
sample content once; then posts are saved and rebuilt as the server does on a
save (a preview of each saved post's page, then the full build). Writes what
happened to the JSON file OUT: for each save, the pages the preview wrote, their
bytes as previewed, and whether the full build rewrote them.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

NOW = "2026-11-28T10:00:00+08:00"
EVENT = "content/acara/2026-11-05-kelas-membuat-konten-video-pendek-untuk-umkm.md"
# The newest notice: the others' pages list it under "Pengumuman lainnya", its own must not.
NOTICE = "content/pengumuman/2026-11-27-tantangan-baca-desember-31-hari.md"
NEW = "content/pengumuman/2026-11-27-pengumuman-baru-dari-uji.md"


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")


def main(out: str) -> None:
    from plugins.devserver import hook
    from plugins.devserver.server import DevSite

    root = Path.cwd()
    site = DevSite(root / "pelicanconf.py", root / "output", "http://127.0.0.1:8765/", {"BUILD_NOW": NOW})
    hook.register(site.page_written)
    previewed: list[dict] = []

    def seen(path: str) -> None:
        previewed.append(
            {"path": os.path.relpath(path, root / "output"), "bytes": Path(path).read_text("utf-8")}
        )

    site.reloads.previewed = seen  # as the server's reloads are told of it, without a browser
    site.rebuild()
    saves = []

    def save(name: str, edit) -> None:
        previewed.clear()
        edit()
        stamps = {}
        site.rebuild({str(root / name)})
        for page in previewed:
            file = root / "output" / page["path"]
            stamps[page["path"]] = file.is_file() and file.read_text("utf-8") == page["bytes"]
        source = (root / name).read_text(encoding="utf-8")
        saves.append({"saved": name, "source": source, "previewed": list(previewed), "kept_by_build": stamps})

    save(EVENT, lambda: retitle(root / EVENT, "Kelas Video Pendek untuk UMKM Kotamobagu"))
    save(NOTICE, lambda: retitle(root / NOTICE, "Tantangan Baca Desember Dimulai"))
    # A broken header: no preview; the full build shows its problems page.
    save(NOTICE, lambda: retitle(root / NOTICE, "Tantangan Baca: Rusak"))
    new = (root / NOTICE).read_text(encoding="utf-8").replace("Tantangan Baca: Rusak", "Pengumuman Baru")
    save(NEW, lambda: (root / NEW).write_text(new, encoding="utf-8"))
    # A link to a post that is not there: only the full build's checks see it, after the
    # preview drew the event's new cards. The build leaves the event out, and with it those.
    linked = (root / EVENT).read_text(encoding="utf-8") + "\nLihat [ini]({filename}/acara/tidak-ada.md).\n"
    linked = linked.replace("UMKM Kotamobagu", "UMKM Totabuan")
    save(EVENT, lambda: (root / EVENT).write_text(linked, encoding="utf-8"))
    slug = Path(EVENT).stem.split("-", 3)[-1]
    saves[-1]["left_in_output"] = sorted(
        str(path.relative_to(root / "output")) for path in (root / "output").rglob(f"*{slug}*")
    )
    Path(out).write_text(json.dumps(saves), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
