"""What the content model knows during one build: the topics and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .topics import TopicVocabulary, load_vocabulary


@dataclass
class BuildState:
    content_root: Path
    vocabulary: TopicVocabulary
    vocabulary_problems: list[Problem]
    # relative source path -> problems found when reading it
    file_problems: dict[str, list[Problem]] = field(default_factory=dict)

    @classmethod
    def start(cls, settings: dict) -> BuildState:
        content_root = Path(settings["PATH"]).resolve()
        topics_file = content_root / settings["CONTENT_MODEL"]["topics_file"]
        vocabulary, problems = load_vocabulary(topics_file)
        return cls(content_root, vocabulary, problems)
