"""Drafts and embargoed items never leak; every build reports what it withholds.
(A failed build leaving the previous site as it was: tests/test_atomic_output.py.)"""

import shutil

import pytest
from content_model.problems import ContentError
from support import (
    INVALID,
    MARKERS,
    ROOT,
    build,
    page,
    readable,
    run_pelican,
    site_with_withheld_items,
)

UNPUBLISHED = ("Zitronenfalter", "Schwalbenschwanz", "Trauermantel")  # draft + embargoed
HIDDEN = "Admiral"
HIDDEN_PAGE = "pressemitteilungen/2025/versteckt-admiral/index.html"
# The hidden page as nginx may serve it: the file and its precompressed copies.
HIDDEN_PAGE_FILES = {HIDDEN_PAGE, f"{HIDDEN_PAGE}.gz", f"{HIDDEN_PAGE}.br"}
assert set(UNPUBLISHED) | {HIDDEN} == set(MARKERS)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """A production build from the command line, as the server runs it."""
    root = tmp_path_factory.mktemp("production")
    content = site_with_withheld_items(root / "content")
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(root / "output"))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "output"


def test_drafts_and_embargoed_items_appear_in_no_output_file(production):
    files = [f for f in production.rglob("*") if f.is_file()]
    assert any(f.name == "sitemap.xml" for f in files)
    assert any(f.suffix == ".pf_fragment" for f in files)
    assert any(f.suffix == ".br" for f in files)  # read decompressed, like the .gz files
    for file in files:
        text = readable(file)
        for marker in UNPUBLISHED:
            assert marker.lower() not in text.lower(), (marker, file)


def test_hidden_item_is_only_at_its_own_address(production):
    assert (production / HIDDEN_PAGE).is_file()
    for file in production.rglob("*"):
        if file.is_file() and file.relative_to(production).as_posix() not in HIDDEN_PAGE_FILES:
            assert HIDDEN.lower() not in readable(file).lower(), file


def test_attachments_of_embargoed_items_are_kept_back(production, preview_output):
    assert not (production / "files/nur-fuer-sperrfrist.pdf").exists()
    assert (production / "files/bericht.pdf").is_file()
    assert (preview_output / "files/nur-fuer-sperrfrist.pdf").is_file()


def test_preview_shows_drafts_and_embargoed_items_with_a_banner(preview_output):
    embargoed = page(preview_output, "/pressemitteilungen/2099/sperrfrist-schwalbenschwanz/")
    banner = embargoed.select_one(".status-banner").get_text(" ", strip=True)
    assert banner.startswith("Sperrfrist bis 14. März 2099, 11:15 Uhr")
    draft = page(preview_output, "/entwurf/pressemitteilungen/2025/entwurf-zitronenfalter/")
    assert draft.select_one(".status-banner").get_text(" ", strip=True).startswith("Entwurf")
    listed = page(preview_output, "/pressemitteilungen/").select_one(".status-badge")
    assert listed.get_text() == "Sperrfrist bis 14. März 2099, 11:15 Uhr"
    published = page(preview_output, "/pressemitteilungen/2025/kurze-adresse/")
    assert published.select_one(".status-banner") is None


def test_every_build_reports_what_it_publishes_and_withholds(tmp_path, capsys):
    build(site_with_withheld_items(tmp_path / "content"), tmp_path / "out", conf="publishconf.py")
    report = capsys.readouterr().out
    assert "Veröffentlicht: 7 Pressemitteilungen, 2 Ausschussmitteilungen, 2 Seiten\n" in report
    assert "Zurückgehalten (4):" in report
    assert "embargoed_with_marker.md: Sperrfrist bis 14. März 2099, 11:15 Uhr" in report
    assert "embargoed_notice_with_marker.md: Sperrfrist bis 1. März 2099" in report
    assert "draft_with_marker.md: Entwurf" in report
    assert "hidden_with_marker.md: versteckt" in report


def test_a_published_item_may_not_link_to_an_embargoed_one_in_production(tmp_path):
    content = site_with_withheld_items(tmp_path / "content")
    case = "pressemitteilungen/links_to_embargoed_item.md"
    shutil.copy(INVALID / case, content / case)
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "published", conf="publishconf.py")
    assert [str(p).split(": ", 1)[0] for p in caught.value.problems] == [f"{content / case}:6"]
    assert "noch nicht erscheint (Sperrfrist bis 14. März 2099, 11:15 Uhr)" in str(
        caught.value.problems[0])
    build(content, tmp_path / "preview")  # the preview shows both, so the link works there


def test_summary_counts_use_singular_and_plural_labels():
    from datetime import datetime
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from content_model import model
    from publication.policy import PublicationPolicy
    from publication.summary import build_summary

    now = datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Berlin"))
    published = datetime(2025, 1, 1, tzinfo=ZoneInfo("Europe/Berlin"))
    contents = [SimpleNamespace(doctype=model.PAGE, status="published", source_path="p.md"),
                *[SimpleNamespace(doctype=model.PRESS_RELEASE, status="published", date=published,
                                  source_path=f"{n}.md") for n in range(2)]]
    summary = build_summary(contents, PublicationPolicy("production", now))
    assert summary == "Veröffentlicht: 2 Pressemitteilungen, 1 Seite"
