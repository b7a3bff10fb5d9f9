"""Attachments (Anhänge): files under files/ listed in an item's header."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# File types editors attach, by extension: the MIME type (the same as the web server
# sends, plugins/nginx_config/content_types.py) and the type in words shown next to the
# link. By extension, not through `mimetypes`, which knows Office types only where the
# system has a mime.types file.
KNOWN_TYPES = {
    "pdf": ("application/pdf", "PDF"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "Word-Dokument"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "Excel-Tabelle"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
             "PowerPoint-Präsentation"),
    "odt": ("application/vnd.oasis.opendocument.text", "OpenDocument-Text"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-Tabelle"),
    "odp": ("application/vnd.oasis.opendocument.presentation", "OpenDocument-Präsentation"),
    "csv": ("text/csv", "CSV-Tabelle"),
    "txt": ("text/plain", "Textdatei"),
    "jpg": ("image/jpeg", "JPEG-Bild"),
    "jpeg": ("image/jpeg", "JPEG-Bild"),
    "png": ("image/png", "PNG-Bild"),
    "gif": ("image/gif", "GIF-Bild"),
    "webp": ("image/webp", "WebP-Bild"),
    "svg": ("image/svg+xml", "SVG-Grafik"),
}


@dataclass(frozen=True)
class Attachment:
    path: str  # relative to the content root and the site root, e.g. files/2025/bericht.pdf
    size: int  # bytes
    mime_type: str
    # A PDF's analysis, set by the documents plugin for published PDFs (a
    # documents.published.Document: page_count, shortcomings, page_texts,
    # text_version_url); None for other files and before the documents plugin ran.
    document: object | None = field(default=None, compare=False, repr=False)

    @property
    def filename(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def extension(self) -> str:
        return PurePosixPath(self.path).suffix.lstrip(".").lower()

    @property
    def type_label(self) -> str:
        known = KNOWN_TYPES.get(self.extension)
        return known[1] if known else (self.extension.upper() or "Datei")

    @property
    def pages(self) -> int | None:
        """The page count of a PDF; None for other files."""
        return self.document.page_count if self.document else None

    @property
    def shortcomings(self) -> tuple[str, ...]:
        """What makes a PDF hard to use with assistive technology (keys of
        documents.analysis.SHORTCOMINGS); () for an accessible PDF and other files."""
        return self.document.shortcomings if self.document else ()

    @property
    def text_version_url(self) -> str | None:
        """The address of the PDF's HTML text version, once a plugin writes one."""
        return self.document.text_version_url if self.document else None

    @classmethod
    def from_content(cls, relative: str, content_root: Path) -> Attachment:
        size = (content_root / relative).stat().st_size
        return cls(relative, size, mime_type_of(relative))


def mime_type_of(relative: str) -> str:
    known = KNOWN_TYPES.get(PurePosixPath(relative).suffix.lstrip(".").lower())
    if known:
        return known[0]
    return mimetypes.guess_type(relative)[0] or "application/octet-stream"
