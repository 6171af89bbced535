"""A content problem: which file, which field, what is wrong and how to fix it.

Messages are for library staff, so they are written in Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one content file."""

    path: str
    field: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}: kolom '{self.field}'" if self.field else self.path
        return f"{where}: {self.message} Cara memperbaiki: {self.fix}"


class FieldError(ValueError):
    """Raised by a field parser; the checker turns it into a Problem."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def format_report(problems: list[Problem]) -> str:
    """Render all problems, grouped by file, for a terminal."""
    if not problems:
        return "Tidak ada masalah pada konten."
    lines = [f"Ditemukan {len(problems)} masalah pada konten:"]
    current = None
    for problem in sorted(problems, key=lambda p: (p.path, p.field or "")):
        if problem.path != current:
            current = problem.path
            lines.append("")
            lines.append(current)
        field = f"kolom '{problem.field}': " if problem.field else ""
        lines.append(f"  - {field}{problem.message}")
        lines.append(f"    Cara memperbaiki: {problem.fix}")
    return "\n".join(lines)
