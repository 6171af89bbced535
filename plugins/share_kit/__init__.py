"""Share kit: a staff-only page per post with every card size, preview mock-ups and captions."""


def register() -> None:
    """Wired up by the share-kit work; nothing to do until then."""
