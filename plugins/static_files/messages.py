"""Every German message of the static_files plugin, each saying what to do."""

from __future__ import annotations

from content_model.problems import quoted

ALLOWED_IN_FILES = ("PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument "
                    "(.odt, .ods, .odp), CSV, TXT und Bilder (JPEG, PNG, WebP, GIF, SVG)")
ALLOWED_IN_IMAGES = "JPEG (.jpg, .jpeg), PNG, WebP, GIF und SVG"

# Why a type is never published, and what to do instead
_ACTIVE = ("Webseiten, Skripte und Programme könnten auf der Website Schadcode ausführen. "
           "Schreiben Sie den Inhalt als Markdown-Seite oder speichern Sie ihn als PDF.")
_MACROS = ("Dateien mit Makros werden nie veröffentlicht. Speichern Sie die Datei ohne Makros "
           "als .docx, .xlsx oder .pptx (Datei > Speichern unter).")
_LEGACY = ("Speichern Sie die Datei im aktuellen Format (.docx, .xlsx, .pptx) oder als PDF "
           "(Datei > Speichern unter).")
_ARCHIVE = "Archive werden nicht veröffentlicht: Legen Sie die Dateien einzeln ab."
FORBIDDEN_HINTS = {
    **dict.fromkeys("html htm xhtml xht shtml js mjs cjs xml xsl xslt svgz swf exe com bat "
                    "cmd msi ps1 sh vbs jar php hta wasm".split(), _ACTIVE),
    **dict.fromkeys("docm dotm xlsm xltm xlam pptm potm ppsm".split(), _MACROS),
    **dict.fromkeys("doc dot xls xlt ppt pot rtf".split(), _LEGACY),
    **dict.fromkeys("zip rar 7z gz tgz tar bz2 xz".split(), _ARCHIVE),
}

# What to do when a file is not what its name says, by the kind its name promises
_SAVE_AS = "Öffnen Sie die Datei im Programm, mit dem sie erstellt wurde, und speichern Sie sie "
FIXES = {
    "pdf": _SAVE_AS + "dort als PDF (Datei > Speichern unter > PDF oder „Als PDF exportieren“).",
    "jpeg": "Exportieren Sie das Bild im Bildprogramm als JPEG.",
    "png": "Exportieren Sie das Bild im Bildprogramm als PNG.",
    "gif": "Exportieren Sie das Bild im Bildprogramm als GIF.",
    "webp": "Exportieren Sie das Bild im Bildprogramm als WebP.",
    "svg": "Exportieren Sie die Grafik als SVG (z. B. in Inkscape „Optimiertes SVG“).",
    "docx": _SAVE_AS + "in Word als „Word-Dokument (.docx)“.",
    "xlsx": _SAVE_AS + "in Excel als „Excel-Arbeitsmappe (.xlsx)“.",
    "pptx": _SAVE_AS + "in PowerPoint als „PowerPoint-Präsentation (.pptx)“.",
    "odt": _SAVE_AS + "in LibreOffice als „ODF-Textdokument (.odt)“.",
    "ods": _SAVE_AS + "in LibreOffice als „ODF-Tabellendokument (.ods)“.",
    "odp": _SAVE_AS + "in LibreOffice als „ODF-Präsentation (.odp)“.",
    "text": ("Speichern Sie Tabellen als „CSV UTF-8 (durch Trennzeichen getrennt)“ und Texte "
             "als „Nur Text (.txt)“ in UTF-8; Webseiten und Programme gehören nicht nach files/."),
}
# The promised kind, with its article: "eine PDF-Datei"
PROMISED = {
    "pdf": "eine PDF-Datei", "jpeg": "ein JPEG-Bild", "png": "ein PNG-Bild",
    "gif": "ein GIF-Bild", "webp": "ein WebP-Bild", "svg": "eine SVG-Grafik",
    "docx": "eine Word-Datei (.docx)", "xlsx": "eine Excel-Datei (.xlsx)",
    "pptx": "eine PowerPoint-Datei (.pptx)", "odt": "eine OpenDocument-Textdatei (.odt)",
    "ods": "eine OpenDocument-Tabelle (.ods)", "odp": "eine OpenDocument-Präsentation (.odp)",
    "text": "eine Textdatei",
}


