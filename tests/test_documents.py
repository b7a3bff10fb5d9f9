"""PDF attachments: the accessibility check of every published PDF (plugins/documents),
the attachment list with type, size, pages and the request for an accessible version,
in pages and feeds; the cache; what production builds leave alone. Every PDF is made
by tests/pdfs.py and named after its case."""

import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pdfs
import pypdf
import pytest
from content_model.attachments import KNOWN_TYPES
from content_model.checks import content_checks
from content_model.problems import ContentError
from documents.analysis import SHORTCOMINGS, PdfAnalysis, UnreadablePdf, analyse_pdf
from documents.cache import AnalysisCache
from documents.request import mailto
from documents.settings import DocumentsSettingsError
from lxml import etree
from nginx_config.content_types import CONTENT_TYPES
from pelican import Pelican
from sample_files import odf, ooxml
from support import (
    ROOT,
    build,
    copy_site,
    get_settings,
    item_text,
    page,
    production_build,
    run_pelican,
    site_with_withheld_items,
)

BASE = "http://127.0.0.1:8000"  # FEEDS["preview_site_url"]: absolute addresses in previews
PROBLEM_LINE = re.compile(r"^\S.*:\d+: ", re.MULTILINE)


# --- The analysis of each case ---------------------------------------------------------

def test_a_tagged_pdf_with_language_and_title_has_no_shortcomings():
    analysis = analyse_pdf(pdfs.tagged_with_language_and_title())
    assert analysis.shortcomings == ()
    assert (analysis.title, analysis.language, analysis.tagged, analysis.displays_title) == (
        "Kita-Bedarfsplanung 2026", "de-DE", True, True)
    assert analysis.page_texts == ("Kita-Bedarfsplanung 2026", "Zweite Seite")


def test_the_text_is_kept_page_by_page():
    analysis = analyse_pdf(pdfs.multi_page_with_a_word_only_on_page_3())
    assert analysis.page_count == 4
    assert [number for number, text in enumerate(analysis.page_texts, start=1)
            if "Zauneidechse" in text] == [3]


def test_an_untagged_pdf_lacks_tags_language_and_title():
    analysis = analyse_pdf(pdfs.untagged())
    assert analysis.shortcomings == ("untagged", "no_language", "no_title")
    assert analysis.has_text


def test_a_title_the_viewer_does_not_show_is_a_shortcoming():
    assert analyse_pdf(pdfs.tagged_but_title_not_shown()).shortcomings == ("title_not_shown",)


def test_a_scan_has_pages_but_no_text():
    analysis = analyse_pdf(pdfs.scan_only())
    assert analysis.page_count == 2 and not analysis.has_text
    assert "no_text" in analysis.shortcomings


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_encrypted_against_assistive_technology(algorithm):
    analysis = analyse_pdf(pdfs.encrypted_against_assistive_technology(algorithm))
    assert analysis.shortcomings == ("blocks_assistive_technology",)
    assert analysis.page_texts == ("Geschützter Bericht",)  # it opens without a password


def test_encryption_that_allows_assistive_technology_is_no_shortcoming():
    analysis = analyse_pdf(pdfs.protected_for_editing_only())
    assert analysis.encrypted and analysis.shortcomings == ()


def test_a_page_whose_text_cannot_be_extracted_is_a_page_without_text():
    analysis = analyse_pdf(pdfs.a_page_whose_text_cannot_be_extracted())
    assert analysis.page_texts == ("Bebauungsplan Nordstadt", "")
    assert analysis.shortcomings == ()
    analysis = analyse_pdf(pdfs.only_pages_whose_text_cannot_be_extracted())
    assert analysis.page_texts == ("",) and analysis.shortcomings == ("no_text",)


def test_an_empty_structure_tree_is_untagged():
    assert analyse_pdf(pdfs.tagged_with_an_empty_structure_tree()).shortcomings == (
        "untagged",)


@pytest.mark.parametrize(("copying", "shortcomings"), [
    (True, ()), (False, ("blocks_assistive_technology",))])
def test_in_40_bit_rc4_copying_governs_assistive_technology(copying, shortcomings):
    analysis = analyse_pdf(pdfs.rc4_40_bit(copying))
    assert analysis.encrypted and analysis.shortcomings == shortcomings


def test_a_pdf_without_pages_is_unreadable_and_says_so(tmp_path):
    from documents import messages

    analyse = CountingAnalysis()
    for _ in range(2):  # a definite verdict: cached
        with pytest.raises(UnreadablePdf) as raised:
            AnalysisCache(tmp_path, analyse).analysis_of(pdfs.without_pages())
        assert raised.value.reason == "no_pages"
    assert analyse.calls == 1
    assert messages.unreadable("leer.pdf", "no_pages", "").startswith(
        "Das PDF „leer.pdf“ enthält keine Seiten.")


def test_markinfo_without_a_structure_tree_is_untagged():
    assert analyse_pdf(pdfs.marked_without_structure_tree()).shortcomings == ("untagged",)


