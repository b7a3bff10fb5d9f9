"""A Pelican writer whose failures name the content file they came from.

Whatever an editor writes must end in `path: message`, never in a Python traceback:
an unexpected error while rendering an item or page stops the build as a problem of
that item's source file.
"""

from __future__ import annotations

from contextlib import contextmanager

from pelican.writers import Writer

from .problems import ContentError, Problem, stop_build


@contextmanager
def failures_reported_for(source_path: str, what: str):
    """Turn any unexpected error inside the block into a problem of `source_path`."""
    try:
        yield
    except ContentError:
        raise
    except Exception as error:  # anything, reported with its file
        stop_build([Problem(source_path, 1, (
            f"{what} ist mit einem unerwarteten Fehler abgebrochen ({type(error).__name__}: "
            f"{error}). Prüfen Sie Kopf und Text der Datei; besteht das Problem weiter, "
            "melden Sie es mit dieser Zeile der IT."))])


class ContentWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        content = kwargs.get("article") or kwargs.get("page")
        source = content.source_path if content is not None else f"{template.name} → {name}"
        with failures_reported_for(source, f"Das Erzeugen der Seite {name}"):
            return super().write_file(name, template, context, *args, **kwargs)
