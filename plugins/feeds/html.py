"""HTML for feed readers: every relative link and image made absolute.

URLs are resolved as the browser — and the HTML policy, which checked them — resolves
them (WHATWG URL standard, ada-url), and written in their serialised form: a value the
policy judged a relative path on this site (e.g. one starting with a no-break space)
stays one, percent-encoded, whatever URL parser a feed reader uses.
"""

from __future__ import annotations

from ada_url import URL
from bs4 import BeautifulSoup

URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "q": ("cite",), "blockquote": ("cite",), "del": ("cite",), "ins": ("cite",),
}


def absolute_html(html: str, base_url: str, unlinked: frozenset[str] = frozenset()) -> str:
    """`html` with every URL in it resolved against `base_url`; links to an address in
    `unlinked` (without fragment or query) are replaced by their text."""
    document = BeautifulSoup(html, "html.parser")
    for tag_name, attributes in URL_ATTRIBUTES.items():
        for tag in document.find_all(tag_name):
            for attribute in attributes:
                if tag.has_attr(attribute):
                    tag[attribute] = _absolute(tag[attribute], attribute, base_url)
    for link in document.find_all("a", href=True):
        if link["href"].split("#")[0].split("?")[0] in unlinked:
            link.unwrap()
    return str(document)


def absolute_url(value: str, base_url: str) -> str:
    try:
        return URL(value, base_url).href
    except ValueError:
        return base_url  # no URL for a browser either; never pass it on unchanged


def _absolute(value: str, attribute: str, base_url: str) -> str:
    if attribute != "srcset":
        return absolute_url(value, base_url)
    candidates = (c.strip().split(maxsplit=1) for c in value.split(",") if c.strip())
    return ", ".join(" ".join([absolute_url(c[0], base_url), *c[1:]]) for c in candidates)
