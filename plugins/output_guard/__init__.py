"""Output guard: the build writes only inside its output folder, only whole files,
and only one build at a time per output folder.

- statics.py: static files must come from inside content/ and land inside the
  output folder; they are copied atomically.
- writer.py: every page Pelican writes is written atomically.
- lock.py: one build per output folder (fcntl.flock on a file beside it).
- failure.py: output-folder errors (read-only, no permission, disk full) said
  as such, for plugins/_shared/build.py.
"""

from .plugin import register

__all__ = ["register"]
