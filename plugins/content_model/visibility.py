"""Which items the public may see now: published and not under embargo (Sperrfrist).

Outputs that must never show an embargoed item (feeds, calendars, search) filter with
`public_items`, also in preview builds, where pages of future-dated items are shown.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def public_items(items, timezone: str = "Europe/Berlin", now: datetime | None = None) -> list:
    """Published items dated up to now, newest first."""
    now = now or datetime.now(ZoneInfo(timezone))
    visible = (i for i in items if getattr(i, "status", "published") == "published"
               and i.date <= now)
    return sorted(visible, key=lambda i: i.date, reverse=True)
