"""The redirect map of moved URLs, as nginx `map` entries: {old path: current path}.

nginx compares the old path with `$uri`, the request's path after percent-decoding and
normalisation, so old paths are written decoded (non-ASCII letters as UTF-8). The current
path goes into a `Location` header as it is: ASCII, percent-encoded, always on this site.
Anything else could break out of the map's quoting or send readers to another host, and is
refused with the entry named.
"""

from __future__ import annotations

import re
import string

from .settings import NginxConfigError, quoted

PATH_CHARACTERS = frozenset(string.ascii_letters + string.digits + "._~/-")
TARGET = re.compile(r"/(?!/)[A-Za-z0-9._~/%-]*")  # never "//host": no way off the site


def map_entries(redirects: dict[str, str]) -> list[str]:
    """One `"old" "new";` line per moved URL, sorted; errors name the entry."""
    return [f"{quoted(old, 'redirects')} {quoted(new, 'redirects')};"
            for old, new in sorted(checked(redirects).items())]


def checked(redirects: dict[str, str]) -> dict[str, str]:
    for old, new in redirects.items():
        problem = old_path_problem(old) or target_problem(new)
        if problem is None and old == new:
            problem = "leitet auf sich selbst um"
        if problem:
            raise NginxConfigError(f"Umleitung {old!r} -> {new!r}: {problem}.")
    return redirects


def old_path_problem(path) -> str | None:
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        return "die alte Adresse muss ein Pfad dieser Website sein (/…)"
    if any(c not in PATH_CHARACTERS and not c.isalnum() for c in path):
        return "die alte Adresse enthält Zeichen, die kein Pfad enthalten kann"
    if any(part in (".", "..") for part in path.split("/")):
        return "die alte Adresse enthält „.“ oder „..“ als Abschnitt"
    return None


def target_problem(path) -> str | None:
    if not isinstance(path, str) or not TARGET.fullmatch(path):
        return "die neue Adresse muss ein Pfad dieser Website sein (/…, nur ASCII)"
    return None
