"""The content model (plugins/content_model/model.py) as real builds enforce it and as the
documentation describes it: the fields of each document type come from the model, what the
build does with them does not, and README.md and docs/redaktion.md must list exactly them."""

import re

import pytest
from content_model import model
from content_model.problems import ContentError
from support import ROOT, build, copy_site

# A value for every field that is valid in the fixture site (its topics, files, images).
VALID_VALUES = {
    "Title": "Vertrag geprüft",
    "Date": "2025-05-05 10:00",
    "Tags": "KI",
    "Summary": "Eine Datei, die nur aus dem Vertrag entsteht.",
    "Modified": "2025-05-06 09:00",
    "Slug": "vertrag-mit-slug",
    "Status": "published",
    "Attachments": "files/bericht.pdf",
    "Image": "images/netzwerk.svg",
    "ImageAlt": "Schaubild des Netzwerks",
    "ImageCredit": "Grafik: Pressestelle",
    "Author": "Erika Beispiel",
    "Subtitle": "Dachzeile",
    "Contact": "Pressestelle, Tel. 0123 456-789",
    "Committee": "Jugendhilfeausschuss",
    "Meeting": "2025-05-20",
    "Reference": "JHA/2025/099",
    "Signatory": "Erika Beispiel, Beigeordnete",
}

TYPES = {t.key: t for t in model.DOCUMENT_TYPES}
REQUIRED = [(t, f.name) for t in model.DOCUMENT_TYPES for f in t.required_fields]
# Left out: `Image` on a page, which also gets "Zum Bild fehlt der Alternativtext" although
# ImageAlt is no page field either (reported to the lead, not asserted here).
FOREIGN = [(t, name) for t in model.DOCUMENT_TYPES
           for name in sorted({f.name for o in model.DOCUMENT_TYPES for f in o.fields})
           if t.field(name) is None and (t.key, name) != ("seite", "Image")]


def field_ids(cases):
    return [f"{t.key}-{name}" for t, name in cases]


def write_file(tmp_path, doctype, names):
    """The fixture site plus one file of `doctype` with the named header fields."""
    content = copy_site(tmp_path / "content")
    missing = [n for n in names if n not in VALID_VALUES]
    assert not missing, f"add a valid value for the new field(s) {missing} to VALID_VALUES"
    header = "".join(f"{name}: {VALID_VALUES[name]}\n" for name in names)
    path = content / doctype.folder / "contract_case.md"
    path.write_text(header + "\nText aus dem Vertrag.\n", encoding="utf-8")
    return content, path


def built_page(output, doctype, slug):
    folder = f"{doctype.folder}/2025/" if doctype.is_item else ""
    return (output / f"{folder}{slug}/index.html").read_text(encoding="utf-8")


