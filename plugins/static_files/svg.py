"""SVG graphics that can only draw: no scripts, no HTML, nothing loaded from elsewhere.

An SVG is a document that a browser runs on the site's origin when it is opened on its
own. It is parsed with lxml without entity expansion, DTD loading or network access, and
every element, attribute and style is checked against what a drawing needs. Inert editor
metadata (Inkscape, Sodipodi, RDF, Creative Commons, Dublin Core) is accepted.
"""

from __future__ import annotations

import re
from xml.parsers import expat

import tinycss2
from lxml import etree

from .messages import svg_message

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
XHTML = "http://www.w3.org/1999/xhtml"
METADATA_NAMESPACES = frozenset({
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
})
XML_ATTRIBUTES = frozenset({"space", "lang", "id"})  # not xml:base: it redirects links

# Drawing elements of SVG 1.1 and 2 (and what Inkscape writes: mesh gradients, hatches).
SVG_ELEMENTS = frozenset("""
    a altGlyph altGlyphDef altGlyphItem circle clipPath color-profile cursor defs desc
    ellipse feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
    feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
    feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset
    fePointLight feSpecularLighting feSpotLight feTile feTurbulence filter font font-face
    font-face-format font-face-name font-face-src font-face-uri g glyph glyphRef hatch
    hatchpath hkern image line linearGradient marker mask mesh meshgradient meshpatch meshrow
    metadata missing-glyph path pattern polygon polyline radialGradient rect solidcolor stop
    style svg switch symbol text textPath title tref tspan use view vkern
""".split())
# Elements that rewrite attributes (an <animate> can turn a link into javascript:).
ANIMATION_ELEMENTS = frozenset({"set", "animate", "animateMotion", "animateTransform",
                                "animateColor", "discard"})
# CSS functions whose arguments are addresses to load
URL_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set",
                           "cross-fade", "-webkit-cross-fade"})

