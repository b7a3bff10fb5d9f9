"""Feeds (RSS 2.0 and Atom) and the meeting calendar, from real builds."""

import itertools
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from feeds.html import absolute_html
from icalendar import Calendar
from lxml import etree
from support import (
    FIXTURES,
    MARKERS,
    SITE,
    SITE_ITEM_URLS,
    TOPIC_MEMBERS,
    build,
    copy_site,
    page,
    site_with_withheld_items,
)

ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    """The fixture site plus a draft, a hidden and two embargoed items (development build)."""
    root = tmp_path_factory.mktemp("feeds")
    return build(site_with_withheld_items(root / "content"), root / "output")


def feed_files(output):
    return sorted((output / "feeds").rglob("*.xml"))


def rss(output, key):
    return etree.parse(str(output / f"feeds/{key}.rss.xml")).getroot()


def atom(output, key):
    return etree.parse(str(output / f"feeds/{key}.atom.xml")).getroot()


def test_every_expected_feed_exists_in_both_formats(output):
    keys = {"alle", "pressemitteilungen", "ausschussmitteilungen"} | {
        f"themen/{key}" for key in ("kinderschutz", "ki", "finanzierung", "fruehe-hilfen",
                                    "digitalisierung")}
    for key in keys:
        assert (output / f"feeds/{key}.rss.xml").is_file(), key
        assert (output / f"feeds/{key}.atom.xml").is_file(), key
    assert len(feed_files(output)) == 2 * len(keys)


def test_feedparser_reads_every_feed_without_errors(output):
    for file in feed_files(output):
        parsed = feedparser.parse(file.read_bytes())
        assert parsed.bozo == 0, (file, parsed.get("bozo_exception"))
        assert parsed.version in ("rss20", "atom10"), file


def test_rss_channel_has_absolute_self_link_and_page_link(output):
    channel = rss(output, "themen/ki").find("channel")
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == f"{BASE}/feeds/themen/ki.rss.xml"
    assert self_link.get("type") == "application/rss+xml"
    assert channel.findtext("link") == f"{BASE}/themen/ki/"
    assert channel.findtext("language") == "de"


def test_atom_feed_has_its_own_self_link_id_and_alternate(output):
    root = atom(output, "pressemitteilungen")
    self_link = root.find("a:link[@rel='self']", ATOM_NS)
    assert self_link.get("href") == f"{BASE}/feeds/pressemitteilungen.atom.xml"
    assert self_link.get("type") == "application/atom+xml"
    alternate = root.find("a:link[@rel='alternate']", ATOM_NS)
    assert alternate.get("href") == f"{BASE}/pressemitteilungen/"
    assert root.findtext("a:id", namespaces=ATOM_NS) == f"{BASE}/feeds/pressemitteilungen.atom.xml"
    assert root.findtext("a:author/a:name", namespaces=ATOM_NS) == "Jugendamt Musterstadt"


def test_ids_are_unique_tag_uris(output):
    for file in feed_files(output):
        root = etree.parse(str(file)).getroot()
        ids = [e.text for e in root.iter("guid", "{http://www.w3.org/2005/Atom}id")
               if e.getparent().tag in ("item", "{http://www.w3.org/2005/Atom}entry")]
        assert len(ids) == len(set(ids)), file
        assert all(re.fullmatch(r"tag:[a-z.]+,\d{4}-\d{2}-\d{2}:\S+\.md", i) for i in ids), ids


def test_every_feed_has_what_the_w3c_validator_requires(output):
    """The feedvalidator's rules for required elements, links and enclosures."""
    for file in feed_files(output):
        root = etree.parse(str(file)).getroot()
        if file.name.endswith(".atom.xml"):
            for name in ("title", "id", "updated", "author/a:name"):
                assert root.find(f"a:{name}", ATOM_NS) is not None, (file, name)
            links = root.findall("a:link", ATOM_NS)
            pairs = [(link.get("rel"), link.get("type")) for link in links]
            assert len(pairs) == len(set(pairs)) and ("self", "application/atom+xml") in pairs
            for entry in root.findall("a:entry", ATOM_NS):
                for name in ("title", "id", "updated", "published", "summary", "content"):
                    assert entry.find(f"a:{name}", ATOM_NS) is not None, (file, name)
                alternates = [link for link in entry.findall("a:link", ATOM_NS)
                              if link.get("rel", "alternate") == "alternate"]
                assert len(alternates) == 1, file
        else:
            channel = root.find("channel")
            assert all(channel.findtext(n) for n in ("title", "link", "description")), file
            for item in channel.findall("item"):
                assert all(item.findtext(n) for n in ("title", "link", "guid", "pubDate")), file
                assert len(item.findall("enclosure")) <= 1, file


