"""Which file types are published where, checked by name and by content."""

from __future__ import annotations

import string
from pathlib import Path, PurePosixPath

from content_model.problems import Problem
from content_model.slugs import german_slug

from . import messages
from .sniff import MACRO_KINDS, describe, sniff, text_kind
from .svg import svg_problems

IMAGES = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp", "gif": "gif",
          "svg": "svg"}
DOCUMENTS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "pptx": "pptx", "odt": "odt",
             "ods": "ods", "odp": "odp", "csv": "text", "txt": "text"}
# folder under content/ -> {extension: kind its content must be}
ALLOWED = {"files": {**DOCUMENTS, **IMAGES}, "images": IMAGES}
ASSET_FOLDERS = frozenset(ALLOWED)
# The extension a file of a (binary) kind should have, to suggest a rename
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "gif": "gif", "pdf": "pdf",
              "docx": "docx", "xlsx": "xlsx", "pptx": "pptx", "odt": "odt", "ods": "ods",
              "odp": "odp"}
TEXT_KINDS = {"text", "svg"}
SVG_LIKE = {"svg", "xml", "html", "text"}  # for these the SVG parser decides
SAFE_NAME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "._-")


def extension(name: str) -> str:
    return PurePosixPath(name).suffix[1:].lower()


def is_asset_path(relative: str) -> bool:
    """A normalised path relative to the content root that lies in files/ or images/."""
    parts = PurePosixPath(relative).parts
    return len(parts) > 1 and parts[0] in ASSET_FOLDERS


def name_problem(path: Path, is_folder: bool) -> Problem | None:
    """Only a–z, A–Z, 0–9, ".", "_" and "-" in names under files/ and images/."""
    if set(path.name) <= SAFE_NAME_CHARACTERS:
        return None
    return Problem(str(path), 1, messages.unsafe_name(
        path.name, suggested_name(path.name, is_folder), is_folder))


def suggested_name(name: str, is_folder: bool) -> str:
    if is_folder:
        return german_slug(name) or "ordner"
    pure = PurePosixPath(name)
    suffix = german_slug(pure.suffix[1:])
    return (german_slug(pure.stem) or "datei") + (f".{suffix}" if suffix else "")


def file_problems(path: Path, folder: str) -> list[Problem]:
    """The file at `path` in `folder` (files or images): allowed type, and content that
    is what the name says. `path` may be a link to a file inside files/ or images/. A file
    that cannot be read or parsed is a problem of that file, never a crash of the build."""
    try:
        return _content_problems(path, folder)
    except Exception as error:  # the parsers catch what they know; this names the file
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return [Problem(str(path), 1, messages.unreadable(path.name, detail[:120]))]


def _content_problems(path: Path, folder: str) -> list[Problem]:
    kind = ALLOWED[folder].get(extension(path.name))
    if kind is None:
        allowed_in_files = extension(path.name) in ALLOWED["files"]
        return [Problem(str(path), 1, messages.forbidden_type(
            folder, extension(path.name), allowed_in_files))]
    actual = _actual_kind(path, kind)
    if kind == "svg" and actual in SVG_LIKE:
        return [Problem(str(path), line, message)
                for line, message in svg_problems(path.read_bytes())]
    if actual == kind:
        return []
    return [Problem(str(path), 1, _mismatch_message(path.name, folder, kind, actual))]


def _actual_kind(path: Path, kind: str) -> str:
    """Text and SVG are judged as text; binary formats by their magic bytes."""
    if kind not in TEXT_KINDS:
        return sniff(path)
    actual = text_kind(path)
    return sniff(path) if actual == "binary" else actual


def _mismatch_message(name: str, folder: str, kind: str, actual: str) -> str:
    if MACRO_KINDS.get(actual) == kind:
        return messages.macros(name)
    rename_to = None
    if actual in EXTENSIONS and actual in ALLOWED[folder].values():
        rename_to = f"{PurePosixPath(name).stem}.{EXTENSIONS[actual]}"
    return messages.not_what_it_says(name, kind, describe(actual), rename_to)
