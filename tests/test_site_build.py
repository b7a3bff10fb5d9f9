"""Real builds of the fixture site: URLs, topics, dates, item fields, other trees."""


import pytest
from pypdf import PdfReader
from support import (
    FIXTURES,
    SITE,
    SITE_ITEM_URLS,
    TOPIC_MEMBERS,
    all_pages_of,
    build,
    executable_scripts,
    item_links,
    page,
    run_pelican,
    soup,
)

PRESS = "/pressemitteilungen"
NOTICES = "/ausschussmitteilungen"

EXPECTED_ITEMS = SITE_ITEM_URLS


def test_items_live_at_type_year_and_german_ascii_slug(site_output):
    written = {
        "/" + str(p.parent.relative_to(site_output)) + "/"
        for folder in ("pressemitteilungen", "ausschussmitteilungen")
        for p in (site_output / folder).glob("*/*/index.html")
    }
    assert written == EXPECTED_ITEMS


@pytest.mark.parametrize("url", [
    "/", f"{PRESS}/", f"{NOTICES}/", "/themen/", "/themen/ki/", "/themen/digitalisierung/",
    "/archiv/", "/archiv/2024/", "/archiv/2025/", "/impressum/", "/404.html",
])
def test_every_url_kind_exists_with_german_html(site_output, url):
    document = page(site_output, url)
    assert document.html["lang"] == "de"
    assert document.select_one("main h1").get_text(strip=True)


def test_type_lists_hold_exactly_their_type(site_output):
    press = {link for p in all_pages_of(site_output, f"{PRESS}/") for link in item_links(p)}
    notices = {link for p in all_pages_of(site_output, f"{NOTICES}/") for link in item_links(p)}
    assert press == {u for u in EXPECTED_ITEMS if u.startswith(PRESS)}
    assert notices == {u for u in EXPECTED_ITEMS if u.startswith(NOTICES)}


@pytest.fixture(scope="module")
def paginated_output(tmp_path_factory):
    """Two items per page, so that every topic with three items spans two pages."""
    return build(SITE, tmp_path_factory.mktemp("paginated") / "output", DEFAULT_PAGINATION=2)


