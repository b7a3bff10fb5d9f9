"""The HTML text versions of PDFs (plugins/document_pages): the page, its links, the
sitemap, the search (a real Pagefind query in Chromium leads to the PDF page with the
word), hostile PDF text, scans, withheld items in production and preview, collisions and
settings. Every PDF is made by tests/pdfs.py."""

import json
import re
import subprocess
from urllib.parse import urlparse

import pdfs
import pytest
from browser import ConsoleErrors, CspViolations, serve
from content_model.problems import ContentError
from document_pages.settings import DocumentPagesSettingsError
from document_pages.text import paragraphs
from lxml import etree
from support import (
    ROOT,
    build,
    copy_site,
    files_mentioning,
    item_text,
    page,
    run_pelican,
)
from test_accessibility import axe_violations
from test_documents import german_size
from test_links import broken_links
from test_search import fragments

# The word stands on page 3 of the 4 pages of pdfs.multi_page_with_a_word_only_on_page_3.
WORD = "Zauneidechse"
ITEM = "pressemitteilungen/2025/artenschutz.md"
ITEM_URL = "/pressemitteilungen/2025/kita-garten-wird-naturnah/"
ITEM_TITLE = "Kita-Garten wird naturnah"
PDF = "files/2025/Artenschutz-im-Kita-Garten.pdf"  # upper case: the address is lower case
TEXT_URL = "/dokumente/2025/artenschutz-im-kita-garten/"
HOSTILE = "files/feindlich.pdf"
HOSTILE_URL = "/dokumente/feindlich/"
SCAN = "files/scan.pdf"
# A PDF only an embargoed item uses: its text carries a marker (pdfs.untagged_with_marker).
MARKER = "Feuersalamander"
EMBARGOED_PDF = "files/sperrfrist-anlage.pdf"
EMBARGOED_TEXT_URL = "/dokumente/sperrfrist-anlage/"
# A PDF a public item and an embargoed item use; the embargoed one's title has a marker.
SHARED = "files/gemeinsam.pdf"
SHARED_URL = "/dokumente/gemeinsam/"
SHARED_ITEM_URL = "/ausschussmitteilungen/2025/gemeinsamer-plan/"
EMBARGOED_TITLE = "Ringelnatter im Schulgarten"
BERICHT_URL = "/dokumente/bericht/"  # the fixture site's files/bericht.pdf
FORM = "files/antrag.pdf"  # linked from a static page's text only
FORM_URL = "/dokumente/antrag/"
FORM_PAGE_URL = "/formulare/"
BERICHT_ITEM_URL = "/pressemitteilungen/2025/kurze-adresse/"


def notice_text(title: str, date: str, body: str, **fields: str) -> str:
    """A committee notice with its required fields (topic Kinderschutz)."""
    header = {"Title": title, "Date": date, "Tags": "Kinderschutz", "Summary": "Kurz.",
              "Committee": "Jugendhilfeausschuss", "Meeting": "2025-09-10",
              **fields}
    return "".join(f"{k}: {v}\n" for k, v in header.items()) + "\n" + body + "\n"


def document_tree(content):
    """The fixture site plus: an item with a 4-page PDF (a word only on page 3), a hostile
    PDF and a scan, linking the text version in its body; an embargoed item with its own
    PDF; a PDF a public notice and an embargoed item share; a page linking a PDF."""
    copy_site(content)
    files = {PDF: pdfs.multi_page_with_a_word_only_on_page_3(), HOSTILE: pdfs.hostile_text(),
             SCAN: pdfs.scan_only(), EMBARGOED_PDF: pdfs.untagged_with_marker(MARKER),
             SHARED: pdfs.tagged_with_language_and_title("Gemeinsamer Plan", (
                 "Gemeinsamer Plan", "Kreuzotter und Blindschleiche")),
             FORM: pdfs.tagged_with_language_and_title("Antrag auf Förderung", ("Antrag",))}
    texts = {
        ITEM: item_text(ITEM_TITLE, "2025-05-02 10:00",
                        f"Die [Textfassung des Plans]({TEXT_URL}) steht auch im Netz.",
                        Attachments=f"{PDF}, {HOSTILE}, {SCAN}"),
        "pressemitteilungen/2099/sperrfrist.md": item_text(
            "Neues Biotop", "2099-03-01", "Bald mehr.", Attachments=EMBARGOED_PDF),
        "pressemitteilungen/2099/sperrfrist_gemeinsam.md": item_text(
            EMBARGOED_TITLE, "2099-04-01", "Bald mehr.", Attachments=SHARED),
        "ausschussmitteilungen/2025/gemeinsam.md": notice_text(
            "Gemeinsamer Plan", "2025-03-03", "Siehe Anlage.", Attachments=SHARED),
        "pages/formulare.md": f"Title: Formulare\n\n[Antrag]({{static}}/{FORM})\n",
    }
    for relative, data in files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(data)
    for relative, text in texts.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return document_tree(tmp_path_factory.mktemp("document-pages") / "content")


