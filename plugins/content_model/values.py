"""Parsing of header values, shared by validation and the reader."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# Dates the site can show, compute with and put into feeds and calendars.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_datetime(value: str) -> datetime | None:
    """`YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (naive, meant as Europe/Berlin), years 1900–2999."""
    if not DATETIME_RE.match(value):
        return None
    fmt = "%Y-%m-%d %H:%M" if " " in value else "%Y-%m-%d"
    try:
        parsed = datetime.strptime(value, fmt)
    except ValueError:
        return None
    return parsed if FIRST_YEAR <= parsed.year <= LAST_YEAR else None


def parse_date(value: str) -> date | None:
    if not DATE_RE.match(value):
        return None
    parsed = parse_datetime(value)
    return parsed.date() if parsed else None


def split_list(value: str) -> list[str]:
    """A comma-separated header value (continued on further lines or not) as a list
    without blanks."""
    return [part.strip() for part in re.split(r"[,\n]", value) if part.strip()]


def local_time_problem(value: datetime, timezone: str) -> str | None:
    """Why a wall-clock time does not name one moment in `timezone`, or None.

    At the start of summer time (e.g. 2026-03-29 02:00–02:59 in Germany) such times do not
    exist; at its end (2026-10-25 02:00–02:59) they exist twice."""
    zone = ZoneInfo(timezone)
    first, second = value.replace(tzinfo=zone, fold=0), value.replace(tzinfo=zone, fold=1)
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != value:
        return "gap"
    if first.utcoffset() != second.utcoffset():
        return "ambiguous"
    return None
