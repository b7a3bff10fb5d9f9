"""Pelican signal handlers of the static_files plugin."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from content_model.checks import content_checks
from content_model.contents import all_contents
from content_model.problems import Problem
from content_model.symlinks import path_problem
from pelican import signals

from . import messages
from .formats import ASSET_FOLDERS, is_asset_path
from .links import static_link_problems
from .tree import Ignored, asset_problems, entries, ignored_by, is_ignored_path, tree_problems


def static_file_problems(generators) -> list[Problem]:
    """Every file under files/ and images/, every link in the content tree, every static
    file Pelican is about to copy, and every {static}/{attach} link (a `content_checks`
    receiver: before anything is written)."""
    context = generators[0].context
    root = Path(os.path.abspath(context["PATH"]))  # as the reader names links
    ignored = ignored_by(context["IGNORE_FILES"])
    problems = tree_problems(root, ignored)
    problems += unchecked_static_problems(context.get("staticfiles", []), root, ignored)
    return problems + static_link_problems(all_contents(context), ignored)


def unchecked_static_problems(statics, root: Path, ignored: Ignored) -> list[Problem]:
    """Defence in depth: every static file Pelican is about to copy, whatever brought it
    into the list, gets the checks of the walk (the files the walk checked are not read
    twice). One that may not be copied at all is a problem of that file."""
    walked = set(entries(root, ignored))
    problems = []
    for static in statics:
        path = Path(static.source_path)
        if not is_publishable(static, str(root), ignored):
            problems.append(Problem(str(path), 1, messages.NEVER_PUBLISHED))
            continue
        if path in walked:  # in files/ or images/ (publishable): the walk checked it
            continue
        folder = Path(static.get_relative_source_path()).parts[0]
        problems += asset_problems(path, root, folder)
    return problems


def is_publishable(static, content_path: str, ignored: Ignored) -> bool:
    """A static file Pelican may copy: a regular file in files/ or images/, not in an
    ignored folder nor with an ignored name, not reached through a link out of them, and
    written inside the output folder."""
    relative = static.get_relative_source_path()
    if not is_asset_path(relative) or is_ignored_path(relative, ignored):
        return False
    if path_problem(static.source_path, content_path):
        return False
    real = Path(os.path.realpath(static.source_path))
    real_root = Path(os.path.realpath(content_path))
    if not any(real.is_relative_to(real_root / folder) for folder in ASSET_FOLDERS):
        return False
    # get_url_setting, not .save_as: reading save_as would stop {attach} from relocating
    save_as = posixpath.normpath(static.get_url_setting("save_as").replace(os.sep, "/"))
    return not (posixpath.isabs(save_as) or save_as == ".." or save_as.startswith("../"))


def drop_unpublishable_files(generator) -> None:
    """Defence in depth, right after Pelican collected the static files and before
    anything is copied: whatever the checks report, nothing else is ever copied."""
    context = generator.context
    ignored = ignored_by(context["IGNORE_FILES"])
    kept, dropped = [], []
    for static in generator.staticfiles:
        (kept if is_publishable(static, generator.path, ignored) else dropped).append(static)
    for static in dropped:
        context["static_content"].pop(static.get_relative_source_path(), None)
    generator.staticfiles = context["staticfiles"] = kept


def register() -> None:
    content_checks.connect(static_file_problems)
    signals.static_generator_finalized.connect(drop_unpublishable_files)