@pytest.fixture(scope="module")
def preview(tree, tmp_path_factory):
    """A preview build (pelicanconf.py) with the search index."""
    root = tmp_path_factory.mktemp("document-preview")
    return build(tree, root / "output", DOCUMENTS={"cache": str(root / "cache")})


@pytest.fixture(scope="module")
def production(tree, tmp_path_factory):
    """A production build (publishconf.py: .gz and .br files too)."""
    root = tmp_path_factory.mktemp("document-production")
    return build(tree, root / "output", conf="publishconf.py",
                 DOCUMENTS={"cache": str(root / "cache")})


@pytest.fixture(scope="module")
def preview_url(preview):
    with serve(preview) as url:
        yield url


# --- The page ---------------------------------------------------------------------------

def test_the_text_version_has_title_note_and_one_section_per_page(preview):
    document = page(preview, TEXT_URL)
    assert document.h1.get_text() == "Artenschutz im Kita-Garten"  # the PDF's title
    assert document.title.get_text().startswith("Artenschutz im Kita-Garten – Textfassung – ")
    assert "ohne seine Gestaltung" in document.select_one(".document__note").get_text()
    sections = document.select("main section")
    assert [s["aria-labelledby"] for s in sections] == [f"seite-{n}" for n in range(1, 5)]
    for number, section in enumerate(sections, start=1):
        heading = section.find("h2")
        assert (heading["id"], heading.get_text()) == (f"seite-{number}", f"Seite {number}")
    lines = [list(s.find("p").stripped_strings) for s in sections]  # <br> between lines
    assert lines == [["Artenschutz im Kita-Garten", "Einleitung"], ["Hecken und Wiesen"],
                     ["Die Zauneidechse"], ["Ausblick"]]
    assert [a["href"] for a in document.select(".document__page-index a")] == [
        f"#seite-{n}" for n in range(1, 5)]


def test_the_text_version_offers_the_pdf_with_type_size_and_pages(preview, tree):
    download = page(preview, TEXT_URL).select_one(".document__download")
    link = download.find("a")
    assert (link["href"], link.get_text()) == (f"/{PDF}", "Artenschutz-im-Kita-Garten.pdf")
    size = german_size((tree / PDF).stat().st_size)
    assert download.select_one(".attachments__info").get_text() == f"(PDF, {size}, 4 Seiten)"
    assert not download.select(".attachments__text-version")  # not a link to itself
    assert (preview / PDF).is_file()


def test_the_text_version_links_back_to_its_item(preview):
    document = page(preview, TEXT_URL)
    users = document.select(".document__users li")
    assert [li.a["href"] for li in users] == [ITEM_URL]
    assert users[0].get_text(" ", strip=True).startswith(f"{ITEM_TITLE} (Pressemitteilung, 2.")
    crumbs = [a["href"] for a in document.select(".breadcrumb a")]
    assert crumbs == ["/", "/pressemitteilungen/", ITEM_URL]


