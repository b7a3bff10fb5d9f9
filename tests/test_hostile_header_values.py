"""Header values are text in every output: a title or name with `<`, `&`, quotes or
`</script>` never becomes markup in pages, lists, meta tags, feeds or the calendar."""

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from lxml import etree
from support import ROOT, copy_site, executable_scripts, run_pelican

HOSTILE_TITLE = "</title><script>alert(1)</script> \"Zitat\" & 'x' <img src=x onerror=alert(2)>"
HOSTILE = {
    "Subtitle": "<b onmouseover=alert(3)>Dach</b>",
    "Contact": "</p><iframe src=//evil.example></iframe>",
    "Author": "\"><svg onload=alert(4)>",
    "ImageCredit": "Foto: <script>alert(5)</script>",
    "ImageAlt": "\" onerror=\"alert(6)",
}
HOSTILE_SUMMARY = "Zitat \"in Anführungszeichen\" & 'einfach' – {{ 7*7 }} {% raw %}"
NOTICE = {
    "Committee": "Ausschuss </script><script>alert(7)</script>",
    "Reference": "JHA/<u>2025</u>",
    "Signatory": "<a href=javascript:alert(8)>Unterschrift</a>",
}
ITEM_URL = ("pressemitteilungen/2025/"
            "title-script-alert-1-script-zitat-und-x-img-src-x-onerror-alert-2")


def header(values: dict) -> str:
    return "".join(f"{key}: {value}\n" for key, value in values.items())


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = copy_site(root / "content")
    (content / "pressemitteilungen/hostile_header_values.md").write_text(
        f"Title: {HOSTILE_TITLE}\nDate: 2025-12-01 10:00\nTags: KI\nSummary: {HOSTILE_SUMMARY}\n"
        f"Image: images/netzwerk.svg\n{header(HOSTILE)}\nText.\n", encoding="utf-8")
    (content / "ausschussmitteilungen/hostile_notice_values.md").write_text(
        f"Title: {HOSTILE_TITLE}\nDate: 2025-12-02\nTags: KI\nSummary: {HOSTILE_SUMMARY}\n"
        f"Meeting: 2025-12-20\n{header(NOTICE)}\nText.\n", encoding="utf-8")
    output = root / "output"
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_no_page_gets_markup_from_a_header_value(hostile_output):
    pages = list(hostile_output.rglob("*.html"))
    assert len(pages) > 20
    for file in pages:
        document = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        assert not document.find(["iframe", "svg", "img"], src=lambda s: s and "evil" in s)
        for element in document.find_all(True):
            assert not [a for a in element.attrs if a.startswith("on")], (file, element)
            assert not str(element.get("href", "")).startswith("javascript:"), file
        for script in executable_scripts(document, file):
            assert script.get("src", "").startswith("https://jugendamt.musterstadt.example/theme/")
        assert document.find_all("title")[0].get_text().count("<script>") <= 1


def test_every_header_value_appears_as_text_on_the_item_page(hostile_output):
    document = BeautifulSoup((hostile_output / ITEM_URL / "index.html").read_text("utf-8"),
                             "html.parser")
    assert document.h1.get_text() == HOSTILE_TITLE
    assert document.title.get_text().startswith(HOSTILE_TITLE)
    assert document.select_one('meta[property="og:title"]')["content"] == HOSTILE_TITLE
    assert document.select_one('meta[name="description"]')["content"] == HOSTILE_SUMMARY
    text = document.get_text()
    for value in (HOSTILE["Subtitle"], HOSTILE["Contact"], HOSTILE["ImageCredit"]):
        assert value in text
    assert document.select_one(".item__figure img")["alt"] == HOSTILE["ImageAlt"]
    assert HOSTILE["Author"] in document.select_one(".item__meta").get_text()


def test_lists_show_the_title_and_summary_as_text(hostile_output):
    for url in ("index.html", "pressemitteilungen/index.html", "themen/ki/index.html",
                "archiv/2025/index.html"):
        document = BeautifulSoup((hostile_output / url).read_text("utf-8"), "html.parser")
        titles = [a.get_text() for a in document.select(".teaser__title a")]
        assert HOSTILE_TITLE in titles, url
        assert HOSTILE_SUMMARY in [p.get_text() for p in document.select(".teaser__summary")]


def test_the_committee_notice_shows_its_values_as_text(hostile_output):
    notice = next((hostile_output / "ausschussmitteilungen/2025").glob("title-*/index.html"))
    document = BeautifulSoup(notice.read_text("utf-8"), "html.parser")
    text = document.get_text()
    for value in NOTICE.values():
        assert value in text
    assert not document.select("main u, main a[href^=javascript]")


def test_feeds_carry_the_values_as_text(hostile_output):
    namespace = {"a": "http://www.w3.org/2005/Atom"}
    for name in ("alle", "pressemitteilungen", "themen/ki"):
        atom = etree.parse(str(hostile_output / f"feeds/{name}.atom.xml"))
        titles = [t.text for t in atom.iterfind("a:entry/a:title", namespace)]
        assert HOSTILE_TITLE in titles, name
        rss = etree.parse(str(hostile_output / f"feeds/{name}.rss.xml"))
        assert HOSTILE_TITLE in [t.text for t in rss.iterfind("channel/item/title")]
        assert HOSTILE_SUMMARY in [t.text for t in rss.iterfind("channel/item/description")]


def test_the_calendar_carries_the_values_as_text(hostile_output):
    ics = hostile_output / "termine/jugendhilfeausschuss.ics"
    calendar = Calendar.from_ical(ics.read_bytes())
    events = [e for e in calendar.walk("VEVENT") if "alert(7)" in str(e["summary"])]
    assert [str(e["summary"]) for e in events] == [f"Sitzung {NOTICE['Committee']}"]
    assert HOSTILE_TITLE in str(events[0]["description"])
