"""The cards of one build: planned as content is read, drawn in parallel, attached at the end.

Planning knows each card's URL at once (its name is a digest of its inputs);
cards not in the cache are handed to a process pool once the posts are planned
(a few are drawn in this process instead) and collected after the pages are
read, before anything is written.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from plugins._shared import files
from plugins._shared.clock import build_moment
from plugins._shared.errors import BuildStopped
from plugins._shared.image_probes import probe
from plugins._shared.images import ImageInfo, ImageProblem
from plugins._shared.order import newest_first
from plugins._shared.settings import setting
from plugins.content_model.kinds import kinds_of
from plugins.feeds.settings import FeedSettings

from . import cache, content, fonts
from .colors import palette
from .layout import LISTING, SIZES, Layout, default_layout, load_layouts
from .model import CardImage, Cards
from .render import CardSpec, facts_of, release_pictures, visible
from .settings import CardOptions

logger = logging.getLogger(__name__)

LINK_ONLY = ("link",)
ALL_SIZES = tuple(SIZES)
# Up to this many new cards are drawn in the build's own process: starting workers costs more.
INLINE_LIMIT = 4
BATCH_MOST = 24  # cards handed to a worker at once
# In a card's file name, after the page's name: nothing for the link card.
SIZE_SUFFIX = {"link": "", "square": "-1080x1080", "portrait": "-1080x1350", "story": "-1080x1920"}


def layouts_dir(settings: dict) -> Path:
    return Path(settings["THEME"]) / "cards"


@dataclass
class _Planned:
    name: str
    size: tuple[int, int]
    alt: str
    supplied: Path | None = None  # a card the post brings itself (card_image)
    texts: dict[str, str] | None = None  # what the layout drew from (in the manifest, for tests)


class CardBatch:
    """Every card of one build."""

    def __init__(self, settings: dict):
        if "PROFILE" not in settings:
            raise BuildStopped("plugins.social_cards butuh plugins.site_profile lebih dulu di PLUGINS.")
        self.options: CardOptions = setting(settings, CardOptions)
        self.profile = settings["PROFILE"]
        self.kinds = kinds_of(settings)
        self.layouts: dict[str, Layout] = load_layouts(
            layouts_dir(settings), palette(self.profile.colors), self.kinds
        )
        self.content_dir = Path(settings["PATH"]).resolve()
        self.folder = self.options.folder  # SOCIAL_CARDS.folder: also the start of every card URL
        self.output_dir = Path(settings["OUTPUT_PATH"]) / self.folder
        self.cache_dir = Path(settings["CACHE_PATH"]) / cache.CACHE_FOLDER
        self.window = settings.get("FEED_MAX_ITEMS") or None
        self.logo = str(self.content_dir / self.profile.logo)
        self.now = build_moment(settings)
        self.reminders = setting(settings, FeedSettings).reminders  # off: the feeds carry none
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[str, Future] = {}
        self._waiting: dict[str, cache.CardJob] = {}  # planned, not yet handed to a worker
        # (what the cards belong to, how to attach them, the planned card of each size)
        self._pending: list[tuple[str, Callable[[Cards], None], dict[str, _Planned]]] = []
        self._record: dict[str, list[str]] = {"drawn": [], "cached": [], "supplied": []}
        self._started = time.monotonic()
        self._sections: dict[tuple[str, str], str] = {}  # (layout, size) -> elements_digest
        self._relatives: dict[str, str] = {}  # a file's name in messages, by its path
        self._probed: dict[str, ImageInfo] = {}  # each image's header facts, by its path

    # --- planning -------------------------------------------------------------------

    def plan_articles(self, articles: list, among: list | None = None) -> None:
        """A link card for every post; the platform sizes for the newest (the feeds' window).

        among: all the site's posts, when `articles` are only some of them (the window is theirs).
        """
        newest = newest_first(among if among is not None else articles)  # as the feeds order them
        window = {id(a) for a in (newest[: self.window] if self.window else newest)}
        for article in articles:
            kind = article.kind.slug
            facts = content.article_content(article.facts, article.fields, self.profile)
            layout = self._layout(article.fields, kind, facts)
            sizes = ALL_SIZES if id(article) in window else LINK_ONLY
            self._warn_missing(article.source_path, facts)
            planned = self._plan(f"{kind}-{article.slug}", facts, layout, sizes)
            supplied = article.fields.get("card_image")
            if supplied:
                planned["link"] = self._supplied(
                    f"{kind}-{article.slug}", supplied, article.fields["card_image_alt"]
                )
            self._pending.append((f"{kind}/{article.slug}", _setter(article), planned))
            self._plan_reminders(article, facts, layout)

    def _plan_reminders(self, article, facts: content.CardContent, layout: Layout) -> None:
        """The link card of each reminder due now ("Besok", "Hari ini"), in article.reminder_cards."""
        article.reminder_cards = {}
        if not self.reminders:
            return
        kind = article.kind.slug
        for reminder in article.facts.reminders_on(self.now):
            card = content.reminder_content(facts, reminder, self.profile)
            planned = self._plan(f"{kind}-{article.slug}-pengingat-{reminder.id}", card, layout, LINK_ONLY)
            owner = f"{kind}/{article.slug}#pengingat-{reminder.id}"
            self._pending.append((owner, _key_setter(article.reminder_cards, reminder.id), planned))

    def plan_pages(self, pages: list) -> None:
        for page in pages:
            if not hasattr(page, "fields"):  # left out by the content check
                continue
            facts = content.page_content(page.fields, self.profile)
            # A directory's page (a partner) is keyed by its own kind: "mitra/x" never meets "halaman/x".
            folder = page.facts.kind.slug
            layout = self._layout(page.fields, self.kinds.page.slug, facts)  # every page draws as one
            self._warn_missing(page.source_path, facts)
            planned = self._plan(f"{folder}-{page.slug}", facts, layout, LINK_ONLY)
            self._pending.append((f"{folder}/{page.slug}", _setter(page), planned))

    def plan_listings(self, kind_slugs: list[str], tags: list, into: dict) -> None:
        """Cards of the home page, archives, hashtags, 404, each kind and each hashtag."""
        layout = default_layout(self.layouts, LISTING, photo=False)
        kinds = [self.kinds.posts[slug] for slug in kind_slugs if slug in self.kinds.posts]
        for listing in content.listings(self.profile, kinds, tags):
            facts = content.listing_content(listing, self.profile)
            planned = self._plan(listing.file_base, facts, layout, LINK_ONLY)
            self._pending.append((listing.key, _key_setter(into, listing.key), planned))

    def _layout(self, fields: dict, kind: str, facts: content.CardContent) -> Layout:
        if fields.get("card_layout"):
            return self.layouts[fields["card_layout"]]
        return default_layout(self.layouts, kind, photo="background" in facts.images)

    def _plan(self, base: str, facts: content.CardContent, layout: Layout, sizes) -> dict[str, _Planned]:
        images = {k: str(self.content_dir / v) for k, v in facts.images.items()}
        images["logo"] = self.logo
        for path in images.values():
            self._probe(path)  # here, with the file named, not as a worker's crash
        planned = {}
        for size in sizes:
            spec = CardSpec(SIZES[size], layout.sizes[size], facts.texts, images)
            section = self._section_digest(layout, size)
            digest = cache.digest(spec, self.options.jpeg_quality, self.options.max_bytes, section)
            name = f"{base}{SIZE_SUFFIX[size]}-{digest}.jpg"
            alt = facts.alt
            if self._shows_own_image(spec, facts):
                alt = content.with_image_alt(alt, facts.image_alt)
            planned[size] = _Planned(name, SIZES[size], alt, texts=facts.texts)
            self._submit(name, spec)
        return planned

    def _section_digest(self, layout: Layout, size: str) -> str:
        key = (layout.name, size)
        if key not in self._sections:
            self._sections[key] = cache.elements_digest(layout.sizes[size])
        return self._sections[key]

    @staticmethod
    def _shows_own_image(spec: CardSpec, facts: content.CardContent) -> bool:
        present = facts_of(spec)
        sources = {
            e["source"] for e in spec.elements.values() if e["type"] == "image" and visible(e, present)
        }
        own_background = facts.images.get("background") == facts.images.get("image")
        return "image" in sources or ("background" in sources and own_background)

    def _probe(self, path: str | Path):
        """The image's header facts; BuildStopped naming the file when it cannot be used.

        The content check refuses such images first; this covers the logo and
        anything it did not see, and costs nothing twice (probe is memoised; this build
        asks once per file).
        """
        path = str(path)
        if path not in self._probed:
            try:
                self._probed[path] = probe(path, self._relative(path))
            except ImageProblem as problem:
                raise BuildStopped(f"{problem.message} Cara memperbaiki: {problem.fix}") from None
        return self._probed[path]

    def _supplied(self, base: str, relative: str, alt: str) -> _Planned:
        path = self.content_dir / relative
        size = self._probe(path).size
        name = f"{base}-{cache.file_digest(path)[:10]}.jpg"
        return _Planned(name, size, content.clip(alt), supplied=path)

    def _submit(self, name: str, spec: CardSpec) -> None:
        if name in self._futures or name in self._waiting or name in self._record["cached"]:
            return
        if cache.is_cached(self.cache_dir, name):
            self._record["cached"].append(name)
            return
        self._waiting[name] = cache.CardJob(name, spec, self.options.jpeg_quality, self.options.max_bytes)

    def start_drawing(self) -> None:
        """Hand the cards planned so far to the workers (a few are left to finish(), drawn here)."""
        if self._pool is not None or len(self._waiting) > INLINE_LIMIT:
            self._dispatch()

    def _dispatch(self) -> None:
        """Submit the waiting cards in batches of cards sharing a picture: each is decoded once."""
        if not self._waiting:
            return
        workers = self.options.workers or os.cpu_count() or 1
        if self._pool is None:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            # Not "fork": a build may run in a process with other threads (livereload
            # in `invoke serve`, servers and Playwright in tests), and a forked worker
            # can inherit a lock held mid-operation and hang forever (seen in the suite).
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("forkserver")
            )
        for chunk in batches(list(self._waiting.values()), workers):
            future = self._pool.submit(cache.draw_all, chunk, str(self.cache_dir))
            self._futures.update(dict.fromkeys((job.name for job in chunk), future))
        self._waiting.clear()

    def _draw_here(self) -> None:
        """Draw the few waiting cards in this process: cheaper than starting workers."""
        if self._waiting:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        for name, job in self._waiting.items():
            future: Future = Future()
            try:
                cache.draw_all([job], str(self.cache_dir))
                future.set_result(None)
            except cache.DrawingFailed as failed:
                future.set_exception(failed)
            self._futures[name] = future
        self._waiting.clear()
        release_pictures()  # this process goes on building: keep no pictures in memory

    def _warn_missing(self, source_path: str, facts: content.CardContent) -> None:
        for field, text in facts.shown_fields.items():
            both = fonts.missing_characters(text, "bold") + fonts.missing_characters(text, "regular")
            missing = list(dict.fromkeys(both))  # in the order they appear, once each
            if missing:
                listed = ", ".join(f"'{c}' (U+{ord(c[0]):04X})" for c in missing)
                logger.warning(
                    "%s: kolom %s memuat huruf yang tidak ada di fon kartu media sosial: %s. "
                    "Huruf itu tidak tampil di kartu. Tulis card_title dengan huruf yang didukung "
                    "(Latin, Yunani, Kiril), atau minta pengembang menambah fon aksara itu "
                    "(plugins/social_cards/fonts/).",
                    self._relative(source_path),
                    field,
                    listed,
                )

    def _relative(self, source_path: str) -> str:
        if source_path not in self._relatives:
            try:
                relative = str(Path(source_path).resolve().relative_to(self.content_dir.parent))
            except ValueError:
                relative = str(source_path)
            self._relatives[source_path] = relative
        return self._relatives[source_path]

    # --- collecting --------------------------------------------------------------------

    def finish(self) -> str:
        """Wait for the drawing, copy every card into the output, attach Cards; return the summary.

        The cache is then pruned to this build's cards and its manifest written: a batch
        of only some posts' cards (the dev server's preview) calls attach() alone.
        """
        urls, inputs = self.attach()
        cache.prune(self.cache_dir)
        if self.cache_dir.is_dir():
            cache.write_manifest(self.cache_dir.parent, {**self._record, "cards": urls, "inputs": inputs})
        seconds = time.monotonic() - self._started
        return summary(
            len(self._record["drawn"]), len(self._record["cached"]), len(self._record["supplied"]), seconds
        )

    def attach(self, here: bool = False) -> tuple[dict, dict]:
        """Wait for the drawing, copy the cards into the output, attach Cards; each owner's URLs and texts.

        here: draw every waiting card in this process (one post's few: no pool to start).
        """
        if self._pool is None and (here or len(self._waiting) <= INLINE_LIMIT):
            self._draw_here()
        else:
            self._dispatch()
        try:
            for name, future in self._futures.items():
                try:
                    future.result()
                except cache.DrawingFailed as failed:
                    msg = f"Kartu media sosial {failed.name} gagal dibuat: {failed.reason}"
                    raise BuildStopped(msg) from failed
                except Exception as error:  # noqa: BLE001 - any drawing failure stops the build
                    msg = f"Kartu media sosial {name} gagal dibuat: {type(error).__name__}: {error}"
                    raise BuildStopped(msg) from error
                self._record["drawn"].append(name)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
        urls: dict[str, dict[str, str]] = {}
        inputs: dict[str, dict[str, str]] = {}
        for owner, setter, planned in self._pending:
            cards = Cards(**{size: self._publish(p) for size, p in planned.items()})
            setter(cards)
            urls[owner] = {size: p.url for size in planned if (p := getattr(cards, size))}
            inputs[owner] = next((p.texts for p in planned.values() if p.texts is not None), {})
        return urls, inputs

    def _publish(self, planned: _Planned) -> CardImage:
        if planned.supplied is not None:
            target = self.output_dir / planned.name
            files.copy_if_changed(planned.supplied, target, cache.file_digest(planned.supplied))
            if planned.name not in self._record["supplied"]:
                self._record["supplied"].append(planned.name)
            length = target.stat().st_size
        else:
            try:
                length = cache.publish(self.cache_dir / planned.name, self.output_dir, planned.name)
            except cache.DamagedCard as error:
                raise BuildStopped(
                    f"Kartu media sosial {planned.name} berubah di cache sesudah dibuat ({error}). "
                    "Cara memperbaiki: bangun ulang situs; bila terulang, periksa ruang disk."
                ) from None
        url = f"{self.folder}/{planned.name}"
        return CardImage(url, planned.size[0], planned.size[1], length, planned.alt)


def batches(jobs: list[cache.CardJob], workers: int) -> list[list[cache.CardJob]]:
    """The jobs in batches for the workers, cards with the same pictures together.

    A worker keeps the pictures it decoded and scaled for the next card; batches
    are small enough (several per worker) that the workers finish together.
    """
    size = max(1, min(BATCH_MOST, math.ceil(len(jobs) / (workers * 4))))
    groups: dict[tuple, list[cache.CardJob]] = {}
    for job in jobs:
        images = job.spec.images
        groups.setdefault((images.get("background") or "", images.get("image") or ""), []).append(job)
    found: list[list[cache.CardJob]] = [[]]
    for _, group in sorted(groups.items()):
        if found[-1] and len(found[-1]) + len(group) > size:
            found.append([])
        for job in group:
            if len(found[-1]) == size:
                found.append([])
            found[-1].append(job)
    return [chunk for chunk in found if chunk]


def summary(drawn: int, cached: int, supplied: int, seconds: float) -> str:
    """The one line a build prints about its cards."""
    line = f"Kartu media sosial: {drawn} digambar, {cached} dari cache"
    if supplied:
        line += f", {supplied} kartu buatan sendiri"
    return line + f" ({seconds:.1f} detik)."


def _setter(item) -> Callable[[Cards], None]:
    def attach(cards: Cards) -> None:
        item.cards = cards

    return attach


def _key_setter(into: dict, key: str) -> Callable[[Cards], None]:
    def attach(cards: Cards) -> None:
        into[key] = cards

    return attach
