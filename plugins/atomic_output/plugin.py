from __future__ import annotations

import functools
import logging
from pathlib import Path

from pelican import signals

from .lock import build_lock
from .releases import MODES, OutputFolderError, Releases

logger = logging.getLogger(__name__)

DEFAULTS = {
    "keep": 5,  # complete releases kept for `make rollback` (the live one always stays)
    "lock_timeout": 600,  # seconds a build waits for another build to the same folder
}


def settings_of(settings: dict) -> dict:
    config = {**DEFAULTS, **settings.get("ATOMIC_OUTPUT", {})}
    for key in config.keys() - DEFAULTS.keys():
        logger.warning("atomic_output: unknown setting %r in ATOMIC_OUTPUT", key)
    if not isinstance(config["keep"], int) or config["keep"] < 1:
        raise OutputFolderError(f"ATOMIC_OUTPUT „keep“ = {config['keep']!r}: erwartet wird "
                                "eine ganze Zahl ab 1 (so viele Builds bleiben erhalten).")
    if not isinstance(config["lock_timeout"], int | float) or config["lock_timeout"] < 0:
        raise OutputFolderError(f"ATOMIC_OUTPUT „lock_timeout“ = {config['lock_timeout']!r}: "
                                "erwartet wird eine Zahl von Sekunden ab 0.")
    return config


def mode_of(settings: dict) -> str:
    mode = settings.get("PUBLICATION", {}).get("mode", "preview")
    if mode not in MODES:
        raise OutputFolderError(
            f"PUBLICATION mode = {mode!r}: erlaubt sind {', '.join(MODES)}.")
    return mode


def guard_runs(pelican) -> None:
    """Every run of this Pelican object builds into a new release, under the lock.

    Pelican sends no signal when a run fails, and `finalized` is sent inside `run()`:
    only a wrapper around `run` can release the lock and remove the staging folder after
    any failure, and switch only after every `finalized` receiver (search index) wrote.
    """
    settings = pelican.settings
    config = settings["ATOMIC_OUTPUT"] = settings_of(settings)
    mode_of(settings)  # a wrong mode stops before anything is locked or written
    pelican.run = functools.partial(run_into_new_release, pelican, pelican.run, config)


def run_into_new_release(pelican, run, config: dict) -> None:
    releases = Releases(pelican.output_path)
    mode = mode_of(pelican.settings)
    with build_lock(releases.lock_path, config["lock_timeout"], releases.output):
        releases.live()  # refuses an output path that is neither a folder nor our symlink
        releases.check_mode(mode)
        releases.remove_unfinished()
        staging = releases.start(mode)
        try:
            redirect(pelican, staging)
            run()
        except BaseException:  # also SystemExit: e.g. a check-only run stopping early
            releases.discard(staging)
            raise
        finally:
            redirect(pelican, releases.output)
        release = releases.publish(staging, config["keep"])
    logger.info("atomic_output: %s zeigt jetzt auf %s", releases.output, release.describe())


def redirect(pelican, output: Path) -> None:
    pelican.output_path = pelican.settings["OUTPUT_PATH"] = str(output)


def register() -> None:
    signals.initialized.connect(guard_runs)
