"""The DOCUMENT_PAGES settings: the defaults and their check, with German messages."""

from __future__ import annotations

from content_model.plugin_settings import PluginSettingsError, checked_settings

DEFAULTS = {
    # False: no text versions (the attachment lists then link none, the search finds no
    # PDF text).
    "enabled": True,
}
# Where the text versions live: /dokumente/<path under files/ without .pdf>/. Reserved for
# them in content_model.model.RESERVED_SLUGS (no page may take it).
FOLDER = "dokumente"


class DocumentPagesSettingsError(PluginSettingsError):
    pass


RULES = {
    "enabled": (lambda v: isinstance(v, bool), "True oder False"),
}


def settings_of(settings: dict) -> dict:
    """DOCUMENT_PAGES merged over DEFAULTS; raises DocumentPagesSettingsError when a key is
    unknown or a value wrong."""
    return checked_settings(settings, "DOCUMENT_PAGES", DEFAULTS, RULES,
                            DocumentPagesSettingsError)





# (plugin, what it needs) — document_pages must come after the first and before the second.
ORDER = (
    ("documents", "nach „documents“ stehen (es schreibt die Textfassungen der PDFs, die "
                  "documents prüft)"),
    ("sitemap", "vor „sitemap“ stehen (die Sitemap nennt die geschriebenen Textfassungen)"),
)


def check_plugin_order(settings: dict) -> None:
    """documents must have analysed the PDFs before the text versions are planned, and the
    sitemap must be written after them (generators write in PLUGINS order)."""
    names = [getattr(p, "__name__", str(p)).rsplit(".", 1)[-1]
             for p in settings.get("PLUGINS") or []]
    if "document_pages" not in names:
        return
    before = names[:names.index("document_pages")]
    (documents, after_documents), (sitemap, before_sitemap) = ORDER
    if documents not in before:
        raise DocumentPagesSettingsError(f"PLUGINS: „document_pages“ muss {after_documents}.")
    if sitemap in before:
        raise DocumentPagesSettingsError(f"PLUGINS: „document_pages“ muss {before_sitemap}.")
