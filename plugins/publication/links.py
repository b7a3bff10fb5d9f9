"""Where a content points to: its header files and every same-site URL in its HTML."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from content_model.addresses import SiteAddresses
from selectolax.lexbor import LexborHTMLParser

URL_ATTRIBUTES = ("href", "src", "cite")


def linked_paths(content, addresses: SiteAddresses) -> set[str]:
    """Same-site paths of every URL attribute in the content's final HTML, resolved as the
    browser resolves them."""
    page_url = addresses.page_url(content.url)
    document = LexborHTMLParser(content.content or "")
    paths = set()
    for node in document.css(", ".join(f"[{name}]" for name in URL_ATTRIBUTES)):
        for name in URL_ATTRIBUTES:
            value = node.attributes.get(name)
            if value and (path := addresses.site_path(value, page_url)) is not None:
                paths.add(path)
    return paths


def decoded_text(content) -> str:
    """Everything a reader of the page's HTML can read: text and attribute values with
    character references decoded, once more with percent-encoding decoded."""
    document = LexborHTMLParser(content.content or "")
    pieces = [node.text(deep=False) or "" for node in document.root.traverse(
        include_text=True)]
    pieces += [value or "" for node in document.css("*") for value in node.attributes.values()]
    text = "\n".join(pieces)
    return f"{text}\n{unquote(text)}"


def static_link_paths(content) -> set[str]:
    """The files Pelican copies for the content's {static} links (as Pelican collected
    them, whether or not it could resolve the link in the HTML)."""
    return {posixpath.normpath(p) for p in content.get_static_links()}


def header_files(content) -> set[str]:
    """Attachments and the lead image named in the header (paths under the content root)."""
    paths = {a.path for a in getattr(content, "attachments", [])}
    if getattr(content, "image", None):
        paths.add(content.image)
    return paths
