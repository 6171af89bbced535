"""Posters of the events: a printable A4 PDF and a PNG for WhatsApp groups, with a QR code.

A post gets posters when its facts have a `schedule`. Under /poster/
(POSTERS['folder']): `<kind>/<slug>.pdf` and `<kind>/<slug>.png`, drawn from the
post's facts in the library's design (plugins/social_cards: colours, fonts,
text fitting), cached by a digest of their inputs under CACHE_PATH/poster/.
Each event gets `article.poster` (model.Poster), linked from its share kit.
"""

from .plugin import register

__all__ = ["register"]
