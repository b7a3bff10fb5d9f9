from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from content_model.visibility import public_items
from pelican import signals
from pelican.generators import Generator

from .building import Feed, Site, render

logger = logging.getLogger(__name__)

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
    config = {**DEFAULTS, **settings.get("FEEDS", {})}
    site_url = settings.get("SITEURL") or config["preview_site_url"]
    config["site_url"] = site_url.rstrip("/")
    config["tag_authority"] = config["tag_authority"] or urlparse(site_url).hostname
    return config


def build_index(context: dict, config: dict) -> FeedIndex:
    items = public_items(context["articles"], context["TIMEZONE"])
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


class FeedsGenerator(Generator):
    def generate_context(self) -> None:
        self.config = settings_of(self.settings)
        self.feeds = build_index(self.context, self.config)
        self.context["feeds"] = self.feeds
        self.context["FEEDS_PAGE_URL"] = self.config["page_url"]

    def generate_output(self, writer) -> None:
        site = Site(self.config["site_url"], self.settings["SITENAME"],
                    self.settings["AUTHORITY"]["name"], self.settings["AUTHORITY"]["email"],
                    self.config["tag_authority"], self.context["TOPICS_INDEX_URL"])
        # An empty feed is as new as the newest item of the site, so that it stays unchanged.
        newest = self.feeds.site.items[0].date if self.feeds.site.items else EPOCH
        for feed in self.feeds:
            rss, atom = render(feed, site, newest)
            self._write(feed.rss_url, rss)
            self._write(feed.atom_url, atom)
        writer.write_file(self.config["page_save_as"], self.get_template("feeds"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"],
                          url=self.config["page_url"])

    def _write(self, relative: str, data: bytes) -> None:
        path = Path(self.output_path) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        logger.info('Writing "%s"', path)


def get_generators(_pelican):
    return FeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
