"""Bad content fails the build with `path:line: message`; no file is silently skipped."""

from pathlib import Path

import pytest
from content_model.problems import ContentError
from support import ROOT, build, copy_site, run_pelican

# (case file under tests/content/invalid, line, start of the German message): every problem
# each case file gives, and nothing else.
CASES = [
    ("pressemitteilungen/unknown_topic.md", 3,
     "Das Thema „Kinderschtz“ ist unbekannt. Meinten Sie „Kinderschutz“?"),
    ("pressemitteilungen/missing_summary.md", 1, "Pflichtfeld „Summary“ fehlt."),
    ("pressemitteilungen/impossible_date.md", 2,
     "„2025-02-30 10:00“ ist kein gültiges Datum für „Date“."),
    ("pressemitteilungen/german_date_format.md", 2,
     "„07.02.2025“ ist kein gültiges Datum für „Date“. Schreiben Sie JJJJ-MM-TT"),
    ("pressemitteilungen/misspelled_field_name.md", 5,
     "Unbekanntes Feld „Subtitel“. Meinten Sie „Subtitle“?"),
    ("pressemitteilungen/notice_field_in_press_release.md", 5,
     "Das Feld „Meeting“ gibt es bei Pressemitteilungen nicht, nur bei Ausschussmitteilungen."),
    ("ausschussmitteilungen/notice_without_meeting.md", 1, "Pflichtfeld „Meeting“ fehlt."),
    ("pressemitteilungen/missing_attachment.md", 5,
     "Anhang „files/gibt-es-nicht.pdf“ nicht gefunden."),
    ("pressemitteilungen/unknown_status.md", 5, "Unbekannter Status „entwurf“."),
    ("pressemitteilungen/latin1_encoded.md", 1, "Die Datei ist nicht UTF-8-kodiert"),
    ("pressemitteilungen/duplicate_slug.md", 5,
     "Die Adresse /pressemitteilungen/2025/kurze-adresse/ ist schon vergeben"),
    ("pages/page_with_reserved_slug.md", 2, "Die Adresse /themen/ ist für die Website"),
    ("stray_markdown_at_root.md", 1, "Die Datei liegt außerhalb der Inhaltsordner"),
    ("pressemitteilung/folder_name_typo.md", 1, "Die Datei liegt außerhalb der Inhaltsordner"),
    ("pressemitteilungen/word_document_instead_of_markdown.docx", 1,
     "Nur Markdown-Dateien (.md) werden veröffentlicht"),
    ("pressemitteilungen/image_without_alt_text_in_header.md", 5,
     "Zum Bild fehlt der Alternativtext."),
    ("pressemitteilungen/image_without_alt_text_in_header.md", 5, "Bild „images/fehlt.jpg“ nicht"),
    ("pressemitteilungen/field_without_colon.md", 4,
     "Diese Zeile beendet den Kopf, ist aber kein Feld: „Subtitle Dachzeile ohne Doppelpunkt“"),
    ("pressemitteilungen/field_without_colon.md", 1, "Pflichtfeld „Summary“ fehlt."),
    ("pressemitteilungen/modified_before_date.md", 3,
     "„Modified: 2025-05-04“ liegt vor dem Veröffentlichungsdatum „2025-05-05 10:00“."),
    ("pressemitteilungen/invalid_slug.md", 3, "Die Adresse (Slug) „Förderung 2025“ ist ungültig"),
    ("pressemitteilungen/duplicate_field.md", 5, "Das Feld „Date“ steht doppelt im Kopf."),
    ("pressemitteilungen/empty_required_field.md", 3,
     "Das Feld „Tags“ ist leer. Tragen Sie einen Wert ein (z. B. „Tags: Kinderschutz, KI“)."),
    ("pressemitteilungen/summary_with_markdown.md", 4,
     "Die Kurzfassung (Summary) muss reiner Text sein"),
    ("pressemitteilungen/summary_too_long.md", 4,
     "Die Kurzfassung (Summary) ist 439 Zeichen lang; erlaubt sind höchstens 300"),
    ("pressemitteilungen/broken_internal_link.md", 8,
     "Der interne Link „{filename}/pressemitteilungen/2023/gibt-es-nicht.md“ führt ins Leere"),
    ("pressemitteilungen/image_without_alt_text.md", 8,
     "Ein Bild im Text hat keinen Alternativtext"),
    ("pressemitteilungen/script_in_body.md", 8, "Das HTML-Element <script> ist im Text nicht"),
    ("pressemitteilungen/iframe_embed.md", 6, "Das HTML-Element <iframe> ist im Text nicht"),
    ("pressemitteilungen/onclick_attribute.md", 7,
     "Das Attribut „onclick“ an <a> ist nicht erlaubt: Skripte"),
    ("pressemitteilungen/javascript_url.md", 6,
     "Der Link „javascript:alert(1)“ ist nicht erlaubt"),
    # The HTML policy (plugins/html_policy) on the rendered HTML:
    ("pressemitteilungen/heading_level_one.md", 8,
     "Eine Überschrift der ersten Ebene (# … oder <h1>) ist dem Titel vorbehalten."),
    ("pressemitteilungen/style_attribute.md", 8,
     "Das Attribut „style“ an <p> ist nicht erlaubt; die Gestaltung"),
    ("pressemitteilungen/data_pagefind_attribute.md", 8,
     "Das Attribut „data-pagefind-filter“ an <p> ist nicht erlaubt: data-Attribute"),
    ("pressemitteilungen/link_with_target_blank.md", 8,
     "Das Attribut „target“ an <a> ist nicht erlaubt: Links öffnen sich"),
    ("pressemitteilungen/image_with_srcset.md", 8,
     "Das Attribut „srcset“ an <img> ist nicht erlaubt: ein Bild hat genau"),
    ("pressemitteilungen/markdown_attribute_in_html_block.md", 8,
     "Das Attribut „markdown“ an <div> ist nicht erlaubt. Löschen Sie es"),
    ("pressemitteilungen/custom_id_attribute.md", 8,
     "Die Kennung id=„inhalt“ an <p> ist nicht erlaubt"),
    ("pressemitteilungen/custom_class_attribute.md", 8,
     "Die Klasse class=„visually-hidden“ an <p> ist nicht erlaubt"),
    ("pressemitteilungen/html_comment_with_internal_note.md", 8,
     "Ein HTML-Kommentar (<!-- … -->) wird mitveröffentlicht"),
    ("pressemitteilungen/javascript_in_reference_link.md", 8,
     "Der Link „javascript:alert(1)“ ist nicht erlaubt"),
    ("pressemitteilungen/entity_obfuscated_javascript_url.md", 8,
     "Der Link „java\\x09script:alert(1)“ ist nicht erlaubt"),
    ("pressemitteilungen/link_with_space_in_host.md", 8,
     "Der Link „https://www.bei spiel.example/“ ist keine gültige Adresse"),
    ("pressemitteilungen/remote_tracking_pixel.md", 8,
     "Das Bild „https://tracker.example/pixel.gif“ würde von einer fremden Website geladen"),
    ("pressemitteilungen/data_url_image.md", 8,
     "Die Bildadresse „data:image/gif;base64,R0lGODlhAQABAAAAACw=“ ist nicht erlaubt"),
    ("pressemitteilungen/list_nested_twenty_levels_deep.md", 23,
     "Diese Zeile ist tiefer als 16 Ebenen eingerückt oder verschachtelt"),
    ("pressemitteilungen/line_separator_in_header_value.md", 4,
     "Im Feld „Summary“ steht ein unsichtbares Steuerzeichen (U+2028)"),
    ("pressemitteilungen/date_before_1900.md", 2,
     "„0001-01-01“ ist kein gültiges Datum für „Date“."),
    ("pressemitteilungen/old_pipe_link_syntax.md", 8,
     "Der interne Link „|filename|/pressemitteilungen/2023/alt.md“ führt ins Leere"),
    ("pressemitteilungen/attach_link.md", 8,
     "„{attach}/files/bericht.pdf“: {attach} verschiebt die Datei"),
    ("pressemitteilungen/unclosed_div.md", 8, "Das Element <div> im Text wird nicht geschlossen"),
    ("pressemitteilungen/closes_page_container.md", 8,
     "Das HTML im Text schließt ein Element, das es nicht geöffnet hat"),
    ("pressemitteilungen/body_tag_with_onload.md", 8,
     "<html> und <body> gehören nicht in den Text"),
    ("pressemitteilungen/footnote_with_event_handler.md", 8,
     "Das Attribut „onerror“ an <img> ist nicht erlaubt: Skripte"),
]


