"""A Markdown reader that checks every file against the content model first.

A file with problems is not read; its problems are recorded for the report at the end
of reading (see plugin.report_problems), so that all problems are shown at once.
"""

from __future__ import annotations

import os

from pelican.readers import MarkdownReader
from pelican.urlwrappers import Category, Tag

from . import model
from .attachments import Attachment
from .body_checks import internal_links
from .header import SourceFile, read_source
from .problems import Problem
from .quiet_logging import InvalidContent
from .site_checks import outside_folders_problem
from .slugs import german_slug
from .state import BuildState
from .symlinks import path_problem
from .validation import validate
from .values import parse_date, split_list


class ContentModelReader(MarkdownReader):
    state: BuildState | None = None  # set by the plugin for each build

    def read(self, source_path):
        relative = os.path.relpath(source_path, self.state.content_root).replace(os.sep, "/")
        # Never read through a link out of the tree or to a folder (content_model.symlinks).
        if outside := path_problem(source_path, self.settings["PATH"]):
            self.state.file_problems[relative] = [outside]
            raise InvalidContent("Verknüpfung (Symlink), siehe Bericht am Ende")
        source, problem = read_source(source_path)
        doctype = model.doctype_for_path(relative)
        problems = [problem] if problem else []
        if source and not doctype:
            problems = [outside_folders_problem(source_path)]
        elif source:
            problems = validate(source, doctype, self.state.vocabulary, self.state.content_root,
                                self.settings["CONTENT_MODEL"]["summary_max_length"],
                                timezone=self.settings["TIMEZONE"])
        if not problems:
            try:
                return self._read_checked(source_path, source, doctype)
            except Exception as error:  # an unexpected failure, reported with its file
                problems = [Problem(source_path, 1, (
                    f"Die Datei konnte nicht gelesen werden ({type(error).__name__}: {error}). "
                    "Prüfen Sie Kopf und Text der Datei; besteht das Problem weiter, melden Sie "
                    "es mit dieser Zeile der IT."))]
        self.state.file_problems[relative] = problems
        raise InvalidContent(f"{len(problems)} Problem(e), siehe Bericht am Ende")

    def _read_checked(self, source_path, source: SourceFile, doctype: model.DocumentType):
        self._doctype = doctype
        content, metadata = super().read(source_path)
        metadata.update(self._model_metadata(source, doctype, metadata))
        return content, metadata

    def _parse_metadata(self, meta):
        """A value continued on indented lines comes as a list of lines, which Pelican
        would keep as a list (a title as a list breaks every output): join it."""
        joined = {name: [" ".join(" ".join(lines).split())] if len(lines) > 1 else lines
                  for name, lines in meta.items()}
        return super()._parse_metadata(joined)

    def _model_metadata(self, source: SourceFile, doctype: model.DocumentType, metadata):
        derived = {
            "doctype": doctype,
            "template": doctype.template,
            "header_lines": {f.key: f.line for f in source.fields},
            "internal_links": internal_links(source, self.state.content_root),
        }
        if "slug" not in metadata:
            derived["slug"] = german_slug(metadata["title"])
        if not doctype.is_item:
            return derived
        derived["category"] = Category(doctype.folder, self.settings)
        derived["tags"] = self._topic_tags(source.get("tags").value)
        attachments = source.get("attachments")
        paths = split_list(attachments.value) if attachments else []
        derived["attachments"] = [Attachment.from_content(p, self.state.content_root)
                                  for p in paths]
        if meeting := source.get("meeting"):
            derived["meeting"] = parse_date(meeting.value)
        return derived

    def _topic_tags(self, value: str) -> list[Tag]:
        resolved = (self.state.vocabulary.resolve(name) for name in split_list(value))
        topics = dict.fromkeys(t for t in resolved if t)  # none when topics.toml is broken
        return [topic_tag(topic, self.settings) for topic in topics]


def topic_tag(topic, settings) -> Tag:
    """A Pelican tag for a topic: named by its label, addressed by its key."""
    tag = Tag(topic.label, settings)
    tag.slug = topic.key
    return tag
