"""Static files: only the types an authority publishes, checked by content; nothing from
outside the content tree is ever read or copied, and nothing is written outside the
output folder. Every test builds for real and looks at what was published."""

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from content_model import plugin as content_model_plugin
from content_model import reader as content_model_reader
from content_model.problems import ContentError
from content_model.symlinks import FOLDER_LINK, LEAVES_TREE
from sample_files import VALID_FILES, image, odf, ooxml, pdf, zip_archive
from static_files.messages import ASSET_LINK_OUT_OF_ASSETS
from static_files.svg import svg_problems
from support import FIXTURES, ROOT, SITE, WITHHELD, build, copy_site, run_pelican

CASES = FIXTURES / "static_files" / "invalid"
VALID = FIXTURES / "static_files" / "valid"
OUTSIDE = FIXTURES / "static_files" / "outside"  # files that must never leave their folder
MARKER = "Zaunkoenig"  # in every file of OUTSIDE
LINKS_CASE = "pressemitteilungen/2025/static_links_out_of_the_asset_folders.md"

# (fixture file, line, part of the German message)
FIXTURE_CASES = [
    ("images/svg_with_script.svg", 3, "Die SVG-Grafik enthält ein Skript (<script>)."),
    ("images/svg_with_onload_handler.svg", 2, "das Attribut „onload“ an <svg>"),
    ("images/svg_with_foreign_object.svg", 3, "enthält <foreignObject>"),
    ("images/svg_with_external_image.svg", 3,
     "verweist mit „href“ an <image> auf „https://tracker.example/pixel.png“"),
    ("images/svg_with_javascript_xlink_href.svg", 3,
     "verweist mit „xlink:href“ an <a> auf „javascript:alert(document.cookie)“"),
    ("images/svg_with_xxe_entity.svg", 2, "enthält im DOCTYPE eigene Definitionen (Entities"),
    ("images/svg_with_billion_laughs.svg", 2, "enthält im DOCTYPE eigene Definitionen"),
    ("images/svg_with_animate_rewriting_href.svg", 3, "enthält die Animation <set>."),
    ("images/svg_with_css_import.svg", 2, "lädt mit „@import“ ein fremdes Stylesheet"),
    ("images/svg_with_external_css_url.svg", 2,
     "lädt mit CSS etwas von außerhalb („https://tracker.example/a.svg#p“)"),
    ("images/svg_with_xhtml_element.svg", 3, "enthält das HTML-Element <script>"),
    ("images/svg_with_unknown_namespace.svg", 4, "das unbekannte Element <ev:listener>"),
    ("images/svg_with_unknown_namespace.svg", 3, "das unbekannte Attribut „ev:event“ an <rect>"),
    ("images/svg_with_stylesheet_instruction.svg", 2,
     "enthält die Anweisung „<?xml-stylesheet …?>“"),
    ("images/svg_not_well_formed.svg", 4, "Die SVG-Grafik ist kein gültiges XML"),
    ("images/html_page_named_svg.svg", 2, "ist keine SVG-Grafik: Das äußerste Element muss"),
    ("files/html_page_in_files.html", 1, "Dateien vom Typ „.html“ werden nicht veröffentlicht"),
    ("files/script_in_files.js", 1, "Dateien vom Typ „.js“ werden nicht veröffentlicht"),
    ("files/pdf_that_is_really_html.pdf", 1,
     "„pdf_that_is_really_html.pdf“ ist in Wahrheit eine HTML-Datei (Webseite), keine "
     "PDF-Datei. Umbenennen ändert das Format nicht."),
    ("files/csv_that_is_really_html.csv", 1,
     "ist in Wahrheit eine HTML-Datei (Webseite), keine Textdatei."),
    ("files/text_saved_as_utf16.txt", 1, "ist in Wahrheit eine Datei, die kein reiner Text ist"),
]

