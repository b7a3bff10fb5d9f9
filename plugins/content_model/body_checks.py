"""Checks of the Markdown body and the summary, each problem with its line.

Internal links ({filename}, {static}) must point to existing files. What the body's HTML
may contain is checked on the rendered HTML by the html_policy plugin, not here.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from .header import SourceFile, markdown_lines
from .problems import Problem, quoted

FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]*>|<[^>\s@]+@[^>\s]+>")
# Pelican's two spellings: {filename}/x.md and |filename|/x.md
INTERNAL_LINK = re.compile(r"[{|](filename|static|attach)[}|]([^)\s\"'>#?]+)")
SUMMARY_MARKUP = re.compile(r"<[a-zA-Z/!]|\*\*|__|\]\(|`|^#|\{filename\}")


def body_lines(source: SourceFile) -> list[tuple[int, str]]:
    """(line number, text) of the body, with code blocks and code spans blanked out."""
    lines, in_fence = [], False
    for number, line in enumerate(markdown_lines(source.text), start=1):
        if number < source.body_line:
            continue
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        lines.append((number, "" if in_fence else AUTOLINK.sub("", CODE_SPAN.sub("", line))))
    return lines


MAX_DEPTH = 16  # list and quote levels; Python-Markdown slows down sharply beyond that
QUOTES = re.compile(r"^(?:\s*>)+")


def nesting_problems(source: SourceFile) -> list[Problem]:
    """The first line nested deeper than MAX_DEPTH levels (4 columns of indentation or one
    `>` per level; fenced code does not count): no reader can follow such a text, and
    Python-Markdown needs minutes for a few thousand levels."""
    for number, line in body_lines(source):
        indent = len(line) - len(line.lstrip(" "))
        quotes = match.group(0).count(">") if (match := QUOTES.match(line)) else 0
        if indent > 4 * MAX_DEPTH or quotes > MAX_DEPTH:
            return [Problem(source.path, number, (
                f"Diese Zeile ist tiefer als {MAX_DEPTH} Ebenen eingerückt oder verschachtelt "
                "(Liste oder Zitat). So tief gegliederten Text kann niemand mehr lesen, und er "
                "hält den Build auf. Gliedern Sie den Text flacher."))]
    return []


def internal_link_problems(source: SourceFile, content_root: Path) -> list[Problem]:
    return [Problem(source.path, number, message)
            for number, text in body_lines(source)
            for message in _internal_link_messages(text, source.path, content_root)]


def internal_links(source: SourceFile, content_root: Path) -> list[tuple[str, int]]:
    """(target relative to the content root, line) of every {filename}/{static} link."""
    found = []
    for number, text in body_lines(source):
        for match in INTERNAL_LINK.finditer(text):
            found.append((_resolve(match.group(2), source.path, content_root), number))
    return found


def _internal_link_messages(text: str, path: str, content_root: Path) -> list[str]:
    messages = []
    for match in INTERNAL_LINK.finditer(text):
        target = _resolve(match.group(2), path, content_root)
        if not (content_root / target).is_file():
            messages.append(f"Der interne Link {quoted(match.group(0))} führt ins Leere: "
                            f"content/{target} gibt es nicht. Prüfen Sie Ordner und Dateinamen.")
    return messages


def _resolve(link: str, path: str, content_root: Path) -> str:
    if link.startswith("/"):
        return link.lstrip("/")
    folder = PurePosixPath(Path(path).resolve().relative_to(content_root.resolve()).as_posix())
    parts: list[str] = []
    for part in (folder.parent / link).parts:
        if part == "..":
            parts = parts[:-1]
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def summary_problems(source: SourceFile, max_length: int) -> list[Problem]:
    summary = source.get("summary")
    if summary is None or not summary.value:
        return []
    problems = []
    if SUMMARY_MARKUP.search(summary.value):
        problems.append(Problem(source.path, summary.line, (
            "Die Kurzfassung (Summary) muss reiner Text sein: ohne **Fettdruck**, Links, "
            "HTML oder Überschriften. Sie erscheint in Listen, Feeds und Suchmaschinen.")))
    if len(summary.value) > max_length:
        problems.append(Problem(source.path, summary.line, (
            f"Die Kurzfassung (Summary) ist {len(summary.value)} Zeichen lang; erlaubt sind "
            f"höchstens {max_length}. Kürzen Sie sie auf ein bis zwei Sätze.")))
    return problems