def test_rss_guids_are_not_permalinks(output):
    for guid in rss(output, "alle").iter("guid"):
        assert guid.get("isPermaLink") == "false"


def entries_by_link(root):
    return {e.find("a:link", ATOM_NS).get("href"): e.findtext("a:id", namespaces=ATOM_NS)
            for e in root.findall("a:entry", ATOM_NS)}


def test_entry_id_survives_a_title_and_slug_edit(tmp_path):
    first = build(SITE, tmp_path / "first")
    content = copy_site(tmp_path / "content")
    source = content / "pressemitteilungen/2025/press_release_with_alias_and_case_tags.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Title: Kinderschutz und KI", "Title: Kinderschutz und KI (korrigiert)\nSlug: neu"),
        encoding="utf-8")
    second = build(content, tmp_path / "second")
    press = f"{BASE}/pressemitteilungen/2025"
    before = entries_by_link(atom(first, "alle"))[f"{press}/kinderschutz-und-ki/"]
    after = entries_by_link(atom(second, "alle"))[f"{press}/neu/"]
    assert before == after


def test_attachments_are_enclosures_with_type_and_length_in_both_formats(output):
    size = str((SITE / "files/bericht.pdf").stat().st_size)
    url = f"{BASE}/files/bericht.pdf"
    enclosures = rss(output, "alle").findall(".//item/enclosure")
    assert [(e.get("url"), e.get("length"), e.get("type")) for e in enclosures] == [
        (url, size, "application/pdf")]
    links = atom(output, "alle").findall(".//a:entry/a:link[@rel='enclosure']", ATOM_NS)
    assert [(e.get("href"), e.get("length"), e.get("type")) for e in links] == [
        (url, size, "application/pdf")]


def test_atom_entries_have_no_enclosure_disguised_as_alternate_link(output):
    """feedgen 1.0 drops rel/type/length of entry links: an attachment must not appear
    as a plain <link href> (which readers take for the entry's web page)."""
    for entry in atom(output, "alle").findall("a:entry", ATOM_NS):
        plain = [link for link in entry.findall("a:link", ATOM_NS) if link.get("rel") is None]
        assert len(plain) == 1 and not plain[0].get("href").endswith(".pdf")


def test_entries_are_newest_first_with_berlin_offsets(output):
    published = [parsedate_to_datetime(e.text) for e in rss(output, "alle").iter("pubDate")]
    assert published == sorted(published, reverse=True)
    assert {re.search(r"[+-]\d{4}$", e.text).group() for e in rss(output, "alle").iter("pubDate")} \
        <= {"+0100", "+0200"}
    atom_times = [e.text for e in atom(output, "alle").iter("{http://www.w3.org/2005/Atom}published")]
    assert atom_times == sorted(atom_times, reverse=True)
    assert all(t.endswith(("+01:00", "+02:00")) for t in atom_times)
    winter = [t for t in atom_times if t.startswith("2025-03-14")]
    assert winter == ["2025-03-14T11:15:00+01:00"]


# Per feed: the fixture file and header field holding the newest time of its public items.
# The embargoed notice (2099, Kinderschutz) of the withheld files must not count.
NEWEST_IN_FEED = {
    "alle": ("pressemitteilungen/press_release_outside_year_folder.md", "Date"),
    "pressemitteilungen": ("pressemitteilungen/press_release_outside_year_folder.md", "Date"),
    "ausschussmitteilungen": (
        "ausschussmitteilungen/committee_notice_without_optional_fields.md", "Date"),
    "themen/kinderschutz": ("pressemitteilungen/press_release_outside_year_folder.md", "Date"),
    # Its Date (2025-06-01) is older than the Date of another KI item; its Modified is not.
    "themen/ki": (
        "pressemitteilungen/2025/press_release_with_explicit_slug_and_attachment.md", "Modified"),
    "themen/finanzierung": (
        "pressemitteilungen/2025/press_release_mentioning_only_kinder.md", "Date"),
    "themen/fruehe-hilfen": (
        "ausschussmitteilungen/committee_notice_without_optional_fields.md", "Date"),
    # An empty feed takes the site's newest time.
    "themen/digitalisierung": ("pressemitteilungen/press_release_outside_year_folder.md", "Date"),
}
NEWER = FIXTURES / "newer"
NEWER_ITEM = "pressemitteilungen/2025/press_release_newer_than_every_other_item.md"


