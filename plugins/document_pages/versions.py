"""What a text version is made of (`TextVersion`), its address, and the problem when two
PDFs would get the same one."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath

from content_model.attachments import Attachment
from content_model.problems import Problem, quoted

from . import text
from .settings import FOLDER

LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class PageText:
    number: int  # 1, 2, …
    paragraphs: tuple[tuple[str, ...], ...]  # each paragraph's lines; () for no text

    @property
    def anchor(self) -> str:
        """The id of the page's heading: /dokumente/…/#seite-3 leads to page 3."""
        return f"seite-{self.number}"


@dataclass(frozen=True)
class TextVersion:
    """The HTML text version of a published PDF with text."""

    document: object  # documents.published.Document
    url: str  # dokumente/2025/bericht/
    title: str  # the PDF's title, else its file name
    attachment: Attachment  # the PDF, for the download link (type, size, pages, marks)
    pages: tuple[PageText, ...]
    public_users: tuple  # the public contents that use it: newest first
    users: tuple  # the contents the page names: the public ones, then (preview) the others

    @property
    def language(self) -> str | None:
        """The PDF's declared language when it is not the site's (German) and is a
        well-formed tag (BCP 47 shape): the text is then marked with it (WCAG 3.1.2)."""
        declared = (self.document.analysis.language or "").strip()
        if not LANGUAGE_TAG.fullmatch(declared) or declared.lower().split("-")[0] == "de":
            return None
        return declared

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def years(self) -> list[int]:
        """The years of its public items, newest first (search filter `jahr`)."""
        return sorted({d.year for d in map(_date, self.public_users) if d}, reverse=True)

    @property
    def topics(self) -> list[str]:
        """The topics of its public items (search filter `thema`)."""
        names = (tag.name for c in self.public_users for tag in getattr(c, "tags", ()))
        return list(dict.fromkeys(names))

    @property
    def newest(self) -> datetime | None:
        """The date of its newest public item (search sort key `datum`)."""
        return next(filter(None, map(_date, self.public_users)), None)


def address_of(path: str) -> str:
    """The text version's address for a PDF's path: files/2025/Bericht.pdf ->
    dokumente/2025/bericht/ (lower case, as every address of the site)."""
    relative = PurePosixPath(path.removeprefix("files/"))
    stem = relative.with_suffix("") if relative.suffix.lower() == ".pdf" else relative
    return f"{FOLDER}/{stem.as_posix().lower()}/"


def grouped_by_address(documents) -> dict[str, list]:
    """{address: the documents with text that would get it}, sorted by address. A PDF no
    content uses gets none: there is no item it belongs to."""
    groups = defaultdict(list)
    for document in documents:
        if document.has_text and document.users:
            groups[address_of(document.path)].append(document)
    return dict(sorted(groups.items()))


def colliding_addresses(paths) -> dict[str, list[str]]:
    """{address: the PDF paths (two or more) that would get it}, for every PDF the
    contents use — also those of withheld items, else the build at their release time
    would be the first to fail."""
    groups = defaultdict(set)
    for path in paths:
        if path.lower().endswith(".pdf"):
            groups[address_of(path)].add(path)
    return {address: sorted(group) for address, group in sorted(groups.items())
            if len(group) > 1}


def collision_problem(address: str, paths: list[str], content_root: Path) -> Problem:
    """Two or more PDFs whose names differ only in case (or in .pdf/.PDF)."""
    names = " und ".join(quoted(p) for p in paths)
    return Problem(str(content_root / paths[-1]), 1, (
        f"Die PDFs {names} bekämen dieselbe Textfassung /{address} – in Adressen der "
        "Website zählt Groß- und Kleinschreibung nicht. Benennen Sie eine der Dateien um "
        "(und die Verweise darauf)."))


def text_version(document, address: str, content_root: Path, policy) -> TextVersion:
    public = tuple(sorted((c for c in document.users if policy.is_public(c)),
                          key=_newest_first))
    others = tuple(c for c in document.users if c not in public)
    shown = public if public and policy.production else public + others
    attachment = replace(Attachment.from_content(document.path, content_root),
                         document=document)
    return TextVersion(document, address, _title(document), attachment,
                       _pages(document.page_texts), public, shown)


def _title(document) -> str:
    return text.one_line(document.analysis.title) or PurePosixPath(document.path).name


def _pages(page_texts) -> tuple[PageText, ...]:
    return tuple(PageText(number, text.paragraphs(page))
                 for number, page in enumerate(page_texts, start=1))


def _date(content) -> datetime | None:
    return getattr(content, "date", None)


def _newest_first(content) -> tuple:
    """Dated contents newest first, then undated ones (pages) by title."""
    date = _date(content)
    return (date is None, -date.timestamp() if date else 0, content.title)
