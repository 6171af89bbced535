"""Render memo: a page whose inputs did not change is neither rendered nor written again.

For every file Pelican's Writer writes, the memo records which top-level
template names the render actually looked up (recording.py), a fingerprint of
each of their values (plugins/_shared/fingerprint.py) and the sha256 of the
file written. The next build skips a page when the build's global fingerprint
(code, theme, settings, library versions, every non-Markdown content file), the
fingerprint of every name it read, and the file on disk are all unchanged:
the same inputs read take the same branches and give the same page.

- recording.py: a Jinja context that notes the names a render resolves.
- memo.py: the record under CACHE_PATH, and the skip-or-render decision.
- plugin.py: Pelican hooks; Pelican's own reader cache is emptied with the memo
  whenever the global fingerprint changes.
"""

from .memo import Unchanged, active_memo, last_stats
from .plugin import register

__all__ = ["Unchanged", "active_memo", "last_stats", "register"]
