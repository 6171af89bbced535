"""Whether two HTML strings differ only in how characters are written (&ldquo; or “)."""

from __future__ import annotations

import html
import re

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TEXT, _TAG, _VALUE = "text", "tag", "value"
# Characters that, written as themselves, end the text or the value they are in.
_ENDS = {_TEXT: "<", _VALUE: '"'}
_NEXT = {(_TEXT, "<"): _TAG, (_TAG, '"'): _VALUE, (_VALUE, '"'): _TAG, (_TAG, ">"): _TEXT}


def _unit(text: str, at: int, state: str) -> tuple[str, bool, int]:
    """(characters, written as a reference, next index) at an index."""
    if state != _TAG and text.startswith("&", at):
        match = _REFERENCE.match(text, at)
        if match:
            decoded = html.unescape(match.group(0))
            if decoded != match.group(0):  # an unknown name is literal text
                return decoded, True, match.end()
    return text[at], False, at + 1


def same_markup(original: str, canonical: str) -> bool:
    """True when original is canonical (nh3's output) with characters written differently.

    Walks both strings together, knowing from the canonical one whether it is in
    text, in a tag or in a double-quoted value: a character reference matches
    the character it stands for, unless that character would end the text or
    value there (a literal "<" is a tag, "&lt;" is text). References are not
    read inside tags, as in HTML itself.
    """
    i = j = 0
    state = _TEXT
    while i < len(original) and j < len(canonical):
        mine, mine_ref, i_next = _unit(original, i, state)
        theirs, theirs_ref, j_next = _unit(canonical, j, state)
        if mine != theirs or (mine_ref != theirs_ref and mine in _ENDS.get(state, "")):
            return False
        if not theirs_ref:
            state = _NEXT.get((state, theirs), state)
        i, j = i_next, j_next
    return i == len(original) and j == len(canonical)
