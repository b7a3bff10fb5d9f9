"""WCAG 2.1 AA / BITV in real Chromium: axe-core on every page type, a keyboard journey,
reflow, reduced motion, tables, link texts, no third-party requests, valid HTML (vnu)."""

import json
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest
from browser import ConsoleErrors
from support import ROOT, item_with

AXE = ROOT / "node_modules/axe-core/axe.min.js"
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def first_link(tab, url, selector):
    tab.goto(url)
    return urlparse(tab.locator(selector).first.get_attribute("href")).path


@pytest.fixture(scope="module")
def page_types(browser, sample_url, sample_output):
    """Every page type of the sample site, found by following its links."""
    tab = browser.new_page()
    base = sample_url
    pages = {
        # an accessible PDF and one marked with its shortcomings and the request link
        "press release with marked PDF": item_with(sample_output, "pressemitteilungen",
                                                   ".attachments__mark"),
        "home": "/", "press list": "/pressemitteilungen/", "press list page 2":
        "/pressemitteilungen/seite/2/", "notice list": "/ausschussmitteilungen/",
        "press release": first_link(tab, f"{base}/pressemitteilungen/", ".teaser__title a"),
        "committee notice": first_link(tab, f"{base}/ausschussmitteilungen/", ".teaser__title a"),
        "topic index": "/themen/",
        "topic": first_link(tab, f"{base}/themen/", ".topic-index__title a"),
        "archive index": "/archiv/",
        "year archive": first_link(tab, f"{base}/archiv/", ".archive-years a"),
        "search with results": "/suche/?q=Kinder",
        "search with filters": "/suche/?q=Kinder&thema=Kinderschutz&art=Pressemitteilung",
        "search without query": "/suche/",
        "feeds": "/feeds/", "404": "/404.html",
        # the HTML text version of a PDF (plugins/document_pages), linked as „Textfassung“
        "document text version": first_link(
            tab, f"{base}{item_with(sample_output, 'pressemitteilungen', '.attachments')}",
            ".attachments__text-version"),
    }
    tab.goto(f"{base}/")
    for link in tab.locator(".service-nav a").all():
        pages[f"static page {link.inner_text()}"] = urlparse(link.get_attribute("href")).path
    tab.close()
    return pages


PAGE_TYPES = [
    "home", "press list", "press list page 2", "notice list", "press release",
    "press release with marked PDF",
    "committee notice", "topic index", "topic", "archive index", "year archive",
    "search with results", "search with filters", "search without query", "feeds", "404",
    "document text version",
]


def load(tab, url):
    tab.goto(url)
    if "/suche/" in url:
        tab.locator('[data-search][aria-busy="false"]').wait_for(state="attached")


def axe_violations(tab):
    # Evaluated through the DevTools protocol: the page's CSP blocks an injected <script>.
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_violations(tab, sample_url, page_types, kind):
    errors = ConsoleErrors(tab)
    load(tab, sample_url + page_types[kind])
    assert axe_violations(tab) == []
    assert errors.messages == [] or kind == "404"


def test_axe_finds_no_violations_on_static_pages(tab, sample_url, page_types):
    static = {k: v for k, v in page_types.items() if k.startswith("static page")}
    assert len(static) >= 7  # Feeds, Impressum, Datenschutz, …, Kontakt, Gebärdensprache
    for kind, path in static.items():
        load(tab, sample_url + path)
        assert (kind, axe_violations(tab)) == (kind, [])


def test_axe_finds_no_violations_with_the_pdf_shortcomings_open(tab, sample_url, page_types):
    load(tab, sample_url + page_types["press release with marked PDF"])
    tab.locator(".attachments__shortcomings summary").first.click()
    assert tab.locator(".attachments__shortcomings li").first.is_visible()
    assert axe_violations(tab) == []


def test_search_results_and_filters_are_really_shown(tab, sample_url, page_types):
    load(tab, sample_url + page_types["search with filters"])
    assert tab.locator(".search__result").count() >= 1
    assert tab.locator("input[name=thema]:checked").count() == 1


