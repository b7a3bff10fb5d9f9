"""One build at a time per output folder: an exclusive flock(2) on `.OUT.lock` next to it.

A second build waits (with a German message) until the first ends, at most `timeout`
seconds. The kernel drops the lock when its process ends, however it ends; in-process
callers release it in a `finally`. The lock file exists only while a build holds it: the
holder removes it before unlocking, and whoever gets the lock checks that it holds the file
that is still at the path (else it locked a removed file and tries again).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from .releases import DISPLAY_ZONE, OutputFolderError

logger = logging.getLogger(__name__)
POLL_SECONDS = 0.2


@contextlib.contextmanager
def build_lock(path: Path, timeout: float, output: Path) -> Iterator[None]:
    fd = acquire(path, timeout, output)
    try:
        yield
    finally:
        release(path, fd)


def acquire(path: Path, timeout: float, output: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)  # as Pelican would create the output folder
    deadline = time.monotonic() + timeout
    waited = False
    while (fd := try_lock(path)) is None:
        if not waited:
            logger.warning("Ein anderer Build (%s) schreibt gerade nach %s; warte bis zu %s "
                           "Sekunden, bis er fertig ist …", holder(path), output, timeout)
            waited = True
        if time.monotonic() >= deadline:
            raise OutputFolderError(
                f"Ein anderer Build ({holder(path)}) schreibt seit über {timeout} Sekunden nach "
                f"{output}. Dieser Build wurde abgebrochen, es wurde nichts verändert. Läuft "
                "der andere Build noch oder hängt er? (Wartezeit: ATOMIC_OUTPUT "
                "„lock_timeout“.)")
        time.sleep(POLL_SECONDS)
    if waited:
        logger.warning("Der andere Build ist fertig; dieser Build schreibt jetzt nach %s.",
                       output)
    return fd


def try_lock(path: Path) -> int | None:
    """A file descriptor holding the lock on the file at `path`; None while another holds it."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        if is_current(fd, path):
            started = datetime.now(DISPLAY_ZONE)
            os.ftruncate(fd, 0)
            os.write(fd, f"Prozess {os.getpid()}, gestartet {started:%H:%M:%S} Uhr\n".encode())
            return fd
        os.close(fd)  # its holder removed it when it finished: lock the current file


def is_current(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def release(path: Path, fd: int) -> None:
    try:
        if is_current(fd, path):
            path.unlink()
    finally:
        os.close(fd)  # closing the last descriptor releases the flock


def holder(path: Path) -> str:
    """Who holds the lock, as its holder wrote it into the file (best effort)."""
    try:
        return path.read_text(encoding="utf-8").strip() or "Prozess unbekannt"
    except OSError:
        return "Prozess unbekannt"