def header_time(file, name):
    """A `Date`/`Modified` header value of a fixture file as Berlin time."""
    header = itertools.takewhile(str.strip, file.read_text(encoding="utf-8-sig").splitlines())
    value = dict(line.split(": ", 1) for line in header)[name]
    pattern = "%Y-%m-%d %H:%M" if " " in value else "%Y-%m-%d"
    return datetime.strptime(value, pattern).replace(tzinfo=ZoneInfo("Europe/Berlin"))


def expected_updated(key):
    source, name = NEWEST_IN_FEED[key]
    return header_time(SITE / source, name)


def updated_times(output, key):
    """The Atom feed's `updated` and the RSS channel's `lastBuildDate`, as ISO 8601 strings."""
    atom_updated = atom(output, key).findtext("a:updated", namespaces=ATOM_NS)
    last_build = rss(output, key).findtext("channel/lastBuildDate")
    return (datetime.fromisoformat(atom_updated).isoformat(),
            parsedate_to_datetime(last_build).isoformat())


def test_the_expected_updated_times_cover_every_feed(output):
    keys = {file.relative_to(output / "feeds").as_posix().removesuffix(".rss.xml")
            for file in feed_files(output) if file.name.endswith(".rss.xml")}
    assert keys == set(NEWEST_IN_FEED)


@pytest.mark.parametrize("key", sorted(NEWEST_IN_FEED))
def test_feed_updated_is_the_newest_date_or_modified_of_its_items(output, key):
    expected = expected_updated(key).isoformat()
    assert updated_times(output, key) == (expected, expected)


def test_a_newer_item_moves_updated_of_its_feeds_and_of_the_empty_topic(tmp_path):
    output = build(copy_site(tmp_path / "content", NEWER_ITEM, cases_from=NEWER),
                   tmp_path / "output")
    newer = header_time(NEWER / NEWER_ITEM, "Date").isoformat()
    assert newer.endswith("+01:00")
    moved = {"alle", "pressemitteilungen", "themen/ki", "themen/digitalisierung"}
    for key in NEWEST_IN_FEED:
        expected = newer if key in moved else expected_updated(key).isoformat()
        assert updated_times(output, key) == (expected, expected), key


def test_a_correction_moves_updated_of_the_feeds_that_carry_the_item(tmp_path):
    content = copy_site(tmp_path / "content")
    source = content / "ausschussmitteilungen/committee_notice_without_optional_fields.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Date: 2025-04-02", "Date: 2025-04-02\nModified: 2025-10-15 12:00"), encoding="utf-8")
    output = build(content, tmp_path / "output")
    corrected = header_time(source, "Modified").isoformat()
    # The empty topic feed takes the site's newest change, corrections included.
    for key in ("alle", "ausschussmitteilungen", "themen/fruehe-hilfen", "themen/digitalisierung"):
        assert updated_times(output, key) == (corrected, corrected), key
    for key in ("pressemitteilungen", "themen/ki", "themen/kinderschutz", "themen/finanzierung"):
        expected = expected_updated(key).isoformat()
        assert updated_times(output, key) == (expected, expected), key


def test_atom_entry_updated_is_modified_and_published_is_date(output):
    source = SITE / NEWEST_IN_FEED["themen/ki"][0]
    entry = next(e for e in atom(output, "alle").findall("a:entry", ATOM_NS)
                 if e.find("a:link", ATOM_NS).get("href").endswith("/kurze-adresse/"))
    assert entry.findtext("a:published", namespaces=ATOM_NS) == header_time(
        source, "Date").isoformat()
    assert entry.findtext("a:updated", namespaces=ATOM_NS) == header_time(
        source, "Modified").isoformat()


