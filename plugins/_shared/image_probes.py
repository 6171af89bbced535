"""probe(): what images.examine() finds about an image, worked out once per file version.

Apart from images.py because cards and posters digest that file as drawing code
(an edit there draws every card again): how a finding is remembered is not how
a card is drawn. A finding is kept as files.remembered keeps a digest, with the
file's stat (device, inode, size, mtime, ctime), so a picture copied over
another with the same size and time (`cp -p`, `rsync -t`) is measured again.
Its key holds the code of images.py and Pillow's version: a fix to how images
are measured measures every image again.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from . import digest_cache, files, images
from .images import ImageInfo


def probe(path: str | Path, name: str | None = None) -> ImageInfo:
    """The image's size, format and mode, once its pixels proved to decode.

    Raises images.ImageProblem naming the file as `name` (default: the path as
    given). Decoded once per file version in a process, and once for good after
    files.remember_digests() named the build's cache.
    """
    shown = name or str(path)
    real = os.path.realpath(path)  # the check and the plugins name one file differently
    try:
        found = _finding(real, files.signatures((real,)))
    except OSError:
        raise images.unreadable_problem(shown) from None
    return images.accepted(found, shown)


# In memory too, for the check, the pictures and the cards probing one image in one
# build, a new image included (one files.remembered does not keep yet).
@functools.lru_cache(maxsize=4096)
def _finding(real: str, signature: tuple) -> images.ImageInfo | images.Refusal:
    return files.remembered((real,), _finding_kind(), lambda: images.examine(real))


@functools.cache
def _finding_kind() -> str:
    return "probe:" + digest_cache.code_version(["plugins._shared.images"], ["pillow"])