def forbidden_type(folder: str, extension: str, images_allowed_in_files: bool) -> str:
    """A file type that is not published in `folder` (files or images)."""
    what = f"Dateien vom Typ {quoted('.' + extension)}" if extension else (
        "Dateien ohne Endung (wie .pdf)")
    if folder == "images":
        if images_allowed_in_files:
            return (f"{what} sind keine Bilder: Dokumente und Tabellen gehören nach files/. "
                    "Verschieben Sie die Datei nach content/files/ und passen Sie den Pfad an.")
        hint = FORBIDDEN_HINTS.get(extension, "Speichern Sie das Bild in einem dieser Formate.")
        return (f"{what} werden in images/ nicht veröffentlicht. Erlaubt sind nur Bilder: "
                f"{ALLOWED_IN_IMAGES}. {hint}")
    hint = FORBIDDEN_HINTS.get(extension, "Speichern Sie die Datei in einem dieser Formate, "
                                          "am besten als PDF.")
    return (f"{what} werden nicht veröffentlicht. Erlaubt in files/: {ALLOWED_IN_FILES}. "
            f"{hint}")


def not_what_it_says(name: str, promised: str, actual: str, rename_to: str | None) -> str:
    """The content is another kind than the name promises."""
    fix = (f"Benennen Sie die Datei in {quoted(rename_to)} um und passen Sie die Links an."
           if rename_to else
           f"Umbenennen ändert das Format nicht. {FIXES[promised]}")
    return f"{quoted(name)} ist in Wahrheit {actual}, k{PROMISED[promised]}. {fix}"


def macros(name: str) -> str:
    return (f"{quoted(name)} enthält Makros (oder ActiveX-Elemente). Dateien mit Makros werden "
            "nie veröffentlicht. Speichern Sie sie ohne Makros: in Word, Excel oder PowerPoint "
            "mit „Speichern unter“ als .docx, .xlsx oder .pptx; in LibreOffice nach dem Löschen "
            "der Makros (Extras > Makros > Makros verwalten).")


def unsafe_name(name: str, suggestion: str, is_folder: bool) -> str:
    noun = "Der Ordnername" if is_folder else "Der Dateiname"
    change = "den Ordner" if is_folder else "die Datei"
    return (f"{noun} {quoted(name)} enthält Zeichen, die in Webadressen Probleme machen "
            "(Leerzeichen, Umlaute, #, ?, Anführungszeichen …). Erlaubt sind a–z, A–Z, 0–9, "
            f"Punkt, Unterstrich und Bindestrich. Benennen Sie {change} um, z. B. in "
            f"{quoted(suggestion)}, und passen Sie die Links darauf an.")


ASSET_LINK_OUT_OF_ASSETS = (
    "Die Verknüpfung (Symlink) zeigt auf eine Datei außerhalb von files/ und images/. "
    "Veröffentlicht werden nur Dateien, die selbst in files/ oder images/ liegen. Legen Sie "
    "eine Kopie der Datei hier ab und löschen Sie die Verknüpfung."
)


def link_out_of_assets(link: str) -> str:
    return (f"Der Link {quoted(link)} zeigt auf eine Datei außerhalb von files/ und images/. "
            "Veröffentlicht werden nur Anhänge aus files/ und Bilder aus images/ – nie der "
            "Quelltext einer Meldung oder eine Datei außerhalb von content/. Legen Sie die "
            "Datei unter files/ oder images/ ab und verlinken Sie sie mit {static}/files/…; "
            "auf andere Meldungen verlinken Sie mit {filename}/….")


_NEVER_PUBLISHED = (
    "Dateien in versteckten Ordnern und Sicherungsordnern (der Name beginnt mit „.“ oder "
    "endet auf „~“) und Dateien, die selbst so heißen (auch „~$…“ und „#…#“), werden nie "
    "veröffentlicht. Verschieben Sie die Datei in einen normalen Ordner unter files/ oder "
    "images/ (z. B. von images/.cache/ nach images/grafiken/)")


def link_to_ignored(link: str) -> str:
    """A {static}/{attach} link to a file in an ignored folder or with an ignored name."""
    return f"Der Link {quoted(link)} zeigt auf eine Datei, die nie veröffentlicht wird. " + (
        f"{_NEVER_PUBLISHED} und passen Sie den Link an.")


NEVER_PUBLISHED = (
    "Diese Datei liegt nicht in einem normalen Ordner unter files/ oder images/. "
    f"{_NEVER_PUBLISHED} und passen Sie die Links darauf an.")


def unreadable(name: str, detail: str) -> str:
    """A file whose check failed because it could not be read or parsed at all."""
    return (f"{quoted(name)} konnte nicht gelesen und deshalb nicht geprüft werden ({detail}). "
            "Prüfen Sie, ob die Datei vollständig ist, öffnen Sie sie im Programm, mit dem sie "
            "erstellt wurde, und speichern Sie sie dort neu.")


