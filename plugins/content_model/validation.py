"""Checks of one content file's header against its document type."""

from __future__ import annotations

import difflib
import posixpath
import unicodedata
from pathlib import Path

from . import model
from .body_checks import internal_link_problems, nesting_problems, summary_problems
from .header import HeaderField, SourceFile, ends_without_blank_line, markdown_lines
from .model import DocumentType, FieldKind
from .problems import Problem, quoted
from .topics import TopicVocabulary
from .values import SLUG_RE, local_time_problem, parse_date, parse_datetime, split_list


def validate(source: SourceFile, doctype: DocumentType, vocabulary: TopicVocabulary,
             content_root: Path, summary_max_length: int,
             timezone: str = "Europe/Berlin") -> list[Problem]:
    """Every problem of a file (header and body); an empty list when it is fine."""
    problems = _header_problems(source, doctype, vocabulary, content_root)
    problems += _local_time_problems(source, doctype, timezone)
    problems += summary_problems(source, summary_max_length)
    problems += internal_link_problems(source, content_root)
    problems += nesting_problems(source)
    return sorted(problems)


def _header_problems(source: SourceFile, doctype: DocumentType, vocabulary: TopicVocabulary,
                     content_root: Path) -> list[Problem]:
    problems = _field_name_problems(source, doctype) + _header_end_problems(source)
    for field in doctype.required_fields:
        if source.get(field.key) is None:
            problems.append(Problem(source.path, 1, (
                f"Pflichtfeld {quoted(field.name)} fehlt. Ergänzen Sie im Kopf der Datei "
                f"eine Zeile wie „{field.name}: {field.example}“."
            )))
    for header_field in source.fields:
        field = doctype.field(header_field.key)
        if field:
            problems += _value_problems(source.path, header_field, field, vocabulary, content_root)
    problems += _modified_before_date(source)
    problems += _control_character_problems(source)
    if source.get("image") and doctype.field("image") and not source.get("imagealt"):
        problems.append(Problem(source.path, source.get("image").line, (
            "Zum Bild fehlt der Alternativtext. Ergänzen Sie „ImageAlt: …“ mit einer kurzen "
            "Beschreibung dessen, was auf dem Bild zu sehen ist."
        )))
    return problems


def _header_end_problems(source: SourceFile) -> list[Problem]:
    lines = markdown_lines(source.text)
    if not ends_without_blank_line(lines, source.fields, source.body_line):
        return []
    line = lines[source.body_line - 1][:40]
    return [Problem(source.path, source.body_line, (
        f"Diese Zeile beendet den Kopf, ist aber kein Feld: {quoted(line)}. "
        "Gehört sie zum Kopf, fehlt der Doppelpunkt („Name: Wert“, ohne Leerzeichen im "
        "Namen); beginnt hier der Text, fügen Sie davor eine Leerzeile ein."))]


def _local_time_problems(source: SourceFile, doctype: DocumentType,
                         timezone: str) -> list[Problem]:
    """Times that the clock change skips or repeats: they name no single moment."""
    problems = []
    for header_field in source.fields:
        field = doctype.field(header_field.key)
        if not field or field.kind is not FieldKind.DATETIME:
            continue
        value = parse_datetime(header_field.value)
        kind = local_time_problem(value, timezone) if value else None
        if kind:
            problems.append(Problem(source.path, header_field.line,
                                    _LOCAL_TIME_MESSAGES[kind].format(value=header_field.value)))
    return problems


_LOCAL_TIME_MESSAGES = {
    "gap": ("„{value}“ gibt es nicht: In dieser Nacht wird die Uhr um 2:00 Uhr auf 3:00 Uhr "
            "vorgestellt (Beginn der Sommerzeit). Wählen Sie eine Zeit vor 02:00 oder ab 03:00."),
    "ambiguous": ("„{value}“ ist nicht eindeutig: In dieser Nacht gibt es die Zeit von 2:00 bis "
                  "3:00 Uhr zweimal (Ende der Sommerzeit). Wählen Sie eine Zeit vor 02:00 oder "
                  "ab 03:00."),
}


