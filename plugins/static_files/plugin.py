"""Pelican signal handlers of the static_files plugin."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from content_model.checks import content_checks
from content_model.problems import Problem
from content_model.symlinks import path_problem
from content_model.visibility import all_contents
from pelican import signals

from .formats import ASSET_FOLDERS, is_asset_path
from .links import outside_link_problems
from .tree import ignored_by, tree_problems


def static_file_problems(generators) -> list[Problem]:
    """Every file under files/ and images/, every link in the content tree, and every
    {static}/{attach} link (a `content_checks` receiver: before anything is written)."""
    context = generators[0].context
    root = Path(os.path.abspath(context["PATH"]))  # as the reader names links
    problems = tree_problems(root, ignored_by(context["IGNORE_FILES"]))
    return problems + outside_link_problems(all_contents(context))


def is_publishable(static, content_path: str) -> bool:
    """A static file Pelican may copy: a regular file in files/ or images/, not reached
    through a link out of them, and written inside the output folder."""
    relative = static.get_relative_source_path()
    if not is_asset_path(relative) or path_problem(static.source_path, content_path):
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
    kept, dropped = [], []
    for static in generator.staticfiles:
        (kept if is_publishable(static, generator.path) else dropped).append(static)
    for static in dropped:
        context["static_content"].pop(static.get_relative_source_path(), None)
    generator.staticfiles = context["staticfiles"] = kept


def register() -> None:
    content_checks.connect(static_file_problems)
    signals.static_generator_finalized.connect(drop_unpublishable_files)