# (file written by the test, its content, part of the German message); line 1
GENERATED_CASES = [
    ("files/word_with_macros.docm", lambda: ooxml("docx", macros=True),
     "Dateien vom Typ „.docm“ werden nicht veröffentlicht"),
    ("files/docx_with_vba_project.docx", lambda: ooxml("docx", macros=True),
     "„docx_with_vba_project.docx“ enthält Makros"),
    ("files/xlsx_with_vba_project.xlsx", lambda: ooxml("xlsx", macros=True), "enthält Makros"),
    ("files/odt_with_basic_macro.odt", lambda: odf("odt", macros=True), "enthält Makros"),
    ("files/docx_named_xlsx.xlsx", lambda: ooxml("docx"),
     "ist in Wahrheit ein Word-Dokument (.docx), keine Excel-Datei (.xlsx). Benennen Sie die "
     "Datei in „docx_named_xlsx.docx“ um"),
    ("files/zip_named_docx.docx", zip_archive, "ist in Wahrheit ein ZIP-Archiv, keine Word-"),
    ("files/attachments.zip", zip_archive, "Archive werden nicht veröffentlicht"),
    ("files/png_named_jpg.jpg", lambda: image("PNG"),
     "ist in Wahrheit ein PNG-Bild, kein JPEG-Bild. Benennen Sie die Datei in „png_named_jpg.png“"),
    ("files/program_named_pdf.pdf", lambda: b"MZ" + bytes(200),
     "ist in Wahrheit ein Windows-Programm (.exe), keine PDF-Datei"),
    ("files/empty_pdf.pdf", lambda: b"", "ist in Wahrheit eine leere Datei"),
    ("images/pdf_in_images.pdf", pdf, "sind keine Bilder: Dokumente und Tabellen gehören nach"),
    ("images/word_in_images.docx", lambda: ooxml("docx"), "gehören nach files/"),
    ("files/Bericht 2025 (endgültig).pdf", pdf,
     "Der Dateiname „Bericht 2025 (endgültig).pdf“ enthält Zeichen, die in Webadressen Probleme "
     "machen"),
    ("files/Bericht 2025 (endgültig).pdf", pdf, "z. B. in „bericht-2025-endgueltig.pdf“"),
    ("images/Foto#1?.jpg", lambda: image("JPEG"), "z. B. in „foto-1.jpg“"),
]


def problems_of(content: Path, output: Path) -> list[str]:
    """The reported problems of a build that must fail, and proof nothing was written."""
    with pytest.raises(ContentError) as caught:
        build(content, output)
    assert not output.exists(), "nothing may be written when content is bad"
    return [str(p) for p in caught.value.problems]


def files_under(folder: Path) -> list[Path]:
    """Every real file (not a link) under `folder`."""
    return [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]


def files_with_marker(root: Path, *besides: Path) -> list[Path]:
    """Files under `root` (not under `besides`) containing the outside files' marker."""
    return [f for f in files_under(root)
            if not any(f.is_relative_to(b) for b in besides)
            and MARKER.lower() in f.read_bytes().decode("utf-8", "replace").lower()]


@pytest.mark.parametrize(("case", "line", "message"), FIXTURE_CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in FIXTURE_CASES])
def test_each_refused_fixture_names_file_line_and_what_to_do(tmp_path, case, line, message):
    content = copy_site(tmp_path / "content", case, cases_from=CASES)
    reported = problems_of(content, tmp_path / "output")
    prefix = f"{content / case}:{line}: "
    assert any(r.startswith(prefix) and message in r for r in reported), reported


@pytest.mark.parametrize(("case", "make", "message"), GENERATED_CASES,
                         ids=[f"{c[0]}:{c[2][:24]}" for c in GENERATED_CASES])
def test_each_refused_file_names_itself_and_what_to_do(tmp_path, case, make, message):
    content = copy_site(tmp_path / "content")
    (content / case).write_bytes(make())
    reported = problems_of(content, tmp_path / "output")
    assert any(r.startswith(f"{content / case}:1: ") and message in r for r in reported), reported


def test_every_allowed_type_with_real_content_is_published(tmp_path):
    content = copy_site(tmp_path / "content", "images/inkscape_drawing_with_metadata.svg",
                        cases_from=VALID)
    for name, make in VALID_FILES.items():
        (content / name).write_bytes(make())
    output = build(content, tmp_path / "output")
    for name in [*VALID_FILES, "images/inkscape_drawing_with_metadata.svg",
                 "images/netzwerk.svg", "files/bericht.pdf"]:
        assert (output / name).read_bytes() == (content / name).read_bytes(), name


def test_all_refused_files_are_reported_in_one_run(tmp_path):
    content = copy_site(tmp_path / "content", *{c[0] for c in FIXTURE_CASES}, cases_from=CASES)
    for name, make, _ in GENERATED_CASES:
        (content / name).write_bytes(make())
    reported = problems_of(content, tmp_path / "output")
    for name in {c[0] for c in FIXTURE_CASES} | {c[0] for c in GENERATED_CASES}:
        assert any(r.startswith(f"{content / name}:") for r in reported), name


