"""The content tree as it is on disk, walked without following links."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath

from content_model.problems import Problem
from content_model.symlinks import link_problem, special_file_problem

from . import messages
from .formats import ASSET_FOLDERS, file_problems, name_problem

Ignored = Callable[[str], bool]


def ignored_by(patterns: list[str]) -> Ignored:
    """Pelican's IGNORE_FILES test: a name matching any pattern is never read or copied."""
    return lambda name: any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def is_ignored_path(relative: str, ignored: Ignored) -> bool:
    """A path relative to the content root with an ignored name anywhere in it. Pelican
    tests IGNORE_FILES only against a file's own name, and copies a {static} target in an
    ignored folder (images/.cache/x.svg, files/alt~/x.html) all the same."""
    return any(ignored(part) for part in PurePath(relative).parts)


def entries(root: Path, ignored: Ignored) -> Iterator[Path]:
    """Every folder, file and link below `root`, links not followed; ignored names (and
    everything inside ignored folders) left out."""
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not ignored(name))
        for name in folders + sorted(name for name in files if not ignored(name)):
            yield Path(folder, name)


def tree_problems(root: Path, ignored: Ignored) -> list[Problem]:
    """Links that leave the tree or lead to folders, anywhere; and every folder and file
    under files/ and images/ by name, type and content."""
    problems = []
    for path in entries(root, ignored):
        problem = link_problem(path, root) if path.is_symlink() else special_file_problem(path)
        if problem:
            problems.append(problem)
            continue
        relative = path.relative_to(root)
        if relative.parts[0] in ASSET_FOLDERS and len(relative.parts) > 1:
            problems += asset_problems(path, root, relative.parts[0])
    return problems


def asset_problems(path: Path, root: Path, folder: str) -> list[Problem]:
    """A folder or file under files/ or images/ (a link here leads to a file in the tree)."""
    is_folder = path.is_dir()
    problems = [p for p in [name_problem(path, is_folder)] if p]
    if is_folder:
        return problems
    if path.is_symlink() and not _in_assets(Path(os.path.realpath(path)), root):
        return [*problems, Problem(str(path), 1, messages.ASSET_LINK_OUT_OF_ASSETS)]
    return problems + file_problems(path, folder)


def _in_assets(real: Path, root: Path) -> bool:
    real_root = Path(os.path.realpath(root))
    return any(real.is_relative_to(real_root / folder) for folder in ASSET_FOLDERS)