def test_content_is_full_html_with_absolute_links(output):
    for entry in atom(output, "alle").findall("a:entry", ATOM_NS):
        html = BeautifulSoup(entry.findtext("a:content", namespaces=ATOM_NS), "html.parser")
        assert html.find("p"), "full content, not only the summary"
        for element in html.select("[href], [src]"):
            assert (element.get("href") or element.get("src")).startswith("http"), element
    kurze = [e for e in atom(output, "alle").findall("a:entry", ATOM_NS)
             if e.find("a:link", ATOM_NS).get("href").endswith("/kurze-adresse/")][0]
    content = kurze.findtext("a:content", namespaces=ATOM_NS)
    assert f'href="{BASE}/ausschussmitteilungen/2025/bericht-zum-kinderschutz/"' in content
    assert f'href="{BASE}/files/bericht.pdf"' in content
    assert f'<img alt="Schaubild des Netzwerks" src="{BASE}/images/netzwerk.svg"/>' in content
    assert "<figcaption>Grafik: Pressestelle</figcaption>" in content


def test_topics_are_categories_with_the_topic_scheme(output):
    entry = [e for e in atom(output, "alle").findall("a:entry", ATOM_NS)
             if e.find("a:link", ATOM_NS).get("href").endswith("/kinderschutz-und-ki/")][0]
    categories = [(c.get("term"), c.get("label"), c.get("scheme"))
                  for c in entry.findall("a:category", ATOM_NS)]
    assert categories == [("kinderschutz", "Kinderschutz", f"{BASE}/themen/"),
                          ("ki", "KI", f"{BASE}/themen/")]
    item = [i for i in rss(output, "alle").iter("item")
            if i.findtext("link").endswith("/kinderschutz-und-ki/")][0]
    assert [c.text for c in item.findall("category")] == ["Kinderschutz", "KI"]


@pytest.mark.parametrize("topic", sorted(TOPIC_MEMBERS))
def test_topic_feed_holds_exactly_that_topics_items(output, topic):
    for paths in item_paths(output, f"themen/{topic}"):  # RSS, then Atom
        assert {path.rstrip("/").rsplit("/", 1)[1] for path in paths} == TOPIC_MEMBERS[topic]


def item_paths(output, key):
    """The item URLs (paths) of a feed: (RSS items, Atom entries)."""
    rss_links = [link.text for link in rss(output, key).findall("channel/item/link")]
    atom_links = [e.find("a:link", ATOM_NS).get("href")
                  for e in atom(output, key).findall("a:entry", ATOM_NS)]
    return ({link.removeprefix(BASE) for link in rss_links},
            {link.removeprefix(BASE) for link in atom_links})


@pytest.mark.parametrize("folder", ["pressemitteilungen", "ausschussmitteilungen"])
def test_type_feeds_hold_exactly_the_public_items_of_their_type(output, folder):
    expected = {url for url in SITE_ITEM_URLS if url.startswith(f"/{folder}/")}
    assert item_paths(output, folder) == (expected, expected)


def test_the_site_feed_holds_exactly_the_public_items(output):
    assert item_paths(output, "alle") == (SITE_ITEM_URLS, SITE_ITEM_URLS)


def test_drafts_hidden_and_embargoed_items_appear_in_no_feed_or_calendar(output):
    files = feed_files(output) + [output / "termine/jugendhilfeausschuss.ics"]
    for file in files:
        text = file.read_text(encoding="utf-8")
        for marker in MARKERS:
            assert marker not in text, (marker, file)
    # …while the preview build does show the embargoed item's own page:
    preview = output / "pressemitteilungen/2099/sperrfrist-schwalbenschwanz/index.html"
    assert "Schwalbenschwanz" in preview.read_text(encoding="utf-8")


def test_max_entries_limits_every_feed_to_the_newest(tmp_path):
    output = build(SITE, tmp_path / "out", FEEDS={"max_entries": 2})
    links = [e.text for e in rss(output, "alle").iter("link")][1:]
    assert links == [f"{BASE}/pressemitteilungen/2025/meldung-ohne-jahresordner/",
                     f"{BASE}/pressemitteilungen/2025/spielplatz-an-der-suedstrasse-eroeffnet/"]


def test_an_unchanged_site_gives_byte_identical_feeds(tmp_path):
    first, second = build(SITE, tmp_path / "a"), build(SITE, tmp_path / "b")
    for file in feed_files(first):
        assert file.read_bytes() == (second / file.relative_to(first)).read_bytes(), file
    ics = "termine/jugendhilfeausschuss.ics"
    assert (first / ics).read_bytes() == (second / ics).read_bytes()


