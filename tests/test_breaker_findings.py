"""Findings of the breaker review: each test states the promise and fails while the
finding stands. Every test builds a copy of the fixture site plus a few hostile or
careless files with the production settings, from the command line (as `make publish`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from support import ROOT, SITE, files_mentioning, production_build, run_pelican

# --- 1. Header smuggling: Python's str.splitlines() vs Python-Markdown's meta ----------
# content_model.header.read_source splits the file with str.splitlines(), which also
# breaks lines at U+2028, U+2029, U+0085, \x0b, \x0c, \x1c-\x1e. Python-Markdown (and so
# Pelican) splits only at \n / \r. The checker and Pelican read different headers.


def test_status_draft_after_unicode_line_separator_is_not_published(tmp_path):
    """An editor (VS Code shows U+2028 as a line break) marks an item as draft; the checker
    sees `Status: draft`, Pelican sees it as part of the summary and publishes the draft
    everywhere (page, lists, feeds, topic page, archive, search)."""
    result, output = production_build(tmp_path, {
        "pressemitteilungen/entwurf.md": (
            "Title: Entwurf Trauermantel\nDate: 2025-03-01\nTags: KI\n"
            "Summary: Noch nicht freigegeben.\u2028Status: draft\n\nGeheimtext Trauermantel.\n"),
    })
    assert files_mentioning(output, "Trauermantel") == [], result.stdout


def test_embargo_date_after_unicode_line_separator_is_not_published(tmp_path):
    """The checker sees `Date: 2099-…` (an embargo); Pelican does not see that line and
    takes the date from the file name (Pelican's default FILENAME_METADATA), so the
    embargoed item is published at once."""
    result, output = production_build(tmp_path, {
        "pressemitteilungen/2025-03-01-sperrfrist.md": (
            "Title: Sperrfrist Zitronenfalter\nTags: KI\n"
            "Summary: Erst 2099.\u2028Date: 2099-01-01 10:00\n\nGeheimtext Zitronenfalter.\n"),
    })
    assert files_mentioning(output, "Zitronenfalter") == [], result.stdout


def test_unknown_field_hidden_behind_control_character_is_rejected(tmp_path):
    """`Title: …\\x1c` + newline: the checker sees a blank line (end of header) and reads
    the next lines as body text; Markdown's meta reads them as fields. `Save_as:` (unknown
    to the content model, known to Pelican) overwrites the home page with the item."""
    result, output = production_build(tmp_path, {
        "pressemitteilungen/startseite.md": (
            "Date: 2025-03-01\nTags: KI\nSummary: S.\nTitle: Uebernahme Admiral\x1c\n"
            "Save_as: index.html\n\nText.\n"),
    })
    assert result.returncode != 0, "build succeeded with a smuggled Save_as field"
    home = output / "index.html"
    assert not home.is_file() or "Admiral" not in home.read_text("utf-8")


# --- 2. Files of withheld items published when their path is not normalised ----------


def test_unnormalised_header_paths_are_errors_and_nothing_leaks(tmp_path):
    """`files/./x.pdf`, `files//x.pdf`, `images/../images/x.svg` once passed the existence
    check but matched no static file in the policy: now they are errors at their lines."""
    result, output = production_build(tmp_path, {
        "pressemitteilungen/sperrfrist.md": (
            "Title: Sperrfrist Schwalbe\nDate: 2099-01-01 10:00\nTags: KI\n"
            "Summary: Geheim.\nAttachments: files/./geheim-a.pdf, files//geheim-b.pdf\n"
            "Image: images/../images/geheim-c.svg\nImageAlt: Bild\n\nText.\n"),
    }, copies={"files/geheim-a.pdf": "files/bericht.pdf",
               "files/geheim-b.pdf": "files/bericht.pdf",
               "images/geheim-c.svg": "images/netzwerk.svg"})
    assert result.returncode == 1
    reported = [line.split("sperrfrist.md:", 1)[1] for line in result.stderr.splitlines()
                if "sperrfrist.md:" in line]
    assert [r.split(": Schreiben Sie den Pfad ohne „./“")[0] for r in reported] == [
        "5: Anhang „files/./geheim-a.pdf“", "5: Anhang „files//geheim-b.pdf“",
        "6: Bild „images/../images/geheim-c.svg“"]
    assert not output.exists()


def test_file_linked_by_an_unnormalised_static_path_of_an_embargoed_item_is_kept_back(
        tmp_path):
    """`{static}/images/./x.svg` in an embargoed body: Pelican copies the file it names
    (under that or its own name) although it cannot resolve the link in the HTML."""
    result, output = production_build(tmp_path, {
        "pressemitteilungen/sperrfrist.md": (
            "Title: Sperrfrist Schwalbe\nDate: 2099-01-01 10:00\nTags: KI\n"
            "Summary: Geheim.\n\n![Bild]({static}/images/./geheim-d.svg)\n"),
    }, copies={"images/geheim-d.svg": "images/netzwerk.svg"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in output.rglob("geheim-*")) == []


# --- 3. Feeds: the absolutising step (feeds/html.py) reads URLs differently ----------
# html_policy resolves href/src with the WHATWG parser, which strips only C0 controls and
# space: "\u00a0javascript:…" is a relative path there. feeds.html._absolute calls
# value.strip() (all Unicode whitespace, so also U+00A0 / &nbsp;) and urljoin, which
# keeps a javascript: URL as it is and makes "//host" another site. "//../../" brings the
# WHATWG path back to the page itself, so the written-link check sees an existing file.

FEED_HOSTILE_ITEM = (
    "Title: Feed Link\nDate: 2025-05-01 10:00\nTags: KI\nSummary: Feed.\n\n"
    'Siehe den <a href="&nbsp;javascript:alert(1)//../../">Bericht</a>.\n\n'
    '<img src="&nbsp;//evil.example/../../../../../../images/netzwerk.svg" alt="Logo">\n'
)


def _feed_entry_html(output: Path) -> str:
    from lxml import etree

    root = etree.parse(str(output / "feeds" / "alle.atom.xml")).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    return "".join(root.xpath("//a:entry[a:title='Feed Link']/a:content/text()",
                              namespaces=ns))


def test_feed_content_has_no_javascript_link_or_foreign_image(tmp_path):
    from ada_url import URL
    from selectolax.lexbor import LexborHTMLParser

    result, output = production_build(tmp_path, {"pressemitteilungen/feed.md": FEED_HOSTILE_ITEM})
    assert result.returncode == 0, result.stdout + result.stderr
    html = _feed_entry_html(output)
    entry_url = "https://jugendamt.musterstadt.example/pressemitteilungen/2025/feed-link/"
    document = LexborHTMLParser(html)
    for node in document.css("a[href], img[src]"):
        value = node.attributes.get("href") or node.attributes.get("src")
        url = URL(value, entry_url)
        assert url.protocol in ("http:", "https:"), value
        if node.tag == "img":
            assert url.host == "jugendamt.musterstadt.example", value


def test_feed_entry_link_runs_no_script_in_chromium(tmp_path, tab):
    """A web feed reader that shows the (publisher-sanitised) entry HTML: one click on the
    link runs the attacker's script."""
    result, output = production_build(tmp_path, {"pressemitteilungen/feed.md": FEED_HOSTILE_ITEM})
    assert result.returncode == 0, result.stdout + result.stderr
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.set_content(f"<main>{_feed_entry_html(output)}</main>")
    tab.click("text=Bericht")
    tab.wait_for_timeout(300)
    assert dialogs == []