def test_a_title_only_in_the_xmp_metadata_is_found():
    analysis = analyse_pdf(pdfs.title_only_in_xmp())
    assert analysis.title == pdfs.XMP_TITLE and analysis.shortcomings == ()


def test_pages_of_only_spaces_have_no_text():
    analysis = analyse_pdf(pdfs.only_whitespace())
    assert analysis.page_count == 2 and not analysis.has_text
    assert "no_text" in analysis.shortcomings


@pytest.mark.parametrize(("case", "reason"), [
    (pdfs.password_protected, "password"), (pdfs.corrupt, "corrupt"),
    (lambda: pdfs.untagged()[:200], "corrupt"), (lambda: b"%PDF-1.7\n" + bytes(300), "corrupt"),
])
def test_a_pdf_that_cannot_be_opened_is_unreadable(case, reason):
    with pytest.raises(UnreadablePdf) as raised:
        analyse_pdf(case())
    assert raised.value.reason == reason


def test_a_pdf_with_more_text_than_the_build_reads_is_too_large(monkeypatch):
    from documents import analysis

    four_pages = pdfs.multi_page_with_a_word_only_on_page_3()
    total = sum(map(len, analyse_pdf(four_pages).page_texts))
    monkeypatch.setattr(analysis, "MAX_TEXT_CHARACTERS", total)
    assert analyse_pdf(four_pages).page_count == 4  # up to the limit: read
    monkeypatch.setattr(analysis, "MAX_TEXT_CHARACTERS", total - 1)
    with pytest.raises(UnreadablePdf) as raised:
        analyse_pdf(four_pages)
    assert (raised.value.reason, raised.value.detail) == ("too_large", "text")


def test_a_pdf_with_more_pages_than_the_build_reads_is_too_large(monkeypatch):
    from documents import analysis

    monkeypatch.setattr(analysis, "MAX_PAGES", 4)
    assert analyse_pdf(pdfs.multi_page_with_a_word_only_on_page_3()).page_count == 4
    monkeypatch.setattr(analysis, "MAX_PAGES", 3)
    with pytest.raises(UnreadablePdf) as raised:
        analyse_pdf(pdfs.multi_page_with_a_word_only_on_page_3())
    assert (raised.value.reason, raised.value.detail) == ("too_large", "pages")


def test_a_small_pdf_with_one_long_text_on_many_pages_is_stopped_quickly(tmp_path):
    """26 KB, 4096 times the same page with a line of a million letters: 4 billion
    characters unchecked. The budget stops it after a few pages, and nothing is cached."""
    data = pdfs.one_long_text_on_many_pages()
    assert len(data) < 50_000
    analyse = CountingAnalysis()
    cache = AnalysisCache(tmp_path / "cache", analyse)
    started = time.perf_counter()
    for _ in range(2):
        with pytest.raises(UnreadablePdf) as raised:
            cache.analysis_of(data)
        assert raised.value.reason == "too_large"
    assert time.perf_counter() - started < 20
    assert analyse.calls == 2 and not list((tmp_path / "cache").glob("*"))


def test_a_too_large_pdf_is_a_problem_of_the_file_in_a_build(tmp_path, monkeypatch):
    from documents import analysis

    monkeypatch.setattr(analysis, "MAX_TEXT_CHARACTERS", 10)
    content = copy_site(tmp_path / "content")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", DOCUMENTS={"cache": str(tmp_path / "cache")},
              SEARCH={"enabled": False})
    [problem] = raised.value.problems
    assert str(problem) == (
        f"{content}/files/bericht.pdf:1: Das PDF „bericht.pdf“ enthält mehr Text, als der "
        "Build prüfen kann (über 10 Zeichen) – ist es wirklich ein Dokument für die Website? "
        "Bitte teilen Sie es auf oder legen Sie es als kleinere Datei ab.")
    monkeypatch.setattr(analysis, "MAX_TEXT_CHARACTERS", 10_000_000)
    assert "über 10.000.000 Zeichen" in messages_of("too_large", "text")


def messages_of(reason, detail):
    from documents import messages

    return messages.unreadable("x.pdf", reason, detail)


INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00a0\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def test_escape_codes_pypdf_quotes_from_a_pdf_are_made_visible():
    with pytest.raises(UnreadablePdf) as raised:
        analyse_pdf(pdfs.escape_codes_in_the_crypt_filter_name())
    detail = raised.value.detail
    assert not INVISIBLE.search(detail) and "/X\\x1b[2J\\x1b[31mGEHACKT" in detail
    assert "\\u202e" in detail and len(detail) <= 160


def test_a_cached_detail_with_escape_codes_is_made_visible_and_short():
    from documents import messages

    detail = "PdfReadError: /X" + pdfs.ESCAPE_CODES + "\u2028\u00a0\u200b" + "y" * 500
    message = messages.unreadable("x.pdf", "corrupt", detail)
    assert not INVISIBLE.search(message)
    assert "\\x1b[2J" in message and "\\u2028\\xa0\\u200b" in message
    assert len(message) < len(messages.unreadable("x.pdf", "corrupt", "")) + 161