def test_a_folder_name_with_spaces_and_umlauts_is_refused(tmp_path):
    content = copy_site(tmp_path / "content")
    (content / "files/Sitzung März").mkdir()
    (content / "files/Sitzung März/protokoll.pdf").write_bytes(pdf())
    reported = problems_of(content, tmp_path / "output")
    assert reported == [
        f"{content / 'files/Sitzung März'}:1: Der Ordnername „Sitzung März“ enthält Zeichen, die "
        "in Webadressen Probleme machen (Leerzeichen, Umlaute, #, ?, Anführungszeichen …). "
        "Erlaubt sind a–z, A–Z, 0–9, Punkt, Unterstrich und Bindestrich. Benennen Sie den Ordner "
        "um, z. B. in „sitzung-maerz“, und passen Sie die Links darauf an."]


def test_dotfiles_and_editor_backups_are_never_copied(tmp_path):
    content = copy_site(tmp_path / "content")
    hidden = ["files/.gitkeep", "images/.DS_Store", "files/.htaccess", "files/.git/config",
              "files/~$bedarfsplanung.docx", "files/bericht.pdf~", "files/#notiz.txt#",
              "pressemitteilungen/.entwurf.md", "pressemitteilungen/2025/.gitkeep"]
    for name in hidden:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(f"{MARKER} <script>alert(1)</script>\n", encoding="utf-8")
    output = build(content, tmp_path / "output")
    assert (output / "files/bericht.pdf").is_file()
    published = {f.relative_to(output).as_posix() for f in files_under(output)}
    assert not published & set(hidden)
    assert not files_with_marker(output)


def outside_and_content(tmp_path: Path) -> tuple[Path, Path]:
    outside = shutil.copytree(OUTSIDE, tmp_path / "outside")
    return outside, copy_site(tmp_path / "content")


def test_file_links_out_of_the_tree_are_refused_and_never_read(tmp_path, monkeypatch):
    outside, content = outside_and_content(tmp_path)
    links = {"files/akte.txt": outside / "geheime_akte.txt",
             "images/akte.svg": outside / "geheime_akte.txt",
             "pressemitteilungen/2025/geheim.md": outside / "geheime_meldung.md"}
    for link, target in links.items():
        (content / link).symlink_to(target)
    read = spy_on_markdown_reads(monkeypatch)
    reported = problems_of(content, tmp_path / "output")
    assert sorted(reported) == sorted(f"{content / link}:1: {LEAVES_TREE}" for link in links)
    assert not [path for path in read if Path(os.path.realpath(path)).is_relative_to(outside)]
    assert not files_with_marker(tmp_path, outside)


def test_folder_links_are_refused_and_nothing_is_read_through_them(tmp_path, monkeypatch):
    outside, content = outside_and_content(tmp_path)
    (content / "images/extern").symlink_to(outside, target_is_directory=True)
    (content / "pressemitteilungen/extern").symlink_to(outside, target_is_directory=True)
    (content / "files/schleife").symlink_to(content / "files", target_is_directory=True)
    read = spy_on_markdown_reads(monkeypatch)
    reported = problems_of(content, tmp_path / "output")
    assert sorted(reported) == sorted([
        f"{content / 'images/extern'}:1: {LEAVES_TREE}",
        f"{content / 'pressemitteilungen/extern'}:1: {LEAVES_TREE}",
        f"{content / 'files/schleife'}:1: {FOLDER_LINK}",
    ]), "each link once, and nothing behind it"
    assert not [path for path in read if "extern" in Path(path).parts]
    assert not files_with_marker(tmp_path, outside)


def spy_on_markdown_reads(monkeypatch) -> list[str]:
    """The paths the content model's reader opens."""
    read = []
    original = content_model_reader.read_source

    def read_source(path):
        read.append(path)
        return original(path)

    monkeypatch.setattr(content_model_reader, "read_source", read_source)
    return read


def test_a_file_link_inside_the_asset_folders_is_published_as_a_file(tmp_path):
    content = copy_site(tmp_path / "content")
    (content / "files/kopie-bericht.pdf").symlink_to("bericht.pdf")
    output = build(content, tmp_path / "output")
    copied = output / "files/kopie-bericht.pdf"
    assert not copied.is_symlink()
    assert copied.read_bytes() == (content / "files/bericht.pdf").read_bytes()


