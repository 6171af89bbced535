"""Feeds for social auto-posters: RSS, Atom and JSON Feed built with feedgen.

Every feed lives under /umpan/ (see model.FORMATS for the file names):
the one for auto-posters (sosial: posts of the last FEEDS['auto_post_days'] days,
no event that is over), all posts (semua), each kind (acara, ...), each
hashtag (tagar/<slug>), and a square-image RSS feed for Instagram services
(instagram.xml); /umpan/ itself is the public page that lists them. Settings:
FEEDS and FEED_MAX_ITEMS (settings.py).
"""

from .plugin import register

__all__ = ["register"]
