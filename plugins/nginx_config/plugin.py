from __future__ import annotations

from content_model.output import DataFileGenerator
from pelican import signals

from .render import REDIRECTS_FILE, locations_conf, redirects_map, server_values, site_conf

FOLDER = ".nginx"


class NginxConfigGenerator(DataFileGenerator):
    """Writes .nginx/site.conf, locations.conf and redirects.map next to the site."""

    def generate_context(self) -> None:
        self.files = {"site.conf": site_conf(self.settings),
                      "locations.conf": locations_conf(self.settings)}  # settings errors: now

    def generate_output(self, _writer) -> None:
        self.files[REDIRECTS_FILE] = redirects_map(self.context.get("redirects", {}))
        for name, text in self.files.items():
            self.write_data(f"{FOLDER}/{name}", text.encode("utf-8"))


def check_settings(pelican) -> None:
    """Wrong settings stop the build before anything is locked or written."""
    server_values(pelican.settings)


def get_generators(_pelican):
    return NginxConfigGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
