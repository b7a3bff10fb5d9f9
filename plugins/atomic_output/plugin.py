from __future__ import annotations

import logging
import shutil
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)


def staging_folder(final: Path) -> Path:
    return final.parent / f".{final.name}.im-bau"


def stage(pelican) -> None:
    """Point Pelican at an empty staging folder; remember the real output folder."""
    final = Path(pelican.output_path).resolve()
    staging = staging_folder(final)
    shutil.rmtree(staging, ignore_errors=True)
    pelican.final_output_path = final
    pelican.output_path = str(staging)
    pelican.settings["OUTPUT_PATH"] = str(staging)


def swap_in(staging: Path, final: Path) -> None:
    """Replace `final` by `staging` with two renames (the old site is removed last)."""
    retired = final.parent / f".{final.name}.alt"
    shutil.rmtree(retired, ignore_errors=True)
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)


def publish(pelican) -> None:
    staging = Path(pelican.output_path)
    if staging.is_dir():
        swap_in(staging, pelican.final_output_path)
        logger.info("atomic_output: %s ersetzt", pelican.final_output_path)


def register() -> None:
    signals.initialized.connect(stage)
    signals.finalized.connect(publish)
