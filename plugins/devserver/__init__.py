"""The development server of `invoke serve` (server.py), and its Pelican hook.

The hook (hook.py) is a plugin only in the dev server's builds: server.py adds
it to PLUGINS through the build runner's overrides, never in pelicanconf.py,
so nothing of it reaches a published build.
"""

from .hook import register

__all__ = ["register"]
