"""Partners that posts name by slug: who they are, and the check that each one exists.

A post names partners in its `partners` field, each by the slug of a partner's
file (content/mitra/<slug>.md, a kind with `as_partner`). Whether a name is known
depends on other files, so it is checked over the whole tree after every file's
own checks (check.py): a partner's file removed or broken is reported on each
post that still names it, whatever is remembered of that post's own checks.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .presentation import PartnerRef
from .problems import Problem

if TYPE_CHECKING:
    from .kinds import KindRegistry

PARTNERS_FIELD = "partners"  # the field of a post that names its partners


def directory_url(kind_slug: str, slug: str) -> str:
    """Where a page of a directory kind is served: 'mitra/sma-negeri-1-kotamobagu/'."""
    return f"{kind_slug}/{slug}/"


def _partner_entries(entries: Iterable) -> dict[str, object]:
    """Partner files by slug; of two with one slug, the sound one (the other has a slug problem)."""
    found = {}
    for entry in entries:
        is_partner = entry.kind is not None and entry.kind.as_partner is not None and entry.slug
        if is_partner and (entry.slug not in found or found[entry.slug].problems):
            found[entry.slug] = entry
    return found


def partners_of(entries: Iterable) -> dict[str, PartnerRef]:
    """The sound partners of the tree by slug, as posts that name them show them."""
    return {
        slug: entry.kind.as_partner(slug, directory_url(entry.kind.slug, slug), entry.values)
        for slug, entry in _partner_entries(entries).items()
        if not entry.problems
    }


def check_partner_names(entries: list, kinds: KindRegistry) -> None:
    """Each partner a post names must have a sound partner file; else a problem on the post."""
    partners = _partner_entries(entries)
    folder = next((f"content/{kind.slug}/" for kind in kinds.partner_kinds), "content/mitra/")
    for entry in entries:
        for slug in entry.values.get(PARTNERS_FIELD, ()) if entry.kind is not None else ():
            partner = partners.get(slug)
            if partner is None:
                entry.problems.append(_unknown(entry.path, slug, sorted(partners), folder))
            elif partner.problems:
                entry.problems.append(
                    Problem(
                        entry.path,
                        PARTNERS_FIELD,
                        f"mitra '{slug}' ({partner.path}) sedang bermasalah, sehingga halamannya "
                        "tidak dibangun dan acara ini tidak bisa menautkannya.",
                        f"perbaiki dulu masalah pada {partner.path} (tercantum di laporan ini), "
                        f"atau hapus '{slug}' dari '{PARTNERS_FIELD}'.",
                    )
                )


def _unknown(path: str, slug: str, known: list[str], folder: str) -> Problem:
    guess = difflib.get_close_matches(slug, known, n=1, cutoff=0.5)
    if guess:
        hint = f" Mungkin maksudnya '{guess[0]}'?"
        fix = f"ganti '{slug}' dengan '{guess[0]}' (nama berkas mitra di {folder} tanpa .md)"
    else:
        hint = ""
        listed = ", ".join(known[:8]) if known else "belum ada mitra"
        fix = f"tulis nama berkas mitra di {folder} tanpa .md (yang ada: {listed})"
    return Problem(
        path,
        PARTNERS_FIELD,
        f"mitra '{slug}' tidak dikenal: tidak ada berkas {folder}{slug}.md.{hint}",
        f'{fix}, atau buat dulu halaman mitranya: invoke new mitra "Nama Mitra".',
    )
