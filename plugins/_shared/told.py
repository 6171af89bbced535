"""What a build tells staff besides its warnings (the posts still waiting for their date).

Printed as it is said, and kept for the build's record: a build that is not run
again because nothing changed (plugins/_shared/unchanged.py) tells it again.
"""

from __future__ import annotations

_told: list[str] = []


def tell(text: str) -> None:
    print(text, flush=True)
    _told.append(text)


def start() -> None:
    _told.clear()


def told() -> list[str]:
    return list(_told)
