"""{static} and {attach} links: Pelican copies whatever they point to, from anywhere.

`{static}/../../../etc/passwd` or `{static}/pressemitteilungen/2099/x.md` would be
copied like an attachment (the first even outside the output folder), and so would
`{static}/images/.cache/x.svg` (Pelican tests IGNORE_FILES only against a file's own
name). Every such link to something outside files/ and images/, or to an ignored folder
or name in them, is a problem of the linking file.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlparse

from content_model.problems import Problem

from . import messages
from .formats import is_asset_path
from .tree import Ignored, is_ignored_path

# How the link looks in the Markdown source: {static}path, |static|path, {attach}path
SOURCE_LINK = re.compile(r"[{|](static|attach)[|}]([^\s\"'<>()]+)")


def target_of(content, link: str) -> str:
    """A link's target relative to the content root, normalised, as Pelican resolves it
    (contents.Content.get_static_links), e.g. "../../etc/passwd"."""
    link = urlparse(link).path
    if link.startswith("/"):
        path = link[1:]
    else:
        path = content.get_relative_source_path(os.path.join(content.relative_dir, link))
    return posixpath.normpath(path.replace("%20", " "))


def static_link_problems(contents, ignored: Ignored) -> list[Problem]:
    """A problem for every {static}/{attach} link of every content that Pelican would
    copy from outside files/ and images/, or from an ignored folder or name in them (which
    no check ever sees), at the line where it is written."""
    problems = []
    for content in contents:
        targets = {posixpath.normpath(p) for p in content.get_static_links()}
        refused = {t: message for t in targets if (message := _refusal(t, ignored))}
        if not refused:
            continue
        written = [link for link in _source_links(content) if link[0] in refused]
        found = {target for target, _, _ in written}
        written += [(t, 1, f"{{static}}/{t}") for t in sorted(set(refused) - found)]
        problems += [Problem(content.source_path, line, refused[target](link))
                     for target, line, link in written]
    return problems


def _refusal(target: str, ignored: Ignored) -> Callable[[str], str] | None:
    """The message for a link to `target` (relative to the content root), if refused."""
    if not is_asset_path(target):
        return messages.link_out_of_assets
    if is_ignored_path(target, ignored):
        return messages.link_to_ignored
    return None


def _source_links(content) -> list[tuple[str, int, str]]:
    """(target, line, link as written) for the links in the Markdown source."""
    with open(content.source_path, encoding="utf-8-sig") as source:
        lines = source.read().splitlines()
    return [(target_of(content, match.group(2)), number, match.group(0))
            for number, text in enumerate(lines, start=1)
            for match in SOURCE_LINK.finditer(text)]
