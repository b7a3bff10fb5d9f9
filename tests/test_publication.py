"""The publication policy: one clock per build, embargoes to the minute (also at midnight
and across both clock changes), files of withheld items, links to withheld items,
translations off, the sitemap, and header values continued on a second line."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from content_model.problems import ContentError
from lxml import etree
from pdfs import untagged_with_marker
from support import (
    ROOT,
    SITE,
    build,
    copy_site,
    files_mentioning,
    page,
    run_pelican,
    site_with_withheld_items,
)

TOPICS = '[ki]\nlabel = "KI"\ndescription = "Künstliche Intelligenz."\n'
NO_SEARCH = {"SEARCH": {"enabled": False}}


def tiny_tree(root, **items):
    """A content tree with topics.toml and the given press releases (name -> text)."""
    root.mkdir(parents=True)
    (root / "topics.toml").write_text(TOPICS, encoding="utf-8")
    for name, text in items.items():
        path = root / "pressemitteilungen" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def item(title, date, body="Text.", **fields):
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return (f"Title: {title}\nDate: {date}\nTags: KI\nSummary: Kurzfassung.\n{extra}\n"
            f"{body}\n")


def production_at(moment_utc, content, output):
    with time_machine.travel(moment_utc, tick=False):
        build(content, output, conf="publishconf.py", **NO_SEARCH)
    return output


# (item Date as the editor writes it, build time in UTC, published?)
EMBARGO_TIMES = [
    ("2026-03-14", datetime(2026, 3, 13, 22, 59, tzinfo=UTC), False),  # 23:59 CET the day before
    ("2026-03-14", datetime(2026, 3, 13, 23, 1, tzinfo=UTC), True),  # 00:01 CET on the day
    ("2026-06-10 10:00", datetime(2026, 6, 10, 7, 59, tzinfo=UTC), False),  # 09:59 CEST
    ("2026-06-10 10:00", datetime(2026, 6, 10, 8, 1, tzinfo=UTC), True),  # 10:01 CEST
    # Summer time begins 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00 UTC).
    ("2026-03-29 03:00", datetime(2026, 3, 29, 0, 59, tzinfo=UTC), False),  # 01:59 CET
    ("2026-03-29 03:00", datetime(2026, 3, 29, 1, 1, tzinfo=UTC), True),  # 03:01 CEST
    # Summer time ends 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:xx twice.
    ("2026-10-25 03:00", datetime(2026, 10, 25, 1, 59, tzinfo=UTC), False),  # 2nd 02:59 CET
    ("2026-10-25 03:00", datetime(2026, 10, 25, 2, 1, tzinfo=UTC), True),  # 03:01 CET
    ("2026-10-25 01:59", datetime(2026, 10, 24, 23, 58, tzinfo=UTC), False),  # 01:58 CEST
    ("2026-10-25 01:59", datetime(2026, 10, 25, 0, 0, tzinfo=UTC), True),  # 02:00 CEST
]


@pytest.mark.parametrize(("date", "moment", "published"), EMBARGO_TIMES,
                         ids=[f"{d}@{m:%Y-%m-%dT%H:%MZ}" for d, m, _ in EMBARGO_TIMES])
def test_an_embargo_ends_at_its_minute_whatever_the_clock_change(tmp_path, date, moment,
                                                                 published):
    content = tiny_tree(tmp_path / "content", sperrfrist=item("Sperrfrist Pfauenauge", date))
    output = production_at(moment, content, tmp_path / "output")
    year = date[:4]
    assert (output / f"pressemitteilungen/{year}/sperrfrist-pfauenauge/index.html").is_file() \
        is published
    feed = (output / "feeds/alle.atom.xml").read_text(encoding="utf-8")
    assert ("Pfauenauge" in feed) is published
    assert ("sperrfrist-pfauenauge" in (output / "sitemap.xml").read_text()) is published


def test_summary_and_preview_banner_show_the_release_time_also_at_midnight(tmp_path, capsys):
    content = tiny_tree(tmp_path / "content", mitternacht=item("Mitternacht", "2026-03-14"))
    production_at(datetime(2026, 3, 13, 12, tzinfo=UTC), content, tmp_path / "output")
    assert "mitternacht.md: Sperrfrist bis 14. März 2026, 00:00 Uhr" in capsys.readouterr().out
    with time_machine.travel(datetime(2026, 3, 13, 12, tzinfo=UTC), tick=False):
        preview = build(content, tmp_path / "preview", **NO_SEARCH)
    banner = page(preview, "/pressemitteilungen/2026/mitternacht/").select_one(".status-banner")
    assert banner.get_text(" ", strip=True).startswith("Sperrfrist bis 14. März 2026, 00:00 Uhr")


def test_the_clock_can_be_set_to_see_what_a_build_then_would_publish(tmp_path):
    content = tiny_tree(tmp_path / "content", spaeter=item("Später Pfauenauge", "2030-01-01"))
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"), "-e",
                         'PUBLICATION={"mode": "production", "now": "2030-01-01 00:01"}',
                         'SEARCH={"enabled": false}')
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out/pressemitteilungen/2030/spaeter-pfauenauge/index.html").is_file()


@pytest.mark.parametrize(("date", "message"), [
    ("2026-03-29 02:30", "„2026-03-29 02:30“ gibt es nicht"),
    ("2026-10-25 02:30", "„2026-10-25 02:30“ ist nicht eindeutig"),
])
def test_a_local_time_the_clock_change_skips_or_repeats_is_an_error(tmp_path, date, message):
    content = tiny_tree(tmp_path / "content", zeitumstellung=item("Zeitumstellung", date))
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "out", **NO_SEARCH)
    assert [(p.line, p.message.startswith(message)) for p in caught.value.problems] == [(2, True)]


def test_same_title_in_two_years_gives_two_items_and_no_translation_pairs(tmp_path):
    content = tiny_tree(tmp_path / "content",
                        erste=item("Jahresbericht Jugendhilfe", "2024-05-01"),
                        zweite=item("Jahresbericht Jugendhilfe", "2025-05-01"))
    output = build(content, tmp_path / "out", conf="publishconf.py", **NO_SEARCH)
    for year in ("2024", "2025"):
        assert (output / f"pressemitteilungen/{year}/jahresbericht-jugendhilfe").is_dir()
    files = [f for f in output.rglob("*") if f.suffix in (".html", ".xml")]
    assert not [f for f in files if "hreflang" in f.read_text(encoding="utf-8")]
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("/jahresbericht-jugendhilfe/</loc>") == 2


def sitemap_locations(output):
    tree = etree.parse(str(output / "sitemap.xml"))
    return {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}


def test_the_sitemap_is_right_in_every_build_of_one_process(tmp_path):
    broken = copy_site(tmp_path / "broken", "pressemitteilungen/unknown_topic.md")
    with pytest.raises(ContentError):
        build(broken, tmp_path / "first", conf="publishconf.py", **NO_SEARCH)
    output = build(site_with_withheld_items(tmp_path / "content"), tmp_path / "second",
                   conf="publishconf.py", **NO_SEARCH)
    locations = sitemap_locations(output)
    site = "https://jugendamt.musterstadt.example"
    assert f"{site}/pressemitteilungen/2025/kurze-adresse/" in locations
    assert f"{site}/themen/ki/" in locations and f"{site}/" in locations
    assert not [loc for loc in locations if "admiral" in loc or "sperrfrist" in loc
                or "entwurf" in loc or "/suche/" in loc or "404" in loc]


def test_the_preview_sitemap_lists_no_withheld_item(preview_output):
    locations = sitemap_locations(preview_output)
    assert (preview_output / "pressemitteilungen/2099/sperrfrist-schwalbenschwanz").is_dir()
    assert not [loc for loc in locations if "sperrfrist" in loc or "entwurf" in loc
                or "admiral" in loc]


EMBARGOED_BODY_LINK = item("Sperrfrist Distelfalter", "2099-01-01",
                           "[Plan]({static}/files/nur-im-text-der-sperrfrist.pdf)")
PUBLISHED_LINKS_HELD_FILE = item("Heute mit Anhang", "2025-01-01",
                                 "[Bericht]({static}/files/nur-fuer-sperrfrist.pdf)")


def test_a_file_linked_only_from_an_embargoed_body_is_kept_back(tmp_path):
    content = site_with_withheld_items(tmp_path / "content")
    (content / "files/nur-im-text-der-sperrfrist.pdf").write_bytes(
        untagged_with_marker("Distelfalter"))
    (content / "pressemitteilungen/embargoed_body_link.md").write_text(EMBARGOED_BODY_LINK,
                                                                        encoding="utf-8")
    output = build(content, tmp_path / "out", conf="publishconf.py", **NO_SEARCH)
    assert not (output / "files/nur-im-text-der-sperrfrist.pdf").exists()
    assert files_mentioning(output, "Distelfalter") == []
    preview = build(content, tmp_path / "preview", **NO_SEARCH)
    assert (preview / "files/nur-im-text-der-sperrfrist.pdf").is_file()


def test_a_file_a_published_item_links_is_published_even_if_an_embargoed_one_attaches_it(
        tmp_path):
    content = site_with_withheld_items(tmp_path / "content")
    (content / "pressemitteilungen/published_links_held_file.md").write_text(
        PUBLISHED_LINKS_HELD_FILE, encoding="utf-8")
    output = build(content, tmp_path / "out", conf="publishconf.py", **NO_SEARCH)
    assert (output / "files/nur-fuer-sperrfrist.pdf").is_file()
    link = page(output, "/pressemitteilungen/2025/heute-mit-anhang/").select_one(".item__body a")
    assert link["href"].endswith("/files/nur-fuer-sperrfrist.pdf")


@pytest.mark.parametrize(("body", "line", "message"), [
    ("Absatz.\n\nSiehe [hier](/pressemitteilungen/2099/sperrfrist-schwalbenschwanz/).", 8,
     "Der Link auf /pressemitteilungen/2099/sperrfrist-schwalbenschwanz/ zeigt auf eine "
     "Veröffentlichung, die noch nicht erscheint (embargoed_with_marker.md: Sperrfrist bis "),
    ("Absatz.\n\nEin [toter Link](/gibt-es-nicht/) im Text.", 8,
     "Der Link auf /gibt-es-nicht/ führt ins Leere"),
])
def test_a_written_link_to_a_withheld_or_missing_page_fails_the_build(tmp_path, body, line,
                                                                      message):
    content = site_with_withheld_items(tmp_path / "content")
    case = content / "pressemitteilungen/literal_link.md"
    case.write_text(item("Mit Link", "2025-02-02", body), encoding="utf-8")
    output = tmp_path / "out"
    with pytest.raises(ContentError) as caught:
        build(content, output, conf="publishconf.py", **NO_SEARCH)
    assert [(p.path, p.line) for p in caught.value.problems] == [(str(case), line)]
    assert caught.value.problems[0].message.startswith(message)
    assert not output.exists(), "the new site never went live"


def test_header_values_continued_on_a_second_line_work_end_to_end(tmp_path):
    text = ("Title: Ein Titel, der im Editor\n    umgebrochen wurde\nDate: 2025-03-03\n"
            "Tags: KI,\n    Kinderschutz\nSummary: Eine Kurzfassung, die ebenfalls\n"
            "    auf zwei Zeilen steht.\n\nText.\n")
    content = copy_site(tmp_path / "content")
    (content / "pressemitteilungen/continued_header_values.md").write_text(text, encoding="utf-8")
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    item_page = page(tmp_path / "out",
                     "/pressemitteilungen/2025/ein-titel-der-im-editor-umgebrochen-wurde/")
    assert item_page.h1.get_text() == "Ein Titel, der im Editor umgebrochen wurde"
    assert [a.get_text() for a in item_page.select(".item__meta .topic-list a")] == [
        "KI", "Kinderschutz"]
    feed = (tmp_path / "out/feeds/alle.atom.xml").read_text(encoding="utf-8")
    assert "<title>Ein Titel, der im Editor umgebrochen wurde</title>" in feed
    assert "Eine Kurzfassung, die ebenfalls auf zwei Zeilen steht." in feed


def test_a_date_continued_on_a_second_line_is_an_error_at_its_line(tmp_path):
    content = tiny_tree(tmp_path / "content", datum=(
        "Title: Datum umgebrochen\nDate: 2025-03-03\n    10:00\nTags: KI\nSummary: S.\n\nText.\n"))
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "out", **NO_SEARCH)
    assert [p.line for p in caught.value.problems] == [2]
    assert "ist kein gültiges Datum" in caught.value.problems[0].message


@pytest.mark.parametrize("name", ["meldung.html", "meldung.htm", "meldung.rst"])
def test_files_another_pelican_reader_would_read_are_errors_naming_the_file(tmp_path, name):
    content = copy_site(tmp_path / "content")
    case = content / "pressemitteilungen" / name
    case.write_text("<html><head><title>T</title></head><body>x</body></html>\n",
                    encoding="utf-8")
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{case}:1: Nur Markdown-Dateien (.md) werden veröffentlicht" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_page_that_cannot_be_rendered_is_reported_with_its_file_not_a_traceback(tmp_path):
    import shutil

    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates/pressemitteilung.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block after_body %}", "{% block after_body %}{{ article.title / 0 }}"),
        encoding="utf-8")
    result = run_pelican(str(SITE), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"), "-e", f'THEME="{theme}"')
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert re.search(r"^\S*tests/content/site/pressemitteilungen/\S+\.md:1: Das Erzeugen der "
                     r"Seite pressemitteilungen/\d{4}/[a-z-]+/index\.html ist mit einem "
                     r"unerwarteten Fehler abgebrochen \(TypeError", output, re.MULTILINE), output
    assert not (tmp_path / "out").exists()


def test_editor_backups_next_to_items_are_neither_read_nor_reported(tmp_path):
    content = copy_site(tmp_path / "content")
    folder = content / "pressemitteilungen"
    for name in ("kita.md~", "#kita.md#", ".kita.md.swp", "~$bericht.docx"):
        (folder / name).write_text("Title: Kopie Ringelnatter\n\n<script>alert(1)</script>\n")
    output = build(content, tmp_path / "out", **NO_SEARCH)
    assert not [f for f in output.rglob("*") if f.is_file() and b"Ringelnatter" in f.read_bytes()]