CASE_FILES = sorted({case for case, _, _ in CASES})


def unexpected_and_missing(problems, content, expected):
    """Compares reported problems with (case file, line, message start) expectations:
    (problems no expectation matches, expectations no problem matches)."""
    reported = [(Path(p.path).relative_to(content).as_posix(), p.line, p.message)
                for p in problems]
    matched = {e for e in expected for r in reported
               if r[:2] == e[:2] and r[2].startswith(e[2])}
    unexpected = [r for r in reported
                  if not any(r[:2] == e[:2] and r[2].startswith(e[2]) for e in expected)]
    return unexpected, sorted(set(expected) - matched)


@pytest.mark.parametrize("case", CASE_FILES)
def test_each_case_file_reports_exactly_its_problems_with_file_and_line(tmp_path, case):
    content = copy_site(tmp_path / "content", case)
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output")
    expected = [c for c in CASES if c[0] == case]
    assert unexpected_and_missing(caught.value.problems, content, expected) == ([], [])
    prefixes = {f"{content / case}:{line}: {message}" for _, line, message in expected}
    assert all(any(str(p).startswith(x) for x in prefixes) for p in caught.value.problems)
    assert not (tmp_path / "output").exists(), "nothing may be written when content is bad"


def test_all_problems_are_reported_in_one_run(tmp_path):
    content = copy_site(tmp_path / "content", *CASE_FILES)
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output")
    assert unexpected_and_missing(caught.value.problems, content, CASES) == ([], [])
    assert len(caught.value.problems) == len(CASES)


