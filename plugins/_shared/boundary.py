"""The file boundary of the build: only files inside content/ ever reach the output.

Every path a post, a setting or Pelican names (static folders, {static} and
{attach} links, body images, front-matter images, the logo, card backgrounds)
is resolved here once. A file counts as inside when its real path (every
symlink resolved) lies under the real content folder and no part of its path
under content/ is hidden (starts with "."). Outputs are checked the same way
against the output folder, so nothing is ever written outside it.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path, PurePosixPath


class OutsideBoundary(ValueError):
    """A path leaves the folder it must stay in; message and fix are Indonesian."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def real(path: str | Path) -> Path:
    """The path with every symlink resolved (the path itself need not exist)."""
    return Path(os.path.realpath(path))


def is_within(root: str | Path, path: str | Path) -> bool:
    """True when the real path of `path` is `root` or lies under the real `root`."""
    root_real, path_real = real(root), real(path)
    return path_real == root_real or root_real in path_real.parents


def _hidden(relative: PurePosixPath) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in relative.parts)


def content_file(content_dir: str | Path, relative: str | Path, *, must_exist: bool = True) -> Path:
    """The real path of a file named relative to content_dir, or OutsideBoundary.

    `relative` is written as staff write it ("gambar/x.jpg", "/gambar/x.jpg");
    a leading slash means the content root, never the machine's root.
    """
    text = str(relative).replace("\\", "/")
    written = PurePosixPath(text.lstrip("/"))
    candidate = Path(content_dir) / written
    # Each real path once: realpath looks at every part of the path (a build checks thousands).
    root_real, candidate_real = real(content_dir), real(candidate)
    if not (candidate_real == root_real or root_real in candidate_real.parents):
        link = _leaving_link(Path(content_dir), written)
        if link is not None:
            raise OutsideBoundary(
                f"'{text}' adalah tautan simbolik (symlink) ke berkas di luar folder content/ "
                f"('{link}'), jadi tidak diterbitkan.",
                "salin berkas aslinya ke dalam folder content/ (misalnya content/gambar/) "
                "dan hapus tautan simboliknya.",
            )
        raise OutsideBoundary(
            f"'{text}' menunjuk ke luar folder content/, jadi tidak diterbitkan.",
            "simpan berkasnya di dalam folder content/ (misalnya content/gambar/ atau "
            "content/unduhan/) dan tulis lokasinya dari sana, tanpa '..'.",
        )
    if _hidden(PurePosixPath(os.path.relpath(candidate_real, root_real))) or _hidden(written):
        raise OutsideBoundary(
            f"'{text}' adalah berkas atau folder tersembunyi (namanya diawali titik), "
            "jadi tidak diterbitkan.",
            "ganti nama berkas atau foldernya agar tidak diawali titik.",
        )
    if must_exist and not candidate.is_file():
        raise OutsideBoundary(
            f"berkas '{text}' tidak ditemukan di folder content/.",
            "periksa ejaan nama berkas (huruf besar dan kecil dibedakan) dan pastikan "
            "berkasnya sudah disimpan di dalam folder content/.",
        )
    return candidate_real


def _leaving_link(content_dir: Path, written: PurePosixPath) -> str | None:
    """The first symlink on the way to `written` whose target leaves content_dir."""
    current = content_dir
    for part in written.parts:
        current = current / part
        if current.is_symlink() and not is_within(content_dir, current):
            return os.readlink(current)
    return None


_REMOTE = ("http://", "https://", "//", "data:", "mailto:", "tel:", "#")


def image_source_path(src: str, post_folder: str = "") -> str | None:
    """The content-relative path a body image names, or None when it is remote.

    `{static}/x` and `/x` count from the content root; `{static}x` from the post's
    folder, as Pelican resolves it; a bare `x` from the content root, as the
    `image:` field does, so `![..](gambar/x.jpg)` works like `{static}/gambar/x.jpg`.
    """
    if src.startswith(_REMOTE) or src.startswith(("{attach}", "|attach|", "{filename}")):
        return None
    for prefix in ("{static}", "|static|"):
        if src.startswith(prefix):
            rest = src.removeprefix(prefix)
            if rest.startswith("/") or not post_folder:
                return rest.lstrip("/")
            return posixpath.normpath(posixpath.join(post_folder, rest))
    return src.lstrip("/")


def output_file(output_dir: str | Path, save_as: str | Path) -> Path:
    """Where `save_as` lands under output_dir, or OutsideBoundary when it would leave it."""
    target = Path(output_dir) / str(save_as).lstrip("/")
    if not is_within(output_dir, target) or real(target) == real(output_dir):
        raise OutsideBoundary(
            f"berkas keluaran '{save_as}' berada di luar folder keluaran, jadi tidak ditulis.",
            "tulis tautan ke berkas di dalam folder content/, tanpa '..'.",
        )
    return target


def leaving_links(folder: str | Path, content_dir: str | Path) -> list[tuple[Path, str]]:
    """Every symlink under folder (files or folders, not followed) whose target leaves content_dir."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(root) / name
            if path.is_symlink() and not is_within(content_dir, path):
                found.append((path, os.readlink(path)))
    return found