def problems_of(tmp_path, content):
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output", SEARCH={"enabled": False})
    return [(p.path, p.line, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("doctype", model.DOCUMENT_TYPES, ids=list(TYPES))
def test_a_file_with_only_the_required_fields_builds(tmp_path, doctype):
    content, _ = write_file(tmp_path, doctype, [f.name for f in doctype.required_fields])
    output = build(content, tmp_path / "output", SEARCH={"enabled": False})
    assert "<h1" in built_page(output, doctype, "vertrag-geprueft")


@pytest.mark.parametrize("spelling", [str, str.lower], ids=["as-documented", "lower-case"])
@pytest.mark.parametrize("doctype", model.DOCUMENT_TYPES, ids=list(TYPES))
def test_a_file_with_every_field_of_its_type_builds(tmp_path, doctype, spelling):
    content, path = write_file(tmp_path, doctype, [f.name for f in doctype.fields])
    header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    lines = [spelling(name) + ":" + value for name, value in
             (line.split(":", 1) for line in header.splitlines())]
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    output = build(content, tmp_path / "output", SEARCH={"enabled": False})
    assert "Vertrag geprüft" in built_page(output, doctype, "vertrag-mit-slug")


@pytest.mark.parametrize(("doctype", "name"), REQUIRED, ids=field_ids(REQUIRED))
def test_a_missing_required_field_fails_naming_the_file_and_the_field(tmp_path, doctype, name):
    content, path = write_file(tmp_path, doctype,
                               [f.name for f in doctype.fields if f.name != name])
    [(file, line, message)] = problems_of(tmp_path, content)
    assert (file, line) == (str(path), 1)
    assert message.startswith(f"Pflichtfeld „{name}“ fehlt. Ergänzen Sie im Kopf der Datei")


@pytest.mark.parametrize(("doctype", "name"), FOREIGN, ids=field_ids(FOREIGN))
def test_a_field_of_another_type_fails_naming_its_line(tmp_path, doctype, name):
    required = [f.name for f in doctype.required_fields]
    content, path = write_file(tmp_path, doctype, [*required, name])
    [(file, line, message)] = problems_of(tmp_path, content)
    assert (file, line) == (str(path), len(required) + 1)
    assert message.startswith(f"Das Feld „{name}“ gibt es bei {doctype.label_plural} nicht")


# --- The documentation lists exactly the model's fields ---------------------------------

PRESS, NOTICE, PAGE = "pressemitteilung", "ausschussmitteilung", "seite"
# How README.md ("Types") and docs/redaktion.md name the document types.
README_TYPES = {"all": {PRESS, NOTICE, PAGE}, "items": {PRESS, NOTICE},
                "press releases": {PRESS}, "committee notices": {NOTICE}, "pages": {PAGE}}
HANDBOOK_TYPES = {"Pressemitteilungen": {PRESS}, "Mitteilungen": {NOTICE}}


def model_contract():
    """(document type, field) → required, for every field of every type of the model."""
    return {(t.key, f.name): f.required for t in model.DOCUMENT_TYPES for f in t.fields}


def table_rows(text, heading, first_cell):
    """The body rows of the first Markdown table after `heading` that starts with `first_cell`."""
    lines = text.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_cell} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def add(contract, types, names, required):
    for name in names:
        for doctype in types:
            assert (doctype, name) not in contract, f"{name} is listed twice for {doctype}"
            contract[(doctype, name)] = required


def readme_contract():
    """README.md, "Content contract": Field | Types | Required | Value."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    contract = {}
    for cells in table_rows(text, "## Content contract", "Field"):
        names = re.findall(r"`(\w+)`", cells[0])
        types, optional = re.fullmatch(r"(.+?)(?: \((\w+): optional\))?", cells[1]).groups()
        add(contract, README_TYPES[types], names, {"yes": True, "–": False}[cells[2]])
        add(contract, README_TYPES.get(optional, ()), names, False)
    return contract


def handbook_required_types(cell, types):
    """The "Pflicht" column: "immer", "–", "wenn …" (a condition), or the types."""
    if cell == "immer":
        return types
    if cell == "–" or cell.startswith("wenn "):
        return set()
    required = set().union(*(HANDBOOK_TYPES[word] for word in cell.split(", ")))
    assert required <= types, cell
    return required


def handbook_contract():
    """docs/redaktion.md, "Alle Felder" (items), and the sentence on pages below it."""
    text = (ROOT / "docs/redaktion.md").read_text(encoding="utf-8")
    contract = {}
    for cells in table_rows(text, "### Alle Felder", "Feld"):
        only = re.search(r"\(nur (\w+)\)", cells[1])
        types = HANDBOOK_TYPES[only[1]] if only else {PRESS, NOTICE}
        required = handbook_required_types(cells[2], types)
        for doctype in types:
            add(contract, {doctype}, re.findall(r"`(\w+)`", cells[0]), doctype in required)
    sentence = r"Feste Seiten \(`pages/`\) brauchen nur (.+?); (.+?) sind möglich"
    pages = re.search(sentence, " ".join(text.split()))
    add(contract, {PAGE}, re.findall(r"`(\w+)`", pages[1]), True)
    add(contract, {PAGE}, re.findall(r"`(\w+)`", pages[2]), False)
    return contract


def test_the_readme_lists_exactly_the_models_fields_types_and_requirements():
    assert readme_contract() == model_contract()


def test_the_editors_handbook_lists_exactly_the_models_fields_types_and_requirements():
    assert handbook_contract() == model_contract()
