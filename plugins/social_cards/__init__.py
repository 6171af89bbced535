"""Social cards: a generated JPEG per post and listing page, in every platform size."""


def register() -> None:
    """Wired up by the social cards issue; nothing to do until then."""
