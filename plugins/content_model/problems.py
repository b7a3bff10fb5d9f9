"""Content problems: every one names a file and a line, in German."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


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

