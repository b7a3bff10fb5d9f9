"""Pelican signal handlers of the html_policy plugin."""

from __future__ import annotations

from pelican import signals

DEFAULTS = {"second_opinion": True}


def configure(pelican) -> None:
    settings = pelican.settings
    settings["HTML_POLICY"] = {**DEFAULTS, **settings.get("HTML_POLICY", {})}


def register() -> None:
    signals.initialized.connect(configure)
