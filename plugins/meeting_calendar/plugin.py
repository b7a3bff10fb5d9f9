from __future__ import annotations

from urllib.parse import urlparse

from content_model.output import DataFileGenerator
from pelican import signals

from .calendar import build_calendar, meetings_of

DEFAULTS = {
    "save_as": "termine/sitzungen.ics",
    "name": "Sitzungen des Jugendhilfeausschusses",
    "preview_site_url": "http://127.0.0.1:8000",
    "uid_domain": "",  # the domain in every event UID; never change it once published
}
NOTICE_TYPE = "ausschussmitteilung"


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("MEETING_CALENDAR", {})}


class MeetingCalendarGenerator(DataFileGenerator):
    def generate_context(self) -> None:
        self.config = settings_of(self.settings)
        items = self.context["publication"].public_items(self.context["articles"])
        notices = [a for a in items if a.doctype.key == NOTICE_TYPE]
        self.meetings = meetings_of(notices)
        self.context["MEETING_CALENDAR_URL"] = self.config["save_as"]

    def generate_output(self, _writer) -> None:
        site_url = self.absolute_site_url(self.config["preview_site_url"])
        domain = self.config["uid_domain"] or urlparse(site_url).hostname
        data = build_calendar(self.meetings, self.config["name"], site_url, domain)
        self.write_data(self.config["save_as"], data)


def get_generators(_pelican):
    return MeetingCalendarGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
