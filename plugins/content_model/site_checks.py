"""Checks across the whole site: nothing skipped, nothing stray, no URL twice."""

from __future__ import annotations

import fnmatch
import os
from collections import defaultdict
from pathlib import Path

from . import model
from .problems import Problem, display_path, quoted

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown"}
ASSET_FOLDERS = {"files", "images"}
CONTENT_FOLDERS = ", ".join(f"{t.folder}/" for t in model.DOCUMENT_TYPES)


def outside_folders_problem(path: str) -> Problem:
    return Problem(path, 1, (
        "Die Datei liegt außerhalb der Inhaltsordner und würde nicht veröffentlicht. "
        f"Verschieben Sie sie in einen dieser Ordner: {CONTENT_FOLDERS}."
    ))


def skipped_file_problems(generated_content: dict, state) -> list[Problem]:
    """Files Pelican found but could not turn into content, with their reasons."""
    problems = []
    for relative, content in generated_content.items():
        if content is not None:
            continue
        found = state.file_problems.get(relative)
        problems += found or [Problem(str(state.content_root / relative), 1, (
            "Die Datei konnte nicht verarbeitet werden (Einzelheiten in der Meldung darüber). "
            "Prüfen Sie den Kopf der Datei."
        ))]
    return problems


def stray_file_problems(content_root: Path, known: set[str],
                        ignored: tuple[str, ...] = (".*",)) -> list[Problem]:
    """Files in the content tree that no part of the build would publish (files matching
    Pelican's IGNORE_FILES — dotfiles, editor backups — are never read, never stray)."""
    problems = []
    for relative in _walk(content_root, ignored):
        top, _, rest = relative.partition("/")
        if relative in known or top in ASSET_FOLDERS:
            continue
        path = content_root / relative
        if not rest:  # topics.toml, a README … at the top are fine, Markdown is not
            if path.suffix in MARKDOWN_SUFFIXES:
                problems.append(outside_folders_problem(str(path)))
        elif model.doctype_for_path(relative) is None:
            problems.append(outside_folders_problem(str(path)))
        else:
            problems.append(Problem(str(path), 1, (
                f"Nur Markdown-Dateien (.md) werden veröffentlicht; {quoted(path.name)} würde "
                "übersprungen. Benennen Sie sie in .md um oder legen Sie Anhänge unter files/ ab."
            )))
    return problems


def _walk(root: Path, ignored: tuple[str, ...]):
    def kept(name: str) -> bool:
        return not any(fnmatch.fnmatch(name, pattern) for pattern in ignored)

    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if kept(d)]
        for name in filter(kept, filenames):
            yield Path(dirpath, name).relative_to(root).as_posix()


def url_problems(contents) -> list[Problem]:
    """Two items or pages at one URL, or a page on a URL the build itself uses."""
    by_target = defaultdict(list)
    problems = []
    for content in contents:
        if content.save_as:
            by_target[content.save_as].append(content)
        if content.doctype is model.PAGE and content.slug in model.RESERVED_SLUGS:
            problems.append(Problem(content.source_path, _slug_line(content), (
                f"Die Adresse /{content.slug}/ ist für die Website selbst reserviert. "
                "Geben Sie der Seite einen anderen Slug."
            )))
    for target, clashing in by_target.items():
        first, *others = sorted(clashing, key=lambda c: c.source_path)
        problems += [Problem(other.source_path, _slug_line(other), (
            f"Die Adresse /{os.path.dirname(target)}/ ist schon vergeben an "
            f"{display_path(first.source_path)}. Geben Sie einen eigenen Slug an, "
            "z. B. „Slug: …-2“."
        )) for other in others]
    return problems


def _slug_line(content) -> int:
    lines = getattr(content, "header_lines", {})
    return lines.get("slug", lines.get("title", 1))
