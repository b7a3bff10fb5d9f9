from __future__ import annotations

import logging
import time
from pathlib import Path

from babel.numbers import format_decimal
from pelican import signals

from .compression import Written, precompress_site
from .settings import settings_of

logger = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    """Stop a build with wrong settings before anything is written."""
    pelican.settings["PRECOMPRESS"] = settings_of(pelican.settings)


def precompress_output(pelican) -> None:
    config = settings_of(pelican.settings)
    if not config["enabled"]:
        logger.debug("precompress: aus (PRECOMPRESS enabled = False)")
        return
    started = time.perf_counter()
    looked_at, written = precompress_site(Path(pelican.output_path), config)
    logger.info("precompress: %s", summary(looked_at, written, time.perf_counter() - started))


def summary(looked_at: int, written: list[Written], seconds: float) -> str:
    """German, one line: the files looked at; per format how many were compressed, from
    how many bytes to how many; the time taken."""
    parts = []
    for suffix in dict.fromkeys(w.suffix for w in written):  # in the order of "formats"
        mine = [w for w in written if w.suffix == suffix]
        before = sum(w.original_size for w in mine)
        after = sum(w.compressed_size for w in mine)
        parts.append(f"{suffix} für {len(mine)} ({german(before)} → {german(after)} Bytes)")
    return (f"{german(looked_at)} Textdateien, komprimiert: {', '.join(parts) or 'keine'}; "
            f"{german(seconds, '0.00')} s")


def german(number: float, pattern: str = "#,##0") -> str:
    return format_decimal(number, format=pattern, locale="de_DE")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.finalized.connect(precompress_output)
