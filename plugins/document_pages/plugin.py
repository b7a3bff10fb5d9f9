"""Pelican signal handlers and the generator of the document_pages plugin."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from content_model.checks import content_checks
from content_model.problems import Problem
from pelican import signals
from pelican.generators import Generator
from publication.plugin import policy_of

from .settings import check_plugin_order, settings_of
from .versions import colliding_addresses, collision_problem, grouped_by_address, text_version

logger = logging.getLogger(__name__)
CONTEXT_KEY = "document_pages"


def check_settings(pelican) -> None:
    """Stop a build with wrong settings before anything is read."""
    check_plugin_order(pelican.settings)
    pelican.settings["DOCUMENT_PAGES"] = settings_of(pelican.settings)


def plan_text_versions(generators) -> list[Problem]:
    """A `content_checks` receiver (after the documents plugin's): one text version per
    published PDF with text, its address set on the Document before any page is written,
    so that attachment lists link it. Two PDFs with one address are problems."""
    context = generators[0].context
    context[CONTEXT_KEY] = []
    if not settings_of(context)["enabled"]:
        return []
    policy = policy_of(context)
    root = Path(os.path.abspath(context["PATH"]))
    documents = context.get("documents", {})
    used = {path for paths in policy.files_used.values() for path in paths}
    collisions = colliding_addresses(used | set(documents))
    problems = [collision_problem(a, paths, root) for a, paths in collisions.items()]
    for address, group in grouped_by_address(documents.values()).items():
        if address in collisions:
            continue
        version = text_version(group[0], address, root, policy)
        version.document.text_version_url = version.url
        context[CONTEXT_KEY].append(version)
    return problems


class DocumentPagesGenerator(Generator):
    """Writes the text versions planned in the content checks (theme template
    `document.html`). Comes before the sitemap in PLUGINS: it lists them."""

    def generate_output(self, writer) -> None:
        versions = self.context.get(CONTEXT_KEY, [])
        template = self.get_template("document")
        for version in versions:
            writer.write_file(version.save_as, template, self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], url=version.url,
                              text_version=version, belongs_to=version.document.users)
        if versions:
            logger.info("document_pages: %d Textfassungen von PDFs geschrieben", len(versions))


def get_generators(_pelican):
    return DocumentPagesGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    content_checks.connect(plan_text_versions)
    signals.get_generators.connect(get_generators)