def test_an_asset_link_to_a_markdown_source_is_refused(tmp_path):
    content = copy_site(tmp_path / "content")
    shutil.copytree(WITHHELD, content, dirs_exist_ok=True)
    link = content / "files/sperrfrist.txt"
    link.symlink_to("../pressemitteilungen/embargoed_with_marker.md")
    assert problems_of(content, tmp_path / "output") == [f"{link}:1: {ASSET_LINK_OUT_OF_ASSETS}"]


def links_case(tmp_path: Path) -> tuple[Path, Path]:
    outside = shutil.copytree(OUTSIDE, tmp_path / "outside")
    content = copy_site(tmp_path / "content", LINKS_CASE, cases_from=CASES)
    shutil.copytree(WITHHELD, content, dirs_exist_ok=True)  # the embargoed item linked to
    return outside, content


def test_static_links_out_of_the_asset_folders_are_refused_at_their_lines(tmp_path):
    outside, content = links_case(tmp_path)
    reported = problems_of(content, tmp_path / "site" / "output")
    source = content / LINKS_CASE
    links = [(6, "{static}/../outside/geheime_akte.txt"),
             (8, "{attach}../embargoed_with_marker.md"),
             (10, "{static}/pressemitteilungen/embargoed_with_marker.md"),
             (12, "{static}/files/../topics.toml")]
    expected = [
        f"{source}:{line}: Der Link „{link}“ zeigt auf eine Datei außerhalb von files/ und "
        "images/. Veröffentlicht werden nur Anhänge aus files/ und Bilder aus images/ – nie "
        "der Quelltext einer Meldung oder eine Datei außerhalb von content/. Legen Sie die "
        "Datei unter files/ oder images/ ab und verlinken Sie sie mit {static}/files/…; auf "
        "andere Meldungen verlinken Sie mit {filename}/…." for line, link in links]
    # {attach} is not allowed at all (the HTML policy says so for its line).
    expected.append(f"{source}:8: „{links[1][1]}“: {{attach}} verschiebt die Datei")
    assert len(reported) == len(expected)
    assert all(any(r.startswith(e) for r in reported) for e in expected), reported
    assert not files_with_marker(tmp_path, outside, content)


def test_without_the_checks_nothing_outside_the_asset_folders_is_ever_copied(
        tmp_path, monkeypatch):
    """Defence in depth: even if no check stopped the build, no static file from outside
    files/ and images/ is copied, and nothing is written outside the output folder."""
    monkeypatch.setattr(content_model_plugin, "run_content_checks", lambda generators: [])
    outside, content = links_case(tmp_path)
    (content / "files/extern").symlink_to(outside, target_is_directory=True)
    (content / "images/akte.txt").symlink_to(outside / "geheime_akte.txt")
    output = tmp_path / "site" / "output"
    # The links are dead, so the check of the written site (publication) stops the build
    # before it goes live; what matters here is what was copied anywhere until then.
    monkeypatch.setattr("atomic_output.releases.Releases.discard", lambda self, staging: None)
    with contextlib.suppress(ContentError):
        build(content, output)
    builds = [output, *output.parent.glob(".output.releases/*")]
    assert any((d / "files/bericht.pdf").is_file() for d in builds)
    assert not files_with_marker(tmp_path, outside, content)
    written = [f for f in files_under(tmp_path)
               if not any(f.is_relative_to(d) for d in (outside, content, *builds))]
    assert written == [], "written outside the output folder"
    assert not [d for d in builds if (d / "topics.toml").exists()]
    assert not [d for d in builds if list(d.rglob("embargoed_with_marker.md"))]


def test_the_command_line_fails_with_path_line_message_and_no_traceback(tmp_path):
    content = copy_site(tmp_path / "content", "images/svg_with_script.svg",
                        "files/pdf_that_is_really_html.pdf", cases_from=CASES)
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"), cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "content/images/svg_with_script.svg:3: Die SVG-Grafik enthält ein Skript" in output
    assert "content/files/pdf_that_is_really_html.pdf:1: „pdf_that_is_really_html.pdf“" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