def test_the_committed_pdfs_are_what_the_helper_makes():
    for relative, make in pdfs.COMMITTED.items():
        assert (ROOT / relative).read_bytes() == make(), relative


def test_attachment_types_are_the_types_the_web_server_sends():
    served = {extension: mime for mime, extensions in CONTENT_TYPES.items()
              for extension in extensions}
    assert {extension: mime for extension, (mime, _) in KNOWN_TYPES.items()} == {
        extension: served[extension] for extension in KNOWN_TYPES}


# --- The cache -------------------------------------------------------------------------

class CountingAnalysis:
    def __init__(self):
        self.calls = 0

    def __call__(self, data):
        self.calls += 1
        return analyse_pdf(data)


def test_the_cache_analyses_each_content_once(tmp_path):
    analyse = CountingAnalysis()
    cache = AnalysisCache(tmp_path / "cache", analyse)
    first = cache.analysis_of(pdfs.untagged())
    assert cache.analysis_of(pdfs.untagged()) == first
    assert AnalysisCache(tmp_path / "cache", analyse).analysis_of(pdfs.untagged()) == first
    assert analyse.calls == 1
    cache.analysis_of(pdfs.tagged_with_language_and_title())  # other bytes: analysed
    assert analyse.calls == 2
    for _ in range(2):  # an unreadable file is cached too, and still unreadable
        with pytest.raises(UnreadablePdf):
            cache.analysis_of(pdfs.corrupt())
    assert analyse.calls == 3


NO_CRYPTOGRAPHY = """
import sys
sys.modules["cryptography"] = None  # as on a machine without the package
sys.path[:0] = [{plugins!r}]
from pathlib import Path
from documents.analysis import UnreadablePdf
from documents.cache import AnalysisCache
try:
    AnalysisCache(Path({cache!r})).analysis_of(Path({pdf!r}).read_bytes())
except UnreadablePdf as error:
    print(error.reason, error.detail)
"""


