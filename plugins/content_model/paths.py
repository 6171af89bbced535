"""The form a file's location is written in: from inside content/, with '/'.

Staff copy locations from a file manager (Windows writes 'content\\gambar\\x.jpg')
or from the project folder ('content/gambar/x.jpg'); the build reads neither, so
the checker names the exact form to write instead of only saying "not found".
"""

from __future__ import annotations

_CONTENT = "content/"


def written_form(written: str) -> str | None:
    """The location as it must be written, or None when it is written that way already.

    A leading '/' is accepted as it is (it means the content root).
    """
    as_written = written.strip().lstrip("/")
    path = as_written.replace("\\", "/")
    if path.lower().startswith(_CONTENT):
        path = path[len(_CONTENT) :].lstrip("/")
    return path if path != as_written and path else None


def why(written: str) -> str:
    """What is wrong with a location written_form corrected, in Indonesian."""
    reasons = []
    if "\\" in written:
        reasons.append("memakai garis miring terbalik (\\)")
    if written.strip().replace("\\", "/").lstrip("/").lower().startswith(_CONTENT):
        reasons.append("diawali 'content/', padahal lokasi ditulis dari dalam folder content/")
    return " dan ".join(reasons) or "tidak ditulis dari dalam folder content/"
