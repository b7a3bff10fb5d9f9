"""The German messages of the HTML policy: what is wrong and what to do instead."""

from __future__ import annotations

from content_model.problems import quoted, visible


def shown(value: str, limit: int = 60) -> str:
    """A value from the text in a message: invisible characters visible, shortened."""
    return quoted(visible(value.strip(" "), limit))


def element(tag: str) -> str:
    if tag == "h1":
        return ("Eine Überschrift der ersten Ebene (# … oder <h1>) ist dem Titel vorbehalten. "
                "Beginnen Sie Überschriften im Text mit ## (zweite Ebene).")
    return (f"Das HTML-Element <{tag}> ist im Text nicht erlaubt (Sicherheit und "
            "Barrierefreiheit). Entfernen Sie es; für Videos, Karten oder Formulare "
            "verlinken Sie die Quelle mit einem normalen Link.")


def event_handler(tag: str, name: str) -> str:
    return (f"Das Attribut {quoted(name)} an <{tag}> ist nicht erlaubt: Skripte im Text "
            "sind verboten. Löschen Sie das Attribut.")


def style(tag: str) -> str:
    return (f"Das Attribut „style“ an <{tag}> ist nicht erlaubt; die Gestaltung kommt "
            "einheitlich aus dem Layout. Löschen Sie das Attribut.")


def data_attribute(tag: str, name: str) -> str:
    return (f"Das Attribut {quoted(name)} an <{tag}> ist nicht erlaubt: data-Attribute "
            "steuern die Website (zum Beispiel die Suche) und gehören nicht in den Text. "
            "Löschen Sie das Attribut.")


def target(tag: str) -> str:
    return (f"Das Attribut „target“ an <{tag}> ist nicht erlaubt: Links öffnen sich im "
            "selben Fenster, so behalten alle die Kontrolle über ihren Browser. Löschen Sie "
            "das Attribut.")


def srcset(tag: str, name: str) -> str:
    return (f"Das Attribut {quoted(name)} an <{tag}> ist nicht erlaubt: ein Bild hat genau "
            "eine Quelle (src) auf dieser Website. Löschen Sie das Attribut.")


def identifier(tag: str, value: str) -> str:
    return (f"Die Kennung id={shown(value)} an <{tag}> ist nicht erlaubt; Kennungen im Text "
            "erzeugen nur die Fußnoten. Löschen Sie das Attribut; für eine Fußnote schreiben "
            "Sie [^1] in den Text und „[^1]: …“ ans Ende.")


def css_class(tag: str, value: str) -> str:
    return (f"Die Klasse class={shown(value)} an <{tag}> ist nicht erlaubt; die Gestaltung "
            "kommt einheitlich aus dem Layout. Löschen Sie das Attribut.")


def attribute(tag: str, name: str) -> str:
    return (f"Das Attribut {quoted(name)} an <{tag}> ist nicht erlaubt. Löschen Sie es "
            "(erlaubt sind nur wenige Attribute wie href an Links, src und alt an Bildern, "
            "title und lang).")


def comment() -> str:
    return ("Ein HTML-Kommentar (<!-- … -->) wird mitveröffentlicht: Jede und jeder kann ihn "
            "im Quelltext der Seite lesen. Löschen Sie ihn; interne Notizen gehören nicht in "
            "die Datei.")


_URL_NOUNS = {"href": "Der Link", "src": "Die Bildadresse", "cite": "Die Quellenangabe (cite)"}


def scheme(name: str, value: str) -> str:
    return (f"{_URL_NOUNS.get(name, 'Die Adresse')} {shown(value)} ist nicht erlaubt: erlaubt "
            "sind nur Webadressen (https://…), E-Mail (mailto:…), Telefon (tel:…) und Pfade "
            "dieser Website. Ersetzen Sie die Adresse.")


def invalid_url(name: str, value: str) -> str:
    return (f"{_URL_NOUNS.get(name, 'Die Adresse')} {shown(value)} ist keine gültige "
            "Adresse. Prüfen Sie sie auf Tippfehler (Leerzeichen, fehlendes „https://“).")


def foreign_image(value: str) -> str:
    return (f"Das Bild {shown(value)} würde von einer fremden Website geladen – die erführe "
            "so von jedem Besuch (Datenschutz). Legen Sie das Bild unter content/images/ ab "
            "und binden Sie es so ein: ![Beschreibung]({static}/images/bild.jpg).")


def missing_alt() -> str:
    return ("Ein Bild im Text hat keinen Alternativtext. Schreiben Sie in die eckigen "
            "Klammern, was auf dem Bild zu sehen ist: ![Kinder im Garten der Kita](…).")


def unresolved_link(value: str) -> str:
    return (f"Der interne Link {shown(value)} führt auf keine Seite und keine Datei der "
            "Website. Schreiben Sie Links auf Meldungen und Seiten als "
            "[Text]({filename}/pressemitteilungen/2025/datei.md), Links auf Dateien als "
            "[Text]({static}/files/datei.pdf); in HTML mit Anführungszeichen: "
            "href=\"{filename}/…\".")


def attach(value: str) -> str:
    return (f"{shown(value)}: {{attach}} verschiebt die Datei an eine andere Adresse und ist "
            "deshalb nicht erlaubt. Schreiben Sie {static} statt {attach}.")


def structure(open_tag: str | None) -> str:
    if open_tag:
        return (f"Das Element <{open_tag}> im Text wird nicht geschlossen und würde so in das "
                f"Layout der Seite hineinreichen. Ergänzen Sie das Ende-Tag </{open_tag}> an "
                "der richtigen Stelle.")
    return ("Das HTML im Text schließt ein Element, das es nicht geöffnet hat (etwa ein "
            "überzähliges </div>), und würde so das Layout der Seite verändern. Löschen Sie "
            "das überzählige Ende-Tag; schließen Sie nur Elemente, die Sie selbst öffnen.")


def page_element() -> str:
    return ("<html> und <body> gehören nicht in den Text: ihre Attribute würden für die ganze "
            "Seite gelten. Löschen Sie diese Tags.")


def second_opinion(detail: str) -> str:
    return ("Das HTML im Text ist ungewöhnlich aufgebaut: die Bereinigung mit nh3 würde es "
            f"verändern ({detail}). Vereinfachen Sie das HTML an dieser Stelle oder schreiben "
            "Sie sie in Markdown.")
