"""Search: the Pagefind index after a real build, and the search page in real Chromium."""

import gzip
import json
import re
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from browser import ConsoleErrors
from search_index.plugin import index_site
from support import MARKERS, SITE, SITE_ITEM_URLS, TOPIC_MEMBERS, build

PAGEFIND_SIGNATURE = b"pagefind_dcd"
# Written down from the fixtures: the items with "Kinderschutz" in their text (the title); a
# topic alone is not indexed text. And what "Kindern" finds: "Kinder", and "Kinderschutz".
KINDERSCHUTZ_UND_KI = "/pressemitteilungen/2025/kinderschutz-und-ki/"
# The text version of files/bericht.pdf ("Bericht zum Kinderschutz 2025"), which the item
# kurze-adresse (topic KI) attaches: filters art Dokument, thema KI, jahr 2025.
BERICHT_TEXT_VERSION = "/dokumente/bericht/"
TITLES_WITH_KINDERSCHUTZ = {KINDERSCHUTZ_UND_KI, BERICHT_TEXT_VERSION,
                            "/ausschussmitteilungen/2025/bericht-zum-kinderschutz/"}
FOUND_FOR_KINDERN = TITLES_WITH_KINDERSCHUTZ | {
    "/pressemitteilungen/2025/spielplatz-an-der-suedstrasse-eroeffnet/"}
TOPIC_LABELS = {"kinderschutz": "Kinderschutz", "ki": "KI", "finanzierung": "Finanzierung",
                "fruehe-hilfen": "Frühe Hilfen", "digitalisierung": "Digitalisierung"}


def fragments(output):
    """Every page record of the index, decompressed (url, filters, meta, content)."""
    records = []
    for file in (output / "pagefind/fragment").glob("*.pf_fragment"):
        data = gzip.decompress(file.read_bytes())
        assert data.startswith(PAGEFIND_SIGNATURE)
        records.append(json.loads(data[len(PAGEFIND_SIGNATURE):]))
    return records