def test_a_pdf_the_environment_cannot_decrypt_is_unchecked_and_not_cached(tmp_path):
    """Without the `cryptography` package pypdf cannot decrypt AES: not a broken file."""
    data = pdfs.encrypted_against_assistive_technology()
    (tmp_path / "aes.pdf").write_bytes(data)
    script = NO_CRYPTOGRAPHY.format(plugins=str(ROOT / "plugins"), cache=str(tmp_path / "c"),
                                    pdf=str(tmp_path / "aes.pdf"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.startswith("unchecked DependencyError: "), result.stderr
    assert not (tmp_path / "c").exists()
    analysis = AnalysisCache(tmp_path / "c").analysis_of(data)
    assert analysis.shortcomings == ("blocks_assistive_technology",)


def test_running_out_of_memory_is_not_cached_as_a_broken_pdf(tmp_path, monkeypatch):
    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pypdf, "PdfReader", out_of_memory)
    with pytest.raises(UnreadablePdf) as raised:
        AnalysisCache(tmp_path).analysis_of(pdfs.untagged())
    assert (raised.value.reason, raised.value.detail) == ("unchecked", "MemoryError")
    assert not list(tmp_path.iterdir())
    monkeypatch.undo()
    assert AnalysisCache(tmp_path).analysis_of(pdfs.untagged()).has_text


def test_an_unchecked_pdf_is_explained_as_the_builds_problem():
    from documents import messages

    message = messages.unreadable("x.pdf", "unchecked", "DependencyError: cryptography")
    assert message.startswith("Das PDF „x.pdf“ konnte nicht geprüft werden (DependencyError")
    assert "beschädigt" not in message and "Technik" in message


@pytest.mark.parametrize("damage", [
    b"", b'{"version": ', b"[]", b'{"version": {"analysis": 0, "pypdf": "0"}, "analysis": {}}',
    b'{"analysis": {"page_texts": 5}}', "\ufffd".encode() * 3,
])
def test_a_damaged_or_outdated_cache_entry_is_analysed_again(tmp_path, damage):
    analyse = CountingAnalysis()
    cache = AnalysisCache(tmp_path, analyse)
    expected = cache.analysis_of(pdfs.untagged())
    [entry] = tmp_path.glob("*.json")
    entry.write_bytes(damage)
    assert cache.analysis_of(pdfs.untagged()) == expected
    assert analyse.calls == 2
    assert cache.analysis_of(pdfs.untagged()) == expected and analyse.calls == 2  # rewritten


def test_a_valid_entry_of_an_older_analysis_version_is_analysed_again(tmp_path):
    import json

    from documents.cache import VERSION

    analyse = CountingAnalysis()
    expected = AnalysisCache(tmp_path, analyse).analysis_of(pdfs.untagged())
    [path] = tmp_path.glob("*.json")
    older = {**VERSION, "analysis": VERSION["analysis"] - 1}
    path.write_text(json.dumps({"version": older, "analysis": {
        **expected.to_json(), "title": "Alte Analyse"}}), encoding="utf-8")
    assert AnalysisCache(tmp_path, analyse).analysis_of(pdfs.untagged()) == expected
    assert analyse.calls == 2


GOOD_ANALYSIS = {"page_texts": ["x"], "title": "", "language": "", "tagged": False,
                 "displays_title": False, "encrypted": False,
                 "blocks_assistive_technology": False}


@pytest.mark.parametrize("analysis", [
    {**GOOD_ANALYSIS, "page_texts": [1, 2]}, {**GOOD_ANALYSIS, "page_texts": "abc"},
    {**GOOD_ANALYSIS, "page_texts": [None]}, {**GOOD_ANALYSIS, "page_texts": {"a": 1}},
    {**GOOD_ANALYSIS, "page_texts": []}, {**GOOD_ANALYSIS, "tagged": "false"},
    {**GOOD_ANALYSIS, "displays_title": 1}, {**GOOD_ANALYSIS, "encrypted": None},
    {**GOOD_ANALYSIS, "title": {"a": 1}}, {**GOOD_ANALYSIS, "language": 5},
    {**GOOD_ANALYSIS, "extra": True}, {k: v for k, v in GOOD_ANALYSIS.items() if k != "title"},
], ids=["int-texts", "str-texts", "none-texts", "dict-texts", "no-pages", "string-bool",
        "int-bool", "null-bool", "dict-title", "int-language", "extra-key", "missing-key"])
def test_a_cache_entry_of_wrong_types_is_analysed_again(tmp_path, analysis):
    from documents.cache import VERSION

    assert_replaced(tmp_path, {"version": VERSION, "analysis": analysis})


@pytest.mark.parametrize("unreadable", [
    {"reason": 5, "detail": None}, {"reason": "corrupt", "detail": ["x"]},
    {"reason": "too_large", "detail": "text"}, {"reason": "unchecked", "detail": "x"},
    {"reason": "corrupt"},
], ids=["int-reason", "list-detail", "too-large", "unchecked", "no-detail"])
def test_a_cache_entry_of_a_wrong_verdict_is_analysed_again(tmp_path, unreadable):
    from documents.cache import VERSION

    assert_replaced(tmp_path, {"version": VERSION, "unreadable": unreadable})


def assert_replaced(folder, entry):
    """A cache entry `entry` for pdfs.untagged() counts as missing and is written anew."""
    import json

    analyse = CountingAnalysis()
    cache = AnalysisCache(folder, analyse)
    expected = cache.analysis_of(pdfs.untagged())
    [path] = folder.glob("*.json")
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert cache.analysis_of(pdfs.untagged()) == expected and analyse.calls == 2
    assert PdfAnalysis.from_json(json.loads(path.read_text(encoding="utf-8"))["analysis"]) == (
        expected)


# --- The request link ------------------------------------------------------------------

def test_the_request_link_carries_hostile_names_intact():
    subject = 'Barrierefreie Fassung anfordern: a&b=c?d#e%20f+g"<x>.pdf'
    body = "Datei: a&b.pdf\nSeite: https://x.example/p/?q=1&body=2#frag\n\nÄ ß € 🙂\n"
    link = mailto("barrierefreiheit@musterstadt.example", subject, body)
    assert link.startswith("mailto:barrierefreiheit@musterstadt.example?")
    assert not set(link) & set(" \n\"<>#")
    query = parse_qs(urlparse(link).query, keep_blank_values=True, strict_parsing=True)
    assert query == {"subject": [subject], "body": [body.replace("\n", "\r\n")]}


# --- Real builds: the attachment list, the summary, feeds -------------------------------

CASE_ITEM = "pressemitteilungen/2025/anhaenge_jeder_art.md"
CASE_URL = "/pressemitteilungen/2025/anhaenge-jeder-art/"
# file -> (its bytes, type in words shown, a PDF's shortcomings as the summary names them)
CASE_FILES = {
    "files/barrierefrei.pdf": (pdfs.tagged_with_language_and_title, "PDF", None),
    "files/ohne-tags.pdf": (pdfs.untagged, "PDF", "ohne Tags; keine Dokumentsprache; kein Titel"),
    "files/scan.pdf": (pdfs.scan_only, "PDF", "ohne Tags; keine Dokumentsprache; kein Titel; "
                                               "enthält keinen Text (eingescannt?)"),
    "files/geschuetzt.pdf": (pdfs.encrypted_against_assistive_technology, "PDF",
                             "gegen Vorlesen durch Hilfsmittel geschützt"),
    "files/bedarfsplanung.docx": (lambda: ooxml("docx"), "Word-Dokument", None),
    "files/platzzahlen.xlsx": (lambda: ooxml("xlsx"), "Excel-Tabelle", None),
    "files/konzept.odt": (lambda: odf("odt"), "OpenDocument-Text", None),
    "files/tabelle.ods": (lambda: odf("ods"), "OpenDocument-Tabelle", None),
    "files/zahlen.csv": (lambda: b"Jahr;Pl\xc3\xa4tze\n2025;120\n", "CSV-Tabelle", None),
}
LINKED_IN_BODY = "files/nur-im-text-verlinkt.pdf"  # untagged, linked from the body only


def case_tree(content):
    """The fixture site plus an item with an attachment of every kind and a PDF linked
    in its body."""
    copy_site(content)
    for relative, (make, _, _) in CASE_FILES.items():
        (content / relative).write_bytes(make())
    (content / LINKED_IN_BODY).write_bytes(pdfs.untagged())
    (content / CASE_ITEM).write_text(item_text(
        "Anhänge jeder Art", "2025-04-01",
        f"Siehe auch [die Liste]({{static}}/{LINKED_IN_BODY}).",
        Attachments=", ".join(CASE_FILES)), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def case_build(tmp_path_factory):
    """(output folder, printed summary) of a preview build of the case tree."""
    root = tmp_path_factory.mktemp("documents")
    content = case_tree(root / "content")
    result = run_pelican(str(content), "-s", str(ROOT / "pelicanconf.py"), "-o",
                         str(root / "output"), "-e", f'DOCUMENTS={{"cache": "{root / "cache"}"}}')
    assert result.returncode == 0, result.stderr
    return root / "output", content, result.stdout


def german_size(size: int) -> str:
    """What file managers show, written down independently of the site's filter."""
    if size < 1000:
        return f"{size} Byte"
    return f"{size / 1000:.1f} KB".replace(".", ",").replace(",0 KB", " KB")


def test_the_attachment_list_shows_type_size_and_pages(case_build):
    output, content, _ = case_build
    entries = page(output, CASE_URL).select(".attachments__list > li")
    assert [e.a["href"] for e in entries] == [f"/{path}" for path in CASE_FILES]
    for entry, (path, (_, label, _)) in zip(entries, CASE_FILES.items(), strict=True):
        details = f"{label}, {german_size((content / path).stat().st_size)}"
        if path.endswith(".pdf"):
            pages = len(pypdf.PdfReader(content / path).pages)
            details += ", 1 Seite" if pages == 1 else f", {pages} Seiten"
        assert entry.select_one(".attachments__info").get_text() == f"({details})", path
        assert (output / path).is_file()


def test_pdfs_with_shortcomings_are_marked_and_say_what_they_lack(case_build):
    output, _, _ = case_build
    entries = page(output, CASE_URL).select(".attachments__list > li")
    marked = {e.a["href"].lstrip("/"): e for e in entries if e.select_one(".attachments__mark")}
    assert set(marked) == {p for p, (_, _, lacking) in CASE_FILES.items() if lacking}
    scan = marked["files/scan.pdf"]
    assert scan.select_one(".attachments__mark").get_text() == "Nicht barrierefrei"
    assert scan.select_one("details summary").get_text(" ", strip=True).startswith("Was fehlt?")
    assert any("eingescannt" in li.get_text() for li in scan.select("details li"))
    assert len(scan.select("details li")) == 4
    # a text version (plugins/document_pages) for every PDF with text; a scan gets none
    assert not scan.select(".attachments__text-version")
    assert all(entry.select(".attachments__text-version") for path, entry in marked.items()
               if path != "files/scan.pdf")


def request_of(entry) -> tuple[str, dict]:
    link = urlparse(entry.select_one("a.attachments__request")["href"])
    return link.path, parse_qs(link.query, strict_parsing=True)


def test_the_request_link_names_the_file_and_the_page(case_build):
    output, _, _ = case_build
    entries = page(output, CASE_URL).select(".attachments__list > li")
    requests = {e.a["href"].lstrip("/"): request_of(e) for e in entries
                if e.select_one("a.attachments__request")}
    assert set(requests) == {"files/ohne-tags.pdf", "files/scan.pdf", "files/geschuetzt.pdf"}
    for path, (address, query) in requests.items():
        name = path.removeprefix("files/")
        assert address == "barrierefreiheit@musterstadt.example"
        assert query["subject"] == [f"Barrierefreie Fassung anfordern: {name}"]
        assert f"Datei: {name}\r\n" in query["body"][0]
        assert f"Seite: {BASE}{CASE_URL}\r\n" in query["body"][0]


def test_the_summary_lists_every_pdf_with_shortcomings(case_build):
    _, _, printed = case_build
    lacking = {p: s for p, (_, _, s) in CASE_FILES.items() if s}
    lacking[LINKED_IN_BODY] = "ohne Tags; keine Dokumentsprache; kein Titel"
    pdf_count = 1 + 1 + sum(p.endswith(".pdf") for p in CASE_FILES)  # bericht.pdf, body link
    lines = printed.splitlines()
    start = lines.index(f"PDF-Barrierefreiheit: {len(lacking)} von {pdf_count} PDFs mit Mängeln:")
    assert lines[start + 1:start + 1 + len(lacking)] == [
        f"  {path}: {text}" for path, text in sorted(lacking.items())]


def test_feed_entries_list_attachments_with_the_same_details(case_build):
    output, _, _ = case_build
    atom = etree.parse(str(output / "feeds/alle.atom.xml")).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(e for e in atom.findall("a:entry", ns)
                 if e.find("a:link", ns).get("href") == BASE + CASE_URL)
    html = page_of_feed(entry.findtext("a:content", namespaces=ns))
    items = html.find("h2", string="Anhänge").find_next_sibling("ul").find_all(
        "li", recursive=False)
    assert [li.a["href"] for li in items] == [f"{BASE}/{p}" for p in CASE_FILES]
    on_page = page(output, CASE_URL).select(".attachments__list > li")
    assert [li.select_one(".attachments__info").get_text() for li in items] == [
        li.select_one(".attachments__info").get_text() for li in on_page]
    assert [request_of(li) for li in items if li.select_one("a.attachments__request")] == [
        request_of(li) for li in on_page if li.select_one("a.attachments__request")]


def page_of_feed(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_an_accessible_site_has_no_marks_and_says_so(tmp_path, capsys):
    output = build(copy_site(tmp_path / "content"), tmp_path / "out",
                   DOCUMENTS={"cache": str(tmp_path / "cache")}, SEARCH={"enabled": False})
    assert "PDF-Barrierefreiheit: 1 PDF geprüft, keine Mängel." in capsys.readouterr().out
    pages = [f.read_text(encoding="utf-8") for f in output.rglob("*.html")]
    assert any("attachments__info" in text for text in pages)
    assert not any("attachments__mark" in text for text in pages)


def test_a_text_version_plugin_can_build_on_the_documents_context(tmp_path):
    """The interface the HTML text versions (plugins/document_pages) build on: a content
    check after documents finds every published PDF with its text per page and its users;
    the address set on it appears as „Textfassung“ in the attachment list."""
    found = {}

    def text_versions(generators):
        found.update(generators[0].context["documents"])
        return []

    content = case_tree(tmp_path / "content")
    pelican = Pelican(get_settings(content, tmp_path / "out", SEARCH={"enabled": False},
                                   DOCUMENTS={"cache": str(tmp_path / "cache")}))
    content_checks.connect(text_versions)  # after the plugins: runs after documents
    try:
        pelican.run()
    finally:
        content_checks.disconnect(text_versions)
    pdf_paths = sorted({p for p in CASE_FILES if p.endswith(".pdf")}
                       | {LINKED_IN_BODY, "files/bericht.pdf"})
    assert sorted(found) == pdf_paths
    assert found["files/barrierefrei.pdf"].page_texts == ("Kita-Bedarfsplanung 2026",
                                                          "Zweite Seite")
    assert [c.slug for c in found[LINKED_IN_BODY].users] == ["anhaenge-jeder-art"]
    assert not found["files/scan.pdf"].has_text
    links = {a.find_parent("li").a["href"]: a["href"] for a in page(
        tmp_path / "out", CASE_URL).select("a.attachments__text-version")}
    assert {path: found[path].text_version_url for path in pdf_paths} == {
        path: None if path == "files/scan.pdf" else
        f"dokumente/{path.removeprefix('files/').removesuffix('.pdf')}/" for path in pdf_paths}
    assert links == {"/files/barrierefrei.pdf": "/dokumente/barrierefrei/",
                     "/files/ohne-tags.pdf": "/dokumente/ohne-tags/",
                     "/files/geschuetzt.pdf": "/dokumente/geschuetzt/"}


# --- Errors -----------------------------------------------------------------------------

def test_broken_and_password_protected_pdfs_stop_the_build_naming_the_file(tmp_path):
    result, output = production_build(tmp_path, {
        "files/kaputt.pdf": pdfs.corrupt(), "files/mit-passwort.pdf": pdfs.password_protected(),
        "pressemitteilungen/2025/mit_kaputten_pdfs.md": item_text(
            "Kaputte PDFs", "2025-01-01", "[Anlage]({static}/files/mit-passwort.pdf)",
            Attachments="files/kaputt.pdf")})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = problem_lines(result.stderr)
    assert len(lines) == 2, result.stderr  # one each, not also from static_files
    broken, protected = lines
    assert broken.startswith(f"{tmp_path}/content/files/kaputt.pdf:1: Das PDF „kaputt.pdf“ ist "
                             "beschädigt und lässt sich nicht öffnen")
    assert protected.startswith(f"{tmp_path}/content/files/mit-passwort.pdf:1: Das PDF "
                                "„mit-passwort.pdf“ lässt sich nur mit einem Passwort öffnen")
    assert not output.exists()


def test_escape_codes_in_a_broken_pdf_never_reach_the_terminal(tmp_path):
    result, _ = production_build(tmp_path, {
        "files/bericht-2025.pdf": pdfs.escape_codes_in_the_crypt_filter_name(),
        "pressemitteilungen/2025/mit_escape.md": item_text(
            "Escape", "2025-01-01", "Text.", Attachments="files/bericht-2025.pdf")})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = problem_lines(result.stderr)
    assert "„bericht-2025.pdf“ ist beschädigt" in line and "\\x1b[2J" in line
    assert not INVISIBLE.search((result.stdout + result.stderr).replace("\n", ""))


def test_pdfs_no_content_uses_are_published_and_checked_too(tmp_path):
    result, output = production_build(tmp_path, {
        "files/verwaist-kaputt.pdf": pdfs.corrupt(),
        "files/verwaist-passwort.pdf": pdfs.password_protected()})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split(":1: ")[0] for line in problem_lines(result.stderr)] == [
        f"{tmp_path}/content/files/verwaist-kaputt.pdf",
        f"{tmp_path}/content/files/verwaist-passwort.pdf"]
    result, output = production_build(tmp_path / "scan", {
        "files/verwaist-scan.pdf": pdfs.scan_only()})
    assert result.returncode == 0, result.stderr
    assert "PDF-Barrierefreiheit: 1 von 2 PDFs mit Mängeln:\n  files/verwaist-scan.pdf: " \
           "ohne Tags" in result.stdout
    assert (output / "files/verwaist-scan.pdf").is_file()


def test_require_accessible_makes_each_shortcoming_an_error(tmp_path):
    content = case_tree(tmp_path / "content")
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "output"), "-e",
                         f'DOCUMENTS={{"require_accessible": true, "cache": "{tmp_path}/c"}}')
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = problem_lines(result.stderr)
    expected = {"ohne-tags.pdf": 3, "scan.pdf": 4, "geschuetzt.pdf": 1,
                "nur-im-text-verlinkt.pdf": 3}
    for name, count in expected.items():
        mine = [line for line in lines if line.startswith(f"{content}/files/{name}:1: ")]
        assert len(mine) == count, (name, lines)
        assert all(f"Das PDF „{name}“ ist nicht barrierefrei: Es " in line for line in mine)
    assert len(lines) == sum(expected.values())
    assert any("hat keine Tags" in line and "„PDF mit Tags“ (LibreOffice)" in line
               for line in lines)
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(("documents", "named"), [
    ('{"require_accessible": "ja", "cache": "c"}', "DOCUMENTS „require_accessible“ = 'ja'"),
    ('{"require_accesible": true}', "DOCUMENTS: unbekannte Einstellung „require_accesible“"),
    ('{"cache": 5}', "DOCUMENTS „cache“ = 5"),
])
def test_wrong_settings_stop_the_build_with_a_german_line(tmp_path, documents, named):
    result = run_pelican(str(copy_site(tmp_path / "content")), "-s",
                         str(ROOT / "pelicanconf.py"), "-o", str(tmp_path / "output"),
                         "-e", f"DOCUMENTS={documents}")
    assert result.returncode == 1
    assert named in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(DocumentsSettingsError):
        build(copy_site(tmp_path / "again"), tmp_path / "out", DOCUMENTS={"x": 1})


