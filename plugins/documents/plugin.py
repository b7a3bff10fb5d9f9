"""Pelican signal handlers of the documents plugin."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import replace
from pathlib import Path

from content_model.checks import content_checks
from content_model.contents import all_contents
from content_model.problems import Problem
from pelican import signals
from publication.plugin import policy_of
from publication.summary import summary_sections

from . import messages
from .analysis import UnreadablePdf, analyse_pdf
from .cache import AnalysisCache
from .published import Document, is_pdf, published_pdfs
from .request import mailto
from .settings import check_plugin_order, settings_of

logger = logging.getLogger(__name__)
CONTEXT_KEY = "documents"


def check_settings(pelican) -> None:
    """Stop a build with wrong settings before anything is written."""
    check_plugin_order(pelican.settings)
    pelican.settings["DOCUMENTS"] = settings_of(pelican.settings)


def add_template_globals(generator) -> None:
    generator.env.globals["mailto"] = mailto


def check_documents(generators) -> list[Problem]:
    """A `content_checks` receiver: analyse every PDF the build publishes (through the
    cache), put them into the context and onto the attachments; a PDF that cannot be
    opened is a problem, and so is each shortcoming when `require_accessible` is set."""
    context = generators[0].context
    policy = policy_of(context)
    if not policy.files_recorded:  # check_plugin_order stops such a build earlier
        raise RuntimeError("PLUGINS: documents must come after publication")
    config = settings_of(context)
    started = time.perf_counter()
    cache = AnalysisCache(config["cache"])
    published = published_pdfs(context, policy)
    documents, problems = analysed_documents(context, published, cache)
    problems += withheld_pdf_problems(context, policy, published.keys(),
                                      config["require_accessible"])
    context[CONTEXT_KEY] = documents
    attach_documents(all_contents(context), documents)
    if config["require_accessible"]:
        problems += shortcoming_problems(documents.values())
    logger.info("documents: %d PDFs geprüft (%d aus dem Zwischenspeicher) in %.2f s",
                cache.hits + cache.misses, cache.hits, time.perf_counter() - started)
    return problems


def analysed_documents(context, published: dict[str, list], cache: AnalysisCache):
    """({path: Document} of the published PDFs ({path: users}) that could be read,
    [Problem] for those that could not)."""
    root = Path(os.path.abspath(context["PATH"]))
    documents, problems = {}, []
    for path, users in published.items():
        source = root / path
        try:
            analysis = cache.analysis_of(source.read_bytes())
        except UnreadablePdf as error:
            message = messages.unreadable(source.name, error.reason, error.detail)
            problems.append(Problem(str(source), 1, message))
            continue
        except OSError:  # static_files reports a file it cannot read
            continue
        documents[path] = Document(path, str(source), analysis, users)
    return documents, problems


def withheld_pdf_problems(context, policy, published, require_accessible) -> list[Problem]:
    """PDFs that only withheld items use (production) are not published, not listed and
    not cached, but one that cannot be opened is a problem now, and so is each shortcoming
    when `require_accessible` is set: else the build at the item's release time would
    fail, and the item would not appear on time."""
    root = Path(os.path.abspath(context["PATH"]))
    used = {path for paths in policy.files_used.values() for path in paths}
    problems = []
    for path in sorted(used - set(published)):
        source = root / path
        if source.is_file() and is_pdf(source):
            problems += [Problem(str(source), 1, f"{message} {messages.WITHHELD_NOTE}")
                         for message in withheld_pdf_messages(source, require_accessible)]
    return problems


def withheld_pdf_messages(source: Path, require_accessible: bool) -> list[str]:
    """What would fail the build at the release time: unreadable, or its shortcomings."""
    try:
        analysis = analyse_pdf(source.read_bytes())
    except UnreadablePdf as error:
        return [messages.unreadable(source.name, error.reason, error.detail)]
    except OSError:  # static_files reports a file it cannot read
        return []
    if not require_accessible:
        return []
    return [messages.shortcoming(source.name, key) for key in analysis.shortcomings]


def attach_documents(contents, documents: dict[str, Document]) -> None:
    """Every attachment of a published PDF gets its Document (pages, shortcomings, …)."""
    for content in contents:
        attachments = getattr(content, "attachments", None)
        if attachments:
            content.attachments = [replace(a, document=documents.get(a.path))
                                   for a in attachments]


def shortcoming_problems(documents) -> list[Problem]:
    return [Problem(d.source_path, 1, messages.shortcoming(Path(d.path).name, key))
            for d in documents for key in d.shortcomings]


def summary(context) -> list[str]:
    """The build summary's lines about PDFs (a `summary_sections` receiver)."""
    documents = context.get(CONTEXT_KEY, {})
    lacking = {d.path: d.shortcomings for d in documents.values() if d.shortcomings}
    return messages.summary(len(documents), lacking)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_template_globals)
    content_checks.connect(check_documents)
    summary_sections.connect(summary)
