"""Output-folder failures said as such: read-only, no permission, disk full.

An OSError while writing the output is a problem of the machine, not of a
template or plugin; staff get told which folder and what to do. After a
failed build, temporary files that a failing write left behind are removed.
"""

from __future__ import annotations

import errno
from pathlib import Path

from plugins._shared.boundary import is_within

_CAUSES = {
    errno.EROFS: (
        "sistem berkasnya hanya-baca (read-only)",
        "pasang ulang (mount) disk itu agar bisa ditulis, atau pilih folder keluaran lain "
        "dengan --output, lalu bangun lagi.",
    ),
    errno.EACCES: (
        "tidak ada izin menulis",
        "beri pengguna yang menjalankan pembangunan izin tulis ke folder itu (periksa dengan "
        "`ls -ld`), atau pilih folder keluaran lain dengan --output, lalu bangun lagi.",
    ),
    errno.ENOSPC: (
        "disknya penuh",
        "kosongkan ruang disk (misalnya hapus folder keluaran lama atau berkas besar yang "
        "tidak perlu), lalu bangun lagi.",
    ),
}
_CAUSES[errno.EPERM] = _CAUSES[errno.EACCES]
_CAUSES[errno.EDQUOT] = ("kuota disk pengguna ini habis", _CAUSES[errno.ENOSPC][1])


def explain(error: BaseException, output: str | Path | None) -> str | None:
    """The Indonesian message for an output-folder OSError, or None for any other error."""
    if not isinstance(error, OSError) or error.errno not in _CAUSES or output is None:
        return None
    named = [str(name) for name in (error.filename, error.filename2) if name]
    inside = [name for name in named if is_within(output, name)]
    if named and not inside and error.errno in (errno.EACCES, errno.EPERM):
        return None  # e.g. an unreadable content file: not the output folder's fault
    cause, fix = _CAUSES[error.errno]
    if named and not inside:  # e.g. the cache folder on a full disk
        return (
            f"tidak bisa menulis {named[0]}: {cause}.\nPerbaikan: {fix}\n"
            "Ini masalah disk, bukan konten, templat atau plugin."
        )
    written = f" (saat menulis {inside[0]})" if inside else ""
    return (
        f"tidak bisa menulis ke folder keluaran {output}: {cause}{written}.\n"
        f"Perbaikan: {fix}\n"
        "Ini masalah folder keluaran atau disk, bukan konten, templat atau plugin; "
        "berkas yang setengah tertulis sudah dihapus."
    )


def sweep_scratch(output: str | Path) -> list[Path]:
    """Remove the temporary files (".<name>.….tmp") that failed writes left in output."""
    removed = []
    folder = Path(output)
    if not folder.is_dir():
        return removed
    for path in folder.rglob(".*.tmp"):
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
        except OSError:
            pass  # a read-only folder holds no scratch of ours anyway
    return removed
