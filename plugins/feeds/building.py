"""Building one feed as RSS 2.0 and Atom with feedgen, plus fixes for feedgen 1.0.

feedgen 1.0 writes Atom entry links without rel/type/length (upstream issues #135 and
#143), so enclosures are added to the XML after feedgen has written it: one
<enclosure> per RSS item (RSS allows one; all attachments are also linked in the
content) and one <link rel="enclosure"> per attachment in Atom.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from urllib.parse import quote

from content_model.writer import failures_reported_for
from feedgen.feed import FeedGenerator
from lxml import etree

from .html import absolute_html

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Site:
    url: str  # absolute, without trailing slash
    name: str
    author_name: str
    author_email: str
    tag_authority: str  # domain for tag: URIs, never changes
    topics_url: str  # the topic index: the scheme of the topic categories
    # absolute addresses of drafts and embargoed items: links to them (possible only in
    # preview builds; production refuses them) become plain text in feed entries
    withheld_urls: frozenset[str] = frozenset()
    # HTML of an item's attachment list, given the attachments and the item's absolute
    # address: the theme's component, as on the item page (plugin.py)
    attachment_html: Callable[[list, str], str] = lambda attachments, page_url: ""

    def absolute(self, path: str) -> str:
        return f"{self.url}/{path.lstrip('/')}"


@dataclass
class Feed:
    """One feed in both formats."""

    key: str  # "alle", "pressemitteilungen", "themen/kinderschutz"
    title: str
    description: str
    page_url: str  # the HTML page whose items the feed carries, relative to the site
    items: list = field(default_factory=list)
    folder: str = "feeds"

    @property
    def rss_url(self) -> str:
        return f"{self.folder}/{self.key}.rss.xml"

    @property
    def atom_url(self) -> str:
        return f"{self.folder}/{self.key}.atom.xml"


def entry_id(item, site: Site) -> str:
    """A tag URI from the source path and the first publication date: it survives edits
    of the title, the slug and the folder structure of the output."""
    source = quote(item.relative_source_path.replace("\\", "/"), safe="/")
    return f"tag:{site.tag_authority},{item.date:%Y-%m-%d}:{source}"


def updated_of(item) -> datetime:
    return getattr(item, "modified", None) or item.date


def render(feed: Feed, site: Site, newest: datetime) -> tuple[bytes, bytes]:
    """(RSS, Atom) bytes; `newest` is the feed's updated time when it has no items."""
    generator = _feed_generator(feed, site, newest)
    for item in feed.items:
        with failures_reported_for(item.source_path, f"Der Eintrag im Feed {feed.atom_url}"):
            _add_entry(generator, item, site)
    rss = _finish_rss(generator.rss_str(), feed, site)
    atom = _finish_atom(generator.atom_str(), feed, site)
    return rss, atom


def _feed_generator(feed: Feed, site: Site, newest: datetime) -> FeedGenerator:
    generator = FeedGenerator()
    generator.id(site.absolute(feed.atom_url))
    generator.title(feed.title)
    generator.subtitle(feed.description)  # RSS <description> too
    generator.language("de")
    generator.author(name=site.author_name, email=site.author_email)
    # feedgen takes RSS's channel <link> from the last link added: self first.
    generator.link(href=site.absolute(feed.rss_url), rel="self", type="application/rss+xml")
    generator.link(href=site.absolute(feed.page_url), rel="alternate", type="text/html")
    generator.updated(max((updated_of(i) for i in feed.items), default=newest))
    return generator


def _add_entry(generator: FeedGenerator, item, site: Site) -> None:
    url = site.absolute(item.url)
    entry = generator.add_entry(order="append")
    entry.id(entry_id(item, site))
    entry.guid(entry_id(item, site), permalink=False)
    entry.title(item.title)
    entry.link(href=url)
    entry.published(item.date)
    entry.updated(updated_of(item))
    entry.author(name=site.author_name, email=site.author_email)
    entry.summary(item.summary)
    attachments = getattr(item, "attachments", [])
    html = _lead_image(item) + item.content + (
        site.attachment_html(attachments, url) if attachments else "")
    entry.content(absolute_html(html, url, site.withheld_urls), type="html")
    for tag in item.tags:
        entry.category(term=tag.slug, label=tag.name, scheme=site.absolute(site.topics_url))


def _lead_image(item) -> str:
    if not getattr(item, "image", None):
        return ""
    credit = getattr(item, "imagecredit", "")
    caption = f"<figcaption>{escape(credit)}</figcaption>" if credit else ""
    return (f'<figure><img src="/{escape(item.image)}" alt="{escape(item.imagealt)}">'
            f"{caption}</figure>")


def _finish_rss(xml: bytes, feed: Feed, site: Site) -> bytes:
    root = etree.fromstring(xml)
    for element, item in zip(root.iter("item"), feed.items, strict=True):
        attachments = getattr(item, "attachments", [])
        if attachments:
            enclosure = etree.Element("enclosure", _enclosure(attachments[0], site))
            _insert_after_link(element, enclosure)
    return _serialise(root)


def _finish_atom(xml: bytes, feed: Feed, site: Site) -> bytes:
    """feedgen shares links between formats: the Atom self link must name the Atom file."""
    root = etree.fromstring(xml)
    self_link = root.find(f"{ATOM}link[@rel='self']")
    self_link.set("href", site.absolute(feed.atom_url))
    self_link.set("type", "application/atom+xml")
    for element, item in zip(root.iter(f"{ATOM}entry"), feed.items, strict=True):
        for attachment in reversed(getattr(item, "attachments", [])):
            attributes = _enclosure(attachment, site)
            link = etree.Element(f"{ATOM}link", rel="enclosure", href=attributes["url"],
                                 type=attributes["type"], length=attributes["length"])
            _insert_after_link(element, link)
    return _serialise(root)


def _enclosure(attachment, site: Site) -> dict[str, str]:
    return {"url": site.absolute(attachment.path), "length": str(attachment.size),
            "type": attachment.mime_type}


def _insert_after_link(entry, new) -> None:
    links = [child for child in entry if etree.QName(child).localname == "link"]
    anchor = links[-1] if links else entry[0]
    anchor.addnext(new)


def _serialise(root) -> bytes:
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
