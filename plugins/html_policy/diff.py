"""What the sanitiser removed: the original and sanitised trees, element by element."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import lxml.html


@dataclass(frozen=True)
class Removal:
    """A removed element (attribute None), attribute, or class names (attribute "class")."""

    tag: str
    attribute: str | None = None
    value: str = ""  # the attribute's value, or the class names removed
    attributes: tuple[tuple[str, str], ...] = ()  # of a removed element, to find it


def _elements(html: str) -> list:
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [element for element in root.iterdescendants() if isinstance(element.tag, str)]


def _fits(original: dict, kept: dict) -> bool:
    """Whether kept can be original with attributes (or class names) taken away."""
    for name, value in kept.items():
        if name not in original:
            return False
        if name == "class":
            if not set(value.split()) <= set(original[name].split()):
                return False
        elif original[name] != value:
            return False
    return True


def _removed_attributes(tag: str, original: dict, kept: dict) -> list[Removal]:
    found = []
    for name, value in original.items():
        if name not in kept:
            found.append(Removal(tag, name, value))
        elif name == "class" and value != kept[name]:
            gone = [c for c in value.split() if c not in kept[name].split()]
            if gone:
                found.append(Removal(tag, "class", " ".join(gone)))
    return found


def removals(original: str, sanitised: str) -> list[Removal]:
    """Every removal, in document order.

    Sanitising only removes (elements, attributes, class names) and keeps the
    order, so each original element is matched with the next kept element of its
    tag whose attributes are a subset of its own; the unmatched were removed.
    """
    kept: dict[str, list[dict]] = defaultdict(list)
    for element in _elements(sanitised):
        kept[element.tag].append(dict(element.attrib))
    cursor: Counter = Counter()
    found = []
    for element in _elements(original):
        attributes = dict(element.attrib)
        queue, at = kept[element.tag], cursor[element.tag]
        if at < len(queue) and _fits(attributes, queue[at]):
            found += _removed_attributes(element.tag, attributes, queue[at])
            cursor[element.tag] += 1
        else:
            found.append(Removal(element.tag, attributes=tuple(attributes.items())))
    return found