def test_a_pdf_a_page_links_belongs_to_that_page(preview):
    document = page(preview, FORM_URL)
    assert [a["href"] for a in document.select(".breadcrumb a")] == ["/", FORM_PAGE_URL]
    [user] = document.select(".document__users li")
    assert (user.a["href"], user.get_text(" ", strip=True)) == (FORM_PAGE_URL, "Formulare")
    record = {r["url"]: r for r in fragments(preview)}[FORM_URL]
    assert record["filters"] == {"art": ["Dokument"]}
    assert record["meta"]["zugehoerig"] == "Formulare"


def test_the_attachment_list_links_every_text_version_but_a_scans(preview):
    entries = {li.a["href"]: li for li in page(preview, ITEM_URL).select(".attachments__list > li")}
    links = {href: [a["href"] for a in li.select("a.attachments__text-version")]
             for href, li in entries.items()}
    assert links == {f"/{PDF}": [TEXT_URL], f"/{HOSTILE}": [HOSTILE_URL], f"/{SCAN}": []}
    assert not (preview / "dokumente/scan").exists()
    assert sorted(p.parent.relative_to(preview).as_posix() for p in
                  (preview / "dokumente").rglob("index.html")) == sorted(
        u.strip("/") for u in (TEXT_URL, HOSTILE_URL, EMBARGOED_TEXT_URL, SHARED_URL,
                               BERICHT_URL, FORM_URL))


def test_every_link_of_every_page_leads_to_a_written_file(preview):
    """Attachment lists link text versions, text versions link items, PDFs and pages."""
    assert broken_links(preview) == []


def test_production_links_only_written_text_versions_items_and_files(production):
    """Production links are absolute (SITEURL): read their paths."""
    linked = {urlparse(a["href"]).path for file in production.rglob("*.html")
              for a in page(production, "/" + file.relative_to(production).as_posix())
              .select("a.attachments__text-version, .document__users a, "
                      ".document__download a[download]")}
    assert {TEXT_URL, HOSTILE_URL, SHARED_URL, BERICHT_URL, f"/{PDF}", ITEM_URL} <= linked
    assert [path for path in linked if not any(
        (production / path.strip("/") / name).is_file() for name in ("", "index.html"))] == []


def test_feed_entries_link_the_text_version(preview):
    feed = (preview / "feeds/alle.atom.xml").read_text(encoding="utf-8")
    assert f"http://127.0.0.1:8000{TEXT_URL}" in feed
    assert "/dokumente/scan/" not in feed


def test_the_text_versions_linked_in_a_body_are_checked_like_every_link(preview, tmp_path):
    """The item links its text version in its body: the build's link check (after
    writing) found it; a link to a text version a scan does not get stops the build."""
    assert page(preview, ITEM_URL).select_one(f'.item__body a[href="{TEXT_URL}"]')
    content = copy_site(tmp_path / "content")
    (content / SCAN).write_bytes(pdfs.scan_only())
    (content / "pressemitteilungen/2025/scan_link.md").write_text(item_text(
        "Gescannt", "2025-02-02", "[Text](/dokumente/scan/)", Attachments=SCAN),
        encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", SEARCH={"enabled": False},
              DOCUMENTS={"cache": str(tmp_path / "cache")})
    [problem] = raised.value.problems
    assert problem.message.startswith("Der Link auf /dokumente/scan/ führt ins Leere")


# --- Hostile text -------------------------------------------------------------------------

def test_markup_in_a_pdf_is_text_and_control_characters_are_gone(preview):
    html = (preview / HOSTILE_URL.strip("/") / "index.html").read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", html)
    document = page(preview, HOSTILE_URL)
    main = document.find("main")
    assert main.find("script") is None and main.find("img") is None
    assert document.h1.get_text() == '<img src=x onerror=alert("Titel")> Titel'
    first, second, third = document.select("main section")
    assert list(first.find("p").stripped_strings) == [
        "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
        "Glocke Steuerzeichen Ende", "Mauereidechse & Co."]
    assert second.select_one(".document__empty").get_text().startswith("Auf dieser Seite")
    assert third.find("p").get_text() == "Letzte Seite"


