"""Errors that stop a build with a message meant for people, not a traceback."""


class BuildStopped(Exception):
    """The build cannot go on; the message says why and how to fix it."""