def test_no_request_leaves_our_origin(browser, sample_url, page_types):
    context = browser.new_context()
    tab = context.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    for path in page_types.values():
        load(tab, sample_url + path)
        tab.wait_for_load_state("networkidle")
    context.close()
    assert requested, "the browser made requests"
    foreign = [u for u in requested if not u.startswith((sample_url, "data:", "blob:"))]
    assert foreign == []
    assert any("/pagefind/" in u for u in requested), "search assets load from our origin"


@pytest.mark.parametrize("width", [320, 640])  # 320 CSS px, and 1280 px at 200 % zoom
def test_every_page_type_reflows_without_horizontal_scrolling(browser, sample_url, page_types,
                                                               width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    overflowing = []
    for kind, path in page_types.items():
        load(tab, sample_url + path)
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            overflowing.append((kind, scroll_width))
    context.close()
    assert overflowing == []


def test_reduced_motion_means_no_animation_or_transition(browser, sample_url, page_types):
    context = browser.new_context(reduced_motion="reduce")
    tab = context.new_page()
    for path in (page_types["home"], page_types["search with results"]):
        load(tab, sample_url + path)
        moving = tab.evaluate("""() => [...document.querySelectorAll('*')].filter(e => {
            const s = getComputedStyle(e);
            return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
        }).length + document.getAnimations().length""")
        assert moving == 0
    context.close()


def focused_element(tab):
    return tab.evaluate("""() => {
        const e = document.activeElement;
        const s = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        return {tag: e.tagName, text: (e.innerText || e.value || '').trim().slice(0, 40),
                id: e.id, visible: r.width > 0 && r.height > 0 && r.bottom > 0,
                outline: s.outlineStyle !== 'none' || s.boxShadow !== 'none'};
    }""")


# The page's visible links and form controls, in document order (no positive tabindex).
FOCUSABLE = ("document.querySelectorAll('a[href], button, input:not([type=hidden]), select, "
             "textarea').values().filter(e => e.getClientRects().length > 0)")


def test_keyboard_journey_skip_link_focus_stops_and_no_trap(tab, sample_url):
    """The keyboard-only search journey is in tests/test_search.py."""
    load(tab, f"{sample_url}/")
    tab.keyboard.press("Tab")
    skip = focused_element(tab)
    assert skip["text"] == "Zum Inhalt springen" and skip["visible"] and skip["outline"]
    tab.keyboard.press("Enter")
    assert focused_element(tab)["id"] == "inhalt"
    # From the top of the page, Tab reaches every link and control, each visibly focused,
    # and leaves the page at the end (no trap).
    load(tab, f"{sample_url}/")
    seen, positions = [], []
    for _ in range(200):
        tab.keyboard.press("Tab")
        element = focused_element(tab)
        if element["tag"] == "BODY":
            break
        assert element["outline"] and element["visible"], element
        seen.append(element["text"])
        positions.append(tab.evaluate(f"() => [...{FOCUSABLE}].indexOf(document.activeElement)"))
    else:
        pytest.fail("keyboard focus never left the page: a trap")
    assert "Barriere melden" in seen and "Suchen" in seen
    # Every visible link and control, once each, in document order.
    assert positions == list(range(tab.evaluate(f"() => [...{FOCUSABLE}].length")))


def test_tables_have_header_cells(sample_output):
    from bs4 import BeautifulSoup

    tables = 0
    for file in sample_output.rglob("*.html"):
        for table in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")("table"):
            tables += 1
            assert table.find("th"), file
    assert tables >= 2


GENERIC_LINK_TEXTS = {"hier", "mehr", "weiter", "link", "klicken sie hier", "hier klicken",
                      "mehr erfahren", "weiterlesen", "details"}


def test_link_texts_make_sense_out_of_context(tab, sample_url, page_types):
    for kind, path in page_types.items():
        load(tab, sample_url + path)
        links = tab.evaluate("""() => [...document.querySelectorAll('a[href]')].map(a => [
            (a.innerText || a.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' '),
            new URL(a.href, location.href).href.replace(/#.*$/, '')])""")
        targets = {}
        for text, href in links:
            assert text and text.lower() not in GENERIC_LINK_TEXTS, (kind, text, href)
            targets.setdefault(text, set()).add(href)
        ambiguous = {t: h for t, h in targets.items() if len(h) > 1}
        assert ambiguous == {}, kind


def test_every_page_has_a_barriere_melden_link_with_the_page_address(sample_output):
    from bs4 import BeautifulSoup

    for file in sample_output.rglob("*.html"):
        document = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        link = document.find("a", string="Barriere melden")
        assert link and link["href"].startswith("mailto:barrierefreiheit@"), file
        path = file.relative_to(sample_output).as_posix().removesuffix("index.html")
        query = parse_qs(urlparse(link["href"]).query)
        assert query["subject"] == [f"Barriere melden: /{path}"], file
        assert f"Seite: /{path}" in query["body"][0], file


def test_required_pages_exist_and_are_linked_from_every_page(sample_output):
    from bs4 import BeautifulSoup

    required = {"/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/",
                "/gebaerdensprache/", "/kontakt/"}
    for file in sample_output.rglob("*.html"):
        document = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        linked = {a["href"] for a in document.select(".service-nav a")}
        assert required <= linked, file


def test_vnu_finds_no_html_errors(sample_output, preview_output):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
         str(sample_output), str(preview_output)],
        capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert [(m.get("url", "").rsplit("output", 1)[-1], m["message"]) for m in messages] == []
    pages = len(list(sample_output.rglob("*.html"))) + len(list(preview_output.rglob("*.html")))
    assert pages > 60


