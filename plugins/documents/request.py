"""mailto: links with subject and body, percent-encoded (RFC 6068)."""

from __future__ import annotations

from urllib.parse import quote


def mailto(address: str, subject: str, body: str) -> str:
    """`mailto:address?subject=…&body=…`; every character of subject and body that is not
    unreserved is percent-encoded (UTF-8), line breaks as %0D%0A as RFC 6068 asks."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")
