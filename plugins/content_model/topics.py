"""The controlled topic vocabulary (Themen), read from content/topics.toml."""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, quoted

TOPIC_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class Topic:
    key: str  # the URL slug, e.g. "fruehe-hilfen"
    label: str  # display name, e.g. "Frühe Hilfen"
    description: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, self.label, *self.aliases)


@dataclass
class TopicVocabulary:
    topics: tuple[Topic, ...]
    _by_name: dict[str, Topic] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {normalise(n): t for t in self.topics for n in t.names}

    def resolve(self, name: str) -> Topic | None:
        """The topic a tag names by key, label or alias, ignoring case."""
        return self._by_name.get(normalise(name))

    def suggest(self, name: str) -> Topic | None:
        """The topic whose name is closest to an unknown tag."""
        matches = difflib.get_close_matches(normalise(name), self._by_name, n=1, cutoff=0.5)
        return self._by_name[matches[0]] if matches else None

    def __iter__(self):
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)


def normalise(name: str) -> str:
    """Case, spacing and Unicode form do not matter ("Fru\u0308he" as typed on a Mac)."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def load_vocabulary(path: Path) -> tuple[TopicVocabulary, list[Problem]]:
    """Read topics.toml; return the vocabulary and every problem found in it."""
    if not path.is_file():
        message = (
            "Die Themenliste topics.toml fehlt. Legen Sie sie im Inhaltsordner an "
            '(ein Abschnitt je Thema, z. B. [kinderschutz] mit label = "Kinderschutz").'
        )
        return TopicVocabulary(()), [Problem(str(path), 1, message)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return TopicVocabulary(()), [Problem(str(path), line, (
            "topics.toml ist nicht UTF-8-kodiert (z. B. als Windows-1252 gespeichert). "
            "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."))]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(m.group(1)) if (m := TOML_LINE.search(str(error))) else 1
        return TopicVocabulary(()), [
            Problem(str(path), line, f"topics.toml ist kein gültiges TOML: {error}.")
        ]
    topics, problems = [], []
    for key, table in data.items():
        line = _line_of_table(text, key)
        topic, topic_problems = _topic_from_table(key, table, str(path), line)
        problems += topic_problems
        if topic:
            topics.append(topic)
    problems += _name_clashes(topics, str(path), text)
    if not data:
        problems.append(Problem(str(path), 1, (
            'topics.toml enthält kein Thema. Legen Sie mindestens eines an, z. B. '
            '[kinderschutz] mit label = "Kinderschutz" und description = "…".')))
    return TopicVocabulary(tuple(topics)), problems


def _topic_from_table(key, table, path, line) -> tuple[Topic | None, list[Problem]]:
    problems = []
    if not TOPIC_KEY.match(key):
        problems.append(Problem(path, line, (
            f"Der Themenschlüssel {quoted(key)} ist keine gültige URL-Adresse: nur Kleinbuchstaben "
            "a–z, Ziffern und Bindestriche (ä→ae, ö→oe, ü→ue, ß→ss), z. B. [fruehe-hilfen]."
        )))
    if not isinstance(table, dict):
        return None, problems + [Problem(path, line, (
            f"{quoted(key)} muss ein Abschnitt sein: [{key}] mit label und description."
        ))]
    for name in ("label", "description"):
        if not isinstance(table.get(name), str) or not table.get(name, "").strip():
            problems.append(Problem(path, line, (
                f'Beim Thema [{key}] fehlt {name} = "…" (ein nicht leerer Text).'
            )))
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append(Problem(path, line, (
            f'Beim Thema [{key}] muss aliases eine Liste von Texten sein, z. B. ["KI", "AI"].'
        )))
        aliases = []
    unknown = sorted(set(table) - {"label", "description", "aliases"})
    for name in unknown:
        problems.append(Problem(path, line, (
            f"Beim Thema [{key}] ist {quoted(name)} unbekannt; erlaubt sind label, description "
            "und aliases."
        )))
    if problems:
        return None, problems
    return Topic(key, table["label"].strip(), table["description"].strip(), tuple(aliases)), []


def _name_clashes(topics: list[Topic], path: str, text: str) -> list[Problem]:
    seen: dict[str, Topic] = {}
    problems = []
    for topic in topics:
        for name in dict.fromkeys(normalise(n) for n in topic.names):
            other = seen.setdefault(name, topic)
            if other is not topic:
                problems.append(Problem(path, _line_of_table(text, topic.key), (
                    f"Der Name {quoted(name)} gehört zu zwei Themen ([{other.key}] und "
                    f"[{topic.key}]); jeder Name und Alias darf nur einmal vorkommen."
                )))
    return problems


def _line_of_table(text: str, key: str) -> int:
    pattern = re.compile(rf'^[ \t]*\[[ \t]*"?{re.escape(key)}"?[ \t]*\]', re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1
