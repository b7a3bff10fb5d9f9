"""URLs in the published HTML, resolved as a browser resolves them (WHATWG URL, ada-url).

The HTML parser has already decoded character references, so `java&#9;script:` arrives
here as "java\\tscript:"; the WHATWG parser then strips tabs and newlines, leading and
trailing control characters and spaces, lower-cases the scheme and reads `\\` as `/`, just
like the browser: what it reports is what a click or an image request would use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ada_url import URL

from .allowlist import SCHEMES

# Pelican's link syntax ({filename}, {static}, |filename| …) left in a URL: not resolved.
UNRESOLVED_LINK = re.compile(r"^\s*(?:\{\w*\}|\|\w*\|)")
# Only to resolve paths in preview builds without any site address; never requested.
PREVIEW_ORIGIN = "https://vorschau.invalid"


class Verdict(Enum):
    OK = "ok"
    UNRESOLVED = "unresolved"  # Pelican's {filename}/{static} syntax still in the URL
    INVALID = "invalid"  # no URL at all for the browser (e.g. a space in the host)
    SCHEME = "scheme"  # javascript:, data:, vbscript:, ftp: …
    FOREIGN = "foreign"  # a resource (image) from another site


@dataclass(frozen=True)
class SiteAddresses:
    """The site's own origins, and the address a content's relative URLs resolve against."""

    base: str  # SITEURL, else PUBLIC_SITEURL, with a trailing slash
    own_origins: frozenset[str]

    @classmethod
    def from_settings(cls, site_url: str, public_site_url: str = "") -> SiteAddresses:
        base = (site_url or public_site_url or PREVIEW_ORIGIN).rstrip("/") + "/"
        origins = {_origin(u) for u in (base, site_url, public_site_url) if u}
        return cls(base, frozenset(o for o in origins if o))

    def page_url(self, relative_url: str) -> str:
        return URL(relative_url or "", self.base).href


def check_url(value: str, page_url: str, addresses: SiteAddresses, *,
              resource: bool = False) -> Verdict:
    """What a browser on `page_url` makes of the attribute value `value`."""
    if UNRESOLVED_LINK.match(value):
        return Verdict.UNRESOLVED
    try:
        url = URL(value, page_url)
    except ValueError:
        return Verdict.INVALID
    if url.protocol not in SCHEMES:
        return Verdict.SCHEME
    if resource and url.origin not in addresses.own_origins:
        return Verdict.FOREIGN
    return Verdict.OK


def _origin(url: str) -> str:
    try:
        origin = URL(url).origin
    except ValueError:
        return ""
    return "" if origin == "null" else origin
