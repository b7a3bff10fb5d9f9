"""The theme's static files, their bytes and their content-hashed names."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# The nginx configuration matches `^/theme/.+\.[0-9a-f]{10}\.[a-z0-9]+$` as immutable.
HASH_LENGTH = 10


@dataclass(frozen=True)
class ThemeAsset:
    name: str  # below THEME_STATIC_DIR, e.g. "css/site.css"
    data: bytes  # the bytes that are hashed and published under `hashed_name`
    hashed_name: str  # e.g. "css/site.3f2a1b4c5d.css"

    @classmethod
    def read(cls, name: str, source: Path) -> ThemeAsset:
        data = source.read_bytes()
        return cls(name, data, hashed_name(name, data))


def hashed_name(name: str, data: bytes) -> str:
    """`<stem>.<first HASH_LENGTH hex digits of sha256(data)>.<ext>` in the same folder."""
    path = PurePosixPath(name)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def read_theme_assets(theme: str, static_paths: Iterable[str],
                      ignores: Iterable[str]) -> dict[str, ThemeAsset]:
    """Every file Pelican's StaticGenerator copies from the theme, by its name below
    THEME_STATIC_DIR, read once."""
    files = theme_static_files(Path(theme), static_paths, tuple(ignores))
    return {name: ThemeAsset.read(name, source) for name, source in sorted(files.items())}


def theme_static_files(theme: Path, static_paths: Iterable[str],
                       ignores: tuple[str, ...]) -> dict[str, Path]:
    """As pelican.utils.copy does for THEME_STATIC_PATHS: a file goes to THEME_STATIC_DIR
    under its own name, a folder's content below it; names matching IGNORE_FILES (files
    and folders) are left out."""
    files = {}
    for static_path in static_paths:
        source = theme / static_path
        if is_ignored(source.name, ignores):
            continue
        if source.is_file():
            files[source.name] = source
        elif source.is_dir():
            files.update(files_below(source, ignores))
    return files


def files_below(folder: Path, ignores: tuple[str, ...]) -> dict[str, Path]:
    found = {}
    for parent, folders, names in os.walk(folder, followlinks=True):
        folders[:] = [name for name in folders if not is_ignored(name, ignores)]
        for name in names:
            path = Path(parent, name)
            if path.is_file() and not is_ignored(name, ignores):
                found[path.relative_to(folder).as_posix()] = path
    return found


def is_ignored(name: str, ignores: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)
