"""The DOCUMENTS settings: the defaults and their check, with German messages."""

from __future__ import annotations

import os
from pathlib import Path

from content_model.plugin_settings import PluginSettingsError, checked_settings

DEFAULTS = {
    # False: PDFs with shortcomings are listed in the build summary (warnings).
    # True: each shortcoming is a build error, for authorities that require PDF/UA.
    "require_accessible": False,
    # Folder of the analysis cache; None: "documents" in Pelican's CACHE_PATH.
    "cache": None,
}


class DocumentsSettingsError(PluginSettingsError):
    pass


RULES = {
    "require_accessible": (lambda v: isinstance(v, bool), "True oder False"),
    "cache": (lambda v: v is None or (isinstance(v, str | os.PathLike) and str(v).strip()),
              "ein Ordner (Text, z. B. \".cache/documents\") oder None"),
}


def settings_of(settings: dict) -> dict:
    """DOCUMENTS merged over DEFAULTS, with `cache` made a Path; raises
    DocumentsSettingsError when a key is unknown or a value wrong."""
    config = checked_settings(settings, "DOCUMENTS", DEFAULTS, RULES, DocumentsSettingsError,
                              example='{"require_accessible": False}')
    cache = config["cache"] or os.path.join(settings.get("CACHE_PATH", "cache"), "documents")
    return {**config, "cache": Path(cache)}


def check_plugin_order(settings: dict) -> None:
    """documents asks the publication policy which files are published, which publication
    records in its content checks: it must come after publication in PLUGINS."""
    names = [getattr(p, "__name__", str(p)).rsplit(".", 1)[-1]
             for p in settings.get("PLUGINS") or []]
    if "documents" in names and "publication" not in names[:names.index("documents")]:
        raise DocumentsSettingsError(
            "PLUGINS: „documents“ muss nach „publication“ stehen (es fragt die "
            "Veröffentlichungsregeln, welche PDFs erscheinen).")
