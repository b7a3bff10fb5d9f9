"""topic_pages — the topic index /themen/ and one paginated page per topic /themen/<key>/.

Every topic of topics.toml gets its page, also while it has no items yet, so that its
address is stable from the start.
"""

from .plugin import register

__all__ = ["register"]
