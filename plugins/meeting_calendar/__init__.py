"""meeting_calendar — an iCalendar file (RFC 5545, icalendar package) with one all-day
event per committee meeting found in the published committee notices."""

from .plugin import register

__all__ = ["register"]
