"""HTML for feed readers: every relative link and image made absolute."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
}


def absolute_html(html: str, base_url: str) -> str:
    """`html` with every URL in it resolved against `base_url`."""
    document = BeautifulSoup(html, "html.parser")
    for tag_name, attributes in URL_ATTRIBUTES.items():
        for tag in document.find_all(tag_name):
            for attribute in attributes:
                if tag.has_attr(attribute):
                    tag[attribute] = _absolute(tag[attribute], attribute, base_url)
    return str(document)


def _absolute(value: str, attribute: str, base_url: str) -> str:
    if attribute != "srcset":
        return urljoin(base_url, value.strip())
    candidates = (c.strip().split(maxsplit=1) for c in value.split(",") if c.strip())
    return ", ".join(" ".join([urljoin(base_url, c[0]), *c[1:]]) for c in candidates)