# --- 4. Links to withheld items that no check sees -----------------------------------
# publication.withheld_link_problems only knows `{filename}` as written in the source
# (content_model.body_checks.INTERNAL_LINK); Pelican also replaces the `|filename|`
# syntax. The written-site backstop (check_published_links) reads only href and src,
# not cite (nor Pelican's replacement inside other attribute values, e.g. a title that
# contains `data='|filename|…'`).

EMBARGOED_TARGET = (
    "Title: Ruecktritt Trauermantel\nDate: 2099-01-01 10:00\nTags: KI\nSummary: Geheim.\n\n"
    "Text.\n"
)


def test_filename_link_in_cite_to_embargoed_item_is_an_error(tmp_path):
    result, output = production_build(tmp_path, {
        "pressemitteilungen/sperrfrist.md": EMBARGOED_TARGET,
        "pressemitteilungen/oeffentlich.md": (
            "Title: Oeffentlich\nDate: 2025-01-01 10:00\nTags: KI\nSummary: Offen.\n\n"
            '<blockquote cite="|filename|/pressemitteilungen/sperrfrist.md"><p>Zitat</p>'
            "</blockquote>\n"),
    })
    assert files_mentioning(output, "trauermantel") == [], result.stdout


def test_filename_replacement_inside_title_attribute_to_embargoed_item_is_an_error(tmp_path):
    result, output = production_build(tmp_path, {
        "pressemitteilungen/sperrfrist.md": EMBARGOED_TARGET,
        "pressemitteilungen/oeffentlich.md": (
            "Title: Oeffentlich\nDate: 2025-01-01 10:00\nTags: KI\nSummary: Offen.\n\n"
            "<p><abbr title=\"siehe data='|filename|/pressemitteilungen/sperrfrist.md'\">JA"
            "</abbr></p>\n"),
    })
    assert files_mentioning(output, "trauermantel") == [], result.stdout


