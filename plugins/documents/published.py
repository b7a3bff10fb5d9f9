"""Which PDFs a build publishes, and what it knows about each (`Document`)."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from content_model.contents import all_contents
from publication.plugin import file_identity
from static_files.sniff import sniff

from .analysis import PdfAnalysis


@dataclass
class Document:
    """A published PDF. One per file, shared by every attachment and link to it."""

    path: str  # relative to the content root and the site root: files/2025/bericht.pdf
    source_path: str  # the file in the content tree (absolute)
    analysis: PdfAnalysis
    # the contents that use it (Attachments field or a link in the body) and get a page
    # in this build, by source path; ask the publication policy which of them are public.
    # Empty for a PDF no content uses (copied from files/ and linked from elsewhere)
    users: list = field(default_factory=list)
    # the address of its HTML text version relative to the site root ("dokumente/…/"),
    # set by the plugin that writes text versions; None: there is none
    text_version_url: str | None = None

    @property
    def page_count(self) -> int:
        return self.analysis.page_count

    @property
    def page_texts(self) -> tuple[str, ...]:
        return self.analysis.page_texts

    @property
    def has_text(self) -> bool:
        return self.analysis.has_text

    @property
    def shortcomings(self) -> tuple[str, ...]:
        return self.analysis.shortcomings


def published_pdfs(context, policy) -> dict[str, list]:
    """{path of a PDF: the written contents that use it}, for every PDF Pelican copies and
    the publication policy publishes, sorted by path; a PDF no content uses (it may be
    linked from elsewhere) is published and checked too, with no users."""
    root = Path(os.path.abspath(context["PATH"]))
    copied = sorted({s.relative_source_path.replace(os.sep, "/")
                     for s in context["staticfiles"]})
    pdfs = [path for path in copied if is_pdf(root / path)
            and policy.is_file_published(file_identity(root / path))]
    users = users_of(context, policy, set(pdfs))
    return {path: users[path] for path in pdfs}


def users_of(context, policy, paths: set[str]) -> dict[str, list]:
    """{path: the written contents that use it} for `paths`; [] for a path none uses."""
    users = defaultdict(list)
    for content in all_contents(context):
        if policy.is_written(content):
            for path in sorted(set(policy.files_used.get(content.source_path, ())) & paths):
                users[path].append(content)
    return users


def is_pdf(path: Path) -> bool:
    """Named .pdf and a PDF by its content; static_files reports a .pdf that is not."""
    try:
        return path.suffix.lower() == ".pdf" and sniff(path) == "pdf"
    except OSError:
        return False
