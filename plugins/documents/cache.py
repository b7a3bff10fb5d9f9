"""Analyses kept between builds, one JSON file per PDF content (sha256 of its bytes).

An entry names the analysis version and the pypdf version it was made with; an entry of
another version, or one that cannot be read (cut off, edited, not JSON), counts as
missing and is written anew. Entries are written to a temporary file and renamed, so
builds running side by side never read half an entry. A file that cannot be opened is
cached too (same bytes, same verdict); the message naming it is made by the caller. A
verdict that depends on the build's limits or environment ("too_large", "unchecked") is
not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdf

from .analysis import ANALYSIS_VERSION, PdfAnalysis, UnreadablePdf, analyse_pdf

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
        """The entry at `path` if it is one of this version and complete, else None."""
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry["version"] != VERSION:
                return None
            if "unreadable" in entry:
                UnreadablePdf(**entry["unreadable"])
            else:
                PdfAnalysis.from_json(entry["analysis"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return entry

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
        except OSError:
            Path(temporary).unlink(missing_ok=True)
