"""A PDF page's text as the text version shows it: clean of characters HTML forbids, in
paragraphs (split at blank lines) of lines (the line breaks of the PDF are kept).

The text is hostile input: it is only ever put into the page through Jinja's
autoescaping, never marked safe. What is removed here is what no HTML page may contain
even escaped: control characters other than tab, line feed and carriage return (form
feed ends a line), noncharacters and lone surrogates.
"""

from __future__ import annotations

import re

# C0 controls but tab, LF, FF, CR; DEL and the C1 controls; lone surrogates (no valid
# UTF-8); noncharacters (U+FDD0–U+FDEF and the last two code points of every plane).
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
              for plane in range(17))
    + "]")
LINE_BREAK = re.compile(r"\r\n?|\f")
BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def clean(text: str) -> str:
    """`text` without the characters HTML forbids; line breaks as "\\n"."""
    return FORBIDDEN.sub("", LINE_BREAK.sub("\n", text))


# Bidirectional embeddings, overrides and isolates: an unterminated one in a title would
# reverse the rest of the browser tab's title or a search result.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
TITLE_LENGTH = 200


def one_line(text: str, limit: int = TITLE_LENGTH) -> str:
    """`text` cleaned, without bidi controls, on one line with single spaces (a title),
    at most `limit` characters (cut at a space, with "…")."""
    line = " ".join(BIDI_CONTROLS.sub("", clean(text)).split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0].rstrip() + " …"


def paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """The paragraphs of a page's text, each a tuple of its lines (without spaces at
    either end); () for a page without text."""
    blocks = BLANK_LINES.split(clean(text).strip())
    lines = (tuple(line.strip() for line in block.split("\n") if line.strip())
             for block in blocks)
    return tuple(block for block in lines if block)
