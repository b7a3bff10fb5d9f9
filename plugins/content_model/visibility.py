"""Which items the public may see now: published and not under embargo (Sperrfrist).

Outputs that must never show an embargoed item (feeds, calendars, search) filter with
`public_items`, also in preview builds, where pages of future-dated items are shown.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def is_public(content, now: datetime | None = None) -> bool:
    """Published, and for dated items not dated in the future."""
    if getattr(content, "status", "published") != "published":
        return False
    date = getattr(content, "date", None)
    return date is None or date <= (now or datetime.now(date.tzinfo))


def public_items(items, timezone: str = "Europe/Berlin", now: datetime | None = None) -> list:
    """Published items dated up to now, newest first."""
    now = now or datetime.now(ZoneInfo(timezone))
    return sorted((i for i in items if is_public(i, now)), key=lambda i: i.date, reverse=True)


CONTENT_KEYS = ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages")


def all_contents(context) -> list:
    """Every item and page the build read, whatever its status."""
    return [c for key in CONTENT_KEYS for c in context.get(key, [])]


def unwritten_contents(context) -> list:
    """Drafts and embargoed items (Pelican makes future-dated items drafts in production)
    when the settings do not write drafts; an empty list in preview builds."""
    if context["DRAFT_SAVE_AS"]:
        return []
    return context.get("drafts", []) + context.get("draft_pages", [])
