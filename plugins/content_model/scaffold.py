"""`make new`: a new content file with every field it needs, in the right folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from babel.dates import format_date

from . import model
from .slugs import german_slug
from .topics import TopicVocabulary

# Fields a new file gets filled in; required fields without a value stay empty, so that
# `make check` names them until the editor has filled them in. `Date` is the moment of
# publication, not of writing: it stays empty too, so that nothing appears backdated.
DEFAULT_VALUES = {"Committee": "Jugendhilfeausschuss", "Status": "draft"}


class ScaffoldError(Exception):
    pass


def new_item(type_key: str, title: str, content_root: Path, now: datetime, place: str) -> Path:
    """Create content/<folder>/<year>/<slug>.md and return its path.

    `place` opens the text, as press releases begin: "**Musterstadt, 7. Februar 2024.**"
    """
    doctype = _item_type(type_key)
    if not title.strip():
        raise ScaffoldError('Bitte einen Titel angeben: TITLE="Neue Kita in der Nordstadt"')
    path = content_root / doctype.folder / f"{now:%Y}" / f"{german_slug(title)}.md"
    if path.exists():
        raise ScaffoldError(f"{path} gibt es schon. Wählen Sie einen anderen Titel.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_text(doctype, title.strip(), now, place), encoding="utf-8")
    return path


def _item_type(type_key: str) -> model.DocumentType:
    types = {t.key: t for t in model.ITEM_TYPES}
    if type_key not in types:
        raise ScaffoldError(f"Unbekannter TYPE „{type_key}“. Möglich: {', '.join(types)}.")
    return types[type_key]


def _text(doctype: model.DocumentType, title: str, now: datetime, place: str) -> str:
    values = {"Title": title, **DEFAULT_VALUES}
    header = [f"{f.name}: {values.get(f.name, '')}".rstrip()
              for f in doctype.fields if f.required or f.name in values]
    example = format_date(now, format="long", locale="de_DE")
    return "\n".join(header) + (
        f"\n\nHier beginnt der Text, mit Ort und Tag der Veröffentlichung, z. B. "
        f"**{place}, {example}.**\n")


def topic_hint(vocabulary: TopicVocabulary) -> str:
    return "Themen für „Tags:“: " + ", ".join(t.label for t in vocabulary)
