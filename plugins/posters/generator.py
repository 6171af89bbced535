"""A Pelican generator that gives every event its posters and writes them.

generate_context (before any page is written) draws the posters not yet in
the cache and gives each event `article.poster`, which the share kit links;
generate_output copies them into the output folder.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from pelican.generators import Generator

from plugins._shared.clock import build_moment
from plugins._shared.settings import setting
from plugins.site_profile import LibraryProfile
from plugins.social_cards import cache as card_cache
from plugins.social_cards.colors import palette

from . import store
from .content import Palette, PosterSpec, library_of, make_spec
from .drawing import PosterJob, draw_all
from .layout import HEIGHT, WIDTH
from .model import Poster, PosterFile
from .settings import PosterSettings

logger = logging.getLogger(__name__)

MIME = {"pdf": "application/pdf", "png": "image/png"}
DOWNLOAD_SUFFIX = {"pdf": "poster-a4", "png": "poster-whatsapp"}


def poster_palette(profile: LibraryProfile) -> Palette:
    """The library's colours as the cards name them (plugins/social_cards/colors.py)."""
    names = palette(profile.colors)
    return Palette(
        primary=names["primary"],
        accent=names["accent"],
        badge=names["sun"],
        ink=names["ink"],
        light=names["primary-light"],
    )


class Posters:
    """Drawing (or finding in the cache) the posters of some events, and giving each its `poster`."""

    def __init__(self, settings: dict):
        self.config = setting(settings, PosterSettings)
        profile = setting(settings, LibraryProfile)
        self.public_url = settings["PUBLIC_URL"].rstrip("/")
        self.library = library_of(profile, Path(settings["PATH"]).resolve())
        self.colours = poster_palette(profile)
        self.now = build_moment(settings)
        self.cache_root = Path(settings["CACHE_PATH"])
        self.cache_dir = self.cache_root / store.CACHE_FOLDER
        self.copies: list[tuple[Path, str]] = []  # (cached file, its path in the output)
        self.record: dict[str, list[str]] = {"drawn": [], "cached": []}

    def give(self, articles: list) -> None:
        events = []  # (article, its facts, the name of its posters, the page the QR code opens)
        jobs: list[PosterJob] = []
        for article in articles:
            facts = getattr(article, "facts", None)
            if facts is None:
                continue
            spec = make_spec(facts, f"{self.public_url}/{article.url}", self.now, self.library, self.colours)
            if spec is None:
                continue
            name = f"{facts.kind.slug}-{article.slug}-{store.digest(spec, facts.modified)}"
            events.append((article, facts, name, spec.url))
            if store.is_cached(self.cache_dir, name):
                self.record["cached"].append(name)
            else:
                self.record["drawn"].append(name)
                jobs.append(PosterJob(name, spec, facts.modified))
        draw_all(self.cache_dir, jobs, self.config.workers)
        for article, facts, name, url in events:
            made = {}
            for suffix in store.FORMATS:
                source = self.cache_dir / f"{name}.{suffix}"
                path = f"{self.config.folder}/{facts.kind.slug}/{article.slug}.{suffix}"
                self.copies.append((source, path))
                made[suffix] = PosterFile(
                    url=path,
                    length=source.stat().st_size,
                    filename=f"{article.slug}-{DOWNLOAD_SUFFIX[suffix]}.{suffix}",
                    mime=MIME[suffix],
                    **({"width": WIDTH, "height": HEIGHT} if suffix == "png" else {}),
                )
            article.poster = Poster(pdf=made["pdf"], png=made["png"], url=url)

    def publish(self, output: Path) -> None:
        for source, path in self.copies:
            card_cache.publish(source, (output / path).parent, Path(path).name)
            logger.info("Writing %s", output / path)


def warm_up_posters(settings: dict) -> None:
    """one_post's warm-up: a throwaway poster drawn, so fpdf2, the fonts and the logo are
    loaded before the first saved event is previewed (about 0.17 s)."""
    posters = Posters(settings)
    spec = PosterSpec(
        title="Pemanasan",
        kind_label="Pemanasan",
        status="",
        summary="Poster percobaan.",
        rows=(),
        actions=(),
        url=posters.public_url + "/",
        library=posters.library,
        palette=posters.colours,
    )
    with tempfile.TemporaryDirectory() as scratch:
        store.draw(Path(scratch), "pemanasan", spec, posters.now)


def poster_of_one(post, previous, context: dict, settings: dict) -> None:
    """one_post's step: the event's posters, drawn now when new, in the cache and the output."""
    posters = Posters(settings)
    posters.give([post])
    posters.publish(Path(settings["OUTPUT_PATH"]))


class PostersGenerator(Generator):
    """poster/<kind>/<slug>.pdf and .png for every post with a schedule."""

    def generate_context(self) -> None:
        self.posters = Posters(self.settings)
        self.posters.give(self.context.get("articles", []))
        store.prune(self.posters.cache_dir)
        record = self.posters.record
        store.write_manifest(self.posters.cache_root, record)
        if record["drawn"]:
            logger.info("poster: %d digambar, %d dari cache", len(record["drawn"]), len(record["cached"]))

    def generate_output(self, writer) -> None:
        self.posters.publish(Path(self.output_path))
