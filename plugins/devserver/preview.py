"""A saved post's page first, rendered from the last build, then the whole build.

With a thousand posts, a build spends more than a second on every post's facts,
pictures and cards before Pelican writes its first page. The saved post's own
page needs little of that: the post itself, and the rest of the site as the
last build left it. So when posts were saved, the server renders each saved
post's page from the last build's context first (Hugo's fast render does the
same) and the browser showing it reloads; then the full build runs as always.
It writes the page again only when its bytes differ from the preview's (say a
list on the page changed meanwhile), and that browser then reloads once more.
What is published is always the full build's; the preview only shows it sooner.

A post the last build did not have (new, or left out for its problems), one
with problems now, or one no longer due is not previewed: the full build shows
it, or its problems page.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os

from pelican import signals
from pelican.contents import Article

from plugins._shared import files, one_post
from plugins.output_guard import ledger, lock
from plugins.output_guard.writer import AtomicWriter

from .hook import write_article

logger = logging.getLogger(__name__)


class LastBuild:
    """The articles generator of the last build that finished without an error."""

    def __init__(self) -> None:
        self.generator = None

    def keep(self, generator, succeeded: bool) -> None:
        self.generator = generator if succeeded else None

    def warm_up(self) -> None:
        """Load what the first preview would (once a process), while nobody is waiting on it."""
        if self.generator is not None:
            one_post.warm_up(self.generator.settings)

    def preview(self, saved: set[str], written) -> list[str]:
        """Render the page of each saved post the last build published; return the files written.

        written(path) is told of each page file as it is on disk. The last build is
        let go either way: the build that follows keeps its own.
        """
        generator, self.generator = self.generator, None  # memory: the build keeps its own
        if generator is None:
            return []
        settings = generator.settings
        output = settings["OUTPUT_PATH"]
        if not lock.try_acquire(output):  # another build writes there now: leave it to the full build
            return []
        made = files.noting_made()
        try:
            with _collector_paused():
                return self._render(generator, saved, written)
        finally:
            # Cards, image sizes, posters the preview made: the next build removes those it
            # does not make itself (say the post turns out to have problems).
            ledger.add_made(output, settings["CACHE_PATH"], made)
            lock.release(output)

    def _render(self, generator, saved: set[str], written) -> list[str]:
        published = {os.path.realpath(article.source_path): article for article in generator.articles}
        pages = []
        for path in sorted(saved):
            previous = published.get(os.path.realpath(path))
            if previous is None:
                continue
            try:
                made = _read_again(generator, previous, path)
                if made is None:
                    continue
                page = _write(generator, *made)
            except Exception:  # noqa: BLE001 - a preview that fails leaves it to the full build
                logger.debug("Pratinjau %s gagal", path, exc_info=True)
                continue
            pages.append(page)
            written(page)
        return pages


def _read_again(generator, previous, path: str) -> tuple[Article, dict] | None:
    """The saved post as the full build will make it, and the last build's context with the
    post in previous's place; None when only the full build can show it."""
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(generator.path))
    article = generator.readers.read_file(
        base_path=generator.path,
        path=relative,
        content_class=Article,
        context=generator.context,
        preread_signal=signals.article_generator_preread,
        preread_sender=generator,
        context_signal=signals.article_generator_context,
        context_sender=generator,
    )
    if not isinstance(article, Article) or not article.is_valid() or article.save_as != previous.save_as:
        return None
    context = _swapped(generator.context, previous, article)
    if not one_post.make(article, previous, context, generator.settings):
        return None
    # What no plugin makes for one post stays as the last build made it (see one_post).
    owned = one_post.owned()
    for name, value in vars(previous).items():
        if name not in vars(article) and name not in owned:
            setattr(article, name, value)
    return article, context


def _write(generator, article, context: dict) -> str:
    settings = generator.settings
    writer = AtomicWriter(settings["OUTPUT_PATH"], settings=settings)
    write_article(generator, writer.write_file, article, context)
    return os.path.join(settings["OUTPUT_PATH"], article.save_as)


def _swapped(value, previous, post, depth: int = 4):
    """value with post in previous's place, in every list, tuple and dict down to depth.

    Four levels reach Pelican's deepest: context["categories"][i][1][j].

    Pages find a post in the lists of the context ("Pengumuman lainnya" leaves the
    page's own post out by equality). Copies: the last build's context stays as it was.
    """
    if value is previous:
        return post
    if depth == 0:
        return value
    kind = type(value)  # exactly these: a subclass (a named tuple, a plugin's mapping) is left as it is
    if kind is dict:
        return {key: _swapped(item, previous, post, depth - 1) for key, item in value.items()}
    if kind is list or kind is tuple:
        return kind(_swapped(item, previous, post, depth - 1) for item in value)
    return value


@contextlib.contextmanager
def _collector_paused():
    """No garbage collection while the librarian waits for the page: a full collection walks
    every object the last build left (0.1-0.2 s at N = 1000) and would now and then land in
    the preview. The preview makes little garbage; the full build after it collects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