def test_a_hostile_text_version_runs_nothing_in_chromium(tab, preview_url):
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    violations = CspViolations(tab)
    errors = ConsoleErrors(tab)
    tab.goto(f"{preview_url}{HOSTILE_URL}")
    section = tab.locator("section", has=tab.locator("#seite-1"))
    assert "<script>alert(1)</script>" in section.inner_text()
    assert '"><img src=x onerror=alert(1)>' in section.inner_text()
    assert tab.locator("main img, main script").count() == 0
    assert tab.locator("h1").inner_text() == '<img src=x onerror=alert("Titel")> Titel'
    assert (dialogs, violations.all, errors.messages) == ([], [], [])


def test_paragraphs_split_at_blank_lines_and_keep_line_breaks():
    assert paragraphs("Erste Zeile \nzweite Zeile\n\n  \n\nNeuer Absatz\r\nmit\fUmbruch") == (
        ("Erste Zeile", "zweite Zeile"), ("Neuer Absatz", "mit", "Umbruch"))
    assert paragraphs(" \n\x00\x07\n") == ()
    assert paragraphs("a\x01b\ud800c\ufffed\U0010ffff\x85e") == (("abcde",),)


def test_the_nu_checker_finds_no_errors_in_the_text_versions(preview, production):
    vnu = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--format", "json", "--errors-only", "--skip-non-html",
         str(preview / "dokumente"), str(production / "dokumente")],
        capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert [(m.get("url", "").rsplit("/dokumente/", 1)[-1], m["message"]) for m in messages] == []
    assert len(list(preview.glob("dokumente/**/index.html"))) == 6


@pytest.mark.parametrize("url", [HOSTILE_URL, EMBARGOED_TEXT_URL, SHARED_URL])
def test_axe_finds_no_violations_with_banner_marks_and_empty_pages(tab, preview_url, url):
    """The sample site's text version is one of tests/test_accessibility.py's page types;
    these add a page without text, markup as text, a preview banner, a PDF with
    shortcomings (open) and an embargoed item's mark."""
    tab.goto(preview_url + url)
    for summary in tab.locator(".attachments__shortcomings summary").all():
        summary.click()
    assert axe_violations(tab) == []


# --- Search -------------------------------------------------------------------------------

def wait_for_search(tab):
    tab.locator('[data-search][aria-busy="false"]').wait_for(state="attached")


def results_of(tab):
    """(link, meta line) of every result shown."""
    return [(urlparse(item.locator(".search__title a").get_attribute("href")),
             item.locator(".search__meta").inner_text())
            for item in tab.locator(".search__result").all()]


def test_a_word_on_page_3_leads_to_page_3_and_names_the_item(tab, preview_url):
    errors = ConsoleErrors(tab)
    tab.goto(f"{preview_url}/suche/?q={WORD}")
    wait_for_search(tab)
    [(link, meta)] = results_of(tab)
    assert (link.path, link.fragment) == (TEXT_URL, "seite-3")
    assert meta == f"Dokument zu: {ITEM_TITLE} · Seite 3"
    # the excerpt is from page 3 ("Die Zauneidechse."; Pagefind marks the word with its dot)
    assert [m.rstrip(".") for m in tab.locator(".search__result mark").all_inner_texts()] == [
        WORD]
    tab.locator(".search__title a").click()
    tab.wait_for_url(f"**{TEXT_URL}#seite-3")
    assert tab.evaluate("location.hash") == "#seite-3"
    assert errors.messages == []


def test_the_filter_art_dokument_lists_the_public_text_versions(tab, preview_url):
    tab.goto(f"{preview_url}/suche/?art=Dokument")
    wait_for_search(tab)
    assert tab.get_by_role("group", name="Art").get_by_label(re.compile(r"^Dokument \(")) \
        .is_checked()
    # Without a query the page sorts by date (newest item first): like static pages, the
    # text version of a PDF only a page links has no date and is not listed ...
    shown = [link.path for link, _ in results_of(tab)]
    # bericht.pdf's item is of 1 June, the two PDFs of 2 May, the shared one of 3 March
    assert (shown[0], set(shown[1:3]), shown[3:]) == (BERICHT_URL, {TEXT_URL, HOSTILE_URL},
                                                      [SHARED_URL])
    assert all(meta.startswith("Dokument zu: ") for _, meta in results_of(tab))
    # ... but found for its words, and the filter keeps out everything but documents
    tab.goto(f"{preview_url}/suche/?q=Antrag&art=Dokument")
    wait_for_search(tab)
    assert [link.path for link, _ in results_of(tab)] == [FORM_URL]
    tab.goto(f"{preview_url}/suche/?q=Kinderschutz&art=Dokument")
    wait_for_search(tab)
    assert [link.path for link, _ in results_of(tab)] == [BERICHT_URL]


