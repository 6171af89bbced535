"""A Pelican Writer whose pages appear whole or not at all.

Pelican's Writer opens the target with open(path, "w"): a full disk or a
failed template leaves a truncated page that a later copy would publish.
Here the page is collected in memory and written with write_atomically.

When the render memo (plugins/render_memo) runs, each template goes through it:
a page whose inputs did not change comes back as `Unchanged` and is not written
again, while Pelican still counts it as written (its duplicate checks hold).
"""

from __future__ import annotations

import io
import logging
import os

from pelican.writers import FileOverwriteFailedError, Writer

from plugins._shared.files import note_made, write_atomically
from plugins.render_memo import Unchanged, active_memo

logger = logging.getLogger(__name__)


class _AtomicPage(io.StringIO):
    """Text collected in memory, written to its file when the `with` block succeeds."""

    def __init__(self, filename: str, encoding: str):
        super().__init__()
        self.filename = filename
        self.encoding_name = encoding
        self.unchanged = False

    def write(self, text: str) -> int:
        if isinstance(text, Unchanged):  # the file on disk already holds this page
            self.unchanged = True
            return 0
        return super().write(text)

    def __exit__(self, exc_type, exc, traceback):
        try:
            if exc_type is None and not self.unchanged:
                data = self.getvalue().encode(self.encoding_name)
                try:
                    write_atomically(self.filename, data)
                except OSError as error:
                    # write() errors (ENOSPC) carry no file name: name the page.
                    if error.filename is None:
                        error.filename = self.filename
                    raise
        finally:
            self.close()
        return False


class AtomicWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        memo = active_memo(self.output_path)
        if memo is not None:
            template = memo.template(template)
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        # Pelican's own override and duplicate-write checks, unchanged.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        note_made(filename)  # rendered, or kept as it is by the render memo
        return _AtomicPage(filename, encoding)