# --- 5. Withheld file published under a second name (symlink inside the tree) -------


def test_symlink_alias_of_embargoed_attachment_is_kept_back(tmp_path):
    """Links to files inside files/ are allowed; the policy decides per name, so the
    embargoed item's attachment is kept back but its alias (same bytes) is published."""
    content = tmp_path / "content"
    shutil.copytree(SITE, content)
    shutil.copy(content / "files" / "bericht.pdf", content / "files" / "geheim.pdf")
    (content / "files" / "alias.pdf").symlink_to("geheim.pdf")
    (content / "pressemitteilungen" / "sperrfrist.md").write_text(
        "Title: Sperrfrist\nDate: 2099-01-01 10:00\nTags: KI\nSummary: Geheim.\n"
        "Attachments: files/geheim.pdf\n\nText.\n", encoding="utf-8")
    output = tmp_path / "output"
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (output / "files" / "geheim.pdf").exists()
    assert not (output / "files" / "alias.pdf").exists(), "withheld bytes under another name"


# --- 6. Content that ends in a generic crash instead of `path:line: message` ----------


def test_meeting_on_last_representable_day_names_its_file(tmp_path):
    """`Meeting: 9999-12-31` passes validation; meeting_calendar adds one day for DTEND
    (OverflowError) outside any per-file guard: the build stops with a generic line
    that names no file."""
    result, _ = production_build(tmp_path, {
        "ausschussmitteilungen/fern.md": (
            "Title: Ferne Sitzung\nDate: 2025-01-01 10:00\nTags: KI\nSummary: Sitzung.\n"
            "Committee: Jugendhilfeausschuss\nMeeting: 9999-12-31\n\nText.\n"),
    })
    assert result.returncode != 0
    assert "fern.md:6:" in result.stdout + result.stderr, result.stdout + result.stderr


def test_topics_toml_not_utf8_names_its_file(tmp_path):
    """README: non-UTF-8 files are a `path:line: message`; topics.toml in Windows-1252
    ends in 'unerwarteter Fehler (UnicodeDecodeError …)' without the file."""
    result, _ = production_build(tmp_path, {
        "topics.toml": '[ki]\nlabel = "K\xfcnstliche Intelligenz"\ndescription = "x"\n'
                       .encode("cp1252"),
    })
    assert result.returncode != 0
    assert "topics.toml:" in result.stdout + result.stderr, result.stdout + result.stderr


def test_svg_in_unusual_encoding_names_its_file(tmp_path):
    """svg._internal_subset_line: pyexpat raises ValueError (multi-byte encodings such as
    Shift_JIS, UTF-32) or LookupError (unknown names), not ExpatError: the build stopped
    with a generic crash line that named no file. Now it names the SVG and says to save
    it as UTF-8."""
    for number, encoding in enumerate(("Shift_JIS", "x-mac-roman", "UTF-32")):
        result, output = production_build(tmp_path / str(number), {
            "images/grafik.svg": (f'<?xml version="1.0" encoding="{encoding}"?>\n'
                                  '<svg xmlns="http://www.w3.org/2000/svg" width="10" '
                                  'height="10"><rect width="10" height="10"/></svg>\n'),
        })
        reported = result.stdout + result.stderr
        assert result.returncode != 0
        assert f"images/grafik.svg:1: Die SVG-Grafik ist in einer Zeichenkodierung " \
               f"gespeichert, die nicht gelesen und geprüft werden kann (angegeben: " \
               f"„{encoding}“). Speichern Sie sie als SVG in UTF-8" in reported, reported
        assert "Traceback" not in reported and "unerwartet" not in reported, reported
        assert not output.exists()


