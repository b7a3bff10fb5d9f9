"""Pelican signal handlers of the content model plugin."""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import ArticlesGenerator

from . import model, quiet_logging
from .checks import run_content_checks
from .contents import all_contents
from .problems import stop_build
from .reader import ContentModelReader
from .site_checks import skipped_file_problems, stray_file_problems, url_problems
from .state import BuildState
from .writer import ContentWriter

logger = logging.getLogger(__name__)

DEFAULTS = {
    "topics_file": "topics.toml",
    "summary_max_length": 300,
}


def configure(pelican) -> None:
    """Merge the plugin's defaults; derive the content folders from the model."""
    settings = pelican.settings
    settings["CONTENT_MODEL"] = {**DEFAULTS, **settings.get("CONTENT_MODEL", {})}
    for key in settings["CONTENT_MODEL"].keys() - DEFAULTS.keys():
        logger.warning("content_model: unknown setting %r in CONTENT_MODEL", key)
    settings["ARTICLE_PATHS"] = [t.folder for t in model.ITEM_TYPES]
    settings["PAGE_PATHS"] = [model.PAGE.folder]
    quiet_logging.install()


def install_reader(readers) -> None:
    """Our checking Markdown reader is the only reader: a .html, .htm or .rst file in a
    content folder is reported as a stray file instead of being read unchecked."""
    for extension in list(readers.reader_classes):
        if extension != "static":  # Pelican's pseudo-reader for static files
            readers.reader_classes[extension] = None
    for extension in ContentModelReader.file_extensions:
        readers.reader_classes[extension] = ContentModelReader


def start_build(generator) -> None:
    """Load the topics once per build and hand the state to the readers."""
    if isinstance(generator, ArticlesGenerator):
        generator.context["content_model"] = BuildState.start(generator.settings)
    state = generator.context.get("content_model")
    for reader in generator.readers.readers.values():
        if isinstance(reader, ContentModelReader):
            reader.state = state
    generator.context["DOCUMENT_TYPES"] = model.DOCUMENT_TYPES


def report_problems(generators) -> None:
    """Stop the build, before anything is written, if any content has a problem —
    found by this plugin or by any plugin connected to `content_checks`."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    state: BuildState = articles.context["content_model"]
    generated = articles.context["generated_content"]
    problems = list(state.vocabulary_problems)
    problems += skipped_file_problems(generated, state)
    problems += stray_file_problems(state.content_root, set(generated),
                                    tuple(articles.settings["IGNORE_FILES"]))
    problems += url_problems(all_contents(articles.context))
    problems += run_content_checks(generators)
    if problems:
        stop_build(problems)


def describe_site(generators) -> None:
    """LISTED_TYPES: the item types that have a list page (at least one published item)."""
    context = generators[0].context
    listed = {category.slug for category, _ in context.get("categories", [])}
    context["LISTED_TYPES"] = [t for t in model.ITEM_TYPES if t.folder in listed]


def writer_class(_pelican):
    """A writer that reports a page it cannot render as a problem of its source file."""
    return ContentWriter


def register() -> None:
    signals.initialized.connect(configure)
    signals.readers_init.connect(install_reader)
    signals.generator_init.connect(start_build)
    signals.all_generators_finalized.connect(report_problems)
    signals.all_generators_finalized.connect(describe_site)
    signals.get_writer.connect(writer_class)
