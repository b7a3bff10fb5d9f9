"""Where a content points to: its header files and every same-site URL in its HTML."""

from __future__ import annotations

from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

# Only for path resolution in preview builds, where SITEURL is empty; never requested.
PREVIEW_ORIGIN = "http://vorschau.invalid"


class SiteAddresses:
    """The site's own origins and how a content's links resolve against them."""

    def __init__(self, site_url: str, public_site_url: str = ""):
        self.base = (site_url or PREVIEW_ORIGIN).rstrip("/") + "/"
        self.own = {_origin(self.base)} | ({_origin(public_site_url)} if public_site_url else set())

    def page_url(self, content) -> str:
        return urljoin(self.base, content.url)

    def site_path(self, url: str, page_url: str) -> str | None:
        """The path (without leading slash, unquoted) of a same-site URL, else None."""
        absolute = urljoin(page_url, url.strip())
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" not in self.own:
            return None
        return unquote(parts.path).lstrip("/")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def linked_paths(content, addresses: SiteAddresses) -> set[str]:
    """Same-site paths of every href and src in the content's final HTML."""
    page_url = addresses.page_url(content)
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
