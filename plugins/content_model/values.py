"""Parsing of header values, shared by validation and the reader."""

from __future__ import annotations

import re
from datetime import date, datetime

DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_datetime(value: str) -> datetime | None:
    """`YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (naive, meant as Europe/Berlin)."""
    if not DATETIME_RE.match(value):
        return None
    fmt = "%Y-%m-%d %H:%M" if " " in value else "%Y-%m-%d"
    try:
        return datetime.strptime(value, fmt)
    except ValueError:
        return None


def parse_date(value: str) -> date | None:
    if not DATE_RE.match(value):
        return None
    parsed = parse_datetime(value)
    return parsed.date() if parsed else None


def split_list(value: str) -> list[str]:
    """A comma-separated header value as a list without blanks."""
    return [part.strip() for part in value.split(",") if part.strip()]