# --- 7. Files in dot-folders reach the site unchecked through {static} ---------------
# static_files.tree.entries() skips ignored folders (".*") and so never checks what is
# inside; Pelican's StaticGenerator copies every {static} target, testing IGNORE_FILES
# only against the file's own name (generators.Generator._include_path), so
# images/.cache/grafik.svg was copied. Now a {static} link into an ignored folder (or to
# an ignored name) is a problem of the linking file, and such a file is never copied.

DOT_FOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    '<script href="/images/.cache/lade.js"/><script>alert("inline")</script>'
    '<text y="50">Grafik</text></svg>\n'
)
DOT_FOLDER_ITEM = (
    "Title: Grafik\nDate: 2025-01-01 10:00\nTags: KI\nSummary: Grafik.\n\n"
    "Die [Grafik in groß]({static}/images/.cache/grafik.svg) und die "
    "[Daten]({static}/images/.cache/lade.js).\n"
)
NEVER_PUBLISHED = "zeigt auf eine Datei, die nie veröffentlicht wird."


def dot_folder_build(tmp_path: Path):
    return production_build(tmp_path, {
        "images/.cache/grafik.svg": DOT_FOLDER_SVG,
        "images/.cache/lade.js": 'alert("extern")\n',
        "pressemitteilungen/grafik.md": DOT_FOLDER_ITEM,
    })


def published_under(output: Path, marker: str) -> list[str]:
    """Everything of the output folder and the release folders beside it with `marker`
    in its path."""
    folders = [output, *output.parent.glob(f".{output.name}.releases/*")]
    return sorted(p.as_posix() for folder in folders if folder.is_dir()
                  for p in folder.rglob("*") if marker in p.as_posix())


def test_nothing_from_a_dot_folder_is_published(tmp_path):
    result, output = dot_folder_build(tmp_path)
    reported = result.stdout + result.stderr
    assert result.returncode != 0, reported
    for link in ("{static}/images/.cache/grafik.svg", "{static}/images/.cache/lade.js"):
        assert f"pressemitteilungen/grafik.md:6: Der Link „{link}“ {NEVER_PUBLISHED}" \
            in reported, reported
    assert "Verschieben Sie die Datei in einen normalen Ordner unter files/ oder images/" \
        in reported
    assert "Traceback" not in reported
    assert published_under(output, ".cache") == []


def test_nothing_from_a_backup_folder_is_published(tmp_path):
    """The same for a folder that IGNORE_FILES drops as an editor backup (`*~`)."""
    result, output = production_build(tmp_path, {
        "files/alt~/seite.html": '<script>alert("alt")</script>\n',
        "pressemitteilungen/alt.md": (
            "Title: Alt\nDate: 2025-01-01 10:00\nTags: KI\nSummary: Alt.\n\n"
            "Die [alte Seite]({static}/files/alt~/seite.html).\n"),
    })
    reported = result.stdout + result.stderr
    assert result.returncode != 0, reported
    assert ("pressemitteilungen/alt.md:6: Der Link „{static}/files/alt~/seite.html“ "
            f"{NEVER_PUBLISHED}") in reported, reported
    assert "Traceback" not in reported
    assert published_under(output, "alt~") == []
    assert files_mentioning(output, 'alert("alt")') == []


def test_svg_linked_from_an_item_runs_no_script_in_chromium(tmp_path):
    """Served with the site's own CSP as a header (as README asks of the web server), the
    inline script was blocked, but the same-site script file the SVG loads ran in
    Chromium. Acceptable is a build that fails naming the file, or a site on which no
    script runs; the build now fails (the links into images/.cache/ are refused), so
    nothing goes live and there is no page to open in a browser."""
    result, output = dot_folder_build(tmp_path)
    reported = result.stdout + result.stderr
    assert result.returncode != 0, reported
    assert ("pressemitteilungen/grafik.md:6: Der Link „{static}/images/.cache/grafik.svg“ "
            f"{NEVER_PUBLISHED}") in reported, reported
    assert not output.exists(), "nothing may go live"
    assert published_under(output, ".cache") == []
    assert files_mentioning(tmp_path / "output", 'alert("extern")') == []