def test_a_hostile_document_hit_is_text(tab, preview_url):
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    violations = CspViolations(tab)
    tab.goto(f"{preview_url}/suche/?q=Mauereidechse")
    wait_for_search(tab)
    [(link, _)] = results_of(tab)
    assert (link.path, link.fragment) == (HOSTILE_URL, "seite-1")
    result = tab.locator(".search__result")
    assert result.locator(".search__title").inner_text() == \
        '<img src=x onerror=alert("Titel")> Titel'
    assert result.locator("img, script").count() == 0
    assert (dialogs, violations.all) == ([], [])


# A stand-in for pagefind.js whose document hits are hostile: markup in the item named,
# in the sub-result's title and excerpt, sub-results leading to script or other sites.
HOSTILE_PAGEFIND = """
const sub = (url, score) => ({ url, title: "<script>alert(1)</script>", anchor: { id: "x" },
  excerpt: '<img src=x onerror=alert(2)><mark onclick="alert(3)">Treffer</mark>',
  weighted_locations: [{ balanced_score: score }] });
const results = [
  { url: "/dokumente/a/", meta: { title: "A", zugehoerig: "<img src=x onerror=alert(4)>" },
    excerpt: "", sub_results: [sub("/dokumente/a/#seite-1", 1), sub("javascript:alert(5)", 9)] },
  { url: "/dokumente/b/", meta: { title: "B", zugehoerig: "{title}" }, excerpt: "",
    sub_results: [sub("https://fremd.example/dokumente/b/#seite-2", 3)] },
];
export async function options() {}
export async function filters() { return {}; }
export async function search() {
  return { results: results.map((data) => ({ data: async () => data })), filters: {} };
}
"""


def test_hostile_document_hits_are_text_and_link_only_to_the_site(tab, preview_url):
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.route(f"{preview_url}/pagefind/pagefind.js", lambda route: route.fulfill(
        body=HOSTILE_PAGEFIND, content_type="text/javascript"))
    tab.goto(f"{preview_url}/suche/?q=Treffer")
    wait_for_search(tab)
    results = tab.locator(".search__result")
    assert results.locator(".search__meta").all_inner_texts() == [
        "Dokument zu: <img src=x onerror=alert(4)> · <script>alert(1)</script>",
        "Dokument zu: {title} · <script>alert(1)</script>"]
    # the best sub-results lead to a script and another site: no link at all
    assert results.locator("a").count() == 0
    assert results.locator(".search__excerpt mark").all_inner_texts() == ["Treffer"] * 2
    assert results.locator("img, script, [onclick]").count() == 0
    assert dialogs == []


def test_the_index_record_of_a_text_version(preview):
    records = {r["url"]: r for r in fragments(preview)}
    record = records[TEXT_URL]
    assert record["filters"] == {"art": ["Dokument"], "jahr": ["2025"], "thema": ["KI"]}
    assert record["meta"] == {"title": "Artenschutz im Kita-Garten", "art": "Dokument",
                              "zugehoerig": ITEM_TITLE}
    assert [a["id"] for a in record["anchors"]] == [f"seite-{n}" for n in range(1, 5)]
    # what the page says about itself is not its text
    assert "Gestaltung" not in record["content"] and ITEM_TITLE not in record["content"]
    assert records[SHARED_URL]["meta"]["zugehoerig"] == "Gemeinsamer Plan"
    assert records[SHARED_URL]["filters"]["art"] == ["Dokument"]


# --- Withheld items -------------------------------------------------------------------------