@pytest.mark.parametrize("topic", sorted(TOPIC_MEMBERS))
def test_each_topic_page_lists_exactly_its_items_across_pagination(paginated_output, topic):
    pages = all_pages_of(paginated_output, f"/themen/{topic}/")
    links = [link for p in pages for link in item_links(p)]
    assert len(links) == len(set(links))
    assert {link.rstrip("/").rsplit("/", 1)[1] for link in links} == TOPIC_MEMBERS[topic]
    assert len(pages) == max(1, -(-len(TOPIC_MEMBERS[topic]) // 2))


def test_second_pages_use_the_german_seite_pattern(paginated_output):
    assert (paginated_output / "themen/ki/seite/2/index.html").is_file()
    assert (paginated_output / "pressemitteilungen/seite/2/index.html").is_file()
    assert (paginated_output / "pressemitteilungen/seite/3/index.html").is_file()


# The fixture items newest first, written down from their files' Date headers.
PRESS_NEWEST_FIRST = [
    f"{PRESS}/2025/meldung-ohne-jahresordner/",  # 2025-09-30
    f"{PRESS}/2025/spielplatz-an-der-suedstrasse-eroeffnet/",  # 2025-08-01 10:00
    f"{PRESS}/2025/kurze-adresse/",  # 2025-06-01 09:00
    f"{PRESS}/2025/mit-bom-und-crlf/",  # 2025-05-05
    f"{PRESS}/2025/kinderschutz-und-ki/",  # 2025-03-14 11:15
    f"{PRESS}/2024/forderung-fuer-familien-groessere-zuschuesse-ab-maerz/",  # 2024-02-08
    f"{PRESS}/2024/foerderung-fuer-familien-groessere-zuschuesse-ab-maerz/",  # 2024-02-07
]
NOTICES_NEWEST_FIRST = [
    f"{NOTICES}/2025/kurze-mitteilung/",  # 2025-04-02
    f"{NOTICES}/2025/bericht-zum-kinderschutz/",  # 2025-01-20
]


def test_lists_are_newest_first(site_output):
    assert item_links(page(site_output, f"{PRESS}/")) == PRESS_NEWEST_FIRST
    assert item_links(page(site_output, f"{NOTICES}/")) == NOTICES_NEWEST_FIRST


def test_topic_index_lists_every_topic_with_description_and_count(site_output):
    entries = page(site_output, "/themen/").select(".topic-index__item")
    by_key = {e.select_one("a")["href"]: e for e in entries}
    assert set(by_key) == {f"/themen/{key}/" for key in TOPIC_MEMBERS}
    assert "3 Veröffentlichungen" in by_key["/themen/ki/"].get_text()
    assert "noch nichts" in by_key["/themen/digitalisierung/"].get_text()
    assert "0 Veröffentlichungen" in by_key["/themen/digitalisierung/"].get_text()


def test_aliases_and_case_resolve_to_one_topic_each(site_output):
    item = page(site_output, f"{PRESS}/2025/kinderschutz-und-ki/")
    topics = [(a["href"], a.get_text()) for a in item.select(".item__meta .topic-list a")]
    assert topics == [("/themen/kinderschutz/", "Kinderschutz"), ("/themen/ki/", "KI")]


def test_press_release_shows_kicker_german_date_time_and_contact(site_output):
    item = page(site_output, f"{PRESS}/2025/kinderschutz-und-ki/")
    assert item.select_one(".item__kicker").get_text(strip=True) == "Dachzeile der Meldung"
    published = item.select_one(".item__meta time")
    assert published.get_text() == "14. März 2025, 11:15 Uhr"
    assert published["datetime"] == "2025-03-14T11:15+01:00"
    assert "Pressestelle der Stadt Musterstadt" in item.select_one(".press-contact").get_text()


def test_press_release_with_own_contact_modified_date_and_attachment(site_output):
    item = page(site_output, f"{PRESS}/2025/kurze-adresse/")
    assert "Frau Beispiel" in item.select_one(".press-contact").get_text()
    assert "2. Juni 2025, 10:30 Uhr" in item.select_one(".item__meta").get_text()
    link = item.select_one(".attachments a")
    assert link["href"] == "/files/bericht.pdf"
    size = (SITE / "files/bericht.pdf").stat().st_size  # 1–10 KB: one decimal, comma
    pages = len(PdfReader(SITE / "files/bericht.pdf").pages)
    assert f"(PDF, {size / 1000:.1f} KB, {pages} Seiten)".replace(".", ",") in item.select_one(
        ".attachments").get_text(" ", strip=True)
    assert (site_output / "files/bericht.pdf").is_file()
    figure = item.select_one(".item__figure")
    assert figure.img["src"] == "/images/netzwerk.svg"
    assert figure.img["alt"] == "Schaubild des Netzwerks"
    assert figure.figcaption.get_text() == "Grafik: Pressestelle"
    meta = item.select_one(".item__meta").get_text(" ", strip=True)
    assert "Verfasst von Erika Beispiel" in meta
    internal = item.select_one(".item__body a")
    assert internal["href"] == f"{NOTICES}/2025/bericht-zum-kinderschutz/"


def test_committee_notice_shows_committee_meeting_reference_and_signatory(site_output):
    item = page(site_output, f"{NOTICES}/2025/bericht-zum-kinderschutz/")
    assert item.select_one(".item__type").get_text(strip=True) == (
        "Mitteilung für den Jugendhilfeausschuss am 7. Februar 2025")
    meta = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in item.select(".item__meta dt")}
    assert meta["Ausschuss"] == "Jugendhilfeausschuss"
    assert meta["Sitzung"] == "7. Februar 2025"
    assert meta["Drucksache"] == "JHA/2025/001"
    assert "Erika Beispiel, Beigeordnete" in item.select_one(".item__signatory").get_text()


def test_notice_without_optional_fields_leaves_them_out(site_output):
    item = page(site_output, f"{NOTICES}/2025/kurze-mitteilung/")
    assert "Drucksache" not in item.select_one(".item__meta").get_text()
    assert item.select_one(".item__signatory") is None


def test_year_archive_holds_everything_of_that_year(site_output):
    links = {link for p in all_pages_of(site_output, "/archiv/2024/") for link in item_links(p)}
    assert links == {u for u in EXPECTED_ITEMS if "/2024/" in u}
    years = [a.get_text() for a in page(site_output, "/archiv/").select(".archive-years a")]
    assert years == ["2025", "2024"]


def test_home_shows_latest_of_each_type_and_the_topics(site_output):
    home = page(site_output, "/")
    sections = home.select(".home-section")
    assert item_links(sections[0]) == PRESS_NEWEST_FIRST[:5]  # HOME_LATEST_COUNT
    assert item_links(sections[1]) == NOTICES_NEWEST_FIRST
    assert {a["href"] for a in sections[2].select(".topic-grid a")} == {
        f"/themen/{key}/" for key in TOPIC_MEMBERS}


def test_static_page_at_its_slug_and_linked_from_the_footer(site_output):
    assert page(site_output, "/impressum/").select_one("h1").get_text() == "Impressum"
    description = page(site_output, "/ueber-uns/").select_one('meta[name="description"]')
    assert description["content"] == "Pressemitteilungen und Mitteilungen für den " \
        "Jugendhilfeausschuss", "a page without Summary falls back to the site's subtitle"
    footer_links = [a["href"] for a in page(site_output, "/").select(".service-nav a")]
    assert footer_links == ["/feeds/", "/impressum/"]


def test_every_page_has_skip_link_landmarks_and_no_inline_script(site_output):
    for file in site_output.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        assert '<a class="skip-link" href="#inhalt">' in html, file
        assert '<main id="inhalt"' in html and "<footer" in html and "<nav" in html, file
        assert "style=" not in html, file
        for script in executable_scripts(soup(file), file):
            assert script.get("src", "").startswith("/theme/") and not script.string, file


def test_a_second_content_tree_builds_from_the_command_line(tmp_path):
    output = tmp_path / "out"
    result = run_pelican(str(FIXTURES / "other_site"), "-s", "publishconf.py", "-o", str(output))
    assert result.returncode == 0, result.stderr + result.stdout
    assert (output / "themen/sport-und-bewegung/index.html").is_file()
    item = output / "pressemitteilungen/2023/neue-sporthalle-fuer-jugendliche/index.html"
    assert item.is_file()
    assert (output / "kontakt/index.html").is_file()
    assert not (output / "themen/kinderschutz").exists()


def test_publish_settings_use_the_production_site_url(published_output):
    home = page(published_output, "/")
    assert home.select_one('link[rel="canonical"]')["href"].startswith("https://")
    assert home.select_one(".teaser__title a")["href"].startswith("https://")