def test_an_item_prints_with_title_date_and_address_but_no_navigation(browser, sample_url,
                                                                      page_types):
    context = browser.new_context()
    tab = context.new_page()
    load(tab, sample_url + page_types["press release"])
    tab.emulate_media(media="print")
    visible = tab.evaluate("""() => Object.fromEntries(
        ['.site-header', '.site-footer', '.breadcrumb', '.main-nav', '.item__title',
         '.item__meta time', '.print-only'].map(s => {
            const e = document.querySelector(s);
            return [s, !!e && e.getClientRects().length > 0];
        }))""")
    context.close()
    assert visible == {".site-header": False, ".site-footer": False, ".breadcrumb": False,
                       ".main-nav": False, ".item__title": True, ".item__meta time": True,
                       ".print-only": True}


# What the law requires each page to say (public-sector notes), as headings or text.
REQUIRED_PAGE_CONTENT = {
    "/impressum/": ["Anbieter", "§ 18 Abs. 2 MStV", "Aufsichtsbehörde", "E-Mail"],
    "/datenschutz/": ["Verantwortliche Stelle", "Datenschutzbeauftragte", "keine Cookies",
                      "Server-Protokolle", "Art. 6 Abs. 1 Buchst. e DSGVO", "Ihre Rechte",
                      "Art. 77 DSGVO"],
    "/barrierefreiheit/": ["Stand der Vereinbarkeit", "Nicht barrierefreie Inhalte",
                           "Alternative", "Barriere melden", "Schlichtungsverfahren",
                           "Datum der Erklärung"],
    "/leichte-sprache/": ["Was steht auf dieser Internet-Seite?", "Wie finde ich mich zurecht?",
                          "Ist diese Seite barrierefrei?", "Gibt es mehr Infos"],
    "/gebaerdensprache/": ["320 × 240", "25 Bilder pro Sekunde", "Dateigröße und Laufzeit"],
}


@pytest.mark.parametrize("path", sorted(REQUIRED_PAGE_CONTENT))
def test_required_pages_say_what_the_law_requires(sample_output, path):
    from bs4 import BeautifulSoup

    html = (sample_output / path.strip("/") / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "html.parser").main.get_text(" ", strip=True)
    missing = [p for p in REQUIRED_PAGE_CONTENT[path] if p.lower() not in text.lower()]
    assert missing == []


def test_accessibility_statement_links_the_arbitration_body(sample_output):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((sample_output / "barrierefreiheit/index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert page.select_one('main a[href^="https://www.schlichtungsstelle-bgg.de"]')