# The encoding an XML declaration names, for the message when it cannot be read
DECLARED_ENCODING = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})""")

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                         dtd_validation=False, huge_tree=False)


class _Doctype(Exception):
    def __init__(self, line: int, has_internal_subset: bool):
        super().__init__(line)
        self.line, self.has_internal_subset = line, has_internal_subset


def svg_problems(data: bytes) -> list[tuple[int, str]]:
    """(line, German message) for everything in the SVG `data` that is not plain drawing."""
    try:
        subset_line = _internal_subset_line(data)
    except (ValueError, LookupError):  # an encoding expat cannot read: nothing was checked
        return [(1, _encoding_message(data))]
    except expat.ExpatError:
        return _unreadable_start_problems(data)
    if subset_line is not None:
        return [(subset_line, svg_message("doctype"))]
    root = _parse(data)
    if isinstance(root, list):
        return root
    if root.tag != f"{{{SVG}}}svg":
        namespace = _split(root.tag)[0]
        return [(root.sourceline or 1, svg_message(
            "root", tag=_name(root.tag, root.nsmap),
            namespace=f"xmlns=\"{namespace}\"" if namespace else "ohne xmlns"))]
    outside_root = [*root.itersiblings(preceding=True), *root.itersiblings()]
    return [(node.sourceline or 1, message)
            for node in [*outside_root, *root.iter()] for message in _node_messages(node)]


def _parse(data: bytes):
    """The root element, or the problems of data that lxml cannot parse."""
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as error:
        return [(error.lineno or 1, svg_message("xml", detail=error.msg))]
    except (etree.LxmlError, ValueError, LookupError) as error:
        return [(1, svg_message("xml", detail=str(error) or type(error).__name__))]


def _unreadable_start_problems(data: bytes) -> list[tuple[int, str]]:
    """Expat could not read the start of the file: lxml names the syntax error. If lxml
    reads the file all the same (an encoding only it knows, such as UTF-32 with a BOM),
    the DOCTYPE was never checked, and the file is refused for its encoding."""
    root = _parse(data)
    return root if isinstance(root, list) else [(1, _encoding_message(data))]


def _internal_subset_line(data: bytes) -> int | None:
    """The line of a DOCTYPE with an internal subset (entities: XXE, billion laughs).
    Expat reports the DOCTYPE before it reads the subset; parsing stops right there.
    Raises ExpatError for what expat cannot parse, ValueError (multi-byte encodings such
    as Shift_JIS, UTF-32) or LookupError (unknown encoding names)."""
    parser = expat.ParserCreate()

    def doctype(_name, _system_id, _public_id, has_internal_subset):
        raise _Doctype(parser.CurrentLineNumber, bool(has_internal_subset))

    def first_element(*_):
        raise _Doctype(parser.CurrentLineNumber, False)

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = first_element
    try:
        parser.Parse(data, True)
    except _Doctype as found:
        return found.line if found.has_internal_subset else None
    return None


def _encoding_message(data: bytes) -> str:
    declared = DECLARED_ENCODING.match(data)
    name = declared.group(1).decode("ascii", "replace") if declared else ""
    return svg_message("encoding", encoding=f"„{name}“" if name else "unbekannt")


def _node_messages(node) -> list[str]:
    if isinstance(node, etree._ProcessingInstruction):
        return [svg_message("instruction", target=node.target)]
    if isinstance(node, etree._Entity):
        return [svg_message("doctype")]
    if not isinstance(node.tag, str):  # comments
        return []
    return _element_messages(node) + _attribute_messages(node)


def _element_messages(element) -> list[str]:
    namespace, local = _split(element.tag)
    if namespace == SVG:
        if local == "style":
            return _css_messages("".join(element.itertext()))
        if local == "script":
            return [svg_message("script")]
        if local == "foreignObject":
            return [svg_message("foreign")]
        if local in ANIMATION_ELEMENTS:
            return [svg_message("animation", element=local)]
        return [] if local in SVG_ELEMENTS else [svg_message("element", element=local)]
    if namespace == XHTML:
        return [svg_message("html", element=local)]
    if namespace in METADATA_NAMESPACES:
        return []
    return [svg_message("namespace", element=_name(element.tag, element.nsmap),
                        namespace=namespace or "keiner")]


def _attribute_messages(element) -> list[str]:
    names = {"element": _name(element.tag, element.nsmap)}
    messages = []
    for name, value in element.attrib.items():
        namespace, local = _split(name)
        names["attribute"] = _name(name, element.nsmap)
        if local.lower().startswith("on") and namespace not in METADATA_NAMESPACES:
            messages.append(svg_message("handler", **names))
        elif not _known_attribute(namespace, local):
            messages.append(svg_message("attribute", **names))
        elif local == "href" and namespace in (None, XLINK):
            if not value.strip().startswith("#"):
                messages.append(svg_message("href", **names, value=value.strip()[:60]))
        elif namespace is None and "(" in value:  # url(…) and every CSS function need "("
            messages += _css_messages(value)
    return messages


def _known_attribute(namespace: str | None, local: str) -> bool:
    if namespace == XML:
        return local in XML_ATTRIBUTES
    return namespace in (None, XLINK) or namespace in METADATA_NAMESPACES


def _css_messages(css: str) -> list[str]:
    """@import and every address CSS would load that is not a fragment of this file."""
    messages = []
    for address in _css_addresses(tinycss2.parse_component_value_list(css)):
        if address is None:
            messages.append(svg_message("import"))
        elif not address.strip().startswith("#"):
            messages.append(svg_message("css_url", value=address.strip()[:60]))
    return messages


def _css_addresses(tokens):
    """The addresses in url(…), image-set(…) etc.; None for an @import."""
    for token in tokens:
        if token.type == "url":
            yield token.value
        elif token.type == "at-keyword" and token.lower_value == "import":
            yield None
        elif token.type == "function":
            if token.lower_name in URL_FUNCTIONS:
                yield from (t.value for t in token.arguments if t.type == "string")
            yield from _css_addresses(token.arguments)
        elif token.type in ("() block", "[] block", "{} block"):
            yield from _css_addresses(token.content)


def _split(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return None, tag


def _name(tag: str, nsmap: dict | None = None) -> str:
    """A tag or attribute name as written: "xlink:href", "ev:listener", "rect"."""
    namespace, local = _split(tag)
    prefixes = {XML: "xml", XLINK: "xlink"} | {uri: p for p, uri in (nsmap or {}).items() if p}
    prefix = prefixes.get(namespace)
    return f"{prefix}:{local}" if namespace and prefix else local
