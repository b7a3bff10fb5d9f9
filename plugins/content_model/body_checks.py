"""Checks of the Markdown body and the summary, each problem with its line.

Raw HTML is limited to an allowlist: anything that could run code or load something from
elsewhere is an error (never silently stripped), so editors learn what to change.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from .header import SourceFile
from .problems import Problem, quoted

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul",
})
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "cite"}
FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]*>|<[^>\s@]+@[^>\s]+>")
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]*)")
INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^)\s\"'>#?]+)")
SUMMARY_MARKUP = re.compile(r"<[a-zA-Z/!]|\*\*|__|\]\(|`|^#|\{filename\}")


def body_lines(source: SourceFile) -> list[tuple[int, str]]:
    """(line number, text) of the body, with code blocks and code spans blanked out."""
    lines, in_fence = [], False
    for number, line in enumerate(source.text.splitlines(), start=1):
        if number < source.body_line:
            continue
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        lines.append((number, "" if in_fence else AUTOLINK.sub("", CODE_SPAN.sub("", line))))
    return lines


class _RawHtml(HTMLParser):
    """Collects (line offset, message) for every disallowed tag, attribute or URL."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag not in ALLOWED_TAGS:
            self.found.append((line, (
                f"Das HTML-Element <{tag}> ist im Text nicht erlaubt (Sicherheit und "
                "Barrierefreiheit). Entfernen Sie es; für Videos, Karten oder Formulare "
                "verlinken Sie die Quelle mit einem normalen Link.")))
        for name, value in attrs:
            self.found += [(line, m) for m in _attribute_messages(tag, name, value or "")]
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.found.append((line, _ALT_MESSAGE))


def _attribute_messages(tag: str, name: str, value: str) -> list[str]:
    if name.startswith("on"):
        return [f"Das Attribut {quoted(name)} an <{tag}> ist nicht erlaubt: Skripte im Text "
                "sind verboten. Löschen Sie das Attribut."]
    if name == "style":
        return [f"Das Attribut „style“ an <{tag}> ist nicht erlaubt; die Gestaltung kommt "
                "einheitlich aus dem Layout. Löschen Sie das Attribut."]
    if name in URL_ATTRIBUTES and UNSAFE_URL.match(value):
        return [_UNSAFE_URL_MESSAGE.format(url=quoted(value[:40]))]
    return []


_ALT_MESSAGE = ("Ein Bild im Text hat keinen Alternativtext. Schreiben Sie in die eckigen "
                "Klammern, was auf dem Bild zu sehen ist: ![Kinder im Garten der Kita](…).")
_UNSAFE_URL_MESSAGE = ("Der Link {url} ist nicht erlaubt (javascript:-, vbscript:- und data:-"
                       "Adressen). Verlinken Sie eine normale Webadresse (https://…).")


def raw_html_problems(source: SourceFile) -> list[Problem]:
    parser = _RawHtml()
    lines = body_lines(source)
    parser.feed("\n".join(text for _, text in lines))
    parser.close()
    return [Problem(source.path, lines[offset - 1][0], message)
            for offset, message in parser.found]


def markdown_link_problems(source: SourceFile, content_root: Path) -> list[Problem]:
    problems = []
    for number, text in body_lines(source):
        for match in MARKDOWN_LINK.finditer(text):
            if match.group(0).startswith("!") and not match.group(1).strip():
                problems.append(Problem(source.path, number, _ALT_MESSAGE))
            if UNSAFE_URL.match(match.group(2)):
                problems.append(Problem(source.path, number,
                                        _UNSAFE_URL_MESSAGE.format(url=quoted(match.group(2)))))
        problems += [Problem(source.path, number, message)
                     for message in _internal_link_messages(text, source.path, content_root)]
    return problems


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
