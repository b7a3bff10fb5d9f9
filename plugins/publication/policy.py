"""The publication policy: pure decisions, given the build's mode and clock."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from german_dates.formatting import release_time

MODES = ("preview", "production")


@dataclass
class PublicationPolicy:
    """What is public now. One instance per build, in `context["publication"]`.

    `now` is fixed once per build, so that every output of one build agrees even when
    the build runs across an embargo's release minute.
    """

    mode: str  # "preview" or "production"
    now: datetime  # timezone-aware
    withheld: list = field(default_factory=list)  # read, but not written (production)
    written_contents: list = field(default_factory=list)  # set once all content is read
    links: dict[str, set[str]] = field(default_factory=dict)  # source path -> linked paths
    # a static file (its identity: device and inode, so that every name of one file counts
    # as that file) -> the contents that use it (header field or body link)
    file_users: dict = field(default_factory=lambda: defaultdict(list))
    # a content's source path -> the files it uses, relative to the content root
    files_used: dict[str, set[str]] = field(default_factory=dict)
    files_recorded: bool = False  # set once file_users and files_used are complete

    @property
    def production(self) -> bool:
        return self.mode == "production"

    def is_released(self, content) -> bool:
        """Not under embargo: undated (pages) or dated up to the build's clock."""
        date = getattr(content, "date", None)
        return date is None or date <= self.now

    def is_public(self, content) -> bool:
        """Published and released: in lists, topic pages, feeds, search and sitemap."""
        return getattr(content, "status", "published") == "published" and self.is_released(
            content)

    def is_written(self, content) -> bool:
        """Gets a page of its own. Production: public and hidden items once released;
        preview: everything, drafts and embargoed items with a banner."""
        if not self.production:
            return True
        return content.status in ("published", "hidden") and self.is_released(content)

    def public_items(self, items) -> list:
        """The public ones of `items`, newest first."""
        return sorted((i for i in items if self.is_public(i)), key=lambda i: i.date,
                      reverse=True)

    def withheld_reason(self, content) -> str | None:
        """Why a content is not public, in German; None when it is public."""
        if not self.is_released(content):
            return f"Sperrfrist bis {release_time(content.date)}"
        if content.status == "draft":
            return "Entwurf"
        if content.status == "hidden":
            return "versteckt (veröffentlicht, aber in keiner Liste, keinem Feed und keiner Suche)"
        return None

    def use_file(self, identity, content) -> None:
        self.file_users[identity].append(content)

    def is_file_published(self, identity) -> bool:
        """A static file is published unless every content that uses it — under any of its
        names — is withheld. Files no content uses are published (they may be linked from
        elsewhere)."""
        users = self.file_users.get(identity)
        return not users or any(self.is_written(c) for c in users)
