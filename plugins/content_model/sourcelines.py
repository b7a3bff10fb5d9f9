"""The source line a finding in the rendered HTML is about (a heuristic, never another file).

Each finding names strings to look for (`needles`, most specific first). Each needle is
looked for first in the body with code spans, code blocks and autolinks blanked out (a
`<script>` shown as code is not the one that ran), then in the whole body; without any
match the finding points to the first line of the body.
"""

from __future__ import annotations

from .body_checks import body_lines
from .header import markdown_lines, read_source


def line_of(path: str, needles) -> int:
    source, _ = read_source(path)
    if source is None:
        return 1
    raw = list(enumerate(markdown_lines(source.text), start=1))[source.body_line - 1:]
    searches = (body_lines(source), raw)
    for needle in (n.casefold() for n in needles if n):
        for lines in searches:
            number = next((n for n, text in lines if needle in text.casefold()), None)
            if number is not None:
                return number
    return min(source.body_line, max(len(raw) + source.body_line - 1, 1))
