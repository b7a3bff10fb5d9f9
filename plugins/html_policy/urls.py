"""The policy's verdict on a URL in the published HTML, resolved as a browser resolves it
(content_model.addresses: WHATWG URL standard, ada-url)."""

from __future__ import annotations

import re
from enum import Enum

from ada_url import URL
from content_model.addresses import SiteAddresses

from .allowlist import SCHEMES

# Pelican's link syntax ({filename}, {static}, |filename| …) left in a URL: not resolved.
UNRESOLVED_LINK = re.compile(r"^\s*(?:\{\w*\}|\|\w*\|)")
class Verdict(Enum):
    OK = "ok"
    UNRESOLVED = "unresolved"  # Pelican's {filename}/{static} syntax still in the URL
    INVALID = "invalid"  # no URL at all for the browser (e.g. a space in the host)
    SCHEME = "scheme"  # javascript:, data:, vbscript:, ftp: …
    FOREIGN = "foreign"  # a resource (image) from another site


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

