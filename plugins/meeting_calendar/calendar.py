"""Building the meeting calendar: pure functions, tested directly and through a build."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from content_model.writer import failures_reported_for
from icalendar import Calendar, Event

UTC = ZoneInfo("UTC")


@dataclass
class Meeting:
    committee: str
    day: date
    notices: list  # the published notices for this meeting, oldest first

    @property
    def uid(self) -> str:
        committee = hashlib.sha1(self.committee.encode()).hexdigest()[:10]
        return f"sitzung-{self.day:%Y%m%d}-{committee}"

    @property
    def stamp(self) -> datetime:
        """The newest change among its notices: stable while nothing changes."""
        return max(getattr(n, "modified", None) or n.date for n in self.notices).astimezone(UTC)


def meetings_of(notices) -> list[Meeting]:
    grouped = defaultdict(list)
    for notice in sorted(notices, key=lambda n: n.date):
        grouped[(notice.committee, notice.meeting)].append(notice)
    return [Meeting(c, d, n) for (c, d), n in sorted(grouped.items(), key=lambda kv: kv[0][1])]


def build_calendar(meetings: list[Meeting], name: str, site_url: str, domain: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{domain}//Jugendhilfe-Portal//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for meeting in meetings:
        with failures_reported_for(meeting.notices[0].source_path, "Der Kalendereintrag"):
            calendar.add_component(_event(meeting, site_url, domain))
    return calendar.to_ical()


def _event(meeting: Meeting, site_url: str, domain: str) -> Event:
    event = Event()
    event.add("uid", f"{meeting.uid}@{domain}")
    event.add("dtstamp", meeting.stamp)
    event.add("dtstart", meeting.day)
    event.add("dtend", meeting.day + timedelta(days=1))
    event.add("summary", f"Sitzung {meeting.committee}")
    event.add("transp", "TRANSPARENT")
    urls = [f"{site_url}/{notice.url}" for notice in meeting.notices]
    lines = ["Mitteilungen zu dieser Sitzung:"] + [
        f"– {notice.title}: {url}" for notice, url in zip(meeting.notices, urls, strict=True)
    ]
    event.add("description", "\n".join(lines))
    event.add("url", urls[0])
    return event
