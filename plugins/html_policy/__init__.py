"""The raw-HTML policy of post and page bodies (policy.py), applied everywhere.

Bodies are sanitised with nh3 as Pelican reads them (sanitize.py), so pages and
every feed carry the same HTML; each removal is reported by file and line
through the content report (check.py), a warning in development builds and an
error in strict ones.
"""

from .plugin import register

__all__ = ["register"]