# Rules of the SVG check that the fixtures above do not show: (svg body, part of the message)
SVG_RULES = [
    ('<use href=" #form"/>', None),
    ('<rect style="fill: url( \'#verlauf\' )" clip-path="url(#clip)"/>', None),
    ('<rect fill="url(https://tracker.example/#x)"/>', "lädt mit CSS etwas von außerhalb"),
    ("<rect style=\"fill:image-set('https://x.example/a.png' 1x)\"/>", "von außerhalb"),
    ('<style>rect { background: URL( "//x.example/a.png" ) }</style>', "von außerhalb"),
    ('<g xml:base="https://x.example/"><use href="#a"/></g>', "Attribut „xml:base“"),
    ('<image href="data:image/png;base64,iVBORw0KGgo="/>', "auf „data:image/png;base64,"),
    ('<a href="https://www.musterstadt.example/"><text>Link</text></a>', "verweist mit „href“"),
    ("<animate attributeName='href' to='javascript:alert(1)'/>", "die Animation <animate>"),
    ("<animateTransform/><animateMotion/><discard/>", "die Animation <discard>"),
    ("<handler>alert(1)</handler>", "das nicht erlaubte Element <handler>"),
    ('<rect ONCLICK="alert(1)"/>', "das Attribut „ONCLICK“ an <rect>"),
]


@pytest.mark.parametrize(("body", "message"), SVG_RULES, ids=[r[0][:40] for r in SVG_RULES])
def test_svg_rules(body, message):
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' \
          f"{body}</svg>".encode()
    found = [text for _, text in svg_problems(svg)]
    if message is None:
        assert found == []
    else:
        assert any(message in text for text in found), found


def test_a_doctype_with_only_attribute_defaults_is_refused():
    """An internal subset without entities can still add an onload attribute."""
    svg = (b'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>'
           b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert [line for line, _ in svg_problems(svg)] == [1]


def test_the_site_fixture_and_sample_content_graphics_pass():
    sample = ROOT / "content/images/2026/kinderschutzkonferenz.svg"
    for svg in [SITE / "images/netzwerk.svg", sample]:
        assert svg_problems(svg.read_bytes()) == [], svg


# --- Ignored folders and names, and every static file Pelican is about to copy --------

IGNORED_TARGETS = ["images/.cache/grafik.svg", "files/alt~/seite.html", "images/.vorschau.svg"]


def test_without_the_checks_nothing_ignored_is_ever_copied(tmp_path, monkeypatch):
    """Defence in depth: Pelican copies a {static} target in an ignored folder (it tests
    IGNORE_FILES only against the file's own name); even if no check stopped the build,
    such a file is never copied."""
    monkeypatch.setattr(content_model_plugin, "run_content_checks", lambda generators: [])
    monkeypatch.setattr("atomic_output.releases.Releases.discard", lambda self, staging: None)
    content = copy_site(tmp_path / "content")
    for name in IGNORED_TARGETS:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><script>'
                                    f'alert("{MARKER}")</script></svg>\n', encoding="utf-8")
    links = " ".join(f"[x]({{static}}/{name})" for name in IGNORED_TARGETS)
    (content / "pressemitteilungen/ignoriert.md").write_text(
        f"Title: Ignoriert\nDate: 2025-01-01 10:00\nTags: KI\nSummary: X.\n\n{links}\n",
        encoding="utf-8")
    output = tmp_path / "site" / "output"
    with contextlib.suppress(ContentError):
        build(content, output)
    builds = [output, *output.parent.glob(".output.releases/*")]
    assert any((d / "files/bericht.pdf").is_file() for d in builds)
    assert not files_with_marker(tmp_path, content)


def test_every_static_file_is_checked_even_if_the_walk_missed_it(tmp_path, monkeypatch):
    """Defence in depth: the static files Pelican is about to copy get the checks of the
    tree walk, whatever brought them into its list (here: a walk that sees nothing)."""
    monkeypatch.setattr("static_files.plugin.tree_problems", lambda root, ignored: [])
    monkeypatch.setattr("static_files.plugin.entries", lambda root, ignored: iter(()))
    content = copy_site(tmp_path / "content", "images/svg_with_script.svg",
                        "files/pdf_that_is_really_html.pdf", cases_from=CASES)
    reported = problems_of(content, tmp_path / "output")
    assert any(r.startswith(f"{content / 'images/svg_with_script.svg'}:3: Die SVG-Grafik "
                            "enthält ein Skript") for r in reported), reported
    assert any(r.startswith(f"{content / 'files/pdf_that_is_really_html.pdf'}:1: ")
               for r in reported), reported


