"""The release folders of one output folder, and the symlink that makes one of them live.

Layout for an output folder OUT (e.g. `output/`):

    OUT -> .OUT.releases/20260314-091500-123456-production    (a relative symlink)
    .OUT.releases/20260314-091500-123456-production/          complete releases
    .OUT.releases/20260314-093000-654321-production.im-bau/   a build in progress
    .OUT.lock                                                 while a build runs (lock.py)

A release's name is its start time (UTC, microseconds; strictly increasing within one
folder, so names sort in build order) and the mode of the build: `preview`, `production`,
or `unknown` for a site that was a plain folder before releases existed. The mode lives in
the name, outside the published site, so it is never deployed.

Nothing here knows Pelican: the plugin and the tasks (`make rollback`, `make releases`,
`make clean`) share these functions. Callers hold the lock (lock.py) around every change.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

MODES = ("preview", "production")
UNKNOWN = "unknown"
MODE_LABELS = {"preview": "Vorschau", "production": "Produktion",
               UNKNOWN: "unbekannt (vor der Umstellung auf Releases gebaut)"}
STAMP = "%Y%m%d-%H%M%S-%f"
NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<mode>preview|production|unknown)$")
UNFINISHED = ".im-bau"
DISPLAY_ZONE = ZoneInfo("Europe/Berlin")


class OutputFolderError(SystemExit):
    """A German message saying what to do. A SystemExit with that message, so the `pelican`
    command prints it and exits with status 1, without a traceback or a log prefix."""

    def __init__(self, message: str):
        super().__init__(message)


@dataclass(frozen=True)
class Release:
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def mode(self) -> str:
        return NAME.match(self.name)["mode"]

    @property
    def started(self) -> datetime:
        return parse_stamp(NAME.match(self.name)["stamp"])

    def describe(self) -> str:
        """German: when it was built, in which mode, and its folder."""
        local = self.started.astimezone(DISPLAY_ZONE)
        return (f"{local:%d.%m.%Y %H:%M:%S} Uhr, {MODE_LABELS[self.mode]} "
                f"({self.path.parent.name}/{self.name})")


def parse_stamp(stamp: str) -> datetime:
    return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)


class Releases:
    def __init__(self, output: str | os.PathLike):
        # abspath, not resolve(): the output folder itself is the symlink.
        self.output = Path(os.path.abspath(output))
        self.folder = self.output.parent / f".{self.output.name}.releases"
        self.lock_path = self.output.parent / f".{self.output.name}.lock"
        self.new_link = self.output.parent / f".{self.output.name}.neu"

    # --- Reading -------------------------------------------------------------------------

    def complete(self) -> list[Release]:
        """Every finished release, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted((Release(p) for p in self.folder.iterdir()
                       if NAME.match(p.name) and p.is_dir()), key=lambda r: r.name)

    def is_plain_folder(self) -> bool:
        """A site built before releases existed: a real folder where the symlink belongs."""
        return self.output.is_dir() and not self.output.is_symlink()

    def live(self) -> Release | None:
        """The release the output folder points to; None when there is none (yet)."""
        if not self.output.is_symlink():
            self._refuse_foreign(self.output.exists() and not self.output.is_dir())
            return None
        target = Path(os.path.normpath(self.output.parent / os.readlink(self.output)))
        self._refuse_foreign(target.parent != self.folder or not NAME.match(target.name))
        return Release(target) if target.is_dir() else None

    def _refuse_foreign(self, foreign: bool) -> None:
        if foreign:
            raise OutputFolderError(
                f"{self.output} ist weder ein Ordner noch ein Verweis auf einen Build in "
                f"{self.folder}. Der Build ersetzt nichts, was er nicht selbst angelegt hat: "
                "Wählen Sie einen anderen Ausgabeordner oder entfernen Sie diesen Eintrag. "
                "Es wurde nichts verändert.")

    # --- Building ------------------------------------------------------------------------

    def check_mode(self, mode: str) -> None:
        """Refuse a build whose mode differs from the builds already in this folder."""
        modes = {r.mode for r in self.complete()} - {UNKNOWN}
        if modes and mode not in modes:
            raise OutputFolderError(mode_mismatch(self.output, mode, modes.pop()))

    def remove_unfinished(self) -> None:
        """Half-written releases of builds that were killed (under the lock, no build runs)."""
        if self.folder.is_dir():
            for path in self.folder.glob(f"*{UNFINISHED}"):
                shutil.rmtree(path, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            self.new_link.unlink()

    def start(self, mode: str, now: datetime | None = None) -> Path:
        """A new, empty staging folder for a build in `mode`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = self.folder / (self._next_name(mode, now or datetime.now(UTC)) + UNFINISHED)
        staging.mkdir()
        return staging

    def _next_name(self, mode: str, now: datetime) -> str:
        """Later than every release here, even if the clock went back."""
        names = [p.name.removesuffix(UNFINISHED) for p in self.folder.iterdir()]
        stamps = [parse_stamp(m["stamp"]) for n in names if (m := NAME.match(n))]
        if stamps and now <= max(stamps):
            now = max(stamps) + timedelta(microseconds=1)
        return f"{now:{STAMP}}-{mode}"

    def discard(self, staging: Path) -> None:
        """Remove a failed build's staging folder (and the releases folder, if now empty)."""
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.folder.rmdir()  # only succeeds when empty: a first build that failed

    def publish(self, staging: Path, keep: int) -> Release:
        """Make a finished staging folder a release, switch to it, keep the newest `keep`."""
        release = Release(staging.with_name(staging.name.removesuffix(UNFINISHED)))
        staging.rename(release.path)
        self.activate(release)
        self.prune(keep)
        return release

    # --- Switching -----------------------------------------------------------------------

    def activate(self, release: Release) -> None:
        """Point the output folder at `release` in one step: a new symlink replaces the old
        one (rename(2) is atomic), so readers always find a complete site."""
        with contextlib.suppress(FileNotFoundError):
            self.new_link.unlink()
        self.new_link.symlink_to(os.path.relpath(release.path, self.output.parent))
        if self.is_plain_folder():
            self._migrate()
        else:
            os.replace(self.new_link, self.output)

    def _migrate(self) -> None:
        """The first switch for a plain output folder: the new symlink takes its place and
        the old site becomes the oldest release (mode unknown), so it is not lost."""
        first = min(r.started for r in self.complete())
        built = datetime.fromtimestamp(self.output.stat().st_mtime, UTC)
        old = self.folder / f"{min(built, first - timedelta(microseconds=1)):{STAMP}}-{UNKNOWN}"
        if exchange(self.new_link, self.output):
            self.new_link.rename(old)  # new_link now names the old folder
        else:  # no atomic exchange on this system: one short moment without a site, once
            self.output.rename(old)
            os.replace(self.new_link, self.output)

    def prune(self, keep: int) -> list[Release]:
        """Delete all but the newest `keep` releases; the live one always stays."""
        live = self.live()
        removed = [r for r in self.complete()[:-keep] if r != live]
        for release in removed:
            shutil.rmtree(release.path)
        return removed

    def rollback(self) -> Release:
        """Point the output folder at the release before the live one."""
        live = self.live()
        if live is None:
            raise OutputFolderError(
                f"{self.output} zeigt auf keinen Build in {self.folder}; es gibt nichts "
                "zurückzurollen. Es wurde nichts verändert.")
        older = [r for r in self.complete() if r.name < live.name]
        if not older:
            raise OutputFolderError(
                f"Vor dem aktuellen Build vom {live.describe()} gibt es keinen älteren in "
                f"{self.folder}. Es wurde nichts verändert.")
        self.activate(older[-1])
        return older[-1]

    def remove_all(self) -> None:
        """The output folder (symlink or plain folder) and every release."""
        if self.output.is_symlink() or self.output.is_file():
            self.output.unlink()
        elif self.output.is_dir():
            shutil.rmtree(self.output)
        shutil.rmtree(self.folder, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            self.new_link.unlink()


def mode_mismatch(output: Path, mode: str, existing: str) -> str:
    """German: why a build may not go into a folder that holds builds of the other mode."""
    if mode == "preview":
        return (f"{output} enthält den Produktions-Build (PUBLICATION mode „production“). "
                "Ein Vorschau-Build zeigt Entwürfe und Meldungen unter Sperrfrist und darf "
                "deshalb nie dorthin, von wo veröffentlicht wird. Bauen Sie die Vorschau nach "
                "preview/ (make build, make serve) oder in einen anderen Ordner (OUTPUT=…). "
                "Es wurde nichts verändert.")
    return (f"{output} enthält Vorschau-Builds (PUBLICATION mode „{existing}“), mit Entwürfen "
            "und Meldungen unter Sperrfrist. Der Produktions-Build gehört nach output/ "
            "(make publish) oder in einen eigenen Ordner (OUTPUT=…); soll dieser Ordner "
            "wirklich für die Produktion dienen, löschen Sie ihn vorher samt "
            f"{output.parent / ('.' + output.name + '.releases')}. Es wurde nichts verändert.")


AT_FDCWD = -100
RENAME_EXCHANGE = 2


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the
    C library or the file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second),
                     RENAME_EXCHANGE) == 0
