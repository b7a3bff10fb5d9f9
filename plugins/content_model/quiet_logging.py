"""Keep Pelican's log readable for editors when content has problems.

The plugin prints every problem itself as one `path:line: message` line. Pelican would
add a generic "Could not process" line per bad file and a Python traceback for the
ContentError that stops the build; neither helps an editor, so this filter drops them.
"""

from __future__ import annotations

import logging
import sys

from .problems import ContentError


class InvalidContent(Exception):
    """A content file has problems; the plugin reports them at the end of reading."""


class QuietContentErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "Could not process %s":
            return not isinstance(sys.exc_info()[1], InvalidContent)
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, ContentError):
            record.exc_info = None
            record.msg, record.args = "%s", (str(error),)
        return True


def install() -> None:
    quiet = QuietContentErrors()
    for name in ("pelican", "pelican.generators"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, QuietContentErrors) for f in logger.filters):
            logger.addFilter(quiet)