def test_a_duplicate_address_names_the_file_that_has_it_first(tmp_path):
    content = copy_site(tmp_path / "content", "pressemitteilungen/duplicate_slug.md")
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output")
    [problem] = caught.value.problems
    first = "pressemitteilungen/2025/press_release_with_explicit_slug_and_attachment.md"
    assert problem.path == str(content / "pressemitteilungen/duplicate_slug.md")
    assert problem.message.startswith("Die Adresse /pressemitteilungen/2025/kurze-adresse/ ")
    assert f"{first}. Geben Sie einen eigenen Slug an" in problem.message


def test_each_bad_file_reports_exactly_its_own_problem(tmp_path):
    """No false alarms: the code span `<script>` and the autolink are not reported."""
    content = copy_site(tmp_path / "content", "pressemitteilungen/script_in_body.md",
                        "pressemitteilungen/onclick_attribute.md")
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output")
    assert [(p.line, p.message[:30]) for p in caught.value.problems] == [
        (7, "Das Attribut „onclick“ an <a> "), (8, "Das HTML-Element <script> ist ")]


def test_command_line_exits_non_zero_and_prints_path_line_message(tmp_path):
    content = copy_site(tmp_path / "content", "pressemitteilungen/unknown_topic.md",
                        "pressemitteilungen/impossible_date.md")
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"),
                         cwd=tmp_path)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "content/pressemitteilungen/unknown_topic.md:3: Das Thema „Kinderschtz“" in output
    assert "content/pressemitteilungen/impossible_date.md:2: „2025-02-30 10:00“" in output
    assert "2 Probleme in den Inhalten" in output


def test_missing_topics_file_fails_the_build(tmp_path):
    content = copy_site(tmp_path / "content")
    (content / "topics.toml").unlink()
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output")
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 1, "one problem, not one per tagged file"
    assert messages[0].startswith("Die Themenliste topics.toml fehlt.")


def test_a_bom_and_crlf_line_endings_are_fine(site_output):
    assert (site_output / "pressemitteilungen/2025/mit-bom-und-crlf/index.html").is_file()
