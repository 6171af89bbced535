"""Find the line of the Markdown source a removal came from."""

from __future__ import annotations

import re
from collections import Counter

_FENCE = re.compile(r"^\s*(```|~~~)")


class Locator:
    """Searches the body's lines (outside fenced code) for the text of a removal.

    Each occurrence is used once, so a second <script> is found on the line of
    the second "<script".
    """

    def __init__(self, body: str, first_line: int):
        self.lines = []
        fenced = False
        for offset, line in enumerate(body.splitlines()):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                self.lines.append((first_line + offset, line.lower()))
        self.used: Counter = Counter()

    def find(self, needles: list[str]) -> int | None:
        """The file line of the first needle with an unused occurrence, or None."""
        for needle in needles:
            needle = needle.strip().lower()
            if not needle:
                continue
            for number, line in self.lines:
                if line.count(needle) > self.used[needle, number]:
                    self.used[needle, number] += 1
                    return number
        return None
