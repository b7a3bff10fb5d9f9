"""Pelican signal handlers of the security_txt plugin."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from content_model.output import DataFileGenerator
from pelican import signals

from .settings import URI_FIELDS, settings_of

logger = logging.getLogger(__name__)

# RFC 9116 § 3: the one place clients look for it.
SAVE_AS = ".well-known/security.txt"


def configure(pelican) -> None:
    """Check the settings before anything is locked or written."""
    settings = pelican.settings
    settings["SECURITY_TXT"] = settings_of(settings)
    site_url = settings.get("SITEURL", "")
    if site_url and canonical_url(site_url) is None:
        logger.warning("security_txt: SITEURL %r ist keine https-Adresse – security.txt "
                       "erscheint ohne „Canonical“ (RFC 9116 verlangt HTTPS).", site_url)


class SecurityTxtGenerator(DataFileGenerator):
    def generate_output(self, _writer) -> None:
        text = security_txt(self.settings["SECURITY_TXT"], self.context["publication"].now,
                            canonical_url(self.settings.get("SITEURL", "")))
        self.write_data(SAVE_AS, text.encode("utf-8"))


def canonical_url(site_url: str) -> str | None:
    """Where the file is published: only an https SITEURL (production). Preview builds
    (SITEURL empty, served over http) name none — RFC 9116 allows https URIs only."""
    if not site_url.startswith("https://"):
        return None
    return f"{site_url.rstrip('/')}/{SAVE_AS}"


def security_txt(config: dict, now: datetime, canonical: str | None) -> str:
    """The file's text: one `Field: value` line per value, each ended by LF."""
    fields = [(name, uri) for key, (name, _schemes) in URI_FIELDS.items()
              for uri in config[key]]
    fields.append(("Expires", expires(now, config["expires_days"])))
    if config["preferred_languages"]:
        fields.append(("Preferred-Languages", ", ".join(config["preferred_languages"])))
    if canonical:
        fields.append(("Canonical", canonical))
    return "".join(f"{name}: {value}\n" for name, value in fields)


def expires(now: datetime, days: int) -> str:
    """`days` × 24 hours after the build's clock, as an RFC 3339 time in UTC."""
    return (now.astimezone(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def get_generators(_pelican):
    return SecurityTxtGenerator


def register() -> None:
    signals.initialized.connect(configure)
    signals.get_generators.connect(get_generators)
