"""The HTML that content may publish: one explicit allowlist, read by the checker and nh3.

Everything not listed here is an error: other elements, event handlers, `style`, `data-*`,
`target`, `srcset`, ids and classes other than the ones Markdown itself generates,
comments, URL schemes other than http, https, mailto and tel, images from other sites.
"""

from __future__ import annotations

import re

# Attributes every allowed element may carry.
GLOBAL_ATTRIBUTES = frozenset({"lang", "dir", "title"})

# Allowed elements and the attributes each may carry besides the global ones. No h1: the
# title is the page's only h1, headings in the text start at ## (h2).
ELEMENTS: dict[str, frozenset[str]] = {
    name: frozenset(attributes.split())
    for name, attributes in {
        "a": "href hreflang class",
        "abbr": "",
        "b": "",
        "blockquote": "cite",
        "br": "",
        "caption": "",
        "cite": "",
        "code": "class",
        "dd": "",
        "del": "cite datetime",
        "details": "open",
        "dfn": "",
        "div": "class",
        "dl": "",
        "dt": "",
        "em": "",
        "figcaption": "",
        "figure": "",
        "h2": "", "h3": "", "h4": "", "h5": "", "h6": "",
        "hr": "",
        "i": "",
        "img": "src alt width height",
        "ins": "cite datetime",
        "kbd": "",
        "li": "id",
        "mark": "",
        "ol": "start reversed",
        "p": "",
        "pre": "",
        "q": "cite",
        "s": "",
        "small": "",
        "span": "",
        "strong": "",
        "sub": "",
        "summary": "",
        "sup": "id",
        "table": "",
        "tbody": "",
        "td": "class colspan rowspan headers",
        "tfoot": "",
        "th": "class colspan rowspan headers scope abbr",
        "thead": "",
        "time": "datetime",
        "tr": "",
        "u": "",
        "ul": "",
    }.items()
}

# Attributes holding a URL, per element; resolved with a WHATWG URL parser.
URL_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite"}),
    "ins": frozenset({"cite"}),
}
# URL schemes as the WHATWG parser reports them (`URL.protocol`); relative URLs resolve
# against the page's https address.
SCHEMES = frozenset({"http:", "https:", "mailto:", "tel:"})
# Elements that load what their URL points to: only from the site itself.
RESOURCE_ATTRIBUTES = {("img", "src")}

# Classes Markdown generates: footnotes, the language of fenced code, table alignment.
CLASSES: dict[str, re.Pattern] = {
    "a": re.compile(r"footnote-ref|footnote-backref"),
    "div": re.compile(r"footnote"),
    "code": re.compile(r"language-[A-Za-z0-9_+.#-]+"),
    "th": re.compile(r"align-(?:left|center|right)"),
    "td": re.compile(r"align-(?:left|center|right)"),
}
# Ids: only the footnotes' (footnotes extension with SEPARATOR "-"): fn-1, fnref-1, fnref2-1.
IDS: dict[str, re.Pattern] = {
    "li": re.compile(r"fn-\S+"),
    "sup": re.compile(r"fnref\d*-\S+"),
}


def is_allowed_element(tag: str) -> bool:
    return tag in ELEMENTS


def is_allowed_attribute(tag: str, name: str) -> bool:
    return name in GLOBAL_ATTRIBUTES or name in ELEMENTS.get(tag, ())


def is_allowed_value(tag: str, name: str, value: str) -> bool:
    """Whether an allowed attribute's value is allowed (classes and ids; URLs apart)."""
    if name == "class":
        pattern = CLASSES.get(tag)
        return bool(pattern) and all(pattern.fullmatch(c) for c in value.split())
    if name == "id":
        pattern = IDS.get(tag)
        return bool(pattern and pattern.fullmatch(value))
    return True


def is_url_attribute(tag: str, name: str) -> bool:
    return name in URL_ATTRIBUTES.get(tag, ())
