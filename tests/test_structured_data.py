"""schema.org JSON-LD (plugins/structured_data): every public item page carries one data
block with its type and required properties, taken from the item; the home page describes
the site and its search; URLs are absolute and lead to written files; hostile titles stay
data; withheld items carry none; Chromium reports no CSP violation."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from browser import CspViolations, serve
from structured_data.plugin import json_ld
from support import SITE, SITE_ITEM_URLS, build, page, production_build, soup

PREVIEW_SITE = "http://127.0.0.1:8000"
PRODUCTION_SITE = "https://jugendamt.musterstadt.example"
TYPES = {"pressemitteilung": "NewsArticle", "ausschussmitteilung": "Report"}
# The content model refuses U+2028/U+2029 in header fields and markup in summaries: those are
# covered by the serialiser's own test below.
HOSTILE_TITLE = "Titel </script><script>alert(1)</script> <!-- \"Zitat\" & 'x' </SCRIPT >"
HOSTILE_SUMMARY = "Zitat \"in Anführungszeichen\" & 'einfach' – {{ 7*7 }} \\u003c"


def blocks(document) -> list:
    """The parsed JSON of every JSON-LD block of a page."""
    return [json.loads(s.string) for s in document.find_all("script", type="application/ld+json")]


def item_pages(output: Path) -> dict[str, object]:
    """Every item page of a build (output path -> parsed page)."""
    pages = {}
    for file in sorted(output.rglob("index.html")):
        document = soup(file)
        if document.select_one("article.item"):
            pages[file.relative_to(output).as_posix()] = document
    return pages


def urls_in(data) -> list[str]:
    if isinstance(data, dict):
        return [v for k, v in data.items() if k in {"url", "@id", "urlTemplate"}] + [
            u for v in data.values() for u in urls_in(v)]
    if isinstance(data, list):
        return [u for v in data for u in urls_in(v)]
    return []


def assert_urls_lead_to_written_files(data, output: Path, site: str):
    urls = urls_in(data)
    assert urls
    for url in urls:
        assert url.startswith(site + "/"), url
        path = url[len(site) + 1:].split("?")[0]
        target = output / path / "index.html" if path == "" or path.endswith("/") \
            else output / path
        assert target.is_file(), url


def assert_authority(organization: dict, site: str):
    assert organization["@type"] == "GovernmentOrganization"
    assert organization["name"] == "Jugendamt Musterstadt"
    assert organization["address"] == {
        "@type": "PostalAddress", "streetAddress": "Rathausplatz 1", "postalCode": "12345",
        "addressLocality": "Musterstadt", "addressCountry": "DE"}
    assert organization["email"] == "jugendamt@musterstadt.example"
    assert organization["telephone"] == "0123 456-0"
    assert organization["url"] == site + "/"
    assert organization["logo"] == {"@type": "ImageObject",
                                    "url": site + "/theme/img/favicon.svg"}


def assert_item_data(path: str, document, output: Path, site: str):
    """The JSON-LD of an item page against what the page itself shows."""
    [data] = blocks(document)
    kind = document.select_one("article.item")["class"][1].removeprefix("item--")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == TYPES[kind]
    assert data["headline"] == document.select_one("h1.item__title").get_text()
    assert data["description"] == document.select_one('meta[name="description"]')["content"]
    published = document.select_one('meta[property="article:published_time"]')["content"]
    modified = document.select_one('meta[property="article:modified_time"]')
    assert data["datePublished"] == published
    assert data["dateModified"] == (modified["content"] if modified else published)
    assert datetime.fromisoformat(data["datePublished"]).utcoffset() is not None
    assert data["inLanguage"] == "de"
    assert data["url"] == f"{site}/{path.removesuffix('index.html')}"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": data["url"]}
    topics = document.select(".topic-list__link")
    assert topics
    assert data["about"] == [{"@type": "DefinedTerm", "name": a.get_text(),
                              "url": site + a["href"].removeprefix(PRODUCTION_SITE)}
                             for a in topics]
    image = document.select_one(".item__figure img")
    if image:
        assert data["image"]["url"] == site + image["src"].removeprefix(PRODUCTION_SITE)
    else:
        assert "image" not in data
    assert_authority(data["author"], site)
    assert_authority(data["publisher"], site)
    assert_urls_lead_to_written_files(data, output, site)
    return data


@pytest.mark.parametrize("build_name", ["site_output", "sample_output"])
def test_every_item_page_has_json_ld_with_its_type_and_properties(build_name, request):
    output = request.getfixturevalue(build_name)
    pages = item_pages(output)
    assert len(pages) >= 9
    found = {assert_item_data(p, d, output, PREVIEW_SITE)["@type"]
             for p, d in pages.items()}
    assert found == {"NewsArticle", "Report"}


def header_of(file: Path) -> dict[str, str]:
    text = file.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in text.splitlines())


def iso(value: str) -> str:
    parsed = datetime.fromisoformat(value.replace(" ", "T"))
    return parsed.replace(tzinfo=ZoneInfo("Europe/Berlin")).isoformat()


def test_json_ld_values_come_from_the_items_source_files(site_output):
    by_url = {d["url"].removeprefix(PREVIEW_SITE): d
              for d in (blocks(p)[0] for p in item_pages(site_output).values())}
    assert set(by_url) == SITE_ITEM_URLS
    by_headline = {d["headline"]: d for d in by_url.values()}
    sources = [f for f in SITE.rglob("*.md") if "pages" not in f.parts]
    assert len(sources) == len(SITE_ITEM_URLS)
    for source in sources:
        header = header_of(source)
        data = by_headline[header["Title"]]
        assert data["description"] == header["Summary"], source
        assert data["datePublished"] == iso(header["Date"]), source
        assert data["dateModified"] == iso(header.get("Modified", header["Date"])), source
        assert ("image" in data) == ("Image" in header), source
        if "Image" in header:
            assert data["image"]["url"] == f"{PREVIEW_SITE}/{header['Image']}"
    # Written down from the fixture: Date 2025-06-01 09:00, Modified 2025-06-02 10:30 (CEST).
    short = by_url["/pressemitteilungen/2025/kurze-adresse/"]
    assert (short["datePublished"], short["dateModified"]) == (
        "2025-06-01T09:00:00+02:00", "2025-06-02T10:30:00+02:00")


@pytest.mark.parametrize("build_name", ["site_output", "sample_output"])
def test_home_page_describes_the_site_and_its_search(build_name, request):
    output = request.getfixturevalue(build_name)
    [data] = blocks(page(output, "/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "WebSite"
    assert data["name"] == page(output, "/").select_one(".site-header__name").get_text()
    assert data["url"] == PREVIEW_SITE + "/"
    assert data["inLanguage"] == "de"
    assert data["potentialAction"] == {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint",
                   "urlTemplate": PREVIEW_SITE + "/suche/?q={search_term_string}"},
        "query-input": "required name=search_term_string"}
    assert page(output, "/suche/").select_one('input[name="q"]')
    assert_urls_lead_to_written_files(data, output, PREVIEW_SITE)


def test_only_item_pages_and_the_home_page_have_json_ld(site_output):
    with_data = {f.relative_to(site_output).as_posix() for f in site_output.rglob("*.html")
                 if blocks(soup(f))}
    assert with_data == {"index.html"} | {u.strip("/") + "/index.html" for u in SITE_ITEM_URLS}


def test_withheld_items_in_preview_builds_have_no_json_ld(preview_output):
    withheld = [d for d in item_pages(preview_output).values()
                if d.select_one(".status-banner")]
    assert len(withheld) >= 3
    assert all(blocks(d) == [] for d in withheld)


@pytest.mark.parametrize("value", [
    HOSTILE_TITLE, HOSTILE_SUMMARY, "</script>", "<!--", "a\u2028b\u2029c", "\"'&<>",
    "</ScRiPt\t>", "<![CDATA[", "\\u003c",
])
def test_serialised_json_round_trips_and_cannot_end_the_block(value):
    text = str(json_ld({"headline": value}))
    assert json.loads(text) == {"headline": value}
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    item = (f"Title: {HOSTILE_TITLE}\nDate: 2025-12-01 10:00\nTags: KI\n"
            f"Summary: {HOSTILE_SUMMARY}\n\nText.\n")
    notice = (f"Title: {HOSTILE_TITLE}\nDate: 2025-12-02\nTags: KI\nSummary: {HOSTILE_SUMMARY}\n"
              f"Committee: Jugendhilfeausschuss\nMeeting: 2025-12-20\n\nText.\n")
    root = tmp_path_factory.mktemp("hostile-jsonld")
    result, output = production_build(root, {
        "pressemitteilungen/hostile_title.md": item,
        "ausschussmitteilungen/hostile_title.md": notice})
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def hostile_preview(hostile_output):
    """The same content as a preview build: its pages link the server they are served from."""
    root = hostile_output.parent
    return build(root / "content", root / "preview")


def test_hostile_titles_stay_data_in_the_json_ld(hostile_output):
    hostile = {path: d for path, d in item_pages(hostile_output).items()
               if d.select_one("h1.item__title").get_text() == HOSTILE_TITLE}
    assert len(hostile) == 2
    types = set()
    for path, document in hostile.items():
        data = assert_item_data(path, document, hostile_output, PRODUCTION_SITE)
        assert (data["headline"], data["description"]) == (HOSTILE_TITLE, HOSTILE_SUMMARY)
        types.add(data["@type"])
        html = (hostile_output / path).read_text(encoding="utf-8")
        start = html.index('<script type="application/ld+json">')
        block = html[start:html.index("</script>", start)]
        assert "<!--" not in block and "\u2028" not in block and "<" not in block[1:]
        assert html.count("<script") == 1  # the data block; no injected script element
    assert types == {"NewsArticle", "Report"}


def test_json_ld_causes_no_csp_violation_in_chromium(tab, hostile_preview):
    [path] = [p for p, d in item_pages(hostile_preview).items()
              if d.select_one("h1.item__title").get_text() == HOSTILE_TITLE
              and "pressemitteilungen" in p]
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    violations = CspViolations(tab)
    with serve(hostile_preview) as url:
        tab.goto(f"{url}/{path.removesuffix('index.html')}")
        parsed = tab.locator('script[type="application/ld+json"]').evaluate_all(
            "blocks => blocks.map(b => JSON.parse(b.textContent).headline)")
        scripts = tab.locator("script").count()
    assert parsed == [HOSTILE_TITLE]
    assert scripts == 1
    assert violations.all == [] and dialogs == []
