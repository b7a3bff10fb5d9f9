"""Analyses kept between builds, one JSON file per PDF content (sha256 of its bytes).

An entry names the analysis version and the pypdf version it was made with; an entry of
another version, or one that cannot be read (cut off, edited, not JSON) or holds anything
but what the analysis writes (exactly its keys, bools, strings, a list of page texts
within the limits), counts as missing and is written anew. Entries are written to a
temporary file and renamed, so builds running side by side never read half an entry. A
file that cannot be opened is cached too (same bytes, same verdict); the message naming
it is made by the caller. A verdict that depends on the build's limits or environment
("too_large", "unchecked") is not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

import pypdf

from . import analysis
from .analysis import (
    ANALYSIS_VERSION,
    DEFINITE_REASONS,
    PdfAnalysis,
    UnreadablePdf,
    analyse_pdf,
)

VERSION = {"analysis": ANALYSIS_VERSION, "pypdf": pypdf.__version__}


@dataclass
class AnalysisCache:
    folder: Path
    analyse: Callable[[bytes], PdfAnalysis] = analyse_pdf
    hits: int = 0
    misses: int = 0

    def analysis_of(self, data: bytes) -> PdfAnalysis:
        """The analysis of a PDF's bytes, from the cache when it has one; raises
        UnreadablePdf as `analyse_pdf` does."""
        entry_path = self.folder / f"{hashlib.sha256(data).hexdigest()}.json"
        entry = self._read(entry_path)
        if entry is None:
            self.misses += 1
            entry = self._analysed(data)
            self._write(entry_path, entry)
        else:
            self.hits += 1
        if "unreadable" in entry:
            raise UnreadablePdf(**entry["unreadable"])
        return PdfAnalysis.from_json(entry["analysis"])

    def _analysed(self, data: bytes) -> dict:
        try:
            return {"version": VERSION, "analysis": self.analyse(data).to_json()}
        except UnreadablePdf as error:
            if not error.definite:
                raise
            return {"version": VERSION,
                    "unreadable": {"reason": error.reason, "detail": error.detail}}

    @staticmethod
    def _read(path: Path) -> dict | None:
        """The entry at `path` if it is one of this version, complete and of the right
        types, else None."""
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if is_entry(entry) else None

    def _write(self, path: Path, entry: dict) -> None:
        """Write atomically. A cache that cannot be written only costs time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(entry, file, ensure_ascii=False)
            os.replace(temporary, path)
        except (OSError, ValueError):  # ValueError: text JSON cannot write as UTF-8
            Path(temporary).unlink(missing_ok=True)


FLAGS = ("tagged", "displays_title", "encrypted", "blocks_assistive_technology")
TEXTS = ("title", "language")


def is_entry(entry) -> bool:
    """An entry of this version: {"version", "analysis"} or {"version", "unreadable"}, each
    exactly of the types the analysis makes (an edited or foreign entry is re-analysed)."""
    if not isinstance(entry, dict) or entry.get("version") != VERSION:
        return False
    if set(entry) == {"version", "analysis"}:
        return is_analysis(entry["analysis"])
    return set(entry) == {"version", "unreadable"} and is_unreadable(entry["unreadable"])


def is_analysis(data) -> bool:
    return (isinstance(data, dict)
            and set(data) == {field.name for field in fields(PdfAnalysis)}
            and is_page_texts(data["page_texts"])
            and all(isinstance(data[key], str) for key in TEXTS)
            and all(type(data[key]) is bool for key in FLAGS))


def is_page_texts(texts) -> bool:
    return (isinstance(texts, list) and 0 < len(texts) <= analysis.MAX_PAGES
            and all(isinstance(text, str) for text in texts)
            and sum(map(len, texts)) <= analysis.MAX_TEXT_CHARACTERS)


def is_unreadable(data) -> bool:
    return (isinstance(data, dict) and set(data) == {"reason", "detail"}
            and data["reason"] in DEFINITE_REASONS and isinstance(data["detail"], str))