def test_documents_before_publication_in_plugins_stops_the_build(tmp_path):
    from pelicanconf import PLUGINS

    wrong = [p for p in PLUGINS if p != "documents"]
    wrong.insert(wrong.index("publication"), "documents")
    with pytest.raises(DocumentsSettingsError, match="„documents“ muss nach „publication“"):
        build(copy_site(tmp_path / "content"), tmp_path / "out", PLUGINS=wrong)


# --- The cache in real builds -----------------------------------------------------------

def test_a_second_build_reads_no_pdf_until_one_changes(tmp_path, monkeypatch):
    reads = []
    real_reader = pypdf.PdfReader
    monkeypatch.setattr(pypdf, "PdfReader", lambda *a, **k: reads.append(1) or real_reader(
        *a, **k))
    content = case_tree(tmp_path / "content")
    settings = {"DOCUMENTS": {"cache": str(tmp_path / "cache")}, "SEARCH": {"enabled": False}}
    build(content, tmp_path / "first", **settings)
    assert len(reads) == 5  # bericht.pdf, four attachments and the body link; six names
    reads.clear()
    build(content, tmp_path / "second", **settings)
    assert reads == []
    (content / "files/ohne-tags.pdf").write_bytes(pdfs.tagged_with_language_and_title())
    build(content, tmp_path / "third", **settings)
    assert len(reads) == 0  # the same bytes as barrierefrei.pdf: already in the cache
    (content / "files/ohne-tags.pdf").write_bytes(pdfs.tagged_but_title_not_shown())
    build(content, tmp_path / "fourth", **settings)
    assert len(reads) == 1
    item = page(tmp_path / "fourth", CASE_URL)
    entry = item.select_one('.attachments__list > li:has(a[href="/files/ohne-tags.pdf"])')
    assert [li.get_text() for li in entry.select("details li")] == [
        "Der Titel wird nicht angezeigt, nur der Dateiname."]


