"""A base for plugin generators that write data files (feeds, calendars) next to pages."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

logger = logging.getLogger(__name__)


class DataFileGenerator(Generator):
    def absolute_site_url(self, preview_site_url: str) -> str:
        """SITEURL, or in preview builds (SITEURL = "") the preview server's address:
        feeds and calendars need absolute URLs."""
        return (self.settings.get("SITEURL") or preview_site_url).rstrip("/")

    def write_data(self, relative: str, data: bytes) -> Path:
        path = Path(self.output_path) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        logger.info('Writing "%s"', path)
        return path
