"""Finding the line of a source file that a problem found in the rendered HTML is about."""

from __future__ import annotations

from pathlib import Path

from .header import parse_header


def line_of(path: str, needles) -> int:
    """The first body line of `path` containing one of `needles` (tried in order,
    case-insensitively); the first body line when none is found."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    _, body_line = parse_header(lines)
    body = list(enumerate(lines, start=1))[body_line - 1:]
    for needle in needles:
        if not needle:
            continue
        for number, text in body:
            if needle.casefold() in text.casefold():
                return number
    return min(body_line, max(len(lines), 1))
