from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pagefind_bin
from pelican import signals

logger = logging.getLogger(__name__)

DEFAULTS = {
    "enabled": True,  # quick previews may switch it off: -e 'SEARCH={"enabled": false}'
    "output_subdir": "pagefind",
}


class SearchIndexError(Exception):
    pass


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("SEARCH", {})}


def index_site(output: Path, subdir: str) -> str:
    """Run the Pagefind binary (shipped in the pagefind-bin wheel) over `output`.

    Pagefind never clears its folder, so the old index goes first: nothing stale survives.
    Returns Pagefind's summary; raises SearchIndexError when indexing fails.
    """
    shutil.rmtree(output / subdir, ignore_errors=True)
    command = [str(pagefind_bin.get_executable()), "--site", str(output),
               "--output-subdir", subdir]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind ist fehlgeschlagen:\n{result.stdout}{result.stderr}")
    return result.stdout


def build_index(pelican) -> None:
    config = settings_of(pelican.settings)
    if not config["enabled"]:
        logger.warning("search_index: Suchindex übersprungen (SEARCH enabled = False)")
        return
    summary = index_site(Path(pelican.output_path), config["output_subdir"])
    logger.info("search_index: %s", " ".join(summary.split()[-12:]))


def add_search_settings(generator) -> None:
    generator.context["SEARCH_INDEX_URL"] = settings_of(generator.settings)["output_subdir"]


def register() -> None:
    signals.generator_init.connect(add_search_settings)
    signals.finalized.connect(build_index)
