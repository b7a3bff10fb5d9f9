"""Pelican signal handlers of the html_policy plugin."""

from __future__ import annotations

import logging

from content_model.addresses import SiteAddresses
from content_model.checks import content_checks
from content_model.contents import all_contents
from content_model.problems import Problem
from content_model.sourcelines import line_of
from pelican import signals

from .checker import Finding, attach_findings, check_html
from .second_opinion import second_opinion_findings

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Also clean the HTML with nh3 under the same allowlist: a difference is an error.
    "second_opinion": True,
}


def configure(pelican) -> None:
    settings = pelican.settings
    settings["HTML_POLICY"] = {**DEFAULTS, **settings.get("HTML_POLICY", {})}
    for key in settings["HTML_POLICY"].keys() - DEFAULTS.keys():
        logger.warning("html_policy: unknown setting %r in HTML_POLICY", key)


def check_contents(generators) -> list[Problem]:
    """The HTML of every content the build read (drafts and embargoed items too: the
    verdict must not depend on the build mode or the date)."""
    context = generators[0].context
    settings = {**DEFAULTS, **context.get("HTML_POLICY", {})}
    addresses = SiteAddresses.from_settings(context.get("SITEURL", ""),
                                            context.get("PUBLIC_SITEURL", ""))
    return [Problem(content.source_path, line_of(content.source_path, finding.needles),
                    finding.message)
            for content in all_contents(context)
            for finding in content_findings(content, addresses, settings["second_opinion"])]


def content_findings(content, addresses: SiteAddresses, second_opinion: bool) -> list[Finding]:
    html = content.content or ""
    # {attach} is gone once Pelican replaced the links: look at the HTML before that.
    findings = attach_findings(getattr(content, "_content", None) or "")
    findings += check_html(html, addresses.page_url(content.url), addresses)
    if second_opinion and not findings:
        findings = second_opinion_findings(html)
    return findings


def register() -> None:
    signals.initialized.connect(configure)
    content_checks.connect(check_contents)
