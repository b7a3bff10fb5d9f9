"""A second opinion from a well-kept sanitiser: nh3 (Ammonia, html5ever) under the same
allowlist must leave HTML the checker accepted unchanged.

Both versions are parsed with Lexbor and compared as trees (elements with sorted
attributes, text, other nodes), so that serialisation details (entities, quotes,
attribute order) do not count. A difference means that the checker missed something, or
that the two parsers read the HTML differently: either way an error, never a strip.
"""

from __future__ import annotations

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import allowlist, messages
from .checker import Finding, WrappedPage

_TAGS = set(allowlist.ELEMENTS)
_ATTRIBUTES = {tag: set(own) | allowlist.GLOBAL_ATTRIBUTES
               for tag, own in allowlist.ELEMENTS.items()}
_SCHEMES = {scheme.rstrip(":") for scheme in allowlist.SCHEMES}


def _keep_allowed_value(tag: str, name: str, value: str) -> str | None:
    return value if allowlist.is_allowed_value(tag, name, value) else None


def cleaned(html: str) -> str:
    """`html` as nh3 cleans it under the allowlist."""
    return nh3.clean(html, tags=_TAGS, clean_content_tags=set(), attributes=_ATTRIBUTES,
                     attribute_filter=_keep_allowed_value, strip_comments=True, link_rel=None,
                     url_schemes=_SCHEMES)


def second_opinion_findings(html: str) -> list[Finding]:
    """A finding when nh3 would change `html` (which the checker accepted)."""
    clean_html = cleaned(html)
    if _serialised(html) == _serialised(clean_html):  # the usual case, and fast
        return []
    original, clean = tree_events(html), tree_events(clean_html)
    if original == clean:
        return []
    index = next((i for i, (a, b) in enumerate(zip(original, clean, strict=False)) if a != b),
                 min(len(original), len(clean)))
    event = original[index] if index < len(original) else original[-1]
    return [Finding(messages.second_opinion(_describe(event)), _needles(event))]


def _serialised(html: str) -> str:
    return LexborHTMLParser(f"<body><div>{html}</div>").body.html


Event = tuple


def tree_events(html: str) -> list[Event]:
    """The content's tree as a flat list: ("start", tag, attributes), ("text", text),
    ("end", tag), ("node", kind) — without recursion, however deep the HTML nests."""
    container = WrappedPage(html).container
    events: list[Event] = []
    stack: list[tuple[LexborNode, bool]] = [(c, False) for c in _children(container)]
    while stack:
        node, closing = stack.pop()
        if closing:
            events.append(("end", node.tag))
        elif node.is_text_node:
            events.append(("text", node.text_content))
        elif node.is_element_node:
            attributes = tuple(sorted((k, v or "") for k, v in node.attributes.items()))
            events.append(("start", node.tag, attributes))
            stack.append((node, True))
            stack += [(c, False) for c in _children(node)]
        else:
            events.append(("node", node.tag))
    return events


def _children(node: LexborNode) -> list[LexborNode]:
    return list(reversed(list(node.iter(include_text=True))))


def _describe(event: Event) -> str:
    if event[0] == "start":
        attributes = "".join(f' {k}="{v}"' for k, v in event[2])
        return f"<{event[1]}{attributes}>"[:80]
    if event[0] == "text":
        return f"Text „{' '.join(event[1].split())[:40]}“"
    return f"</{event[1]}>" if event[0] == "end" else "ein Kommentar"


def _needles(event: Event) -> tuple[str, ...]:
    if event[0] == "start":
        return (f"<{event[1]}", *(v for _, v in event[2] if len(v) >= 3))
    if event[0] == "text":
        return (" ".join(event[1].split())[:40],)
    return ()
