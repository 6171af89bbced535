"""Render memo: a page whose inputs did not change is neither rendered nor written again.

For every file Pelican's Writer writes, the memo records which inputs the
render actually read (recording.py: top-level template names, or parts of them
such as one key of a dict, one attribute, or the posts of a list it showed), a
fingerprint of each (plugins/_shared/fingerprint.py) and the sha256 of the file
written. The next build skips a page when the build's global fingerprint (code,
theme, settings, library versions, every non-Markdown content file), the
fingerprint of every input it read, and the file on disk are all unchanged:
the same inputs read take the same branches and give the same page. A page
rendered again whose bytes came out the same is not written again.

- recording.py: a Jinja context that notes the names a render resolves.
- memo.py: the record under CACHE_PATH, and the skip-or-render decision.
- plugin.py: Pelican hooks; Pelican's own reader cache is emptied with the memo
  whenever the global fingerprint changes.
"""

from .memo import Unchanged, active_memo, last_stats
from .plugin import register

__all__ = ["Unchanged", "active_memo", "last_stats", "register"]