# --- What production builds leave alone -------------------------------------------------

EMBARGOED = "pressemitteilungen/2099/sperrfrist_mit_pdfs.md"


def withheld_pdf_tree(content):
    """The withheld fixtures plus an embargoed item whose PDFs are broken and untagged."""
    site_with_withheld_items(content)
    (content / "files/sperrfrist-kaputt.pdf").write_bytes(pdfs.corrupt())
    (content / "files/sperrfrist-ohne-tags.pdf").write_bytes(pdfs.untagged())
    (content / EMBARGOED).parent.mkdir(parents=True, exist_ok=True)
    (content / EMBARGOED).write_text(item_text(
        "Sperrfrist mit PDFs", "2099-05-01", "[Plan]({static}/files/sperrfrist-kaputt.pdf)",
        Attachments="files/sperrfrist-ohne-tags.pdf"), encoding="utf-8")
    return content


def test_production_neither_lists_nor_publishes_the_pdfs_of_an_embargoed_item(tmp_path,
                                                                                capsys):
    content = withheld_pdf_tree(tmp_path / "content")
    (content / "files/sperrfrist-kaputt.pdf").write_bytes(pdfs.untagged())
    output = build(content, tmp_path / "out", conf="publishconf.py",
                   DOCUMENTS={"cache": str(tmp_path / "cache")}, SEARCH={"enabled": False})
    printed = capsys.readouterr().out
    # bericht.pdf only: nur-fuer-sperrfrist.pdf (untagged) belongs to an embargoed item too
    assert "PDF-Barrierefreiheit: 1 PDF geprüft, keine Mängel.\n" in printed
    assert "sperrfrist" not in printed[printed.index("PDF-Barrierefreiheit"):]
    for name in ("sperrfrist-kaputt.pdf", "sperrfrist-ohne-tags.pdf", "nur-fuer-sperrfrist.pdf"):
        assert not (output / "files" / name).exists()
    bericht = hashlib.sha256((content / "files/bericht.pdf").read_bytes()).hexdigest()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"{bericht}.json"]


