"""The site's own addresses, and URLs resolved as a browser resolves them (WHATWG URL
standard, ada-url): shared by every plugin that reads links in the published HTML.

The HTML parser has already decoded character references, so `java&#9;script:` arrives
here as "java\\tscript:"; the WHATWG parser then strips tabs and newlines, leading and
trailing control characters and spaces, lower-cases the scheme and reads `\\` as `/`, just
like the browser: what it reports is what a click or an image request would use.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from ada_url import URL

# Only to resolve paths in preview builds without any site address; never requested.
PREVIEW_ORIGIN = "https://vorschau.invalid"


@dataclass(frozen=True)
class SiteAddresses:
    """The site's own origins, and the address a content's relative URLs resolve against."""

    base: str  # SITEURL, else PUBLIC_SITEURL, with a trailing slash
    own_origins: frozenset[str]

    @classmethod
    def from_settings(cls, site_url: str, public_site_url: str = "") -> SiteAddresses:
        base = (site_url or public_site_url or PREVIEW_ORIGIN).rstrip("/") + "/"
        origins = {origin_of(u) for u in (base, site_url, public_site_url) if u}
        return cls(base, frozenset(o for o in origins if o))

    def page_url(self, relative_url: str) -> str:
        return URL(relative_url or "", self.base).href

    def site_path(self, value: str, page_url: str) -> str | None:
        """The path (unquoted, without the leading slash) of a link to this site — over
        https or http — as the browser resolves it on `page_url`; None for other sites,
        other schemes, or no URL."""
        try:
            url = URL(value, page_url)
        except ValueError:
            return None
        own_hosts = {URL(origin).host for origin in self.own_origins}
        if url.protocol not in ("http:", "https:") or url.host not in own_hosts:
            return None
        return unquote(url.pathname).lstrip("/")


def origin_of(url: str) -> str:
    try:
        origin = URL(url).origin
    except ValueError:
        return ""
    return "" if origin == "null" else origin
