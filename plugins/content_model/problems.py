"""Content problems: every one names a file and a line, in German."""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass

# Characters a terminal or an editor may act on instead of showing them: controls (escape
# sequences), format characters (bidi overrides), line and paragraph separators, spaces
# other than the plain one.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Zs"}


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # absolute path of the file the problem is in
    line: int
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised to stop a build whose content has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        noun = "Problem" if count == 1 else "Probleme"
        super().__init__(
            f"{count} {noun} in den Inhalten – der Build wurde abgebrochen, "
            "nichts wurde veröffentlicht."
        )

    def report(self) -> str:
        """One `path:line: message` line per problem."""
        return "\n".join(str(p) for p in self.problems)


def stop_build(problems: list[Problem]) -> None:
    """Print every problem as `path:line: message` and stop the build."""
    error = ContentError(problems)
    print(f"{error.report()}\n{error}", file=sys.stderr)
    raise error


def display_path(path: str) -> str:
    """A path relative to the working directory when inside it, else absolute."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def quoted(text: str) -> str:
    return f"„{text}“"


def visible(text: str, limit: int = 160) -> str:
    """`text` from outside (a file, a library's error) made safe to print in a problem:
    every invisible character written as its code (\\x1b, \\u202e), cut to `limit`
    characters with "…"."""
    shown = "".join(_code(c) if _is_invisible(c) else c for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _is_invisible(character: str) -> bool:
    return character != " " and unicodedata.category(character) in _INVISIBLE_CATEGORIES


def _code(character: str) -> str:
    number = ord(character)
    return f"\\x{number:02x}" if number < 0x100 else f"\\u{number:04x}"