def _control_character_problems(source: SourceFile) -> list[Problem]:
    """Invisible control characters and line separators (U+2028, U+0085 …) in the header:
    they come from pasted text, and editors show them differently from the build."""
    problems = []
    for header_field in source.fields:
        odd = [c for c in header_field.name + header_field.value
               if c != "\n" and unicodedata.category(c) in ("Cc", "Zl", "Zp")]
        if odd:
            problems.append(Problem(source.path, header_field.line, (
                f"Im Feld {quoted(header_field.name)} steht ein unsichtbares Steuerzeichen "
                f"(U+{ord(odd[0]):04X}), meist aus kopiertem Text. Löschen Sie es, am "
                "sichersten, indem Sie die Zeile neu tippen.")))
    return problems


def _modified_before_date(source: SourceFile) -> list[Problem]:
    date, modified = source.get("date"), source.get("modified")
    if not (date and modified):
        return []
    published, changed = parse_datetime(date.value), parse_datetime(modified.value)
    if published and changed and changed < published:
        return [Problem(source.path, modified.line, (
            f"„Modified: {modified.value}“ liegt vor dem Veröffentlichungsdatum "
            f"„{date.value}“. Modified ist der Zeitpunkt einer späteren Änderung."))]
    return []


def _field_name_problems(source: SourceFile, doctype: DocumentType) -> list[Problem]:
    problems, seen = [], set()
    for header_field in source.fields:
        if header_field.key in seen:
            problems.append(Problem(source.path, header_field.line, (
                f"Das Feld {quoted(header_field.name)} steht doppelt im Kopf. "
                "Löschen Sie eine der beiden Zeilen."
            )))
        seen.add(header_field.key)
        if doctype.field(header_field.key) is None:
            problems.append(Problem(source.path, header_field.line,
                                    _unknown_field_message(header_field.name, doctype)))
    return problems


def _unknown_field_message(name: str, doctype: DocumentType) -> str:
    owners = [t.label_plural for t in model.DOCUMENT_TYPES if t.field(name)]
    if owners:
        return (f"Das Feld {quoted(name)} gibt es bei {doctype.label_plural} nicht, nur bei "
                f"{' und '.join(owners)}. Löschen Sie die Zeile oder prüfen Sie den Ordner.")
    names = {f.name.lower(): f.name for f in doctype.fields}
    close = difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.6)
    hint = f" Meinten Sie {quoted(names[close[0]])}?" if close else ""
    allowed = ", ".join(f.name for f in doctype.fields)
    return f"Unbekanntes Feld {quoted(name)}.{hint} Erlaubt sind: {allowed}."


def _value_problems(path, header_field: HeaderField, field: model.Field,
                    vocabulary: TopicVocabulary, content_root: Path) -> list[Problem]:
    value = header_field.value
    if not value:
        return [Problem(path, header_field.line, _empty_message(field, vocabulary))]
    check = _CHECKS.get(field.kind)
    messages = check(value, field, vocabulary, content_root) if check else []
    return [Problem(path, header_field.line, message) for message in messages]


def _empty_message(field: model.Field, vocabulary: TopicVocabulary) -> str:
    example = field.example
    if field.kind is FieldKind.TOPICS and len(vocabulary):
        example = ", ".join(t.label for t in list(vocabulary)[:2])
    message = (f"Das Feld {quoted(field.name)} ist leer. Tragen Sie einen Wert ein "
               f"(z. B. „{field.name}: {example}“)")
    if field.kind is FieldKind.TOPICS:
        message += ". Themen: " + ", ".join(t.label for t in vocabulary)
    return message + ("." if field.required else " oder löschen Sie die Zeile.")


