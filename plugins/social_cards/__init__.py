"""Social cards: a generated JPEG per post and listing page, in every platform size.

`article.cards`, `page.cards` and `context["listing_cards"]` hold model.Cards;
layouts are theme/cards/*.toml.
"""

from .plugin import register

__all__ = ["register"]
