from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from content_model.output import DataFileGenerator
from lxml import etree
from pelican import signals

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
DEFAULTS = {
    "save_as": "sitemap.xml",
    # Written pages that are no destination of their own (regular expressions on the
    # output path).
    "exclude": [r"^404\.html$", r"^suche/", r"^feeds/"],
    "preview_site_url": "http://127.0.0.1:8000",
}


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("SITEMAP", {})}


class SitemapGenerator(DataFileGenerator):
    """Records every page written in this build and writes the sitemap after them.

    Must come after every plugin that writes pages (PLUGINS order): generators write
    in that order, and Pelican's own pages are written first.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.written: dict[str, WrittenPage] = {}  # by output path
        signals.content_written.connect(self.record)  # weak: ends with this build

    def record(self, path, context=None) -> None:
        written, output = Path(path).resolve(), Path(self.output_path).resolve()
        if not written.is_relative_to(output):
            return  # another build in this process (whose generator is not yet collected)
        context = context or {}
        page = context.get("articles_page")
        self.written[written.relative_to(output).as_posix()] = WrittenPage(
            context.get("article") or context.get("page"),
            list(page.object_list) if page is not None else None,
            context.get("belongs_to"))

    def generate_context(self) -> None:
        self.config = settings_of(self.settings)
        self.context["SITEMAP_URL"] = self.config["save_as"]

    def generate_output(self, _writer) -> None:
        policy = self.context["publication"]
        excluded = [re.compile(p) for p in self.config["exclude"]]
        entries = sorted(
            (path, last_change(written, policy)) for path, written in self.written.items()
            if path.endswith(".html") and not any(p.search(path) for p in excluded)
            and is_public_page(written, policy))
        site_url = self.absolute_site_url(self.config["preview_site_url"])
        self.write_data(self.config["save_as"], sitemap_xml(entries, site_url))
        signals.content_written.disconnect(self.record)


@dataclass(frozen=True)
class WrittenPage:
    """What the template context of a written page says about it."""

    content: object | None  # its item or page (`article`, `page`)
    listed: list | None  # the items a list page shows (`articles_page`)
    # the contents a page written for them belongs to (`belongs_to`, e.g. a PDF's text
    # version: the items that use the PDF)
    belongs_to: list | None


def is_public_page(written: WrittenPage, policy) -> bool:
    """An item or page that is public; a page that belongs to at least one public
    content; a list page that shows at least one public item (in preview builds a year
    archive may exist only for embargoed items), or none at all (an empty topic page is
    public)."""
    if written.content is not None:
        return policy.is_public(written.content)
    if written.belongs_to is not None:
        return any(policy.is_public(c) for c in written.belongs_to)
    return not written.listed or any(policy.is_public(item) for item in written.listed)


def last_change(written: WrittenPage, policy) -> datetime | None:
    """An item's or page's change date; for a page that belongs to contents, the latest
    change of the public ones (what it shows comes with them); None for lists."""
    if written.content is not None:
        return changed(written.content)
    dates = [changed(c) for c in written.belongs_to or () if policy.is_public(c)]
    return max(filter(None, dates), default=None)


def changed(content) -> datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def sitemap_xml(entries, site_url: str) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}urlset", nsmap={None: NAMESPACE})
    for path, lastmod in entries:
        url = etree.SubElement(root, f"{{{NAMESPACE}}}url")
        location = path[: -len("index.html")] if path.endswith("index.html") else path
        etree.SubElement(url, f"{{{NAMESPACE}}}loc").text = f"{site_url}/{location}"
        if lastmod:
            etree.SubElement(url, f"{{{NAMESPACE}}}lastmod").text = lastmod.isoformat()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def get_generators(_pelican):
    return SitemapGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
