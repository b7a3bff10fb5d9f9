"""The Content-Security-Policy: one policy, defined as data in pelicanconf.py, on every page;
every page type works under it in Chromium; injected markup is blocked; the search page
shows whatever Pagefind returns as text only."""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser import CspViolations, serve
from content_security_policy.policy import PolicyError, header_policy, meta_policy, policy_of
from support import ROOT, build, copy_site, get_settings, page_types_of, soup, static_pages

SETTINGS = get_settings(ROOT / "content", ROOT / "output")
POLICY = meta_policy(SETTINGS)
HOSTILE = Path(__file__).resolve().parent / "content" / "hostile"
QUOTING_MARKUP = "pressemitteilungen/2025/press_release_quoting_markup.md"


# --- The policy as data ------------------------------------------------------------------

def test_the_policy_allows_only_the_sites_own_resources():
    assert POLICY == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-src 'none'; worker-src 'self'; "
        "manifest-src 'self'")


def test_the_header_is_the_same_policy_plus_what_only_a_header_can_carry():
    assert header_policy(SETTINGS) == POLICY + "; frame-ancestors 'none'"


def test_settings_are_merged_over_the_defaults():
    policy = policy_of({"CONTENT_SECURITY_POLICY": {"img-src": ["'self'", "https://bilder.example"]}})
    assert policy["img-src"] == ["'self'", "https://bilder.example"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.parametrize("policy", [
    {"script-src": ["'self'", "'unsafe-inline'"]},
    {"style-src": ["'UNSAFE-INLINE'"]},
    {"script-src": ["'unsafe-eval'"]},
    {"script-src": "'self'"},
    {"script-src": []},
    {"img-src": ["'self'; script-src *"]},
    {"Script Src": ["'self'"]},
])
def test_a_policy_that_would_let_injected_code_run_or_that_is_malformed_is_refused(policy):
    with pytest.raises(PolicyError, match="CONTENT_SECURITY_POLICY"):
        meta_policy({"CONTENT_SECURITY_POLICY": policy})


def test_every_built_page_has_the_policy_once_right_after_the_charset(sample_output):
    pages = sorted(sample_output.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        head = soup(path).head
        metas = head.select('meta[http-equiv="Content-Security-Policy"]')
        assert [m["content"] for m in metas] == [POLICY], path
        first, second = head.find_all(True, limit=2)
        assert first.get("charset") == "utf-8" and second is metas[0], path


# --- Every page type in Chromium ----------------------------------------------------------

@pytest.fixture(scope="module")
def page_types(sample_output):
    return page_types_of(sample_output)


def visit(tab, url):
    """Load `url`; the page's CSP metas and the recorder of its violations."""
    violations = CspViolations(tab)
    return load(tab, url), violations


def load(tab, url) -> list[str]:
    tab.goto(url)
    return tab.locator('meta[http-equiv="Content-Security-Policy"]').evaluate_all(
        "metas => metas.map(m => m.content)")


@pytest.mark.parametrize("kind", [
    "home", "press list", "press list page 2", "notice list", "press release with image",
    "press release with attachment", "committee notice", "topic index", "topic",
    "archive index", "year archive", "feeds", "404", "document text version",
])
def test_page_type_works_under_the_policy(tab, sample_url, page_types, kind):
    metas, violations = visit(tab, sample_url + page_types[kind])
    assert metas == [POLICY]
    if "image" in kind:
        image = tab.locator(".item__figure img")
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert violations.all == [], "\n".join(violations.all)


def test_every_static_page_works_under_the_policy(tab, sample_url, sample_output):
    pages = static_pages(sample_output)
    assert len(pages) >= 6
    violations = CspViolations(tab)
    found = {}
    for path in pages:
        violations.clear()
        found[path] = (load(tab, sample_url + path), list(violations.all))
    assert found == {path: ([POLICY], []) for path in pages}


def wait_for_search(tab):
    tab.locator('[data-search][aria-busy="false"]').wait_for(state="attached")


@pytest.mark.parametrize(("query", "results"), [
    ("", False), ("q=Kinder", True), ("q=Kinder&thema=Kinderschutz", True),
])
def test_search_works_under_the_policy(tab, sample_url, query, results):
    workers = []
    tab.on("worker", lambda worker: workers.append(urlparse(worker.url).path))
    metas, violations = visit(tab, f"{sample_url}/suche/?{query}")
    wait_for_search(tab)
    assert metas == [POLICY]
    assert tab.locator("[data-search-facets] fieldset").count() == 3  # Thema, Art, Jahr
    assert (tab.locator(".search__result").count() > 0) == results
    # Pagefind runs in its worker (worker-src 'self'), compiling its WebAssembly there.
    assert workers == ["/pagefind/pagefind-worker.js"]
    assert violations.all == [], "\n".join(violations.all)


def test_the_policy_as_a_header_lets_search_work_and_forbids_framing(tab, sample_output):
    """As the web server will send it: the worker then has the policy too, so Pagefind's
    WebAssembly needs 'wasm-unsafe-eval'; frame-ancestors 'none' keeps the site out of frames."""
    headers = {"Content-Security-Policy": header_policy(SETTINGS)}
    with serve(sample_output, headers) as url, serve(sample_output) as without_header:
        metas, violations = visit(tab, f"{url}/suche/?q=Kinder")
        wait_for_search(tab)
        assert tab.locator(".search__result").count() > 0
        assert violations.all == []
        frames = f'<!doctype html><title>Rahmen</title><iframe src="{url}/"></iframe>' \
                 f'<iframe src="{without_header}/"></iframe>'
        tab.route(f"{without_header}/rahmen", lambda route: route.fulfill(
            body=frames, content_type="text/html"))
        tab.goto(f"{without_header}/rahmen")
        framed = [urlparse(frame.url).scheme for frame in tab.frames[1:]]
    assert framed == ["chrome-error", "http"]  # blocked with the header, shown without


def test_injected_script_handlers_and_remote_images_are_blocked(tab, sample_url, sample_output,
                                                                 page_types):
    path = page_types["press release with attachment"]
    html = (sample_output / path.strip("/") / "index.html").read_text(encoding="utf-8")
    injected = html.replace("</main>", '<script>alert("inline")</script>'
                            '<img src="x" alt="" onerror="alert(\'onerror\')">'
                            '<img src="https://bilder.example/pixel.png" alt=""></main>')
    assert injected != html
    tab.route(f"{sample_url}/csp-probe/", lambda route: route.fulfill(
        body=injected, content_type="text/html; charset=utf-8"))
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    metas, violations = visit(tab, f"{sample_url}/csp-probe/")
    tab.wait_for_function("window.cspViolations.length >= 3")
    assert metas == [POLICY]
    assert sorted(violations.events) == [
        "img-src https://bilder.example/pixel.png", "script-src-attr inline",
        "script-src-elem inline"]
    assert dialogs == []


# --- The search page shows whatever Pagefind returns as text --------------------------------

def record_dialogs(tab) -> list[str]:
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def active_markup(results) -> list[str]:
    """Elements of the result list that could load or run anything, and attributes that
    are not plain link targets or our classes."""
    return results.evaluate("""list => [...list.querySelectorAll("*")].flatMap(e =>
        !["LI", "H2", "A", "P", "MARK"].includes(e.tagName) ? [e.tagName] :
        [...e.attributes].map(a => a.name).filter(n => !["class", "href"].includes(n))
          .map(n => `${e.tagName} ${n}`))""")


@pytest.fixture(scope="module")
def quoting_site(tmp_path_factory):
    """The fixture site plus a press release that quotes markup as text."""
    root = tmp_path_factory.mktemp("quoting")
    content = copy_site(root / "content", QUOTING_MARKUP, cases_from=HOSTILE)
    with serve(build(content, root / "output")) as url:
        yield url


def test_markup_quoted_in_an_item_is_found_and_shown_as_text(tab, quoting_site):
    dialogs = record_dialogs(tab)
    _, violations = visit(tab, f"{quoting_site}/suche/?q=Mauersegler")
    wait_for_search(tab)
    results = tab.locator("[data-search-results]")
    assert results.locator(".search__title").all_inner_texts() == [
        "Warnung vor gefälschten Elternbriefen"]
    excerpt = results.locator(".search__excerpt").inner_text()
    assert "<img src=x onerror=alert(1)>" in excerpt
    assert "<script>alert(2)</script>" in excerpt
    assert "Mauersegler" in results.locator("mark").inner_text()
    assert active_markup(results) == []
    assert dialogs == []
    assert violations.all == []


# A stand-in for pagefind.js that returns hostile results: markup in title, type, date and
# excerpt (also on <mark>), script URLs and pages of other sites.
HOSTILE_PAGEFIND = """
const results = [
  { url: "javascript:alert(1)",
    meta: { title: "<img src=x onerror=alert(2)>", art: "<script>alert(3)</script>",
            datum: "heute" },
    excerpt: 'vorher <img src=x onerror=alert(4)><mark onmouseover="alert(5)" style="color:red">'
      + 'Treffer</mark> <script>alert(6)</script><iframe src="/"></iframe><svg onload="alert(7)">'
      + '</svg><b><mark>fett</mark></b> nachher' },
  { url: "https://fremd.example/seite/", meta: { title: "Fremde Seite" }, excerpt: "fremd" },
  { url: "//fremd.example/seite/", meta: { title: "Protokollrelativ" }, excerpt: "fremd" },
  { url: "data:text/html,<script>alert(8)</script>", meta: { title: "Daten" }, excerpt: "" },
  { url: "/pressemitteilungen/", meta: { title: "Eigene Seite" }, excerpt: "<mark>eigen</mark>" },
];
export async function options() {}
export async function filters() { return {}; }
export async function search() {
  return { results: results.map((data) => ({ data: async () => data })), filters: {} };
}
"""


def test_hostile_search_results_are_shown_as_text_and_link_only_to_the_site(tab, sample_url):
    requests = []
    tab.on("request", lambda request: requests.append(urlparse(request.url)))
    tab.route(f"{sample_url}/pagefind/pagefind.js", lambda route: route.fulfill(
        body=HOSTILE_PAGEFIND, content_type="text/javascript"))
    dialogs = record_dialogs(tab)
    _, violations = visit(tab, f"{sample_url}/suche/?q=Treffer")
    wait_for_search(tab)
    results = tab.locator("[data-search-results]")
    titles = results.locator(".search__title")
    assert titles.all_inner_texts() == ["<img src=x onerror=alert(2)>", "Fremde Seite",
                                        "Protokollrelativ", "Daten", "Eigene Seite"]
    assert titles.locator("a").evaluate_all("links => links.map(a => a.href)") == [
        f"{sample_url}/pressemitteilungen/"]
    first = results.locator(".search__result").first
    assert first.locator(".search__meta").inner_text() == "<script>alert(3)</script> · heute"
    assert first.locator("mark").all_inner_texts() == ["Treffer", "fett"]
    assert first.locator(".search__excerpt").inner_text().startswith("vorher Treffer")
    assert active_markup(results) == []
    # Nothing of the excerpt was loaded (its image, its frame, another site) ...
    assert [r.geturl() for r in requests if r.path.endswith("/x") or r.path == "/"
            or r.netloc != urlparse(sample_url).netloc] == []
    # ... or ran. Parsing is inert, but Chromium still checks the parsed on… and style
    # attributes against the policy: it blocks and reports them, nothing else.
    assert dialogs == []
    assert {v.split()[0] for v in violations.events} <= {"script-src-attr", "style-src-attr"}
