"""Where a content points to: its header files and every same-site URL in its HTML."""

from __future__ import annotations

from content_model.addresses import SiteAddresses
from selectolax.lexbor import LexborHTMLParser


def linked_paths(content, addresses: SiteAddresses) -> set[str]:
    """Same-site paths of every href and src in the content's final HTML, resolved as the
    browser resolves them."""
    page_url = addresses.page_url(content.url)
    document = LexborHTMLParser(content.content or "")
    paths = set()
    for node in document.css("[href], [src]"):
        for name in ("href", "src"):
            value = node.attributes.get(name)
            if value and (path := addresses.site_path(value, page_url)) is not None:
                paths.add(path)
    return paths


def header_files(content) -> set[str]:
    """Attachments and the lead image named in the header (paths under the content root)."""
    paths = {a.path for a in getattr(content, "attachments", [])}
    if getattr(content, "image", None):
        paths.add(content.image)
    return paths
