from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)

DEFAULTS = {
    "index_save_as": "themen/index.html",
    "index_url": "themen/",
    "topic_save_as": "themen/{key}/index.html",
    "topic_url": "themen/{key}/",
}


@dataclass
class TopicEntry:
    """A topic with its published items, newest first."""

    topic: object  # content_model.topics.Topic
    articles: list
    url: str
    save_as: str

    @property
    def key(self) -> str:
        return self.topic.key

    @property
    def label(self) -> str:
        return self.topic.label

    @property
    def description(self) -> str:
        return self.topic.description


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("TOPIC_PAGES", {})}


def topic_entries(vocabulary, articles, config: dict) -> list[TopicEntry]:
    """One entry per topic of the vocabulary, in its order, with that topic's items."""
    entries = []
    for topic in vocabulary:
        tagged = [a for a in articles if topic.key in {tag.slug for tag in a.tags}]
        entries.append(TopicEntry(
            topic, tagged,
            url=config["topic_url"].format(key=topic.key),
            save_as=config["topic_save_as"].format(key=topic.key),
        ))
    return entries


class TopicPagesGenerator(Generator):
    def generate_context(self) -> None:
        self.config = settings_of(self.settings)
        vocabulary = self.context["content_model"].vocabulary
        self.entries = topic_entries(vocabulary, self.context["articles"], self.config)
        self.context["topics"] = self.entries
        self.context["TOPICS_INDEX_URL"] = self.config["index_url"]

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        write(self.config["index_save_as"], self.get_template("topics"), self.context,
              url=self.config["index_url"], template_name="topics")
        for entry in self.entries:
            write(entry.save_as, self.get_template("topic"), self.context,
                  paginated={"articles": entry.articles}, articles=entry.articles,
                  template_name="topic", url=entry.url, topic=entry)


def configure(pelican) -> None:
    """Topic pages replace Pelican's tag pages; tags link to them."""
    config = settings_of(pelican.settings)
    pelican.settings["TOPIC_PAGES"] = config
    pelican.settings["TAG_URL"] = config["topic_url"].replace("{key}", "{slug}")
    pelican.settings["TAG_SAVE_AS"] = ""


def get_generators(_pelican):
    return TopicPagesGenerator


def register() -> None:
    signals.initialized.connect(configure)
    signals.get_generators.connect(get_generators)