def test_production_writes_no_text_version_of_an_embargoed_items_pdf(production):
    assert not (production / EMBARGOED_TEXT_URL.strip("/")).exists()
    assert not (production / EMBARGOED_PDF).exists()
    assert files_mentioning(production, MARKER) == []
    assert files_mentioning(production, EMBARGOED_TITLE) == []
    assert (production / TEXT_URL.strip("/") / "index.html.br").is_file()
    shared = page(production, SHARED_URL)
    assert [urlparse(a["href"]).path for a in shared.select(".document__users a")] == [
        SHARED_ITEM_URL]


def test_preview_shows_an_embargoed_items_text_version_but_never_indexes_it(preview):
    document = page(preview, EMBARGOED_TEXT_URL)
    assert "Sperrfrist bis" in document.select_one(".status-banner").get_text()
    assert document.select_one("[data-pagefind-body]") is None
    assert f"{MARKER}-Anhang" in document.select_one("main section p").get_text()
    assert files_mentioning(preview / "pagefind", MARKER) == []
    assert files_mentioning(preview / "pagefind", "Ringelnatter") == []
    assert EMBARGOED_TEXT_URL not in {r["url"] for r in fragments(preview)}


def test_preview_names_a_shared_pdfs_embargoed_item_with_its_mark(preview):
    users = page(preview, SHARED_URL).select(".document__users li")
    assert [li.a["href"] for li in users] == [
        SHARED_ITEM_URL, "/pressemitteilungen/2099/ringelnatter-im-schulgarten/"]
    assert not users[0].select(".status-badge")
    assert users[1].select_one(".status-badge").get_text().startswith("Sperrfrist bis")


