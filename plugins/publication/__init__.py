"""publication — the one place that decides what is public now.

For every content object and every static file the build read, the policy in
`policy.py` says whether it is published now: status (published, hidden, draft),
embargo (Sperrfrist: `Date` after the build's clock), and files used only by withheld
items (through header fields or links in the body). Every output asks it through the
context key `publication` (a `PublicationPolicy`): pages (Jinja test `public`), lists,
topic pages, feeds, calendar, search index, sitemap and static files.

Production vs preview is the explicit setting `PUBLICATION["mode"]`. Production builds
never write drafts or embargoed items nor their files; preview builds show them with a
banner, but never in feeds, calendar, search or sitemap. Every build prints a summary
of what it publishes and what it withholds, with the release time of embargoed items.
"""

from .plugin import register

__all__ = ["register"]
