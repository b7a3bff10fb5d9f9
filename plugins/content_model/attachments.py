"""Attachments (Anhänge): files under files/ listed in an item's header."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# File types editors attach, with the short name shown next to the link.
KNOWN_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "text/csv": "CSV",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
}


@dataclass(frozen=True)
class Attachment:
    path: str  # relative to the content root and the site root, e.g. files/2025/bericht.pdf
    size: int  # bytes
    mime_type: str

    @property
    def filename(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def type_label(self) -> str:
        suffix = PurePosixPath(self.path).suffix.lstrip(".").upper()
        return KNOWN_TYPES.get(self.mime_type, suffix or "Datei")

    @classmethod
    def from_content(cls, relative: str, content_root: Path) -> Attachment:
        mime_type, _ = mimetypes.guess_type(relative)
        size = (content_root / relative).stat().st_size
        return cls(relative, size, mime_type or "application/octet-stream")
