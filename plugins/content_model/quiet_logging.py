"""Keep Pelican's log readable for editors when a build stops.

Problems are printed as `path:line: message` lines, and one summary line, where the
build stops (`problems.stop_build`). Pelican would add a generic "Could not process" line per bad
file and a Python traceback for the exception that stopped the build; neither helps an
editor, so this filter drops them. An unexpected error that no check attributed to a
file is shown as one German line (the traceback only with `pelican -D`).
"""

from __future__ import annotations

import logging
import sys

from .problems import ContentError


class InvalidContent(Exception):
    """A content file has problems; the plugin reports them at the end of reading."""


UNEXPECTED = ("Der Build ist mit einem unerwarteten Fehler abgebrochen (%s: %s); es wurde "
              "nichts veröffentlicht. Bitte melden Sie diese Zeile der IT (Einzelheiten zeigt "
              "der Aufruf mit „pelican -D“).")


class QuietContentErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Could not process %s":
            return not isinstance(sys.exc_info()[1], InvalidContent)
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, ContentError):
            return False  # stop_build has printed every problem and the summary line
        if error is not None and record.levelno >= logging.CRITICAL and not _debugging():
            record.exc_info = None
            record.msg, record.args = UNEXPECTED, (type(error).__name__, error)
        return True


def _debugging() -> bool:
    return logging.getLogger().getEffectiveLevel() <= logging.DEBUG


def install() -> None:
    quiet = QuietContentErrors()
    for name in ("pelican", "pelican.generators"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, QuietContentErrors) for f in logger.filters):
            logger.addFilter(quiet)
