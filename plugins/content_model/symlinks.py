"""Symbolic links in the content tree: nothing outside the tree is ever read or copied.

Pelican walks the content tree following links, and reads and copies through them. A
link may only lead to a file inside the content tree. A link out of the tree, to a
folder (whole trees published twice, or endless loops), to nothing, or to something that
is not a regular file (a FIFO would block the build) is a problem of the link itself, and
nothing is read through it. The reader and the static_files plugin ask here, so that the
same problem is reported once, naming the link.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import Problem

LEAVES_TREE = (
    "Die Verknüpfung (Symlink) zeigt auf etwas außerhalb des Inhaltsordners content/. "
    "Von dort wird nichts gelesen oder veröffentlicht. Legen Sie statt der Verknüpfung "
    "eine Kopie der Datei hier ab."
)
FOLDER_LINK = (
    "Die Verknüpfung (Symlink) zeigt auf einen Ordner. Ordner-Verknüpfungen sind nicht "
    "erlaubt: Inhalte würden doppelt veröffentlicht, und Schleifen legen den Build lahm. "
    "Ersetzen Sie die Verknüpfung durch einen echten Ordner mit Kopien der Dateien."
)
BROKEN_LINK = (
    "Die Verknüpfung (Symlink) führt ins Leere: Ihr Ziel gibt es nicht. Löschen Sie die "
    "Verknüpfung oder legen Sie die Datei selbst hier ab."
)
NOT_A_FILE = (
    "Das ist keine normale Datei (sondern z. B. eine Pipe oder ein Gerät) und kann nicht "
    "veröffentlicht werden. Löschen Sie sie aus dem Inhaltsordner."
)


def link_problem(link: Path, content_root: Path) -> Problem | None:
    """The problem of the symbolic link `link`; None for a link to a file in the tree."""
    target = Path(os.path.realpath(link))
    if not target.is_relative_to(os.path.realpath(content_root)):
        return Problem(str(link), 1, LEAVES_TREE)
    if target.is_dir():
        return Problem(str(link), 1, FOLDER_LINK)
    if not target.exists():
        return Problem(str(link), 1, BROKEN_LINK)
    if not target.is_file():
        return Problem(str(link), 1, NOT_A_FILE)
    return None


def special_file_problem(path: Path) -> Problem | None:
    """A problem for anything that is neither a folder, a regular file nor a link."""
    mode = path.lstat().st_mode
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return None
    return Problem(str(path), 1, NOT_A_FILE)


def path_problem(path: str, content_path: str) -> Problem | None:
    """For a file Pelican found (absolute, or relative to the working directory): the
    problem of the first link on its way down from the content root, or of the path
    itself when it leaves the tree or is no regular file; None when it may be read."""
    base = Path(os.path.abspath(content_path))
    file = Path(os.path.abspath(path))
    if not file.is_relative_to(base):
        return Problem(str(file), 1, LEAVES_TREE)
    current = base
    for part in file.relative_to(base).parts:
        current = current / part
        if current.is_symlink() and (problem := link_problem(current, base)):
            return problem
    if not Path(os.path.realpath(file)).is_relative_to(os.path.realpath(base)):
        return Problem(str(file), 1, LEAVES_TREE)
    return special_file_problem(file) if file.exists() else None
