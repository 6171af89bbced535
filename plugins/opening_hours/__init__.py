"""The library's opening hours "today", for the theme (a Jinja filter).

hours.py is pure (no Pelican): given PROFILE.opening_hours and a moment, it
says whether the library opens that day (in WITA) and when it opens next.
plugin.py registers it as the `jam_hari_ini` filter.
"""

from .plugin import register

__all__ = ["register"]