def test_a_broken_pdf_of_an_embargoed_item_fails_the_build_now_not_at_its_release(tmp_path):
    """Else the build at the release time would fail and the item would not appear."""
    content = withheld_pdf_tree(tmp_path / "content")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", conf="publishconf.py",
              DOCUMENTS={"cache": str(tmp_path / "cache")}, SEARCH={"enabled": False})
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == (str(content / "files/sperrfrist-kaputt.pdf"), 1)
    assert "zurückgehaltenen Veröffentlichung" in problem.message
    assert not (tmp_path / "out").exists()


def test_with_require_accessible_the_shortcomings_of_an_embargoed_pdf_fail_the_build_now(
        tmp_path):
    """Else `make check` passes now and the build at the release time fails."""
    content = withheld_pdf_tree(tmp_path / "content")
    (content / "files/sperrfrist-kaputt.pdf").write_bytes(pdfs.tagged_but_title_not_shown())
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", conf="publishconf.py", SEARCH={"enabled": False},
              DOCUMENTS={"cache": str(tmp_path / "cache"), "require_accessible": True})
    found = sorted((Path(p.path).name, p.line) for p in raised.value.problems)
    assert found == [("nur-fuer-sperrfrist.pdf", 1)] * 3 + [("sperrfrist-kaputt.pdf", 1)] + [
        ("sperrfrist-ohne-tags.pdf", 1)] * 3
    assert all("ist nicht barrierefrei" in p.message and "zurückgehaltenen" in p.message
               for p in raised.value.problems)
    assert not (tmp_path / "out").exists()


