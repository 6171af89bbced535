"""The Markdown reader: pelican-yaml-metadata's, reading each header from the checker's parse.

The checker composes every header before Pelican reads the files; this reader
builds its values from those nodes (frontmatter.safe_metadata) instead of
parsing the YAML a second time, and keeps them in CACHE_PATH by a digest of
the header, so a later build parses no unchanged header at all. The values are
yaml.safe_load's, so what Pelican reads is the same as with the plugin's own
reader.
"""

from __future__ import annotations

from pelican.plugins.yaml_metadata import yaml_metadata

from plugins._shared.digest_cache import cache_at

from .frontmatter import safe_metadata

CACHE_NAME = "yaml"  # CACHE_PATH/ringkasan/yaml.pickle: each header's values, by its digest


class SharedParseReader(yaml_metadata.YAMLMetadataReader):
    """YAMLMetadataReader with the header parsed once per build (see the module)."""

    def _load_yaml_metadata(self, text, source_path):
        # As the plugin's own method, with safe_metadata for yaml.safe_load.
        cache_path = self.settings.get("CACHE_PATH")
        try:
            metadata = safe_metadata(text, cache_at(cache_path, CACHE_NAME) if cache_path else None)
        except Exception:  # noqa: BLE001 - the plugin logs any failure and skips the header
            yaml_metadata.__log__.error("Error parsing YAML for file '%s", source_path, exc_info=True)
            return {}
        if not isinstance(metadata, dict):
            yaml_metadata.__log__.error("YAML header didn't parse as a dict for file '%s'", source_path)
            yaml_metadata.__log__.debug("YAML data: %r", metadata)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)


def use_shared_parse(readers) -> None:
    """Pelican's readers_init: Markdown files are read by SharedParseReader."""
    for extension in SharedParseReader.file_extensions:
        readers.reader_classes[extension] = SharedParseReader
