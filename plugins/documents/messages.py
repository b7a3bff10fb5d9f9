"""Every German message of the documents plugin for editors (the words citizens read on
the site are in theme/strings.toml, `ui.pdf_shortcomings`)."""

from __future__ import annotations

from content_model.problems import quoted, visible

from . import analysis

HANDBOOK = "Anleitung: docs/redaktion.md, Abschnitt „Barrierefreie PDFs“."

# Short, for the build summary: "files/x.pdf: ohne Tags; keine Dokumentsprache"
SHORT = {
    "untagged": "ohne Tags",
    "no_language": "keine Dokumentsprache",
    "no_title": "kein Titel",
    "title_not_shown": "Titel wird nicht angezeigt",
    "no_text": "enthält keinen Text (eingescannt?)",
    "blocks_assistive_technology": "gegen Vorlesen durch Hilfsmittel geschützt",
}

# Whole sentences, for build errors (DOCUMENTS["require_accessible"]): what is wrong, why
# it matters, what to do.
_EXPLAINED = {
    "untagged": "hat keine Tags: Bildschirmleser können Überschriften, Listen und Tabellen "
                "nicht erkennen. Exportieren Sie es neu mit „Dokumentstrukturtags für "
                "Barrierefreiheit“ (Word) bzw. „PDF mit Tags“ (LibreOffice).",
    "no_language": "hat keine Dokumentsprache: Vorleseprogramme wissen nicht, wie sie den "
                   "Text aussprechen sollen. Stellen Sie die Sprache Deutsch ein und "
                   "exportieren Sie es neu.",
    "no_title": "hat keinen Titel: Im Browser und im Bildschirmleser erscheint nur der "
                "Dateiname. Tragen Sie den Titel in den Dokumenteigenschaften ein und "
                "exportieren Sie es neu.",
    "title_not_shown": "zeigt beim Öffnen den Dateinamen statt seines Titels. Exportieren Sie "
                       "es neu mit „Dokumenttitel anzeigen“ bzw. „Universelle Zugänglichkeit "
                       "(PDF/UA)“.",
    "no_text": "enthält keinen Text, nur Bilder (eingescannt?): Niemand kann es vorlesen "
               "lassen oder durchsuchen. Exportieren Sie das Original als PDF statt es zu "
               "scannen.",
    "blocks_assistive_technology": "ist so geschützt, dass Hilfsmittel wie Bildschirmleser "
                                   "den Text nicht lesen dürfen. Exportieren Sie es ohne "
                                   "Schutz (Berechtigungen).",
}


def short_list(shortcomings) -> str:
    return "; ".join(SHORT[key] for key in shortcomings)


def shortcoming(name: str, key: str) -> str:
    """A build error for one shortcoming of the PDF `name`."""
    return f"Das PDF {quoted(name)} ist nicht barrierefrei: Es {_EXPLAINED[key]} {HANDBOOK}"


WITHHELD_NOTE = ("(Es gehört zu einer noch zurückgehaltenen Veröffentlichung; zu ihrem "
                 "Termin würde der Build sonst scheitern und sie nicht erscheinen.)")


DETAIL_LIMIT = 160  # characters of pypdf's explanation in a message


def unreadable(name: str, reason: str, detail: str) -> str:
    if reason == "too_large":
        return too_large(name, detail)
    if reason == "unchecked":
        return (f"Das PDF {quoted(name)} konnte nicht geprüft werden "
                f"({visible(detail, DETAIL_LIMIT)}) – vermutlich liegt das an der Einrichtung "
                "des Builds, nicht an der Datei. Bitte wenden Sie sich an die Technik.")
    if reason == "no_pages":
        return (f"Das PDF {quoted(name)} enthält keine Seiten. Exportieren oder speichern Sie "
                "es neu und legen Sie es noch einmal ab.")
    if reason == "password":
        return (f"Das PDF {quoted(name)} lässt sich nur mit einem Passwort öffnen – auch für "
                "die Leserinnen und Leser der Website. Speichern Sie es ohne Kennwort zum "
                "Öffnen und legen Sie es noch einmal ab.")
    # what pypdf said may quote the file (names, strings): escape codes made visible
    detail = visible(detail, DETAIL_LIMIT)
    return (f"Das PDF {quoted(name)} ist beschädigt und lässt sich nicht öffnen ({detail}). "
            "Exportieren oder speichern Sie es neu und legen Sie es noch einmal ab.")


def too_large(name: str, what: str) -> str:
    """More pages ("pages") or text ("text") than the build reads of one file."""
    if what == "pages":
        limit = _number(analysis.MAX_PAGES)
        amount = f"mehr Seiten, als der Build prüfen kann (über {limit} Seiten)"
    else:
        limit = _number(analysis.MAX_TEXT_CHARACTERS)
        amount = f"mehr Text, als der Build prüfen kann (über {limit} Zeichen)"
    return (f"Das PDF {quoted(name)} enthält {amount} – ist es wirklich ein Dokument für die "
            "Website? Bitte teilen Sie es auf oder legen Sie es als kleinere Datei ab.")


def _number(count: int) -> str:
    """10000 -> "10.000" (German thousands separator)."""
    return f"{count:,}".replace(",", ".")


def summary(checked: int, lacking: dict[str, tuple[str, ...]]) -> list[str]:
    """The build summary's lines: how many published PDFs have shortcomings, and which."""
    if not checked:
        return []
    noun = "PDF" if checked == 1 else "PDFs"
    if not lacking:
        return [f"PDF-Barrierefreiheit: {checked} {noun} geprüft, keine Mängel."]
    lines = [f"PDF-Barrierefreiheit: {len(lacking)} von {checked} {noun} mit Mängeln:"]
    lines += [f"  {path}: {short_list(keys)}" for path, keys in sorted(lacking.items())]
    return [*lines, f"  {HANDBOOK}"]