def _check_datetime(value, field, *_):
    if parse_datetime(value):
        return []
    return [f"{quoted(value)} ist kein gültiges Datum für {quoted(field.name)}. Schreiben Sie "
            "JJJJ-MM-TT oder JJJJ-MM-TT HH:MM, z. B. 2025-03-14 oder 2025-03-14 10:30 "
            "(Jahre 1900 bis 2999)."]


def _check_date(value, field, *_):
    if parse_date(value):
        return []
    return [f"{quoted(value)} ist kein gültiges Datum für {quoted(field.name)}. Schreiben Sie "
            "JJJJ-MM-TT, z. B. 2025-02-07 (Jahre 1900 bis 2999)."]


def _check_status(value, *_):
    if value in model.STATUSES:
        return []
    return [f"Unbekannter Status {quoted(value)}. Erlaubt sind: "
            f"{', '.join(model.STATUSES)} (draft = Entwurf, hidden = nicht in Listen)."]


def _check_slug(value, *_):
    if SLUG_RE.match(value):
        return []
    return [f"Die Adresse (Slug) {quoted(value)} ist ungültig: nur Kleinbuchstaben a–z, Ziffern "
            "und einzelne Bindestriche, ä→ae, ö→oe, ü→ue, ß→ss (z. B. fruehe-hilfen-2025)."]


def _check_topics(value, field, vocabulary: TopicVocabulary, _root):
    if not len(vocabulary):
        return []  # topics.toml is missing or broken: reported once, not for every file
    messages = []
    for name in split_list(value):
        if vocabulary.resolve(name):
            continue
        suggestion = vocabulary.suggest(name)
        hint = f" Meinten Sie {quoted(suggestion.label)}?" if suggestion else ""
        messages.append(f"Das Thema {quoted(name)} ist unbekannt.{hint} Erlaubt sind die Themen "
                        "aus topics.toml (Schlüssel, Name oder Alias).")
    return messages


def _check_attachments(value, field, _vocabulary, content_root: Path):
    return [m for p in split_list(value) for m in _check_file(p, "files", "Anhang", content_root)]


def _check_image(value, field, _vocabulary, content_root: Path):
    return _check_file(value, "images", "Bild", content_root)


def _check_file(relative: str, folder: str, noun: str, content_root: Path) -> list[str]:
    if posixpath.normpath(relative) != relative:
        return [f"{noun} {quoted(relative)}: Schreiben Sie den Pfad ohne „./“, „../“ und "
                f"doppelte „/“, so wie er ab dem Inhaltsordner heißt, z. B. "
                f"{posixpath.normpath(relative)}."]
    if not relative.startswith(f"{folder}/"):
        return [f"{noun} {quoted(relative)}: Der Pfad muss mit {folder}/ beginnen und ab dem "
                f"Inhaltsordner gelten, z. B. {folder}/2025/dokument.pdf."]
    if any(part.startswith(".") for part in relative.split("/")):
        return [f"{noun} {quoted(relative)}: Dateien und Ordner, deren Name mit einem Punkt "
                "beginnt, veröffentlicht die Website nie (versteckte Dateien). Benennen Sie "
                "die Datei um, z. B. ohne den Punkt am Anfang."]
    target = (content_root / relative).resolve()
    if not target.is_relative_to(content_root.resolve() / folder) or not target.is_file():
        return [f"{noun} {quoted(relative)} nicht gefunden. Legen Sie die Datei unter "
                f"content/{relative} ab oder korrigieren Sie den Pfad (Groß-/Kleinschreibung "
                "beachten)."]
    return []


_CHECKS = {
    FieldKind.DATETIME: _check_datetime,
    FieldKind.DATE: _check_date,
    FieldKind.STATUS: _check_status,
    FieldKind.SLUG: _check_slug,
    FieldKind.TOPICS: _check_topics,
    FieldKind.ATTACHMENTS: _check_attachments,
    FieldKind.IMAGE: _check_image,
}