_REDRAW = ("Entfernen Sie es im Grafikprogramm (in Inkscape: Bearbeiten > XML-Editor) oder "
           "speichern Sie die Grafik als PNG.")
SVG_MESSAGES = {
    "doctype": ("Die SVG-Grafik enthält im DOCTYPE eigene Definitionen (Entities, „<!DOCTYPE "
                "svg [ … ]>“). Sie können Dateien des Servers einlesen oder Browser lahmlegen "
                "und sind nicht erlaubt. Speichern Sie die Grafik neu als „Optimiertes SVG“ "
                "(Inkscape) oder löschen Sie den DOCTYPE-Block."),
    "xml": ("Die SVG-Grafik ist kein gültiges XML ({detail}). Öffnen Sie sie in Inkscape oder "
            "dem Programm, mit dem sie erstellt wurde, und speichern Sie sie erneut als SVG."),
    "encoding": ("Die SVG-Grafik ist in einer Zeichenkodierung gespeichert, die nicht gelesen "
                 "und geprüft werden kann (angegeben: {encoding}). Speichern Sie sie als SVG "
                 "in UTF-8: in Inkscape mit „Speichern unter > Optimiertes SVG“, im Texteditor "
                 "mit der Kodierung „UTF-8“ und encoding=\"UTF-8\" in der ersten Zeile."),
    "root": ("Die Datei ist keine SVG-Grafik: Das äußerste Element muss <svg "
             "xmlns=\"http://www.w3.org/2000/svg\"> sein, ist aber <{tag}> ({namespace}). "
             "Exportieren Sie die Grafik als SVG oder als PNG."),
    "instruction": ("Die SVG-Grafik enthält die Anweisung „<?{target} …?>“ (z. B. ein "
                    "eingebundenes Stylesheet). Löschen Sie diese Zeile."),
    "script": ("Die SVG-Grafik enthält ein Skript (<script>). Skripte in Grafiken würden auf der "
               "Website ausgeführt. " + _REDRAW),
    "foreign": ("Die SVG-Grafik enthält <foreignObject> (eingebettetes HTML). Wandeln Sie den "
                "Inhalt in normale SVG-Texte und -Formen um oder speichern Sie die Grafik als "
                "PNG."),
    "animation": ("Die SVG-Grafik enthält die Animation <{element}>. Animationen können Links "
                  "und Attribute verändern und sind deshalb nicht erlaubt. Entfernen Sie sie "
                  "oder speichern Sie die Grafik als PNG oder GIF."),
    "element": ("Die SVG-Grafik enthält das nicht erlaubte Element <{element}>. " + _REDRAW),
    "html": ("Die SVG-Grafik enthält das HTML-Element <{element}>. HTML in Grafiken ist nicht "
             "erlaubt. " + _REDRAW),
    "namespace": ("Die SVG-Grafik enthält das unbekannte Element <{element}> (Namensraum "
                  "{namespace}). Erlaubt sind SVG und die Metadaten von Inkscape. Speichern Sie "
                  "die Grafik als „Optimiertes SVG“ oder „Normales SVG“ oder als PNG."),
    "handler": ("Die SVG-Grafik enthält das Attribut „{attribute}“ an <{element}> – ein Skript, "
                "das bei einem Ereignis ausgeführt wird. Löschen Sie das Attribut."),
    "attribute": ("Die SVG-Grafik enthält das unbekannte Attribut „{attribute}“ an <{element}>. "
                  "Löschen Sie das Attribut oder speichern Sie die Grafik als „Optimiertes "
                  "SVG“."),
    "href": ("Die SVG-Grafik verweist mit „{attribute}“ an <{element}> auf „{value}“. Eine "
             "Grafik darf nur auf Teile ihrer selbst verweisen (#…), nicht auf andere Dateien, "
             "Webadressen oder eingebettete Daten. Entfernen Sie den Verweis; eingebettete "
             "Fotos veröffentlichen Sie als eigenes JPEG oder PNG."),
    "css_url": ("Die SVG-Grafik lädt mit CSS etwas von außerhalb („{value}“). Erlaubt ist nur "
                "url(#…) für Verläufe, Filter und Masken derselben Datei. Entfernen Sie den "
                "Verweis."),
    "import": ("Die SVG-Grafik lädt mit „@import“ ein fremdes Stylesheet. Löschen Sie die "
               "@import-Zeile im <style>-Block."),
}


def svg_message(key: str, **fields) -> str:
    return SVG_MESSAGES[key].format(**fields)
