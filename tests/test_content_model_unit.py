"""Unit tests of the content model's pure helpers."""

from pathlib import Path

import pytest
from content_model import model
from content_model.header import parse_header
from content_model.slugs import german_slug
from content_model.topics import load_vocabulary


@pytest.mark.parametrize(("title", "slug"), [
    ("Förderung für Familien", "foerderung-fuer-familien"),
    ("Forderung für Familien", "forderung-fuer-familien"),
    ("Straße, Größe, Übermut", "strasse-groesse-uebermut"),
    ("ÄRGER IM BÜRO", "aerger-im-buero"),
    ("Kinder & Jugend: § 8a SGB VIII", "kinder-und-jugend-paragraf-8a-sgb-viii"),
    ("Café „Mittendrin“ öffnet", "cafe-mittendrin-oeffnet"),
    ("Fo\u0308rderung (zerlegtes ö)", "foerderung-zerlegtes-oe"),
])
def test_german_slug_transliterates_umlauts_to_lower_case_ascii(title, slug):
    assert german_slug(title) == slug


def test_header_fields_carry_their_line_numbers():
    lines = ["Title: Eins", "Tags: KI,", "    Finanzierung", "Summary: Text", "", "Body"]
    fields, body_line = parse_header(lines)
    assert [(f.name, f.value, f.line) for f in fields] == [
        ("Title", "Eins", 1), ("Tags", "KI,\nFinanzierung", 2), ("Summary", "Text", 4),
    ]
    assert body_line == 6


def test_header_ends_at_a_line_that_is_no_field():
    fields, body_line = parse_header(["Title: Eins", "Das ist schon Text", "Tags: KI"])
    assert [f.name for f in fields] == ["Title"]
    assert body_line == 2


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_topics_resolve_by_key_label_or_alias_ignoring_case(tmp_path):
    vocabulary, problems = load_vocabulary(write(tmp_path, """
[fruehe-hilfen]
label = "Frühe Hilfen"
description = "d"
aliases = ["Babylotsen"]
"""))
    assert problems == []
    spellings = ("fruehe-hilfen", "frühe hilfen", "FRÜHE  HILFEN", "babylotsen",
                 "Fru\u0308he Hilfen")  # the last in NFD, as macOS writes it
    for name in spellings:
        assert vocabulary.resolve(name).key == "fruehe-hilfen"
    assert vocabulary.resolve("Hilfen") is None
    assert vocabulary.suggest("Frühe Hilfe").key == "fruehe-hilfen"


def test_topics_file_problems_name_the_line(tmp_path):
    _, problems = load_vocabulary(write(tmp_path, """
[kinderschutz]
label = "Kinderschutz"
description = "d"

["Frühe Hilfen"]
label = "Frühe Hilfen"

[schutz]
label = "Schutz"
description = "d"
aliases = ["Kinderschutz"]
"""))
    expected = [(6, "Der Themenschlüssel „Frühe Hilfen“ ist keine gültige URL-Adresse"),
                (6, "Beim Thema [Frühe Hilfen] fehlt description"),
                (9, "Der Name „kinderschutz“ gehört zu zwei Themen")]
    assert len(problems) == len(expected), problems
    for line, start in expected:
        assert any(p.line == line and p.message.startswith(start) for p in problems), start


def test_missing_topics_file_is_a_problem(tmp_path):
    vocabulary, problems = load_vocabulary(tmp_path / "topics.toml")
    assert len(vocabulary) == 0
    assert "topics.toml fehlt" in problems[0].message


def test_empty_topics_file_is_a_problem(tmp_path):
    _, problems = load_vocabulary(write(tmp_path, "# noch leer\n"))
    assert len(problems) == 1 and problems[0].message.startswith("topics.toml enthält kein Thema")


def test_broken_toml_reports_its_line(tmp_path):
    _, problems = load_vocabulary(write(tmp_path, '[ki]\nlabel = "KI"\ndescription = \n'))
    assert problems[0].line == 3


def test_doctype_comes_from_the_top_level_folder():
    assert model.doctype_for_path("pressemitteilungen/2025/x.md") is model.PRESS_RELEASE
    assert model.doctype_for_path("ausschussmitteilungen/x.md") is model.COMMITTEE_NOTICE
    assert model.doctype_for_path("pages/impressum.md") is model.PAGE
    assert model.doctype_for_path("x.md") is None
    assert model.doctype_for_path("pressemitteilung/x.md") is None