def test_index_holds_exactly_the_public_items_and_pages(preview_output):
    urls = {record["url"] for record in fragments(preview_output)}
    # no list, draft, hidden or embargoed item, nor the text version of nur-fuer-sperrfrist.pdf
    # (only an embargoed item uses it); the text version of bericht.pdf (a public item's)
    assert urls == SITE_ITEM_URLS | {"/impressum/", "/ueber-uns/", BERICHT_TEXT_VERSION}
    entry = json.loads((preview_output / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["de"]["page_count"] == len(urls)


def test_filters_hold_every_used_topic_with_its_count(preview_output):
    counts = Counter(t for r in fragments(preview_output) for t in r["filters"].get("thema", []))
    expected = {TOPIC_LABELS[key]: len(slugs) for key, slugs in TOPIC_MEMBERS.items() if slugs}
    expected["KI"] += 1  # the text version of bericht.pdf has its item's topic
    assert dict(counts) == expected


def test_type_year_filters_and_result_metadata(preview_output):
    records = {r["url"]: r for r in fragments(preview_output)}
    notice = records["/ausschussmitteilungen/2025/bericht-zum-kinderschutz/"]
    assert notice["filters"]["art"] == ["Ausschussmitteilung"]
    assert notice["filters"]["jahr"] == ["2025"]
    assert notice["meta"] == {"title": "Bericht zum Kinderschutz", "art": "Ausschussmitteilung",
                              "datum": "20. Januar 2025"}
    assert records["/impressum/"]["filters"] == {"art": ["Seite"]}


def test_only_main_content_is_indexed(preview_output):
    record = next(r for r in fragments(preview_output) if r["url"].endswith("/kurze-mitteilung/"))
    for outside in ("Zum Inhalt springen", "Hauptnavigation", "Rathausplatz", "Veröffentlicht"):
        assert outside not in record["content"]


def test_drafts_hidden_and_embargoed_items_are_not_in_the_index(preview_output):
    for file in (preview_output / "pagefind").rglob("*"):
        if file.is_file() and file.suffix.startswith(".pf_"):
            data = gzip.decompress(file.read_bytes()).decode("utf-8", "replace")
            for marker in MARKERS:
                assert marker.lower() not in data.lower(), (marker, file)


def test_a_rebuild_removes_the_old_index_first(tmp_path):
    stale = tmp_path / "pagefind" / "fragment" / "stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    (tmp_path / "index.html").write_text(
        '<html lang="de"><body><main data-pagefind-body><h1>Kinder</h1></main></body></html>')
    index_site(tmp_path, "pagefind")
    assert not stale.exists()
    assert (tmp_path / "pagefind/pagefind.js").is_file()


def test_indexing_can_be_switched_off_for_quick_previews(tmp_path):
    output = build(SITE, tmp_path / "out", SEARCH={"enabled": False})
    assert not (output / "pagefind").exists()
    assert (output / "suche/index.html").is_file()


# --- In the browser --------------------------------------------------------------------

def search_page(tab, url, query_string):
    errors = ConsoleErrors(tab)
    tab.goto(f"{url}/suche/?{query_string}")
    wait_for_search(tab)
    return errors


def wait_for_search(tab):
    """The page marks the search area aria-busy while it searches."""
    tab.locator('[data-search][aria-busy="false"]').wait_for(state="attached")


def result_urls(tab):
    return [urlparse(h).path for h in tab.locator(".search__title a").evaluate_all(
        "links => links.map(a => a.href)")]


def test_german_stemming_finds_kinder_when_searching_kindern(tab, preview_url):
    errors = search_page(tab, preview_url, "q=Kindern")
    assert "/pressemitteilungen/2025/spielplatz-an-der-suedstrasse-eroeffnet/" in result_urls(tab)
    source = SITE / "pressemitteilungen/2025/press_release_mentioning_only_kinder.md"
    assert "Kindern" not in source.read_text(encoding="utf-8")
    assert tab.locator("#suchbegriff").input_value() == "Kindern"
    assert errors.messages == []


def test_result_count_is_announced_in_a_live_region(tab, preview_url):
    search_page(tab, preview_url, "q=Kindern")
    status = tab.locator("[data-search-status]")
    assert status.get_attribute("role") == "status"
    assert set(result_urls(tab)) == FOUND_FOR_KINDERN
    assert status.inner_text() == f"{len(FOUND_FOR_KINDERN)} Ergebnisse für „Kindern“"
    first = tab.locator(".search__result").first
    assert first.locator(".search__meta").inner_text().startswith((
        "Pressemitteilung", "Ausschuss", "Dokument zu: "))
    assert first.locator(".search__excerpt mark").count() >= 1


def test_choosing_a_topic_filter_narrows_the_results(tab, preview_url):
    errors = search_page(tab, preview_url, "q=Kindern")
    assert set(result_urls(tab)) == FOUND_FOR_KINDERN
    option = tab.get_by_role("group", name="Thema").get_by_label(re.compile(r"^KI \("))
    announced = int(re.search(r"\((\d+)\)", option.locator("..").inner_text()).group(1))
    option.check()
    tab.locator("[data-search-status]", has_text="gefiltert").wait_for()
    wait_for_search(tab)
    # Of the four, only "Kinderschutz und KI" and the text version of bericht.pdf (its item's
    # topic) carry the topic KI; the option said so.
    assert set(result_urls(tab)) == {KINDERSCHUTZ_UND_KI, BERICHT_TEXT_VERSION}
    assert announced == 2
    assert parse_qs(urlparse(tab.url).query) == {"q": ["Kindern"], "thema": ["KI"]}
    assert errors.messages == []


def test_filter_from_the_url_alone_lists_that_topic_newest_first(tab, preview_url):
    search_page(tab, preview_url, "thema=Fr%C3%BChe+Hilfen")
    assert tab.get_by_label(re.compile(r"^Frühe Hilfen \(")).is_checked()
    slugs = [u.rstrip("/").rsplit("/", 1)[1] for u in result_urls(tab)]
    assert slugs == ["kurze-mitteilung", "foerderung-fuer-familien-groessere-zuschuesse-ab-maerz"]


@pytest.mark.parametrize("marker", MARKERS)
def test_withheld_items_are_never_found(tab, preview_url, marker):
    search_page(tab, preview_url, f"q={marker}")
    assert result_urls(tab) == []
    assert tab.locator("[data-search-status]").inner_text().startswith("Keine Ergebnisse")


def test_header_search_box_submits_to_the_search_page(tab, preview_url):
    errors = ConsoleErrors(tab)
    tab.goto(f"{preview_url}/themen/")
    tab.get_by_role("search").get_by_label("Suchbegriff").fill("Spielplatz")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/suche/?q=Spielplatz")
    tab.locator(".search__result").first.wait_for()
    assert result_urls(tab)[0].endswith("/spielplatz-an-der-suedstrasse-eroeffnet/")
    assert errors.messages == []


def focused(tab, expression):
    """A property of the focused element, e.g. "id" or "checked"."""
    return tab.evaluate(f"() => document.activeElement.{expression}")


def press_tab_until(tab, selector, limit):
    """Presses Tab until the focused element matches `selector`, at most `limit` times."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} presses of Tab did not reach {selector}")


def test_search_works_with_the_keyboard_alone(tab, preview_url):
    """Home → header search → /suche/ → a topic filter → a result, by keyboard only."""
    errors = ConsoleErrors(tab)
    tab.goto(f"{preview_url}/")
    press_tab_until(tab, ".site-header [role=search] input[name=q]", limit=3)
    tab.keyboard.type("Kinderschutz")
    assert (focused(tab, "id"), focused(tab, "value")) == ("kopf-suche", "Kinderschutz")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/suche/?q=Kinderschutz")
    wait_for_search(tab)
    assert set(result_urls(tab)) == TITLES_WITH_KINDERSCHUTZ
    status = tab.locator("[role=status][data-search-status]")
    assert status.inner_text() == "3 Ergebnisse für „Kinderschutz“"
    press_tab_until(tab, "input[type=checkbox][name=thema][value=KI]", limit=30)
    assert focused(tab, "checked") is False
    tab.keyboard.press("Space")
    status.filter(has_text="gefiltert").wait_for()
    wait_for_search(tab)
    assert (focused(tab, "value"), focused(tab, "checked")) == ("KI", True)
    assert status.inner_text() == "2 Ergebnisse für „Kinderschutz“, gefiltert"
    assert set(result_urls(tab)) == {KINDERSCHUTZ_UND_KI, BERICHT_TEXT_VERSION}
    assert parse_qs(urlparse(tab.url).query) == {"q": ["Kinderschutz"], "thema": ["KI"]}
    press_tab_until(tab, f'.search__title a[href$="{KINDERSCHUTZ_UND_KI}"]', limit=15)
    assert focused(tab, "pathname") == KINDERSCHUTZ_UND_KI
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**{KINDERSCHUTZ_UND_KI}")
    assert tab.locator("h1").inner_text() == "Kinderschutz und KI"
    assert errors.messages == []


def test_without_javascript_the_page_points_to_topics_archive_and_lists(browser, preview_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{preview_url}/suche/?q=Kinder")
    fallback = tab.locator("[data-search-fallback]")
    assert fallback.is_visible()
    assert "JavaScript" in fallback.inner_text()
    links = fallback.locator("a").evaluate_all("links => links.map(a => a.pathname)")
    assert links == ["/themen/", "/archiv/", "/pressemitteilungen/", "/ausschussmitteilungen/"]
    context.close()
