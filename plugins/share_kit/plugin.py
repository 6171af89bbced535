"""Pelican hooks: SHARE_KIT is parsed with every setting at start-up; a generator writes the share pages."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import Generator

from plugins._shared import digest_cache
from plugins._shared.kept_outputs import KeptOutputs
from plugins._shared.settings import on_initialized, setting

from .kit import make_kit
from .settings import ShareKitSettings

logger = logging.getLogger(__name__)

TEMPLATE = "share_kit"
ROBOTS = "robots.txt"


def load_settings(pelican) -> None:
    """Stop on a bad SHARE_KIT (or any setting) before content is read; one handler parses them all."""
    on_initialized(pelican)


def robots_txt(disallowed: Iterable[str]) -> str:
    """robots.txt for every crawler, keeping it out of the given URL paths."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    return "\n".join(lines) + "\n"


def write_robots(output_path: str | Path, cache_path: str | Path, disallowed: Iterable[str]) -> Path:
    """Write robots.txt at the output root (kept when it says this already); the one place writing it."""
    data = robots_txt(disallowed).encode("utf-8")
    kept = KeptOutputs(output_path, cache_path)
    kept.write(ROBOTS, digest_cache.digest(data), lambda: data)
    kept.save()
    return Path(output_path) / ROBOTS


class ShareKitGenerator(Generator):
    """One staff page per published post at bagikan/<kind>/<slug>/, and robots.txt."""

    def generate_output(self, writer) -> None:
        config = setting(self.settings, ShareKitSettings)
        profile = self.settings["PROFILE"]
        library_hashtags = profile.hashtags if config.library_hashtags else ()
        template = self.get_template(TEMPLATE)
        articles = self.context.get("articles", [])
        uncarded = 0
        for article in articles:
            kit = make_kit(article, self.context, config.folder, library_hashtags)
            uncarded += not kit.cards
            writer.write_file(
                kit.path,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=kit.path.removesuffix("index.html"),
                kit=kit,
                post=article,
                meta_title=f"Bahan berbagi: {article.title}",
                meta_description=(
                    f"Untuk staf: kartu media sosial, pratinjau tautan dan keterangan "
                    f"siap tempel untuk “{kit.post.title}”."
                ),
                meta_cards=getattr(article, "cards", None),
                meta_noindex=True,
            )
        if uncarded:
            logger.warning(
                "bagikan: %d dari %d tulisan tanpa kartu (article.cards), jadi halaman bagikannya "
                "tanpa gambar; periksa bahwa plugin social_cards aktif.",
                uncarded,
                len(articles),
            )
        base = urlsplit(self.settings["PUBLIC_URL"]).path.rstrip("/")
        write_robots(self.output_path, self.settings["CACHE_PATH"], [f"{base}/{config.folder}/"])


def add_generator(pelican):
    return ShareKitGenerator


def register() -> None:
    signals.initialized.connect(load_settings)
    signals.get_generators.connect(add_generator)