def test_preview_reads_what_it_shows_and_reports_the_broken_pdf(tmp_path):
    content = withheld_pdf_tree(tmp_path / "content")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", DOCUMENTS={"cache": str(tmp_path / "cache")},
              SEARCH={"enabled": False})
    assert [(p.path, p.line) for p in raised.value.problems] == [
        (str(content / "files/sperrfrist-kaputt.pdf"), 1)]


# --- make check -------------------------------------------------------------------------

def test_make_check_shows_the_pdf_summary_and_verdict_of_publish(tmp_path):
    content = case_tree(tmp_path / "content")
    (content / "files/ohne-tags.pdf").write_bytes(pdfs.corrupt())
    check = subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    publish = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                          str(tmp_path / "output"))
    assert check.returncode == publish.returncode == 1
    assert problem_lines(check.stderr) == problem_lines(publish.stderr) == [
        line for line in problem_lines(publish.stderr) if "„ohne-tags.pdf“ ist beschädigt" in line]
    (content / "files/ohne-tags.pdf").write_bytes(pdfs.untagged())
    check = subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr
    summary = check.stdout[check.stdout.index("PDF-Barrierefreiheit: 4 von 6 PDFs"):]
    assert "  files/scan.pdf: ohne Tags; keine Dokumentsprache; kein Titel; enthält keinen " \
           "Text (eingescannt?)\n" in summary


def problem_lines(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if PROBLEM_LINE.match(line))


def test_every_shortcoming_has_words_for_editors_and_citizens():
    import tomllib

    from documents import messages

    strings = tomllib.loads((ROOT / "theme/strings.toml").read_text(encoding="utf-8"))
    assert set(strings["pdf_shortcomings"]) == set(SHORTCOMINGS) == set(messages.SHORT)
    assert all(messages.shortcoming("x.pdf", key) for key in SHORTCOMINGS)
