"""Findings of the third breaker review: each test states the promise and fails while
the finding stands. The preview build (pelicanconf.py, as `make build`/`make serve`) may
show drafts and embargoed items in pages and lists, but "feeds, calendar, search and
sitemap never contain them" (README, publication plugin).
"""

from __future__ import annotations

from pathlib import Path

from support import files_mentioning, item_text, production_build


def preview_build(tmp_path: Path, files: dict[str, str]):
    """The fixture site plus `files`, built with pelicanconf.py (the preview build)."""
    return production_build(tmp_path, files, conf="pelicanconf.py")


def feeds_calendar_search_sitemap(output: Path, marker: str) -> list[str]:
    return [f for f in files_mentioning(output, marker)
            if f.startswith(("feeds/", "termine/", "pagefind/")) or f == "sitemap.xml"]


# --- 1. Preview feeds carry the address (= slug = title) of a draft or embargoed item ---
# A published item linking a draft page or an embargoed item with {filename} is fine in
# preview (the link leads to /entwurf/… or the banner page), but the feeds plugin copies
# the item's HTML, link included, into every feed: the draft's address, which spells its
# title, is in alle.rss.xml, alle.atom.xml, the type and topic feeds of the preview.


def test_preview_feeds_do_not_carry_the_address_of_a_linked_draft(tmp_path):
    result, output = preview_build(tmp_path, {
        "pages/geheimseite.md": "Title: Geheimseite Aurorafalter\nStatus: draft\n\nText.\n",
        "pressemitteilungen/linker.md": item_text(
            "Verlinkt Seite", "2025-06-01", "Siehe [Seite]({filename}/pages/geheimseite.md)."),
    })
    assert result.returncode == 0, result.stderr
    assert feeds_calendar_search_sitemap(output, "aurorafalter") == []


def test_preview_feeds_do_not_carry_the_address_of_a_linked_embargoed_item(tmp_path):
    result, output = preview_build(tmp_path, {
        "pressemitteilungen/geheim.md": item_text("Geheimprojekt Zebrafisch", "2099-01-01 10:00",
                                             "Sperrfrist."),
        "pressemitteilungen/linker.md": item_text(
            "Verlinkt Meldung", "2025-06-01", "Siehe [Meldung]({filename}geheim.md)."),
    })
    assert result.returncode == 0, result.stderr
    assert feeds_calendar_search_sitemap(output, "zebrafisch") == []


# --- 2. The preview sitemap lists the year archive only embargoed items create -------------
# sitemap lists "the public pages the build wrote"; in preview /archiv/2099/ is written
# only because of an embargoed item and is listed, announcing it (production writes no
# such page).


def test_preview_sitemap_lists_no_archive_page_of_only_embargoed_items(tmp_path):
    result, output = preview_build(tmp_path, {
        "pressemitteilungen/geheim.md": item_text("Geheimprojekt Zebrafisch", "2099-01-01 10:00",
                                             "Sperrfrist."),
    })
    assert result.returncode == 0, result.stderr
    assert "/archiv/2099/" not in (output / "sitemap.xml").read_text(encoding="utf-8")

