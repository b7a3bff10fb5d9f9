from __future__ import annotations

from datetime import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from content_model.contents import all_contents
from content_model.output import DataFileGenerator
from pelican import signals

from .building import Feed, Site, render, updated_of

EPOCH = datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC"))

DEFAULTS = {
    "folder": "feeds",
    "max_entries": 50,
    # Absolute URLs need a host even in preview builds, where SITEURL is empty.
    "preview_site_url": "http://127.0.0.1:8000",
    # The domain in every entry id (tag: URI). Set it once and never change it.
    "tag_authority": "",
    "page_save_as": "feeds/index.html",
    "page_url": "feeds/",
}


class FeedIndex:
    """Every feed of the site, as templates and the /feeds/ page see them."""

    def __init__(self, site_feed: Feed, by_type: dict[str, Feed], by_topic: dict[str, Feed]):
        self.site = site_feed
        self.by_type = by_type
        self.by_topic = by_topic

    def __iter__(self):
        yield self.site
        yield from self.by_type.values()
        yield from self.by_topic.values()


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("FEEDS", {})}


def build_index(context: dict, config: dict) -> FeedIndex:
    items = context["publication"].public_items(context["articles"])
    sitename = context["SITENAME"]

    def feed(key, title, description, page_url, members) -> Feed:
        return Feed(key, title, description, page_url, members[: config["max_entries"]],
                    folder=config["folder"])

    types = [t for t in context["DOCUMENT_TYPES"] if t.is_item]
    listed = {category.slug for category, _ in context.get("categories", [])}
    site_feed = feed("alle", f"{sitename}: alle Veröffentlichungen",
                     f"Alle {' und '.join(t.label_plural for t in types)}, die neuesten zuerst.",
                     "", items)
    by_type = {
        t.folder: feed(t.folder, f"{sitename}: {t.label_plural}",
                       f"Alle {t.label_plural}, die neuesten zuerst.",
                       f"{t.folder}/" if t.folder in listed else "",  # no list page yet
                       [i for i in items if i.doctype is t])
        for t in types
    }
    by_topic = {
        entry.key: feed(f"themen/{entry.key}", f"{sitename}: Thema {entry.label}",
                        entry.description, entry.url,
                        [i for i in items if entry.key in {tag.slug for tag in i.tags}])
        for entry in context["topics"]
    }
    return FeedIndex(site_feed, by_type, by_topic)


class FeedsGenerator(DataFileGenerator):
    def generate_context(self) -> None:
        self.config = settings_of(self.settings)
        self.feeds = build_index(self.context, self.config)
        self.context["feeds"] = self.feeds
        self.context["FEEDS_PAGE_URL"] = self.config["page_url"]

    def generate_output(self, writer) -> None:
        site_url = self.absolute_site_url(self.config["preview_site_url"])
        authority = self.config["tag_authority"] or urlparse(site_url).hostname
        policy = self.context["publication"]
        withheld = frozenset(f"{site_url}/{c.url}" for c in all_contents(self.context)
                             if c.url and (c.status == "draft" or not policy.is_released(c)))
        site = Site(site_url, self.settings["SITENAME"], self.settings["AUTHORITY"]["name"],
                    self.settings["AUTHORITY"]["email"], authority,
                    self.context["TOPICS_INDEX_URL"], withheld, self.attachment_html())
        # An empty feed is as new as the newest change of the site (Modified counts), so
        # that it stays unchanged while nothing changes.
        newest = max((updated_of(i) for i in self.feeds.site.items), default=EPOCH)
        for feed in self.feeds:
            rss, atom = render(feed, site, newest)
            self.write_data(feed.rss_url, rss)
            self.write_data(feed.atom_url, atom)
        writer.write_file(self.config["page_save_as"], self.get_template("feeds"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"],
                          url=self.config["page_url"])


    def attachment_html(self):
        """The item pages' attachment list (type, size, pages, the request for an
        accessible version) from the theme's component, for feed entries."""
        component = self.env.get_template("components/attachment_list.html")
        macros = component.make_module(self.context)
        return lambda attachments, page_url: str(
            macros.feed_attachment_list(attachments, page_url))


def get_generators(_pelican):
    return FeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