class _Static:
    """What the check reads of a pelican.contents.Static."""

    def __init__(self, root: Path, relative: str):
        self.source_path, self.relative = str(root / relative), relative

    def get_relative_source_path(self) -> str:
        return self.relative

    def get_url_setting(self, _key: str) -> str:
        return self.relative


def test_a_static_file_that_may_never_be_copied_is_a_problem_of_that_file(tmp_path):
    from static_files.messages import NEVER_PUBLISHED
    from static_files.plugin import unchecked_static_problems
    from static_files.tree import ignored_by

    content = copy_site(tmp_path / "content")
    ignored = ignored_by([".*", "*~", "~$*", "#*#"])
    for name in [*IGNORED_TARGETS, "pressemitteilungen/notiz.txt"]:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("Notiz\n", encoding="utf-8")
    statics = [_Static(content, n) for n in [*IGNORED_TARGETS, "pressemitteilungen/notiz.txt"]]
    statics.append(_Static(content, "files/bericht.pdf"))  # checked by the walk
    problems = unchecked_static_problems(statics, content, ignored)
    assert [(p.path, p.line, p.message) for p in problems] == [
        (s.source_path, 1, NEVER_PUBLISHED) for s in statics[:-1]]


def test_svg_in_an_encoding_expat_cannot_read_is_refused_naming_it():
    """Expat checks the DOCTYPE; what it cannot read (lxml might) was never checked."""
    drawing = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
    subset = '<!DOCTYPE svg [<!ENTITY a "b">]>' + drawing
    for data, declared in [
            (f'<?xml version="1.0" encoding="Shift_JIS"?>{drawing}'.encode(), "„Shift_JIS“"),
            (f'<?xml version="1.0" encoding="x-unbekannt"?>{drawing}'.encode(),
             "„x-unbekannt“"),
            (subset.encode("utf-32"), "unbekannt"), (drawing.encode("utf-32"), "unbekannt")]:
        assert svg_problems(data) == [(1, (
            "Die SVG-Grafik ist in einer Zeichenkodierung gespeichert, die nicht gelesen und "
            f"geprüft werden kann (angegeben: {declared}). Speichern Sie sie als SVG in UTF-8: "
            "in Inkscape mit „Speichern unter > Optimiertes SVG“, im Texteditor mit der "
            "Kodierung „UTF-8“ und encoding=\"UTF-8\" in der ersten Zeile."))], data[:60]


def test_a_zip_with_corrupt_compressed_data_is_a_broken_file(tmp_path):
    """zipfile raises zlib.error (and lzma.LZMAError) for corrupt data, not BadZipFile."""
    data = bytearray(ooxml("docx"))
    start = data.index(b"[Content_Types].xml") + len("[Content_Types].xml")
    for index in range(start + 4, start + 40):
        data[index] ^= 0x55
    content = copy_site(tmp_path / "content")
    (content / "files/kaputt.docx").write_bytes(bytes(data))
    reported = problems_of(content, tmp_path / "output")
    assert [r for r in reported if "kaputt.docx" in r] == [
        f"{content / 'files/kaputt.docx'}:1: „kaputt.docx“ ist in Wahrheit eine beschädigte "
        "ZIP- oder Office-Datei, keine Word-Datei (.docx). Umbenennen ändert das Format nicht. "
        "Öffnen Sie die Datei im Programm, mit dem sie erstellt wurde, und speichern Sie sie "
        "in Word als „Word-Dokument (.docx)“."], reported


def test_any_failure_to_read_a_file_is_a_problem_of_that_file(tmp_path, monkeypatch):
    def broken_sniff(path):
        raise RuntimeError("unerwartet")

    monkeypatch.setattr("static_files.formats.sniff", broken_sniff)
    content = copy_site(tmp_path / "content")
    reported = problems_of(content, tmp_path / "output")
    assert reported == [
        f"{content / 'files/bericht.pdf'}:1: „bericht.pdf“ konnte nicht gelesen und deshalb "
        "nicht geprüft werden (RuntimeError: unerwartet). Prüfen Sie, ob die Datei "
        "vollständig ist, öffnen Sie sie im Programm, mit dem sie erstellt wurde, und "
        "speichern Sie sie dort neu."]
