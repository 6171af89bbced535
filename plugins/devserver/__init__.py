"""The development server of `invoke serve` (server.py), and its Pelican hook.

The hook (hook.py) is connected by server.py in its own process, never listed
in PLUGINS, so nothing of it reaches a published build; reloads.py decides
which open browser reloads when.
"""
