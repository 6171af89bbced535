"""Declare LIBRARY and the site-wide settings; parse every declared setting before content is read.

Public: LibraryProfile (settings["LIBRARY"], also settings["PROFILE"] for templates).
"""

from .plugin import register
from .profile import LibraryProfile

__all__ = ["LibraryProfile", "register"]
