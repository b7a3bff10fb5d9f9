"""The metadata header of a Markdown file, with the line number of every field.

Python-Markdown's `meta` extension (which Pelican uses) parses the same header but
keeps no line numbers; this mirrors its rules so every problem can name its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

# The same patterns as markdown.extensions.meta
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")


@dataclass
class HeaderField:
    name: str  # as written, e.g. "Subtitel"
    value: str
    line: int

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass
class SourceFile:
    path: str
    text: str
    fields: list[HeaderField]
    body_line: int  # first line of the body

    def get(self, key: str) -> HeaderField | None:
        return next((f for f in self.fields if f.key == key), None)


def read_source(path: str) -> tuple[SourceFile | None, Problem | None]:
    """Read a UTF-8 Markdown file (a BOM and CRLF are fine) and parse its header."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = Path(path).read_bytes()[: error.start].count(b"\n") + 1
        return None, Problem(path, line, (
            "Die Datei ist nicht UTF-8-kodiert (z. B. als Windows-1252 gespeichert). "
            "Speichern Sie sie im Editor mit der Kodierung „UTF-8“."
        ))
    fields, body_line = parse_header(markdown_lines(text))
    return SourceFile(path, text, fields, body_line), None


def markdown_lines(text: str) -> list[str]:
    """The lines as Python-Markdown (and so Pelican) sees them: only CR LF, CR and LF end
    a line — not U+2028, U+0085, form feeds or the other breaks `str.splitlines()` knows,
    which would let a header read differently here than in Pelican — and tabs are
    expanded to four columns (a tab-indented line continues a header value there)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")


def parse_header(lines: list[str]) -> tuple[list[HeaderField], int]:
    """Header fields with 1-based line numbers, and the line where the body starts."""
    fields: list[HeaderField] = []
    index = 1 if lines and BEGIN_RE.match(lines[0]) else 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or (fields and END_RE.match(line)):
            return fields, index + 2
        if match := META_RE.match(line):
            fields.append(HeaderField(match["key"], match["value"].strip(), index + 1))
        elif fields and (more := META_MORE_RE.match(line)):
            fields[-1].value = f"{fields[-1].value}\n{more['value'].strip()}".strip()
        else:
            return fields, index + 1
        index += 1
    return fields, index + 1


def ends_without_blank_line(lines: list[str], fields: list[HeaderField], body_line: int) -> bool:
    """True when a line that is no field ended the header: a typo in a field name (no
    colon, a space in the name) or text written without the blank line after the header."""
    if not fields or body_line > len(lines):
        return False
    last_header_line = lines[body_line - 2]
    return bool(last_header_line.strip()) and not END_RE.match(last_header_line)