def sitemap(output):
    tree = etree.parse(str(output / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {urlparse(u.findtext("s:loc", namespaces=ns)).path: u.findtext("s:lastmod",
                                                                          namespaces=ns)
            for u in tree.getroot()}


@pytest.mark.parametrize("build_name", ["preview", "production"])
def test_the_sitemap_lists_the_public_text_versions_with_their_items_date(request, build_name):
    listed = sitemap(request.getfixturevalue(build_name))
    documents = {path: lastmod for path, lastmod in listed.items()
                 if path.startswith("/dokumente/")}
    assert set(documents) == {TEXT_URL, HOSTILE_URL, SHARED_URL, BERICHT_URL, FORM_URL}
    assert documents[TEXT_URL] == "2025-05-02T10:00:00+02:00" == listed[ITEM_URL]
    assert documents[SHARED_URL] == listed[SHARED_ITEM_URL]
    assert documents[FORM_URL] is None  # a page has no date


# --- Collisions and settings ----------------------------------------------------------------

def test_two_pdfs_with_one_address_stop_the_build_naming_both(tmp_path):
    content = copy_site(tmp_path / "content")
    (content / "files/Plan.pdf").write_bytes(pdfs.untagged())
    (content / "files/plan.PDF").write_bytes(pdfs.tagged_with_language_and_title())
    (content / "pressemitteilungen/2025/zwei_plaene.md").write_text(item_text(
        "Zwei Pläne", "2025-02-02", "Beide.", Attachments="files/Plan.pdf, files/plan.PDF"),
        encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", SEARCH={"enabled": False},
              DOCUMENTS={"cache": str(tmp_path / "cache")})
    [problem] = raised.value.problems
    assert problem.path == str(content / "files/plan.PDF")
    assert problem.message.startswith("Die PDFs „files/Plan.pdf“ und „files/plan.PDF“ bekämen "
                                      "dieselbe Textfassung /dokumente/plan/")
    assert not (tmp_path / "out").exists()


def test_a_collision_with_an_embargoed_items_pdf_stops_the_build_now(tmp_path):
    """Not only at the release time, when the build would fail and the item not appear."""
    content = copy_site(tmp_path / "content")
    (content / "files/Plan.pdf").write_bytes(pdfs.tagged_with_language_and_title())
    (content / "files/plan.pdf").write_bytes(pdfs.tagged_with_language_and_title())
    (content / "pressemitteilungen/2025/oeffentlich.md").write_text(item_text(
        "Öffentlich", "2025-02-02", "Plan.", Attachments="files/Plan.pdf"), encoding="utf-8")
    (content / "pressemitteilungen/2099/sperrfrist.md").parent.mkdir()
    (content / "pressemitteilungen/2099/sperrfrist.md").write_text(item_text(
        "Sperrfrist", "2099-02-02", "Plan.", Attachments="files/plan.pdf"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", conf="publishconf.py", SEARCH={"enabled": False},
              DOCUMENTS={"cache": str(tmp_path / "cache")})
    [problem] = raised.value.problems
    assert "„files/Plan.pdf“ und „files/plan.pdf“ bekämen" in problem.message


def test_a_pdf_no_content_uses_is_checked_but_gets_no_text_version(tmp_path, capsys):
    """Copied from files/ and published, but no item it belongs to: the text version's
    page would name none (its users are empty)."""
    content = copy_site(tmp_path / "content")
    (content / "files/verwaist.pdf").write_bytes(pdfs.untagged())
    output = build(content, tmp_path / "out", SEARCH={"enabled": False},
                   DOCUMENTS={"cache": str(tmp_path / "cache")})
    assert (output / "files/verwaist.pdf").is_file()
    assert (output / BERICHT_URL.strip("/") / "index.html").is_file()
    assert not (output / "dokumente/verwaist").exists()
    assert "  files/verwaist.pdf: ohne Tags; keine Dokumentsprache; kein Titel" in (
        capsys.readouterr().out)


def test_switched_off_there_are_no_text_versions(tmp_path):
    output = build(copy_site(tmp_path / "content"), tmp_path / "out",
                   DOCUMENT_PAGES={"enabled": False}, SEARCH={"enabled": False},
                   DOCUMENTS={"cache": str(tmp_path / "cache")})
    assert not (output / "dokumente").exists()
    assert not page(output, BERICHT_ITEM_URL).select(".attachments__text-version")
    assert page(output, BERICHT_ITEM_URL).select(".attachments__info")


@pytest.mark.parametrize(("settings", "message"), [
    ({"DOCUMENT_PAGES": {"enabled": "ja"}}, "DOCUMENT_PAGES „enabled“ = 'ja'"),
    ({"DOCUMENT_PAGES": {"folder": "x"}}, "DOCUMENT_PAGES: unbekannte Einstellung „folder“"),
    ({"DOCUMENT_PAGES": []}, "DOCUMENT_PAGES = []: erwartet wird ein dict"),
])
def test_wrong_settings_stop_the_build_with_a_german_message(tmp_path, settings, message):
    with pytest.raises(DocumentPagesSettingsError, match=re.escape(message)):
        build(copy_site(tmp_path / "content"), tmp_path / "out", **settings)


@pytest.mark.parametrize(("move", "message"), [
    (lambda p: p.insert(p.index("documents"), "document_pages"), "nach „documents“"),
    (lambda p: p.insert(p.index("sitemap") + 1, "document_pages"), "vor „sitemap“"),
])
def test_document_pages_in_the_wrong_place_stops_the_build(tmp_path, move, message):
    from pelicanconf import PLUGINS

    plugins = [p for p in PLUGINS if p != "document_pages"]
    move(plugins)
    with pytest.raises(DocumentPagesSettingsError, match=message):
        build(copy_site(tmp_path / "content"), tmp_path / "out", PLUGINS=plugins)


def test_the_folder_is_reserved_for_text_versions(tmp_path):
    content = copy_site(tmp_path / "content")
    (content / "pages/dokumente.md").write_text(
        "Title: Dokumente\nSlug: dokumente\n\nText.\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", SEARCH={"enabled": False})
    assert any("/dokumente/ ist für die Website selbst reserviert" in p.message
               for p in raised.value.problems)


@pytest.mark.parametrize(("language", "marked"), [
    ("en-GB", "en-GB"), ("tr", "tr"), ("de-DE", None), ("DE", None),
    ('en"><script>alert(1)</script>', None), ("", None), ("english", None),
])
def test_the_text_of_a_pdf_in_another_language_is_marked_with_it(tmp_path, language, marked):
    content = copy_site(tmp_path / "content")
    (content / "files" / "leaflet.pdf").write_bytes(pdfs.tagged_with_language_and_title(
        "Leaflet", ("Parental leave explained",), language=language))
    (content / "pressemitteilungen" / "mit_englischem_pdf.md").write_text(item_text(
        "Mit englischem PDF", "2025-05-02", "Text.", Attachments="files/leaflet.pdf"),
        encoding="utf-8")
    output = build(content, tmp_path / "out", SEARCH={"enabled": False})
    text = page(output, "/dokumente/leaflet/").select_one(".document__text")
    assert text.get("lang") == marked


def item_with_pdf(tmp_path, pdf: bytes, name: str = "unicode.pdf"):
    content = copy_site(tmp_path / "content")
    (content / "files" / name).write_bytes(pdf)
    (content / "pressemitteilungen" / "mit_pdf.md").write_text(item_text(
        "Mit PDF", "2025-05-02", "Text.", Attachments=f"files/{name}"), encoding="utf-8")
    return content


def test_a_lone_surrogate_in_pdf_text_is_dropped_not_a_crash(tmp_path):
    content = item_with_pdf(tmp_path, pdfs.any_unicode_text(["Hallo \ud800Welt"]))
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"), "-e", 'SEARCH={"enabled": false}',
                         "-e", f'DOCUMENTS={{"cache": "{tmp_path / "cache"}"}}')
    assert result.returncode == 0, result.stderr
    text = page(tmp_path / "out", "/dokumente/unicode/").select_one("#seite-1").parent
    assert "Hallo Welt" in text.get_text()


@pytest.mark.parametrize("invisible", ["\x02\x06\x01\x03", "\u200b\ufeff\u200b", "  \t  "])
def test_a_pdf_whose_text_is_no_letters_gets_no_text_version_and_the_no_text_mark(tmp_path,
                                                                                invisible):
    content = item_with_pdf(tmp_path, pdfs.any_unicode_text([invisible]))
    output = build(content, tmp_path / "out", SEARCH={"enabled": False},
                   DOCUMENTS={"cache": str(tmp_path / "cache")})
    assert not (output / "dokumente" / "unicode").exists()
    item = page(output, "/pressemitteilungen/2025/mit-pdf/")
    assert "Textfassung" not in item.select_one(".attachments").get_text()
    assert item.select_one(".attachments__barrier") is not None


def test_a_pdf_title_loses_bidi_controls_and_is_cut_to_a_readable_length(tmp_path):
    title = "\u202eTitel umgedreht " + "Wort " * 100
    content = item_with_pdf(tmp_path, pdfs.any_unicode_text(["Inhalt"], title=title))
    output = build(content, tmp_path / "out", SEARCH={"enabled": False},
                   DOCUMENTS={"cache": str(tmp_path / "cache")})
    heading = page(output, "/dokumente/unicode/").h1.get_text()
    assert heading.startswith("Titel umgedreht Wort") and heading.endswith(" …")
    assert len(heading) <= 202 and "\u202e" not in heading


@pytest.mark.parametrize("name", ["...pdf", "._bericht.pdf"])
def test_an_attachment_whose_name_starts_with_a_dot_is_a_problem(tmp_path, name):
    """Hidden files are never copied: the item would link a file that is not there."""
    content = item_with_pdf(tmp_path, pdfs.tagged_with_language_and_title(), name=name)
    with pytest.raises(ContentError) as raised:
        build(content, tmp_path / "out", SEARCH={"enabled": False},
              DOCUMENTS={"cache": str(tmp_path / "cache")})
    assert any("mit einem Punkt" in p.message for p in raised.value.problems)


def test_a_shared_pdfs_search_filters_come_from_its_public_items_only(preview):
    """In preview the embargoed item (2099, KI) also uses it: its year and topic stay out."""
    data = page(preview, SHARED_URL)
    filters = {(span["data-pagefind-filter"], span.get_text())
               for span in data.select("[data-pagefind-filter]")}
    assert filters == {("art", "Dokument"), ("jahr", "2025"), ("thema", "Kinderschutz")}
    meta = data.select_one('[data-pagefind-meta="zugehoerig"]').get_text()
    assert meta == "Gemeinsamer Plan" and EMBARGOED_TITLE not in meta
