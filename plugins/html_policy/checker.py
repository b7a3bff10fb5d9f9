"""The check of one content's final HTML, parsed as a browser parses it (Lexbor, HTML5).

The HTML is parsed inside a copy of the theme's ancestors of the content (body >
div.wrapper > main > article > div) followed by a sentinel element, so that HTML which
closes its container, leaves elements open or sets attributes on <html>/<body> shows:
the sentinel must end up as the container's next sibling, html and body attribute-free.
Then every element, attribute, URL and comment the parser produced is held against
`allowlist.py`. Each finding carries strings to look for in the source file (`needles`),
from which the plugin finds the line.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from content_model.addresses import SiteAddresses
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import allowlist, messages
from .urls import Verdict, check_url


@dataclass(frozen=True)
class Finding:
    message: str
    needles: tuple[str, ...] = ()  # tried in order to find the source line


# The theme's ancestors of the content (theme/templates/item.html and page.html). The text
# of the first link ends the parser's "frameset-ok" state as the real page's header does.
WRAPPER = (
    '<!DOCTYPE html><html><head><title>-</title></head><body>'
    '<a id="{n}-skip" href="#{n}-main">-</a><div id="{n}-wrapper" class="wrapper">'
    '<main id="{n}-main"><article id="{n}-article"><div id="{n}-container" class="prose">'
    '{content}</div><span id="{n}-sentinel"></span></article></main></div></body></html>'
)
WRAPPER_IDS = ("skip", "wrapper", "main", "article", "container", "sentinel")


class WrappedPage:
    """A content's HTML parsed in place of the theme's content container."""

    def __init__(self, html: str):
        nonce = "hp" + secrets.token_hex(8)  # content cannot guess the wrapper's ids
        self.document = LexborHTMLParser(WRAPPER.format(n=nonce, content=html))
        found = {name: self.document.css_first(f"#{nonce}-{name}") for name in WRAPPER_IDS}
        self.article, self.container = found["article"], found["container"]
        self.sentinel = found["sentinel"]
        self.wrapper_ids = {n.mem_id for n in found.values() if n is not None}
        self.wrapper_ids |= {self.document.root.mem_id, self.document.body.mem_id}

    def content_nodes(self, visit: Callable[[LexborNode], bool]) -> None:
        """Call `visit` for every element and comment that came from the content, in
        document order; descend into an element only when `visit` returns True."""
        stack = list(reversed(list(self.document.root.parent.iter(include_text=True))))
        while stack:
            node = stack.pop()
            if node.mem_id == self.document.head.mem_id:
                continue
            from_wrapper = node.mem_id in self.wrapper_ids
            if from_wrapper or node.is_text_node or node.tag == "-doctype":
                descend = from_wrapper
            else:  # an element, a comment, a processing instruction (<?php …?>)
                descend = visit(node)
            if descend:
                stack += reversed(list(node.iter(include_text=True)))

    def structure_findings(self, found_already: bool) -> list[Finding]:
        """Attributes merged into <html>/<body>; elements left open; wrapper elements
        closed by the content. `found_already`: other findings explain a swallowed
        sentinel (a comment or raw-text element left open)."""
        document = self.document
        findings = []
        if document.root.attributes or document.body.attributes:
            findings.append(Finding(messages.page_element(), ("<html", "<body")))
        if self.sentinel is None:
            return findings if found_already else findings + [
                Finding(messages.structure(None), CLOSING_NEEDLES)]
        open_tag = self._open_tag()
        if open_tag:
            findings.append(Finding(messages.structure(open_tag), (f"<{open_tag}",)))
        elif not self._sentinel_in_place():
            findings.append(Finding(messages.structure(None), CLOSING_NEEDLES))
        return findings

    def _open_tag(self) -> str | None:
        """The tag of the outermost content element left open, if any."""
        if self.sentinel.parent.mem_id == self.container.mem_id:
            return "div"  # the container's </div> closed an open <div> of the content
        node, inner = self.sentinel.parent, None
        while node is not None and node.mem_id not in self.wrapper_ids:
            node, inner = node.parent, node
        return inner.tag if inner is not None else None

    def _sentinel_in_place(self) -> bool:
        previous, parent = self.sentinel.prev, self.sentinel.parent
        return (parent is not None and parent.mem_id == self.article.mem_id
                and previous is not None and previous.mem_id == self.container.mem_id
                and self.container.parent.mem_id == self.article.mem_id)


CLOSING_NEEDLES = ("</article", "</main", "</body", "</html", "</div")


def check_html(html: str, page_url: str, addresses: SiteAddresses) -> list[Finding]:
    """Every way in which `html` (a content's final HTML) breaks the policy."""
    page = WrappedPage(html)
    findings: list[Finding] = []

    def visit(node: LexborNode) -> bool:
        if not node.is_element_node:
            findings.append(Finding(messages.comment(), ("<!--", "<?", "<!")))
            return False
        if not allowlist.is_allowed_element(node.tag):
            findings.append(Finding(messages.element(node.tag), _element_needles(node)))
            return False
        findings.extend(_attribute_findings(node, page_url, addresses))
        return True

    page.content_nodes(visit)
    return page.structure_findings(found_already=bool(findings)) + findings


def _element_needles(node: LexborNode) -> tuple[str, ...]:
    text = " ".join((node.text(deep=True) or "").split())[:40]
    heading = (f"# {text}",) if node.tag == "h1" and text else ()
    return (f"<{node.tag}", *heading, *((text,) if len(text) > 3 else ()))


def _attribute_findings(node: LexborNode, page_url: str,
                        addresses: SiteAddresses) -> Iterator[Finding]:
    tag = node.tag
    attributes = {name: value or "" for name, value in node.attributes.items()}
    for name, value in attributes.items():
        message = _attribute_message(tag, name, value)
        if message:
            yield Finding(message, _attribute_needles(name, value))
        elif allowlist.is_url_attribute(tag, name):
            yield from _url_findings(tag, name, value, page_url, addresses)
    if tag == "img" and not attributes.get("alt", "").strip():
        src = attributes.get("src", "")
        yield Finding(messages.missing_alt(), (*_value_needles(src), "![]", "<img"))


# (does the attribute break a rule?, its message) — the first matching rule speaks.
_RULES: tuple[tuple[Callable[[str, str, str], bool], Callable[[str, str, str], str]], ...] = (
    (lambda tag, name, value: name.startswith("on"),
     lambda tag, name, value: messages.event_handler(tag, name)),
    (lambda tag, name, value: name == "style", lambda tag, name, value: messages.style(tag)),
    (lambda tag, name, value: name.startswith("data-"),
     lambda tag, name, value: messages.data_attribute(tag, name)),
    (lambda tag, name, value: name == "target", lambda tag, name, value: messages.target(tag)),
    (lambda tag, name, value: name in ("srcset", "sizes"),
     lambda tag, name, value: messages.srcset(tag, name)),
    (lambda tag, name, value: name == "id" and not allowlist.is_allowed_value(tag, name, value),
     lambda tag, name, value: messages.identifier(tag, value)),
    (lambda tag, name, value: (name == "class"
                               and not allowlist.is_allowed_value(tag, name, value)),
     lambda tag, name, value: messages.css_class(tag, value)),
    (lambda tag, name, value: not allowlist.is_allowed_attribute(tag, name),
     lambda tag, name, value: messages.attribute(tag, name)),
)


def _attribute_message(tag: str, name: str, value: str) -> str | None:
    return next((message(tag, name, value) for breaks, message in _RULES
                 if breaks(tag, name, value)), None)


def _attribute_needles(name: str, value: str) -> tuple[str, ...]:
    by_value = {"id": f"#{value}", "class": f".{value.split()[0]}" if value.split() else ""}
    return (f"{name}=", f"{name} =", by_value.get(name, ""), *_value_needles(value),
            name if len(name) > 4 else "")


_URL_MESSAGES = {
    Verdict.UNRESOLVED: lambda name, value: messages.unresolved_link(value),
    Verdict.INVALID: messages.invalid_url,
    Verdict.SCHEME: messages.scheme,
    Verdict.FOREIGN: lambda name, value: messages.foreign_image(value),
}


def _url_findings(tag: str, name: str, value: str, page_url: str,
                  addresses: SiteAddresses) -> Iterator[Finding]:
    resource = (tag, name) in allowlist.RESOURCE_ATTRIBUTES
    verdict = check_url(value, page_url, addresses, resource=resource)
    if verdict is Verdict.UNRESOLVED and FILE_LINK.match(value):
        return  # content_model (missing file) and static_files (outside files/, images/)
        # name the cause; the written-site check of the publication plugin is the backstop
    if verdict is not Verdict.OK:
        yield Finding(_URL_MESSAGES[verdict](name, value), _value_needles(value))


FILE_LINK = re.compile(r"^\s*(?:\{(?:static|attach)\}|\|(?:static|attach)\|)")
_SEPARATORS = re.compile(r"[\x00-\x20\x7f]+")


def _value_needles(value: str) -> tuple[str, ...]:
    """The value as decoded; without invisible characters; its longest visible piece
    (the source may spell the rest with character references, e.g. `java&#9;script:`)."""
    pieces = sorted(_SEPARATORS.split(value), key=len, reverse=True)
    longest = pieces[0] if pieces and len(pieces[0]) >= 6 else ""
    needles = (value.strip(), _SEPARATORS.sub("", value), longest)
    return tuple(dict.fromkeys(n for n in needles if len(n) >= 3))


ATTACH = re.compile(r"^\s*(?:\{attach\}|\|attach\|)")


def attach_findings(raw_html: str) -> list[Finding]:
    """Links written with {attach}, in the HTML before Pelican replaced them."""
    if "attach" not in raw_html:
        return []
    document = LexborHTMLParser(raw_html)
    return [Finding(messages.attach(value), ("{attach}", "|attach|", value))
            for node in document.css("[href], [src]")
            for value in (node.attributes.get("href"), node.attributes.get("src"))
            if value and ATTACH.match(value)]