def test_production_feeds_use_the_site_url(published_output):
    root = rss(published_output, "alle")
    assert root.find("channel/{http://www.w3.org/2005/Atom}link").get("href") == (
        "https://jugendamt.musterstadt.example/feeds/alle.rss.xml")


def alternate_links(document):
    return [(link["type"], link["href"]) for link in document.select('head link[rel="alternate"]')]


def test_every_page_advertises_the_site_wide_feeds(output):
    for file in output.rglob("*.html"):
        links = alternate_links(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser"))
        assert ("application/rss+xml", "/feeds/alle.rss.xml") in links, file
        assert ("application/atom+xml", "/feeds/alle.atom.xml") in links, file


@pytest.mark.parametrize(("url", "key"), [
    ("/themen/ki/", "themen/ki"),
    ("/pressemitteilungen/", "pressemitteilungen"),
    ("/ausschussmitteilungen/", "ausschussmitteilungen"),
])
def test_topic_and_type_pages_advertise_their_own_feeds_first_and_visibly(output, url, key):
    document = page(output, url)
    assert alternate_links(document)[:2] == [("application/rss+xml", f"/feeds/{key}.rss.xml"),
                                             ("application/atom+xml", f"/feeds/{key}.atom.xml")]
    box = document.select_one(".subscribe")
    assert box.find("h2").get_text() == "Feed abonnieren"
    assert box.select_one(f'a[href="/feeds/{key}.rss.xml"]')


def test_feeds_page_links_every_feed_and_the_calendar(output):
    document = page(output, "/feeds/")
    linked = {a["href"] for a in document.select("main a")}
    for file in feed_files(output):
        assert "/" + file.relative_to(output).as_posix() in linked, file
    assert "/termine/jugendhilfeausschuss.ics" in linked
    assert document.select_one("h1").get_text() == "Feeds (RSS und Atom)"


def test_calendar_has_one_all_day_event_per_meeting(output):
    calendar = Calendar.from_ical((output / "termine/jugendhilfeausschuss.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [date(2025, 2, 7), date(2025, 4, 16)]
    assert [e.decoded("dtend") for e in events] == [date(2025, 2, 8), date(2025, 4, 17)]
    assert {str(e["summary"]) for e in events} == {"Sitzung Jugendhilfeausschuss"}
    assert f"{BASE}/ausschussmitteilungen/2025/bericht-zum-kinderschutz/" in str(
        events[0]["description"])
    assert "Bericht zum Kinderschutz" in str(events[0]["description"])
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 2 and all(u.endswith("@jugendamt.musterstadt.example") for u in uids)
    assert calendar["version"] == "2.0" and calendar["prodid"]


def test_calendar_is_linked_from_the_notice_list_and_every_notice(output):
    calendar = "/termine/jugendhilfeausschuss.ics"
    assert page(output, "/ausschussmitteilungen/").select_one(f'a[href="{calendar}"]')
    notices = [url for url in SITE_ITEM_URLS if url.startswith("/ausschussmitteilungen/")]
    assert len(notices) == 2
    for url in notices:
        assert page(output, url).select_one(f'a[href="{calendar}"]'), url


def test_entry_ids_are_valid_uris_also_for_non_ascii_file_names():
    from datetime import datetime
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from feeds.building import Site, entry_id

    site = Site(BASE, "S", "A", "a@b.example", "jugendamt.example", "themen/")
    item = SimpleNamespace(relative_source_path="pressemitteilungen/2025/Förderung neu.md",
                           date=datetime(2025, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    assert entry_id(item, site) == (
        "tag:jugendamt.example,2025-03-01:pressemitteilungen/2025/F%C3%B6rderung%20neu.md")


def test_absolute_html_resolves_links_images_and_srcset():
    html = ('<p><a href="/a/">x</a> <a href="#f">y</a> <a href="mailto:m@x.de">m</a>'
            '<img src="../b.png" srcset="/c.png 1x, /d.png 2x" alt=""></p>')
    result = BeautifulSoup(absolute_html(html, "https://s.example/p/q/"), "html.parser")
    hrefs = [a["href"] for a in result.find_all("a")]
    assert hrefs == ["https://s.example/a/", "https://s.example/p/q/#f", "mailto:m@x.de"]
    image = result.find("img")
    assert image["src"] == "https://s.example/p/b.png"
    assert image["srcset"] == "https://s.example/c.png 1x, https://s.example/d.png 2x"
