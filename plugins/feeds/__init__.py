"""Feeds for social auto-posters: RSS, Atom and JSON Feed built with feedgen."""


def register() -> None:
    """Wired up by the feeds issue; nothing to do until then."""
